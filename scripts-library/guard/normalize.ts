/**
 * Normalised views of a draft for matching, each with a map back to the original UTF-16 offsets.
 *
 * plain:   zero-width characters removed, NFKC per code point (full-width → half-width, ⓥ → v), lower case,
 *          traditional → simplified character by character (opencc-js's table, generated into t2s-pairs.ts,
 *          which keeps lengths; a small supplement covers 妳/著).
 * compact: plain without white space, punctuation, symbols and emoji (keeping % and .), which defeats
 *          "微 信", "薇❤信", "加-V".
 */
import { T2S_PAIRS } from './t2s-pairs';
import { GUARD_WINDOW } from './chunks';

export interface View {
  text: string;
  /** `text` as code units (what the automata read). */
  codes: Uint16Array;
  /**
   * For each index of `text`: the original offset where its character starts and ends (exclusive). `to` is left
   * out when every unit stands for one character of the draft (nearly every draft): then it ends at from + 1, and
   * a store per character is saved. Read it through endOf.
   */
  from: ArrayLike<number>;
  to?: ArrayLike<number>;
}

/** Where the character of `view` index j ends in the draft (exclusive). */
export const endOf = (view: View, j: number): number => (view.to ? view.to[j]! : view.from[j]! + 1);

const ZERO_WIDTH = /[\u200b-\u200d\u2060\ufeff\u00ad]/;
const DROP_IN_COMPACT = /[\s\p{P}\p{S}]/u;
const KEEP_IN_COMPACT = new Set(['%', '.']);
/** …and variant or look-alike characters typed for the common one (儍逼, 绝対, 冣佳, 登录宻码): read as it. */
const SUPPLEMENT: Record<string, string> = { 妳: '你', 著: '着', 儍: '傻', 対: '对', 冣: '最', 宻: '密' };
/**
 * Latin look-alikes NFKC leaves alone (Cyrillic and Greek letters typed to dodge "vx", "qq", "wx"), folded to the
 * Latin letter they imitate. Small on purpose: only letters that look the same in Chinese UI fonts.
 */
const CONFUSABLE: Record<string, string> = {
  а: 'a', в: 'b', е: 'e', к: 'k', м: 'm', н: 'h', о: 'o', р: 'p', с: 'c', т: 't', у: 'y', х: 'x', ѕ: 's', і: 'i', ј: 'j', ԛ: 'q', ԝ: 'w',
  α: 'a', β: 'b', ε: 'e', ι: 'i', κ: 'k', ν: 'v', ο: 'o', ρ: 'p', τ: 't', υ: 'u', χ: 'x', ω: 'w',
  // A tick looks like v (加√, ✓x), and the heavy plus sign is typed for 加 (➕威, ➕v): read as what they stand for.
  '√': 'v', '✓': 'v', '✔': 'v', '➕': '加',
};

/**
 * Emoji typed for the word they picture, inside an insult or a promise (傻🐶, 🐷脑子, 你🐴的, 💯不掉色):
 * read as that word in both views (elsewhere an emoji is a separator the compact view drops: 薇❤信). Animals an
 * insult is made of, 💯, and the penguin, red packet and knife typed for QQ, a reward and a threat (🐧号, 好评🧧, 🔪你). Not stars: ⭐ and 🌟 are as often a separator (V🌟X) as a rating.
 */
const EMOJI_WORD: Record<string, string> = {
  '🐶': '狗', '🐕': '狗', '🐷': '猪', '🐖': '猪', '🐽': '猪', '🐴': '马', '🐎': '马', '🐮': '牛', '🐄': '牛', '🐔': '鸡', '💩': '屎', '💯': '百分百', '🐧': '企鹅', '🧧': '红包', '🔪': '砍',
};

/**
 * Character-level traditional → simplified over the CJK block: a flat table filled on first use from the
 * generated pairs (identity, then each pair), which takes microseconds where building opencc-js's converter took
 * tens of milliseconds on the first Chinese character of every page and worker start.
 */
const CJK_BASE = 0x4e00;
let cjkTable: Uint16Array | undefined;
function simplify(code: number): number {
  if (!cjkTable) {
    const table = new Uint16Array(0x9fff - CJK_BASE + 1);
    for (let i = 0; i < table.length; i++) table[i] = CJK_BASE + i;
    for (let i = 0; i + 1 < T2S_PAIRS.length; i += 2) table[T2S_PAIRS.charCodeAt(i) - CJK_BASE] = T2S_PAIRS.charCodeAt(i + 1);
    for (const [t, s] of Object.entries(SUPPLEMENT)) table[t.charCodeAt(0) - CJK_BASE] = s.charCodeAt(0);
    cjkTable = table;
  }
  return cjkTable[code - CJK_BASE]!; // callers pass CJK-block codes only (isCjk)
}

