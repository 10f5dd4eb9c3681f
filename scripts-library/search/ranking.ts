/**
 * Ranking and scoring: Fuse.js over the narrowed candidates' fields, then each candidate's score (match quality,
 * the title signal, the words a title holds, frecency, pinned); and for a query of several words, how a phrase
 * holds each word and the score of the phrases holding them all.
 */
import Fuse, { type FuseResult, type IFuseOptions } from 'fuse.js';
import { CodeUnitBitap } from './bitap';
import type { IndexData } from './index-build';
import { NO_PINYIN } from './index-build';
import type { Candidate, QueryUnits } from './narrow';
import { coverPieces, type AltParts, type QueryWord } from './search-words';
import { MIN_ORDER, MIN_TITLE_TYPO, typoShare } from './typo';
import { CJK, firstWord, type FuseDoc } from './types';

/** Least Fuse.js match quality (1 − score) for a candidate to be a hit. */
const MIN_MATCH = 0.35;

/** The fields Fuse.js scores (a doc's `segments` is the ranking's own). */
type FuseField = Exclude<keyof FuseDoc, 'segments'>;
const KEY_WEIGHTS: Record<FuseField, number> = {
  title: 3,
  pyTitle: 3,
  code: 3,
  tags: 2,
  pyInitials: 2,
  body: 1,
};

/**
 * Fuse.js options for the fields a query can match: Chinese text is matched against title, tags and body;
 * Latin against the code and pinyin (full pinyin only for tokens long enough to be pinyin syllables). Scoring
 * long fields a query cannot match is where most of Fuse's time would go.
 */
function fuseOptions(keys: FuseField[]): IFuseOptions<FuseDoc> {
  const options: IFuseOptions<FuseDoc> & { codeUnitBitap: true } = {
    keys: keys.map((name) => ({ name, weight: KEY_WEIGHTS[name] })),
    includeScore: true,
    // Match positions are only used to highlight title and body.
    includeMatches: keys.includes('title') || keys.includes('body'),
    ignoreLocation: true,
    ignoreFieldNorm: true,
    threshold: 0.45,
    minMatchCharLength: 1,
    // Fuse's bitap, answered by bitap.ts (the same results; Fuse's reads a new string per Chinese character).
    codeUnitBitap: true,
  };
  return options;
}
/** Fuse.use, under a name React's hook lint does not read as a hook: registers bitap.ts for the options above. */
const registerSearcher: (...searchers: unknown[]) => void = Fuse.use;
registerSearcher(CodeUnitBitap);
const CJK_FIELDS = fuseOptions(['title', 'tags', 'body']);
const LATIN_FIELDS = fuseOptions(['code', 'pyTitle', 'tags', 'pyInitials']);
const ALL_FIELDS = fuseOptions(['title', 'pyTitle', 'code', 'tags', 'pyInitials', 'body']);

/**
 * One Fuse.js per field set, kept and handed each query's few dozen candidates (setCollection) with their index
 * records made once per phrase and field set: Fuse's own setCollection builds every candidate's record again
 * (each field read and its norm counted) on every query. A record is a function of the phrase's fields alone, so a
 * kept one is the very record Fuse would build; only its place (`i`) is the query's.
 */
interface KeptFuse {
  fuse: Fuse<FuseDoc>;
  keys: FuseIndex<FuseDoc>['keys'];
  records: WeakMap<FuseDoc, FuseIndexRecord['$']>;
}
type FuseIndex<T> = ReturnType<typeof Fuse.createIndex<T>>;
type FuseIndexRecord = FuseIndex<FuseDoc>['records'][number] & { $: unknown };
const FUSES = new Map<IFuseOptions<FuseDoc>, KeptFuse>();
function fuseFor(options: IFuseOptions<FuseDoc>, docs: FuseDoc[]): Fuse<FuseDoc> {
  let kept = FUSES.get(options);
  if (!kept) FUSES.set(options, (kept = { fuse: new Fuse<FuseDoc>([], options), keys: Fuse.createIndex(options.keys!, []).keys, records: new WeakMap() }));
  const missing = docs.filter((d) => !kept.records.has(d));
  if (missing.length) {
    const made = Fuse.createIndex(options.keys!, missing).records as FuseIndexRecord[];
    missing.forEach((d, k) => kept.records.set(d, made[k]!.$));
  }
  const records = docs.map((d, i) => ({ i, $: kept.records.get(d)! }));
  kept.fuse.setCollection(docs, Fuse.parseIndex<FuseDoc>({ keys: kept.keys, records: records as FuseIndex<FuseDoc>['records'] }));
  return kept.fuse;
}

