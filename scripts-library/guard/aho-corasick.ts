/**
 * A small Aho–Corasick automaton over UTF-16 code units (chosen over a library by measurement: tests/bench/HISTORY.md).
 *
 * Layout for speed on Chinese text, where most steps start from the root or fail back to it:
 * - the root's transitions are a flat 64k table, of 16-bit states while there are at most 65,536 (half the
 *   memory of an Int32Array, for a table read on nearly every step);
 * - every other transition lives in one open-addressing hash of (state, code unit) in typed arrays, and each
 *   state has a 32-bit mask of its children's codes
 *   (code mod 32), so most misses are told without touching the hash;
 * - states are numbered so that those where a pattern ends come first: "does anything end here" is one
 *   comparison, and the pattern ids of each state (failure links included) are one flat list.
 */
export class AhoCorasick {
  private readonly root: Uint16Array | Int32Array;
  /** Hash of the non-root transitions: (state, code) → the next state; state 0 marks an empty slot. */
  private readonly fromState: Int32Array;
  private readonly onCode: Uint16Array;
  private readonly values: Int32Array;
  private readonly mask: number;
  /** Per state: bit (code & 31) is set when some child is on such a code. */
  private readonly childBits: Int32Array;
  private readonly fail: Int32Array;
  /** States 1..lastWithOutput are those where a pattern ends. */
  private readonly lastWithOutput: number;
  /** Pattern ids ending at state s: ids[outStart[s] .. outStart[s + 1]). */
  private readonly outStart: Int32Array;
  private readonly outIds: Int32Array;
  readonly lengths: Int32Array;

  constructor(patterns: readonly string[]);
  /** @internal the automaton from its kept parts (AhoCorasick.fromParts) */
  constructor(patterns: null, parts: AutomatonParts);
  constructor(patterns: readonly string[] | null, parts?: AutomatonParts) {
    if (patterns === null) {
      // The fields in the order the build below sets them (one object shape for both).
      const p = parts!;
      this.lengths = p.lengths;
      this.lastWithOutput = p.lastWithOutput;
      this.root = p.states <= 0x10000 ? new Uint16Array(65536) : new Int32Array(65536);
      for (let i = 0; i < p.rootCodes.length; i++) this.root[p.rootCodes[i]!] = p.rootStates[i]!;
      this.fail = p.fail;
      this.childBits = p.childBits;
      this.outStart = p.outStart;
      this.outIds = p.outIds;
      this.mask = p.fromState.length - 1;
      this.fromState = p.fromState;
      this.onCode = p.onCode;
      this.values = p.values;
      return;
    }
    this.lengths = Int32Array.from(patterns, (p) => p.length);
    const { next, rootNext, children, ends, fail } = buildTrie(patterns);
    const states = children.length;

    // Renumber: the root stays 0, then the states with output, then the rest.
    const order = [0];
    for (let s = 1; s < states; s++) if (ends[s]!.length) order.push(s);
    this.lastWithOutput = order.length - 1;
    for (let s = 1; s < states; s++) if (!ends[s]!.length) order.push(s);
    const renumber = new Int32Array(states);
    order.forEach((old, now) => (renumber[old] = now));

    this.root = states <= 0x10000 ? new Uint16Array(65536) : new Int32Array(65536);
    for (const [c, n] of rootNext) this.root[c] = renumber[n]!;
    this.fail = new Int32Array(states);
    this.childBits = new Int32Array(states);
    this.outStart = new Int32Array(states + 1);
    order.forEach((old, now) => {
      this.fail[now] = renumber[fail[old]!]!;
      for (const c of children[old]!) this.childBits[now] = this.childBits[now]! | (1 << (c & 31));
      this.outStart[now + 1] = this.outStart[now]! + ends[old]!.length;
    });
    this.outIds = new Int32Array(this.outStart[states]!);
    order.forEach((old, now) => this.outIds.set(ends[old]!, this.outStart[now]!));

    let size = 16;
    while (size < next.size * 2) size *= 2;
    this.mask = size - 1;
    this.fromState = new Int32Array(size);
    this.onCode = new Uint16Array(size);
    this.values = new Int32Array(size);
    for (const [key, value] of next) {
      const from = renumber[Math.floor(key / 65536)]!;
      const code = key % 65536;
      let h = hash(from, code) & this.mask;
      while (this.fromState[h] !== 0) h = (h + 1) & this.mask;
      this.fromState[h] = from;
      this.onCode[h] = code;
      this.values[h] = renumber[value]!;
    }
  }

  /**
   * What the automaton is made of, to keep between service-worker wakes (compiled-form.ts): typed arrays only,
   * with the root's 64k-entry table as its few thousand non-empty entries (most of its size, and read back in a
   * loop of that many steps). `AhoCorasick.fromParts` makes the same automaton again.
   */
  toParts(): AutomatonParts {
    const { root, fromState, onCode, values, childBits, fail, outStart, outIds, lengths, lastWithOutput } = this;
    let used = 0;
    for (let c = 0; c < 65536; c++) if (root[c] !== 0) used++;
    const rootCodes = new Uint16Array(used);
    const rootStates = new Int32Array(used);
    for (let c = 0, i = 0; c < 65536; c++) {
      if (root[c] === 0) continue;
      rootCodes[i] = c;
      rootStates[i++] = root[c]!;
    }
    return { states: fail.length, rootCodes, rootStates, fromState, onCode, values, childBits, fail, outStart, outIds, lengths, lastWithOutput };
  }

  /** The automaton of these parts (toParts'), as it was. */
  static fromParts(parts: AutomatonParts): AhoCorasick {
    return new AhoCorasick(null, parts);
  }

