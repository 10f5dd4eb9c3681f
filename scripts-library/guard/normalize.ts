/**
 * Normalised views of a draft for matching, each with a map back to the original UTF-16 offsets.
 *
 * plain:   zero-width characters removed, NFKC per code point (full-width → half-width, ⓥ → v), lower case,
 *          traditional → simplified character by character (opencc-js, which keeps lengths for the
 *          character-level table; a small supplement covers 妳/著).
 * compact: plain without white space, punctuation, symbols and emoji (keeping % and .), which defeats
 *          "微 信", "薇❤信", "加-V".
 */
import * as OpenCC from 'opencc-js/t2cn';

export interface View {
  text: string;
  /** For each index of `text`: the original offset where its character starts and ends (exclusive). */
  from: ArrayLike<number>;
  to: ArrayLike<number>;
}

const ZERO_WIDTH = /[\u200b-\u200d\u2060\ufeff\u00ad]/;
const DROP_IN_COMPACT = /[\s\p{P}\p{S}]/u;
const KEEP_IN_COMPACT = new Set(['%', '.']);
const SUPPLEMENT: Record<string, string> = { 妳: '你', 著: '着' };

let t2s: ((s: string) => string) | undefined;
/**
 * Character-level traditional → simplified, memoised per code: a flat table for the CJK block (0 = not yet
 * computed), a map for the rest.
 */
const CJK_BASE = 0x4e00;
const cjkTable = new Uint16Array(0x9fff - CJK_BASE + 1);
const simplified = new Map<number, number>();
function simplify(code: number): number {
  const slot = code - CJK_BASE;
  const inTable = slot >= 0 && slot < cjkTable.length;
  if (inTable && cjkTable[slot]) return cjkTable[slot]!;
  let out = simplified.get(code);
  if (out === undefined) {
    t2s ??= OpenCC.Converter({ from: 't', to: 'cn' });
    const ch = String.fromCharCode(code);
    const converted = SUPPLEMENT[ch] ?? t2s(ch);
    out = converted.length === 1 ? converted.charCodeAt(0) : code; // keep offsets aligned
    if (inTable) cjkTable[slot] = out;
    else simplified.set(code, out);
  }
  return out;
}

const isCjk = (c: number) => c >= 0x4e00 && c <= 0x9fff;

/** A growable builder of (code unit, original start, original end) triples. */
export class Builder {
  codes: Uint16Array;
  from: Int32Array;
  to: Int32Array;
  length = 0;
  constructor(capacity: number) {
    this.codes = new Uint16Array(capacity);
    this.from = new Int32Array(capacity);
    this.to = new Int32Array(capacity);
  }
  /** Start over, keeping the buffers (drafts are checked on every keystroke: no garbage per check). */
  reset(capacity: number): this {
    if (this.codes.length < capacity) {
      this.codes = new Uint16Array(capacity);
      this.from = new Int32Array(capacity);
      this.to = new Int32Array(capacity);
    }
    this.length = 0;
    return this;
  }
  push(code: number, start: number, end: number): void {
    if (this.length === this.codes.length) {
      const grow = <T extends Uint16Array | Int32Array>(a: T, make: (n: number) => T) => {
        const b = make(a.length * 2 + 8);
        b.set(a);
        return b;
      };
      this.codes = grow(this.codes, (n) => new Uint16Array(n));
      this.from = grow(this.from, (n) => new Int32Array(n));
      this.to = grow(this.to, (n) => new Int32Array(n));
    }
    this.codes[this.length] = code;
    this.from[this.length] = start;
    this.to[this.length] = end;
    this.length++;
  }
  view(): View {
    let text = '';
    for (let k = 0; k < this.length; k += 4096) text += String.fromCharCode(...this.codes.subarray(k, Math.min(this.length, k + 4096)));
    return { text, from: this.from.subarray(0, this.length), to: this.to.subarray(0, this.length) };
  }
}

/**
 * Scratch builders for `checkDraft`: views built with them are only valid until the next check (the hits are
 * mapped back to the draft before that).
 */
export interface Scratch {
  plain: Builder;
  compact: Builder;
}
export const createScratch = (): Scratch => ({ plain: new Builder(512), compact: new Builder(512) });

/** Both views in one pass over the draft (what checkDraft uses on every keystroke). */
export function bothViews(original: string, scratch: Scratch): { plain: View; compact: View } {
  const plain = scratch.plain.reset(original.length + 8);
  const compact = scratch.compact.reset(original.length + 8);
  const emit = (code: number, start: number, end: number) => {
    plain.push(code, start, end);
    const keep = (code >= 97 && code <= 122) || (code >= 48 && code <= 57) || isCjk(code);
    if (keep || !isDropped(code, String.fromCharCode(code))) compact.push(code, start, end);
  };
  for (let i = 0; i < original.length; ) {
    const c = original.charCodeAt(i);
    if (c < 0x80) {
      emit(c >= 65 && c <= 90 ? c + 32 : c, i, i + 1);
      i++;
      continue;
    }
    if (isCjk(c)) {
      const code = simplify(c);
      plain.push(code, i, i + 1);
      compact.push(code, i, i + 1);
      i++;
      continue;
    }
    const cp = String.fromCodePoint(original.codePointAt(i)!);
    const start = i;
    i += cp.length;
    if (ZERO_WIDTH.test(cp)) continue;
    const norm = cp.normalize('NFKC').toLowerCase();
    for (let u = 0; u < norm.length; u++) {
      const code = norm.charCodeAt(u);
      emit(isCjk(code) ? simplify(code) : code, start, i);
    }
  }
  return { plain: plain.view(), compact: compact.view() };
}

/** Whether a non-letter, non-digit, non-ideograph code unit is dropped from the compact view (memoised). */
const dropped = new Map<number, boolean>();
function isDropped(code: number, ch: string): boolean {
  let d = dropped.get(code);
  if (d === undefined) {
    d = (code >= 0xd800 && code <= 0xdfff) || (DROP_IN_COMPACT.test(ch) && !KEEP_IN_COMPACT.has(ch));
    dropped.set(code, d);
  }
  return d;
}

/** Normalise a rule term the way drafts are (no offsets needed). */
let termScratch: Scratch | undefined;
export function normalizeTerm(term: string, compact: boolean): string {
  const views = bothViews(term, (termScratch ??= createScratch())); // the text is read before the next call
  return compact ? views.compact.text : views.plain.text;
}