/**
 * Fuse.js's match of each candidate, by its place in `candidates`. Full pinyin of the body (hundreds of letters)
 * is not given to Fuse: it would cost more than everything else together. Full-pinyin queries are matched by the
 * index instead (bigrams, then trigrams in order).
 */
export function fuseMatches(q: string, units: QueryUnits, docs: FuseDoc[]): Map<number, FuseResult<FuseDoc>> {
  const options = fieldsFor(units);
  const scored = new Map<number, FuseResult<FuseDoc>>();
  for (const r of fuseFor(options, docs).search(q)) scored.set(r.refIndex, r);
  return scored;
}

/** The Fuse.js options for a query's units: the fields its Chinese characters and Latin tokens can match. */
export function fieldsFor({ chars, tokens }: QueryUnits): IFuseOptions<FuseDoc> {
  return chars.size && tokens.length ? ALL_FIELDS : chars.size ? CJK_FIELDS : LATIN_FIELDS;
}

/** What a fuzzy candidate is scored with, besides its Fuse.js match. */
export interface FuzzyQuery {
  q: string;
  units: QueryUnits;
  words: readonly QueryWord[];
  /** Phrases whose code is the query. */
  exact: ReadonlySet<number>;
}

/**
 * A candidate's score, or undefined when it is no match. Sharing characters or bigrams is not a match: "qwerty"
 * or "xyz不存在" must find nothing rather than the phrases that happen to contain "er" or 不, so Enter inserts
 * nothing. A hit needs Fuse's fuzzy match, an in-order alignment of a long token (typos such as "huanyign"), a
 * title one typo away, a title holding the query's characters, or the exact code.
 */
export function fuzzyScore(c: Candidate, doc: FuseDoc, r: FuseResult<FuseDoc> | undefined, query: FuzzyQuery): number | undefined {
  const { q, units, words } = query;
  const fuzzy = r ? 1 - (r.score ?? 1) : 0;
  const exact = query.exact.has(c.i);
  // A title holding all of the query's characters in any order, or all but one of four or more (a character of
  // the same sound typed by mistake, 包油说明·蓝牙耳机), is a match however far apart they are.
  const held = titleCharsHeld(units.chars, doc.title);
  const titleHolds = units.chars.size > 0 && !units.tokens.length && held >= units.chars.size - (units.chars.size >= 4 ? 1 : 0);
  if (!exact && !titleHolds && fuzzy < MIN_MATCH && (c.order ?? 0) < MIN_ORDER && (c.titleTypo ?? 0) < MIN_TITLE_TYPO) return undefined;
  // For long Latin tokens the share of their trigrams found in order is as good a match measure as Fuse's
  // (which is not given the long full-pinyin field).
  const quality = Math.max(r ? fuzzy : c.coverage * 0.4, c.order ?? 0, titleHolds ? 0.6 : 0);
  const inTitle = titleCoverage(units, doc);
  return (
    (exact ? 10 : 0) +
    quality * 0.45 +
    inTitle * 0.25 +
    // A title or code holding the whole query beats a body that does (the title is what the agent remembers).
    (inTitle >= 1 ? 0.3 : 0) +
    (isWholeTitle(q, doc) ? 0.3 : 0) +
    // …and of the titles holding it, the one that is the query, or nearly (a typo), beats longer ones.
    c.density * 0.35 +
    // …for a long token near the title's pinyin, the same by how much of it the token takes up.
    (c.titleTaken ?? 0) * 0.35 +
    c.coverage * 0.15 +
    // Of several words (连衣裙 tuihuoliucheng), the titles holding more of them: the product named, then the topic.
    (words.length > 1 ? 0.5 * (wordsInTitle(words, doc) / words.length) : 0)
  );
}