  /**
   * Every occurrence in `text` (code units: a typed array reads twice as fast as a string's `charCodeAt`):
   * `cb(patternId, start, end)` with end exclusive, in order of end.
   */
  scan(text: Uint16Array, cb: (id: number, start: number, end: number) => void): void {
    const found = this.collect(text, new Matches());
    for (let i = 0; i < found.n; i++) {
      const id = found.ids[i]!;
      cb(id, found.ends[i]! - this.lengths[id]!, found.ends[i]!);
    }
  }

  /**
   * Every occurrence in `text` into `out` (emptied first): pattern ids and ends (exclusive), in order of end; a
   * match starts at its end − lengths[id]. No call per match: a long draft has a thousand, and a callback for each
   * was a fifth of its check.
   */
  collect(text: Uint16Array, out: Matches): Matches {
    const { root, fromState, onCode, values, mask, childBits, fail, lastWithOutput, outStart, outIds } = this;
    let { ids, ends } = out;
    let n = 0;
    let s = 0;
    for (let k = 0; k < text.length; k++) {
      const c = text[k]!;
      // The goto function with failure transitions.
      for (;;) {
        if (s === 0) {
          s = root[c]!;
          break;
        }
        let found = 0;
        if (childBits[s]! & (1 << (c & 31))) {
          let h = hash(s, c) & mask;
          for (let from = fromState[h]!; from !== 0; from = fromState[(h = (h + 1) & mask)]!) {
            if (from === s && onCode[h] === c) {
              found = values[h]!;
              break;
            }
          }
        }
        if (found !== 0) {
          s = found;
          break;
        }
        s = fail[s]!;
      }
      // States 1 … lastWithOutput have output; as an unsigned number the root's 0 − 1 is past them all.
      if ((s - 1) >>> 0 < lastWithOutput) {
        const e = outStart[s + 1]!;
        let j = outStart[s]!;
        if (n + e - j > ids.length) {
          out.n = n;
          ({ ids, ends } = out.grow(n + e - j));
        }
        for (; j < e; j++) {
          ids[n] = outIds[j]!;
          ends[n++] = k + 1;
        }
      }
    }
    out.n = n;
    return out;
  }
}

/** An automaton as kept (AhoCorasick.toParts): typed arrays and two numbers. */
export interface AutomatonParts {
  states: number;
  /** The root's non-empty transitions: code units and their states. */
  rootCodes: Uint16Array;
  rootStates: Int32Array;
  fromState: Int32Array;
  onCode: Uint16Array;
  values: Int32Array;
  childBits: Int32Array;
  fail: Int32Array;
  outStart: Int32Array;
  outIds: Int32Array;
  lengths: Int32Array;
  lastWithOutput: number;
}

/** Matches of one scan, kept from scan to scan by the caller (no garbage per check). */
export class Matches {
  ids: Int32Array;
  ends: Int32Array;
  n = 0;
  /** @param capacity room for this many matches before the arrays grow (growing in a hot scan throws its optimised code away) */
  constructor(capacity = 256) {
    this.ids = new Int32Array(capacity);
    this.ends = new Int32Array(capacity);
  }
  /** Room for `need` matches, the first n kept. */
  grow(need: number): { ids: Int32Array; ends: Int32Array } {
    const size = Math.max(need, this.ids.length * 2);
    const ids = new Int32Array(size);
    ids.set(this.ids.subarray(0, this.n));
    const ends = new Int32Array(size);
    ends.set(this.ends.subarray(0, this.n));
    this.ids = ids;
    this.ends = ends;
    return this;
  }
}

/** A multiplicative hash of (state, code); the table's mask takes the low bits, so the high ones are folded in. */
const hash = (state: number, code: number) => {
  const h = Math.imul(state ^ (code << 15) ^ code, 0x9e3779b1);
  return h ^ (h >>> 16);
};

/**
 * The trie of the patterns in build numbering (transitions in a Map keyed by state × 65536 + code; build time
 * only), each state's pattern ids (its failure states' included) and its failure link.
 */
function buildTrie(patterns: readonly string[]): { next: Map<number, number>; rootNext: Map<number, number>; children: number[][]; ends: number[][]; fail: Int32Array } {
  // The trie, in build numbering (a Map keyed by state × 65536 + code; build time only).
  const next = new Map<number, number>();
  const rootNext = new Map<number, number>();
  const children: number[][] = [[]];
  const ends: number[][] = [[]];
  patterns.forEach((p, id) => {
    let s = 0;
    for (let k = 0; k < p.length; k++) {
      const c = p.charCodeAt(k);
      let n = s === 0 ? rootNext.get(c) : next.get(s * 65536 + c);
      if (n === undefined) {
        n = children.push([]) - 1;
        ends.push([]);
        if (s === 0) rootNext.set(c, n);
        else next.set(s * 65536 + c, n);
        children[s]!.push(c);
      }
      s = n;
    }
    if (p.length) ends[s]!.push(id);
  });
  const states = children.length;
  const fail = new Int32Array(states);
  const goto = (s: number, c: number): number => {
    for (;;) {
      if (s === 0) return rootNext.get(c) ?? 0;
      const n = next.get(s * 65536 + c);
      if (n !== undefined) return n;
      s = fail[s]!;
    }
  };
  // Breadth-first failure links; a state's ids take in those of its failure state (already final: it is shallower).
  const queue: number[] = [...rootNext.values()];
  for (let q = 0; q < queue.length; q++) {
    const s = queue[q]!;
    for (const c of children[s]!) {
      const n = next.get(s * 65536 + c)!;
      fail[n] = goto(fail[s]!, c);
      ends[n]!.push(...ends[fail[n]!]!);
      queue.push(n);
    }
  }
  return { next, rootNext, children, ends, fail };
}