const isCjk = (c: number) => c >= 0x4e00 && c <= 0x9fff;
const isLatinOrDigit = (c: number) => (c >= 97 && c <= 122) || (c >= 48 && c <= 57);

const utf16 = new TextDecoder('utf-16le', { ignoreBOM: true });

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
  /**
   * @param identity every unit i stands for character i of the draft (from/to were not written)
   * @param single every unit stands for one character (to was not written: from + 1)
   */
  view(identity = false, single = false): View {
    // UTF-16 code units → string in one native call (spreading a typed array into fromCharCode was most of
    // a check's time).
    const codes = this.codes.subarray(0, this.length);
    const text = utf16.decode(codes);
    if (identity) return { text, codes, from: counting(this.length).subarray(0, this.length) };
    const from = this.from.subarray(0, this.length);
    return single ? { text, codes, from } : { text, codes, from, to: this.to.subarray(0, this.length) };
  }
}

/** 0, 1, 2, … at least n long (shared: the plain view's offsets when they are the draft's own). */
let iota = Int32Array.from({ length: GUARD_WINDOW + 9 }, (_, i) => i);
function counting(n: number): Int32Array {
  if (iota.length < n) {
    iota = new Int32Array(Math.max(n, iota.length * 2, 1024));
    for (let i = 0; i < iota.length; i++) iota[i] = i;
  }
  return iota;
}

/**
 * Scratch builders for `checkDraft`: views built with them are only valid until the next check (the hits are
 * mapped back to the draft before that).
 */
export interface Scratch {
  plain: Builder;
  compact: Builder;
}
/**
 * Sized for the longest text the chat page sends in one check (a window of a long draft, chunks.ts): buffers
 * that grow on the first long draft made the optimised check fall back to slow code for dozens of checks.
 */
export const createScratch = (capacity = GUARD_WINDOW + 8): Scratch => ({ plain: new Builder(capacity), compact: new Builder(capacity) });

/**
 * Per BMP code unit, memoised: what it normalises to, and whether the compact view keeps it. One table for
 * ASCII, CJK and the rest, so the per-character work of a check is one lookup (Chinese punctuation is in every
 * draft, and NFKC + lower case + a regex test per character was most of a check's cost).
 * 0 = not computed yet; > 0 = (the normalised code unit + 1) | KEEP when the compact view keeps it;
 * ZW = dropped everywhere; MULTI = several units (NFKC expands it: ㎏ → kg).
 */
const ZW = -1;
const MULTI = -2;
const KEEP_SHIFT = 17;
const KEEP = 1 << KEEP_SHIFT;
const UNIT = KEEP - 1;
const unitNorm = new Int32Array(65536);
function unitNormalized(c: number): number {
  const ch = String.fromCharCode(c);
  if (ZERO_WIDTH.test(ch)) return ZW;
  let code: number;
  if (isCjk(c)) code = simplify(c);
  else if (c < 0x80) code = c >= 65 && c <= 90 ? c + 32 : c;
  else {
    const lowered = ch.normalize('NFKC').toLowerCase();
    const norm = EMOJI_WORD[ch] ?? CONFUSABLE[lowered] ?? lowered;
    if (norm.length !== 1) return MULTI;
    code = isCjk(norm.charCodeAt(0)) ? simplify(norm.charCodeAt(0)) : norm.charCodeAt(0);
  }
  return (code + 1) | (code === 46 || keptInCompact(code) ? KEEP : 0); // '.': see keepsDot
}

/** Per code unit: kept in the compact view (1) or dropped (2); 0 = not computed yet. */
const compactKeep = new Uint8Array(65536);
function keptInCompact(code: number): boolean {
  let k = compactKeep[code]!;
  if (k === 0) {
    const ch = String.fromCharCode(code);
    const alnum = (code >= 97 && code <= 122) || (code >= 48 && code <= 57) || isCjk(code);
    const drop = !alnum && ((code >= 0xd800 && code <= 0xdfff) || (DROP_IN_COMPACT.test(ch) && !KEEP_IN_COMPACT.has(ch)));
    k = drop ? 2 : 1;
    compactKeep[code] = k;
  }
  return k === 1;
}