/** The query is the whole title, in characters, in full pinyin or its initials exactly (核对地址 over 核对地址加催付, fhsj). */
function isWholeTitle(q: string, doc: FuseDoc): boolean {
  const compact = q.replace(/\s+/g, '');
  const [initials, full] = doc.pyTitle.split(' ');
  return doc.title.toLowerCase() === compact || full === compact || initials === compact;
}

/** Share of the query found in the title (characters in it, tokens in its pinyin or the shortcut code). */
function titleCoverage({ chars, tokens, spaced }: QueryUnits, doc: FuseDoc): number {
  const total = chars.size + tokens.length;
  if (!total) return 0;
  let hit = 0;
  for (const ch of chars) if (doc.title.includes(ch)) hit++;
  for (const [k, t] of tokens.entries()) {
    // A title that starts with the token ("kd" → 快递时效) beats one that merely contains it (两款对比).
    if (doc.code.startsWith(t) || doc.pyTitle.startsWith(t) || doc.pyTitle.includes(spaced[k]!)) hit++;
    else if (doc.pyTitle.includes(t)) hit += 0.6;
  }
  return hit / total;
}

/** How many of the characters the title holds. */
function titleCharsHeld(chars: ReadonlySet<string>, title: string): number {
  let n = 0;
  for (const ch of chars) if (title.includes(ch)) n++;
  return n;
}

/** How many of the words the title holds: a Chinese word whole, a Latin word in its pinyin or code, or one typo from its full pinyin. */
function wordsInTitle(words: readonly QueryWord[], doc: FuseDoc): number {
  let n = 0;
  for (const w of words) {
    if (w.kind === 'chunk') n += doc.title.includes(w.text) ? 1 : 0;
    else if (w.kind === 'alts') n += w.alts.some((a) => doc.title.includes(a)) ? 1 : 0;
    else if (doc.code.startsWith(w.text) || doc.pyTitle.includes(w.text)) n++;
    else if (w.text.length >= 5 && typoShare(firstWord(doc.pyTitle.slice(doc.pyTitle.indexOf(' ') + 1)), w.text) >= MIN_TITLE_TYPO) n++;
  }
  return n;
}

/** How a phrase holds a query's words. */
export interface WordsMatch {
  /** Words found in the title. */
  inTitle: number;
  /** Words found in the title as typed (not by an equivalent). */
  titleAsTyped: number;
  /** Words found as typed (a synonym's own word rather than an equivalent). */
  literal: number;
  /** For each word, how near the equivalent found is (1 = as typed or its row's first equivalent). */
  rank: number;
  /** Words found in a placeholder: one of its values or its name ({快递公司=顺丰/中通}, {快递公司}). */
  slot: number;
  /** Pieces the words took (each word whole = the number of words). */
  pieces: number;
  /** The text found, to highlight. */
  found: string[];
}

/**
 * The score of a phrase holding every word, ranked by how it holds them (in the title, as typed rather than by an
 * equivalent, each Chinese run whole) on top of the fuzzy search's own score (`had`).
 */
export function wordsScore(words: readonly QueryWord[], m: WordsMatch, doc: FuseDoc, titleCharCount: number, had: number): number {
  const several = words.length > 1;
  return (
    2 +
    had +
    0.35 * (m.inTitle / words.length) +
    // A title holding every word (the product and the topic) beats one holding the topic while the body names
    // the product; of those, the title that starts with one of the words (发货时间·雨伞 over 双11发货时间·雨伞)
    // and that the words take up more of.
    (several && m.titleAsTyped === words.length ? 1 + (words.some((w) => startsTitle(w, doc)) ? 0.3 : 0) + 0.3 * titleTaken(doc.title, titleCharCount, words) : 0) +
    // A Latin word in the initials of one part of the title (cy → 退货流程·防水茶叶, not ·运动鞋 whose 程|运
    // makes "cy" across the dot), more for a whole part (sjb → ·双肩包 over ·升级版拖鞋): a product's initials.
    0.1 * (segmentInitialsHeld(words, doc) / words.length) +
    0.15 * (m.literal / words.length) +
    0.15 * (m.rank / words.length) +
    0.2 * (m.slot / words.length) +
    0.2 * (words.length / m.pieces)
  );
}

