/**
 * Posting lists in typed arrays (compressed rows): every key's phrase numbers, ascending, in one Int32Array.
 * Built in one pass that records each phrase's keys and then places them by a counting sort, so building a 10k
 * library allocates a few large arrays instead of thousands of growing ones (the garbage collector was most of
 * the index's build time).
 */
/** Keys of Latin bigrams: two of [a-z0-9] as 36 × first + second. */
export const GRAM_KEYS = 36 * 36;

/** Keys of Latin trigrams: three of [a-z0-9] as 36² × first + 36 × second + third. */
export const TRIGRAM_KEYS = 36 * 36 * 36;

/** [a-z] → 0–25, [0-9] → 26–35, anything else → -1. */
export function latinCode(c: number): number {
  if (c >= 97 && c <= 122) return c - 97;
  if (c >= 48 && c <= 57) return c - 22;
  return -1;
}

/** A Chinese character (CJK unified ideographs, extension A, compatibility ideographs). */
export function isCjkCode(c: number): boolean {
  return (c >= 0x3400 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff);
}

export class Postings {
  constructor(
    private readonly start: Int32Array,
    private readonly post: Int32Array,
  ) {}

  /** How many phrases hold `key`. */
  count(key: number): number {
    return key < 0 || key + 1 >= this.start.length ? 0 : this.start[key + 1]! - this.start[key]!;
  }

  /** The phrases holding `key` (a view, not a copy). */
  of(key: number): Int32Array {
    return this.post.subarray(this.start[key]!, this.start[key + 1]!);
  }
}

/** [a-z0-9] of an ASCII code unit → 0–35, anything else → -1 (latinCode as a table, for the build's loops). */
const LATIN_TABLE = Int8Array.from({ length: 128 }, (_, c) => latinCode(c));

/**
 * Records which keys each phrase holds, phrase by phrase in ascending order, then lays them out key by key.
 * A pair's phrase is not stored: the keys of one phrase are recorded together, so the start of each phrase's run
 * says whose they are. Keys are 16-bit. That is 2 bytes a pair instead of 8 (key and phrase as two Int32s): a
 * quarter of the scratch, and with it fewer of the garbage collections that large typed arrays set off (V8 counts
 * them as external memory and collects when it grows). Figures: tests/bench/HISTORY.md.
 */
export class PostingsBuilder {
  private keys: Uint16Array;
  private n = 0;
  /** Phrase number and first key offset of each run (one run per phrase that holds any key). */
  private runPhrase: Int32Array;
  private runStart: Int32Array;
  private runs = 0;
  private readonly counts: Int32Array;
  /** The last phrase each key was recorded for: a key is recorded once per phrase. */
  private readonly stamp: Int32Array;

  /**
   * @param size keys are 0 … size − 1 (at most 65,536)
   * @param capacity how many (key, phrase) pairs to expect (the array grows past it, by copying)
   */
  constructor(
    private readonly size: number,
    capacity = 1 << 14,
  ) {
    if (size > 0x10000) throw new RangeError(`PostingsBuilder keys are 16-bit; ${size} keys asked for`);
    this.keys = new Uint16Array(Math.max(16, capacity));
    this.runPhrase = new Int32Array(64);
    this.runStart = new Int32Array(64);
    this.counts = new Int32Array(size);
    this.stamp = new Int32Array(size).fill(-1);
  }

  /** Room for `more` keys, and phrase `i`'s run opened if it is not the last one. */
  private open(i: number, more: number): void {
    if (this.n + more > this.keys.length) {
      const keys = new Uint16Array(Math.max(this.keys.length * 2, this.n + more));
      keys.set(this.keys.subarray(0, this.n));
      this.keys = keys;
    }
    if (this.runs > 0 && this.runPhrase[this.runs - 1] === i) return;
    if (this.runs > 0 && this.runPhrase[this.runs - 1]! > i) throw new RangeError('phrases must be recorded in ascending order');
    if (this.runs === this.runPhrase.length) {
      const phrase = new Int32Array(this.runs * 2);
      phrase.set(this.runPhrase);
      this.runPhrase = phrase;
      const start = new Int32Array(this.runs * 2);
      start.set(this.runStart);
      this.runStart = start;
    }
    this.runPhrase[this.runs] = i;
    this.runStart[this.runs++] = this.n;
  }

  /** Record that phrase `i` holds `key` (phrases in ascending order); false if it was recorded already. */
  add(key: number, i: number): boolean {
    if (this.stamp[key] === i) return false;
    this.open(i, 1);
    this.stamp[key] = i;
    this.counts[key]!++;
    this.keys[this.n++] = key;
    return true;
  }

  /** Record every Chinese character of `s` (char code as key) for phrase `i`; returns how many were new. */
  addCjk(s: string, i: number): number {
    this.open(i, s.length);
    const { keys, stamp, counts } = this;
    let n = this.n;
    for (let k = 0; k < s.length; k++) {
      const c = s.charCodeAt(k);
      if (!isCjkCode(c) || stamp[c] === i) continue;
      stamp[c] = i;
      counts[c]!++;
      keys[n++] = c;
    }
    const added = n - this.n;
    this.n = n;
    return added;
  }

  /** Record every bigram of adjacent [a-z0-9] in `s` (as 36 × first + second) for phrase `i`; returns how many were new. */
  addGrams(s: string, i: number): number {
    this.open(i, s.length);
    const { keys, stamp, counts } = this;
    let n = this.n;
    let prev = -1;
    for (let k = 0; k < s.length; k++) {
      const c = s.charCodeAt(k);
      const cur = c < 128 ? LATIN_TABLE[c]! : -1;
      if (prev >= 0 && cur >= 0) {
        const key = prev * 36 + cur;
        if (stamp[key] !== i) {
          stamp[key] = i;
          counts[key]!++;
          keys[n++] = key;
        }
      }
      prev = cur;
    }
    const added = n - this.n;
    this.n = n;
    return added;
  }

  /** Record every trigram of adjacent [a-z0-9] in `s` for phrase `i`; returns how many were new. */
  addTrigrams(s: string, i: number): number {
    this.open(i, s.length);
    const { keys, stamp, counts } = this;
    let n = this.n;
    let a = -1;
    let b = -1;
    for (let k = 0; k < s.length; k++) {
      const code = s.charCodeAt(k);
      const c = code < 128 ? LATIN_TABLE[code]! : -1;
      if (a >= 0 && b >= 0 && c >= 0) {
        const key = (a * 36 + b) * 36 + c;
        if (stamp[key] !== i) {
          stamp[key] = i;
          counts[key]!++;
          keys[n++] = key;
        }
      }
      a = b;
      b = c;
    }
    const added = n - this.n;
    this.n = n;
    return added;
  }

  build(): Postings {
    const { size, counts, keys, runPhrase, runStart, runs, n } = this;
    const start = new Int32Array(size + 1);
    for (let k = 0; k < size; k++) start[k + 1] = start[k]! + counts[k]!;
    const fill = start.slice(0, size);
    const post = new Int32Array(n);
    for (let r = 0; r < runs; r++) {
      const i = runPhrase[r]!;
      const end = r + 1 < runs ? runStart[r + 1]! : n;
      for (let k = runStart[r]!; k < end; k++) post[fill[keys[k]!]!++] = i;
    }
    return new Postings(start, post);
  }
}