/** Both views in one pass over the draft (what checkDraft uses on every keystroke). */
export function bothViews(original: string, scratch: Scratch): { plain: View; compact: View } {
  const n = original.length;
  const plain = scratch.plain.reset(n + 8);
  const compact = scratch.compact.reset(n + 8);
  if (oneToOne(original, plain, compact)) return { plain: plain.view(true), compact: compact.view(false, true) };
  plain.length = 0;
  compact.length = 0;
  anyDraft(original, plain, compact);
  return { plain: plain.view(), compact: compact.view() };
}

/**
 * The views of a draft whose every character is one code unit that normalises to one (nearly every draft:
 * Chinese, Latin, digits, punctuation, all seen before). Writes straight into the buffers, which have room for
 * the draft, and returns false at the end if some character was not such (then anyDraft does it all over):
 * the common draft pays for one table lookup and three stores a character, with no growth checks.
 */
function oneToOne(original: string, plain: Builder, compact: Builder): boolean {
  const n = original.length;
  const pCodes = plain.codes;
  const { codes: cCodes, from: cFrom } = compact;
  let pn = 0;
  let cn = 0;
  for (let i = 0; i < n; i++) {
    const v = unitNorm[original.charCodeAt(i)]!;
    if (v > 0) {
      const code = (v & UNIT) - 1;
      pCodes[pn++] = code; // the plain view's offsets are i and i + 1: view(true) gives them without a store
      // Written always, counted only when kept ('.' is, for now: dropDots decides).
      cCodes[cn] = code;
      cFrom[cn] = i; // ends at i + 1: not stored (view(…, true))
      cn += (v >>> KEEP_SHIFT) & 1; // a shift, not a branch (a branch on punctuation mispredicts)
    }
  }
  plain.length = pn;
  compact.length = cn;
  // '.' is always kept above, so one native search of the compact codes tells whether any needs deciding.
  if (cCodes.subarray(0, cn).includes(46)) dropDots(original, compact);
  return pn === n; // every character wrote its one unit
}

/** The compact view's '.' that keepsDot would not keep, taken out in place (in order, so "the unit before" is right). */
function dropDots(original: string, compact: Builder): void {
  const { codes, from } = compact;
  const n = compact.length;
  let out = 0;
  for (let j = 0; j < n; j++) {
    if (codes[j] === 46) {
      compact.length = out;
      if (!keepsDot(original, from[j]!, compact)) continue;
    }
    codes[out] = codes[j]!;
    from[out] = from[j]!;
    out++;
  }
  compact.length = out;
}

/** '.' stays in the compact view only before a digit after a letter or digit (NO.1, 2.5): elsewhere it is a separator (微.信, v.x). */
const keepsDot = (original: string, i: number, compact: Builder) =>
  compact.length > 0 && isLatinOrDigit(compact.codes[compact.length - 1]!) && /[0-9０-９]/.test(original[i + 1] ?? '');

/** Any draft: zero-width characters, emoji and other astral code points, NFKC expansions (㎏ → kg). */
function anyDraft(original: string, plain: Builder, compact: Builder): void {
  for (let i = 0; i < original.length; ) {
    const c = original.charCodeAt(i);
    let v = unitNorm[c]!;
    if (v === 0 && (c < 0xd800 || c > 0xdfff)) v = unitNorm[c] = unitNormalized(c);
    if (v === ZW) {
      i++;
      continue;
    }
    if (v > 0) {
      const code = (v & UNIT) - 1;
      plain.push(code, i, i + 1);
      if (code === 46 ? keepsDot(original, i, compact) : (v & KEEP) !== 0) compact.push(code, i, i + 1);
      i++;
      continue;
    }
    const cp = String.fromCodePoint(original.codePointAt(i)!);
    const start = i;
    i += cp.length;
    if (ZERO_WIDTH.test(cp)) continue;
    const norm = EMOJI_WORD[cp] ?? cp.normalize('NFKC').toLowerCase();
    for (let u = 0; u < norm.length; u++) {
      const unit = norm.charCodeAt(u);
      const code = isCjk(unit) ? simplify(unit) : unit;
      plain.push(code, start, i);
      if (keptInCompact(code)) compact.push(code, start, i);
    }
  }
}

/** Normalise a rule term the way drafts are (no offsets needed). */
let termScratch: Scratch | undefined;
export function normalizeTerm(term: string, compact: boolean): string {
  const views = bothViews(term, (termScratch ??= createScratch(64))); // the text is read before the next call
  return compact ? views.compact.text : views.plain.text;
}

/** Both normalised texts of a term in one pass (the intent model reads both of every clause). */
export function normalizeBoth(term: string): { plain: string; compact: string } {
  const views = bothViews(term, (termScratch ??= createScratch(64)));
  return { plain: views.plain.text, compact: views.compact.text };
}