/** The Latin words in the initials of one part of the title (2 each), or that are a whole part (3 each). */
function segmentInitialsHeld(words: readonly QueryWord[], doc: FuseDoc): number {
  let n = 0;
  let parts: string[] | undefined;
  for (const w of words) {
    if (w.kind !== 'latin' || w.text.length < 2) continue;
    parts ??= doc.segments ??= segmentInitials(doc.title, firstWord(doc.pyTitle));
    if (parts.includes(w.text)) n += 3;
    else if (parts.some((part) => part.includes(w.text))) n += 2;
  }
  return n;
}

/**
 * The initials of each part of the title between punctuation or spaces (退货流程·茶叶 → thlc, cy), or none when
 * they do not line up with its characters (pinyin.ts writes one letter per Chinese character, Latin as typed).
 */
export function segmentInitials(title: string, initials: string): string[] {
  const out: string[] = [];
  let j = 0;
  let start = 0;
  for (const ch of title.toLowerCase()) {
    if (CJK.test(ch) || LATIN_CHAR.test(ch)) {
      j++;
      continue;
    }
    if (j > start) out.push(initials.slice(start, j));
    start = j;
  }
  if (j > start) out.push(initials.slice(start, j));
  return j === initials.length ? out : [];
}
const LATIN_CHAR = /[a-z0-9]/;

/** Whether the title starts with the word (its text, its pinyin or initials, or the code for a Latin word). */
function startsTitle(w: QueryWord, doc: FuseDoc): boolean {
  if (w.kind === 'latin') return doc.code.startsWith(w.text) || doc.pyTitle.startsWith(w.text) || doc.pyTitle.includes(` ${w.text}`);
  return w.kind === 'chunk' ? doc.title.startsWith(w.text) : w.alts.some((a) => doc.title.startsWith(a));
}

/** The share of the title's Chinese characters the query's words account for (0 for a title without any). */
function titleTaken(title: string, total: number, words: readonly QueryWord[]): number {
  if (!total) return 0;
  const chars = new Set<string>();
  for (const w of words) for (const ch of w.kind === 'alts' ? w.alts.join('') : w.text) if (CJK.test(ch) && title.includes(ch)) chars.add(ch);
  return Math.min(1, chars.size / total);
}

/** The fields a phrase's words are looked for in (Latin ones lower-case already). */
interface WordFields {
  doc: FuseDoc;
  full: string;
  latin: string;
}

/** Chinese text in the title, the body or the tags. */
function inText(f: WordFields, s: string): boolean {
  return f.doc.title.includes(s) || f.doc.body.includes(s) || f.doc.tags.includes(s);
}

/** A Latin word in the code, the full pinyin, the initials or the Latin words. */
function inLatin(f: WordFields, s: string): boolean {
  return f.doc.code.includes(s) || f.full.includes(s) || f.doc.pyInitials.includes(s) || f.latin.includes(s);
}

/**
 * How phrase `i` holds every word, or undefined when it misses one. `into`, when given, is a match reused phrase
 * after phrase (emptied here; what it says is valid until the next call): a query checks up to a thousand.
 */
export function holdsWords(data: IndexData, i: number, words: readonly QueryWord[], into?: WordsMatch): WordsMatch | undefined {
  // Field by field, without building the phrase's text: Chinese needs no lower-casing, and Latin is matched in
  // the code, the pinyin and the Latin words, all lower-case already. Most phrases checked miss a word: nothing
  // is allocated for them but the fields.
  const f: WordFields = { doc: data.docs[i]!, full: data.pyFull[i] ?? NO_PINYIN.full, latin: data.latinWords[i]! };
  let m: WordsMatch | undefined = into && emptied(into);
  for (const w of words) {
    if (w.kind === 'chunk') {
      // Held whole (the usual case for a phrase found by its characters): one piece, no covering to work out.
      const pieces = inText(f, w.text) ? 1 : coverPieces(w.text, (s) => inText(f, s));
      if (!pieces) return undefined;
      m ??= noMatch();
      m.pieces += pieces;
      m.literal++;
      m.rank++;
      if (f.doc.title.includes(w.text) || (holdsEveryChar(f.doc.title, w.text) && coverPieces(w.text, f.doc.title))) {
        m.inTitle++;
        m.titleAsTyped++;
      }
      if (pieces === 1) m.found.push(w.text);
      else m.found.push(...w.text.match(/../g)!.filter((s) => inText(f, s)));
    } else if (w.kind === 'latin') {
      if (!inLatin(f, w.text)) return undefined;
      m ??= noMatch();
      m.pieces++;
      m.literal++;
      m.rank++;
      if (f.doc.code.startsWith(w.text) || f.doc.pyTitle.includes(w.text)) {
        m.inTitle++;
        m.titleAsTyped++;
      }
    } else {
      const k = w.parts.findIndex((p) => altHeld(f, p));
      if (k < 0) return undefined;
      holdsAlt(w, k, f.doc, (m ??= noMatch()));
    }
  }
  return m ?? noMatch();
}

/**
 * Whether `text` holds every character of `chunk`: pieces of the chunk can cover it only then, and most titles
 * checked lack one (the words were found in the body), so the covering is not worked out for them.
 */
function holdsEveryChar(text: string, chunk: string): boolean {
  for (let k = 0; k < chunk.length; k++) if (text.indexOf(chunk[k]!) < 0) return false;
  return true;
}

function emptied(m: WordsMatch): WordsMatch {
  m.inTitle = m.titleAsTyped = m.literal = m.rank = m.slot = m.pieces = 0;
  m.found.length = 0;
  return m;
}

export const noMatch = (): WordsMatch => ({ inTitle: 0, titleAsTyped: 0, literal: 0, rank: 0, slot: 0, pieces: 0, found: [] });

/** Whether the phrase holds every word of an equivalent (尺码 缺货 needs both). */
function altHeld(f: WordFields, p: AltParts): boolean {
  for (let j = 0; j < p.words.length; j++) if (!(p.cjk[j] ? inText(f, p.words[j]!) : inLatin(f, p.words[j]!))) return false;
  return true;
}

/** A synonym word the phrase holds by its `k`-th equivalent: counted into `m`. */
function holdsAlt(w: QueryWord & { kind: 'alts' }, k: number, doc: FuseDoc, m: WordsMatch): void {
  const inTitle = (s: string) => doc.title.includes(s);
  const alt = w.parts[k]!.words;
  m.pieces++;
  if (k === 0) m.literal++;
  // The earlier an equivalent in its row, the nearer it is (尺码 缺货 before 缺货).
  m.rank += 1 - k / w.alts.length;
  if (w.parts.some((p) => p.words.every(inTitle))) m.inTitle++;
  if (inTitle(w.word)) m.titleAsTyped++;
  // A value of a placeholder ({快递公司=顺丰/中通}) or the placeholder itself ({快递公司} for 顺丰).
  if (alt.some((a) => inSlot(doc.body, a))) m.slot++;
  m.found.push(...alt);
}

/** Whether `body` holds `s` inside a placeholder's braces. */
function inSlot(body: string, s: string): boolean {
  for (let at = body.indexOf(s); at >= 0; at = body.indexOf(s, at + 1)) {
    const open = body.lastIndexOf('{', at);
    if (open >= 0 && body.lastIndexOf('}', at) < open && body.indexOf('}', at) >= 0) return true;
  }
  return false;
}
