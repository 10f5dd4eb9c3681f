/**
 * Phrase search: Chinese text, pinyin (full and initials), shortcut codes and tags, typo-tolerant, ranked with
 * pinned and frecency. Pure and synchronous, so it runs in the side panel, the background (for the "/" picker)
 * and plain Node (tests, benchmarks).
 *
 * Why not Fuse.js over the whole library: measured on this machine, a plain Fuse.js search over title+body
 * takes ≈ 250 ms median at 10,000 phrases (shared/research/toolchain-probe.md §7), fifty times the 5 ms budget
 * per keystroke. So an inverted index narrows first (Chinese characters → phrases, Latin bigrams of pinyin/codes
 * → phrases, coverage ≥ half the query so one wrong character or letter still matches), and Fuse.js then scores
 * only the best few dozen candidates. Pinyin is precomputed when a phrase is saved (see pinyin.ts).
 */
import Fuse, { type FuseResult, type IFuseOptions } from 'fuse.js';
import type { PinyinKeys } from '../shared/pinyin';
import { GRAM_KEYS, latinCode, Postings, PostingsBuilder, TRIGRAM_KEYS } from './postings';
import { coverPieces, looksLikeQuestion, NO_SYNONYMS, queryWords, type QueryWord, type Synonyms } from './search-words';

export interface SearchablePhrase {
  id: string;
  stageId: string;
  title: string;
  body: string;
  code?: string;
  tags: string[];
  pinned: boolean;
  useCount: number;
  lastUsedAt?: number;
  pinyin?: PinyinKeys;
  order?: number;
}

export interface SearchOptions {
  stageId?: string;
  /** Most results returned (default 50; an empty query returns the whole stage). */
  limit?: number;
  /** The shop's synonym table (search-words.ts compileSynonyms). */
  synonyms?: Synonyms;
}

export type Range = [start: number, end: number];

export interface SearchHit<P extends SearchablePhrase> {
  phrase: P;
  score: number;
  /** How it was found, when not by the fuzzy search alone: it holds every word, or it is suggested for a question. */
  /** 'maybe': a suggestion for a pasted question that the suggestions are not sure of (shown, never inserted by a key). */
  by?: 'words' | 'suggestion' | 'maybe';
  /** Inclusive character ranges to highlight, by field. */
  highlight: { title: Range[]; body: Range[] };
}

/** How many narrowed candidates Fuse.js scores per query (the cost driver; see the benchmark). */
const CANDIDATES = 24;
/** How many bigram candidates are re-ranked by trigram order for long Latin tokens. */
const RERANK = 48;
const MIN_COVERAGE = 0.5;
/** Least Fuse.js match quality (1 − score) for a candidate to be a hit, and least in-order share of long tokens. */
const MIN_MATCH = 0.35;
const MIN_ORDER = 0.6;
/** A long token one typo from the title's pinyin (tuikaun for tuikuan…) is a match. */
const MIN_TITLE_TYPO = 0.8;
const DAY = 86_400_000;
const STAGE_FIRST = 50;

const CJK = /[\u3400-\u9fff\uf900-\ufaff]/;

interface FuseDoc {
  title: string;
  /** Title pinyin: initials and full, e.g. "fhsj fahuoshijian". */
  pyTitle: string;
  body: string;
  tags: string;
  code: string;
  pyInitials: string;
}

const KEY_WEIGHTS: Record<keyof FuseDoc, number> = {
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
function fuseOptions(keys: (keyof FuseDoc)[]): IFuseOptions<FuseDoc> {
  return {
    keys: keys.map((name) => ({ name, weight: KEY_WEIGHTS[name] })),
    includeScore: true,
    // Match positions are only used to highlight title and body.
    includeMatches: keys.includes('title') || keys.includes('body'),
    ignoreLocation: true,
    ignoreFieldNorm: true,
    threshold: 0.45,
    minMatchCharLength: 1,
  };
}
const CJK_FIELDS = fuseOptions(['title', 'tags', 'body']);
const LATIN_FIELDS = fuseOptions(['code', 'pyTitle', 'tags', 'pyInitials']);
const ALL_FIELDS = fuseOptions(['title', 'pyTitle', 'code', 'tags', 'pyInitials', 'body']);

/**
 * One Fuse.js per field set, kept and handed each query's few dozen candidates (setCollection), rather than a new
 * one built for every query.
 */
const FUSES = new Map<IFuseOptions<FuseDoc>, Fuse<FuseDoc>>();
function fuseFor(options: IFuseOptions<FuseDoc>, docs: FuseDoc[]): Fuse<FuseDoc> {
  const fuse = FUSES.get(options);
  if (!fuse) {
    const made = new Fuse(docs, options);
    FUSES.set(options, made);
    return made;
  }
  fuse.setCollection(docs);
  return fuse;
}

// Full pinyin of the body (hundreds of letters) is not given to Fuse: it would cost more than everything else
// together. Full-pinyin queries are matched by the index instead (bigrams, then trigrams in order).
function fieldsFor({ chars, tokens }: { chars: Set<string>; tokens: string[] }): IFuseOptions<FuseDoc> {
  if (chars.size && tokens.length) return ALL_FIELDS;
  return chars.size ? CJK_FIELDS : LATIN_FIELDS;
}

/** Call `fn` with the key of every bigram of adjacent [a-z0-9] characters in `s`. */
function forEachGram(s: string, fn: (gram: number) => void): void {
  let prev = -1;
  for (let k = 0; k < s.length; k++) {
    const cur = latinCode(s.charCodeAt(k));
    if (prev >= 0 && cur >= 0) fn(prev * 36 + cur);
    prev = cur;
  }
}

/** Call `fn` with the key of every trigram of adjacent [a-z0-9] characters in `s`. */
function forEachTrigram(s: string, fn: (trigram: number) => void): void {
  let a = -1;
  let b = -1;
  for (let k = 0; k < s.length; k++) {
    const c = latinCode(s.charCodeAt(k));
    if (a >= 0 && b >= 0 && c >= 0) fn((a * 36 + b) * 36 + c);
    a = b;
    b = c;
  }
}

/** Frecency in [0, 1): use count decayed by a half-life of two weeks since the last use. */
export function frecency(p: Pick<SearchablePhrase, 'useCount' | 'lastUsedAt'>, now: number): number {
  if (!p.useCount) return 0;
  const age = p.lastUsedAt ? Math.max(0, now - p.lastUsedAt) : 90 * DAY;
  const f = p.useCount * 0.5 ** (age / (14 * DAY));
  return f / (f + 5);
}

const UNORDERED = Number.MAX_SAFE_INTEGER;
function byUse(a: SearchablePhrase, b: SearchablePhrase): number {
  return (
    Number(b.pinned) - Number(a.pinned) ||
    b.useCount - a.useCount ||
    (b.lastUsedAt ?? 0) - (a.lastUsedAt ?? 0) ||
    // A new library has no uses yet: the pack's own order (its most useful phrases first), not the id's.
    (a.order ?? UNORDERED) - (b.order ?? UNORDERED)
  );
}

/** The empty query: the stage's phrases, pinned first, then most used, most recently used, pack order. No index needed. */
export function browse<P extends SearchablePhrase>(phrases: readonly P[], { stageId, limit }: SearchOptions = {}): SearchHit<P>[] {
  const sorted = limit ? firstByUse(phrases, stageId, limit) : phrases.filter((p) => !stageId || p.stageId === stageId).sort(byUse);
  return sorted.map((phrase) => ({ phrase, score: 0, highlight: { title: [], body: [] } }));
}

/** The first `limit` of a stage in browsing order, without sorting the whole stage (a 100k library has 10k a stage). */
function firstByUse<P extends SearchablePhrase>(phrases: readonly P[], stageId: string | undefined, limit: number): P[] {
  const best: P[] = [];
  for (const p of phrases) {
    if (stageId && p.stageId !== stageId) continue;
    if (best.length === limit && byUse(p, best[limit - 1]!) >= 0) continue;
    let k = best.length === limit ? limit - 1 : best.length;
    while (k > 0 && byUse(p, best[k - 1]!) < 0) {
      best[k] = best[k - 1]!;
      k--;
    }
    best[k] = p;
    if (best.length > limit) best.length = limit;
  }
  return best;
}

const CHAR_KEYS = 0x10000;
const LATIN = /[a-z0-9]/i;
const NO_PINYIN: PinyinKeys = { full: '', initials: '' };
const latinWordsOf = (text: string) => text.toLowerCase().match(/[a-z0-9]+/g)?.join(' ') ?? '';

export class PhraseIndex<P extends SearchablePhrase> {
  /** Chinese character code → phrases containing it (title, tags or body). */
  private readonly chars: Postings;
  /** Latin bigram (two of [a-z0-9], as gramKey) → phrases containing it (code, pinyin, Latin words). */
  private readonly grams: Postings;
  /** The same for the title alone (its characters; its pinyin, initials and full): the title signal. */
  private readonly titleChars: Postings;
  private readonly titleGrams: Postings;
  /**
   * Trigrams of the title's full pinyin: for a long typo'd token ("tuikaun"), the few titles that hold its
   * unbroken stretches ("tui", "uik") stand out from the many whose long bodies hold most of its bigrams.
   */
  private readonly titleTrigrams: Postings;
  /** Distinct Chinese characters and distinct bigrams of each title (how much of a title a query can account for). */
  private readonly titleCharCount: Uint16Array;
  private readonly titleGramCount: Uint16Array;
  /** First letter of the code / title initials / first Latin word → phrases. */
  private readonly firstPostings = new Map<string, Int32Array>();
  private readonly codeIndex = new Map<string, number[]>();
  private readonly fuseDocs: FuseDoc[];
  /** Latin words of each phrase's text (with its code and pinyin, where long tokens are checked for order). */
  private readonly latinWords: string[] = [];
  private readonly counter: Float64Array;
  private readonly titleHits: Uint16Array;
  private readonly trigramHits: Uint16Array;
  /** Phrases the current query touched (the first `touchedCount`). */
  private readonly touched: Int32Array;
  private readonly frecencies: Float64Array;
  private phrases: readonly P[];

  constructor(phrases: readonly P[], now = Date.now()) {
    const n = phrases.length;
    this.phrases = phrases;
    this.counter = new Float64Array(n);
    this.titleHits = new Uint16Array(n);
    this.trigramHits = new Uint16Array(n);
    this.touched = new Int32Array(n);
    this.titleCharCount = new Uint16Array(n);
    this.titleGramCount = new Uint16Array(n);
    this.frecencies = new Float64Array(n);
    for (let i = 0; i < n; i++) this.frecencies[i] = frecency(phrases[i]!, now);
    // Capacity from the text's length (measured: distinct characters ≈ 0.7 of a text, distinct bigrams ≈ 0.5 of
    // its pinyin), so the pair arrays are allocated once.
    let cjk = 0;
    let latin = 0;
    for (const p of phrases) {
      cjk += p.title.length + p.body.length;
      latin += (p.pinyin?.full.length ?? 0) + (p.pinyin?.initials.length ?? 0) + 16;
    }
    const chars = new PostingsBuilder(CHAR_KEYS, Math.ceil(cjk * 0.75));
    const grams = new PostingsBuilder(GRAM_KEYS, Math.ceil(latin * 0.55));
    const titleChars = new PostingsBuilder(CHAR_KEYS, n * 10);
    const titleGrams = new PostingsBuilder(GRAM_KEYS, n * 36);
    const titleTrigrams = new PostingsBuilder(TRIGRAM_KEYS, n * 24);
    const firsts = new Map<string, number[]>();
    this.fuseDocs = phrases.map((p, i) => {
      const code = (p.code ?? '').toLowerCase();
      const tags = p.tags.join(' ');
      this.titleCharCount[i] = titleChars.addCjk(p.title, i);
      chars.addCjk(p.title, i);
      chars.addCjk(tags, i);
      chars.addCjk(p.body, i);

      const latinWords = LATIN.test(p.title) || LATIN.test(tags) || LATIN.test(p.body) ? latinWordsOf(`${p.title} ${tags} ${p.body}`) : '';
      const py = p.pinyin ?? NO_PINYIN;
      grams.addGrams(code, i);
      grams.addGrams(py.full, i);
      grams.addGrams(py.initials, i);
      grams.addGrams(latinWords, i);
      this.latinWords[i] = latinWords;
      // pinyin.ts joins fields with spaces, title first.
      const pyTitle = `${firstWord(py.initials)} ${firstWord(py.full)}`.trim();
      this.titleGramCount[i] = titleGrams.addGrams(pyTitle, i);
      titleTrigrams.addTrigrams(firstWord(py.full), i);

      const [a, b, c] = [code[0], py.initials[0], latinWords[0]];
      if (a && a !== ' ') push(firsts, a, i);
      if (b && b !== ' ' && b !== a) push(firsts, b, i);
      if (c && c !== ' ' && c !== a && c !== b) push(firsts, c, i);
      if (code) push(this.codeIndex, code, i);
      return { title: p.title, body: p.body, tags, code, pyTitle, pyInitials: py.initials };
    });
    // Every posting list is an Int32Array: one element kind keeps the counting loop monomorphic (a mix of
    // arrays and typed arrays made it several times slower).
    for (const [f, list] of firsts) this.firstPostings.set(f, Int32Array.from(list));
    this.chars = chars.build();
    this.grams = grams.build();
    this.titleChars = titleChars.build();
    this.titleGrams = titleGrams.build();
    this.titleTrigrams = titleTrigrams.build();
  }

  get size(): number {
    return this.phrases.length;
  }

  /** Code, pinyin and Latin words of phrase `i` (only long-token queries need it, for a few dozen candidates). */
  private latinOf(i: number): string {
    const py = this.phrases[i]!.pinyin ?? NO_PINYIN;
    return `${this.fuseDocs[i]!.code} ${py.full} ${py.initials} ${this.latinWords[i]!}`;
  }

  search(query: string, options: SearchOptions = {}): SearchHit<P>[] {
    const { stageId } = options;
    const q = query.trim().toLowerCase();
    const inStage = (i: number) => !stageId || this.phrases[i]!.stageId === stageId;

    if (!q) return browse(this.phrases, options);

    const limit = options.limit ?? 50;
    const words = queryWords(q, options.synonyms ?? NO_SYNONYMS);
    const fuzzy = this.fuzzySearch(q, inStage, words);
    // A buyer's question (有赠品吗) is searched by its words once its filler is trimmed, even a single word.
    const all = wantsWords(words) || (words.length && looksLikeQuestion(q)) ? this.allWords(words, inStage) : undefined;
    if (!all?.size) return fuzzy.slice(0, limit);
    return this.wordsFirst(words, all, fuzzy, limit);
  }

  /**
   * A query of several words (or of a synonym): the phrases that hold every word lead, ranked by how they hold
   * them (in the title, as typed rather than by an equivalent, each Chinese run whole) and by the fuzzy search's
   * own score; the fuzzy search's other hits follow.
   */
  private wordsFirst(words: readonly QueryWord[], all: Map<number, WordsMatch>, fuzzy: SearchHit<P>[], limit: number): SearchHit<P>[] {
    const byPhrase = new Map<P, SearchHit<P>>();
    for (const h of fuzzy) byPhrase.set(h.phrase, h);
    const lead: { i: number; score: number; had: SearchHit<P> | undefined }[] = [];
    const several = words.length > 1;
    for (const [i, m] of all) {
      const phrase = this.phrases[i]!;
      const had = byPhrase.get(phrase);
      const doc = this.fuseDocs[i]!;
      const score =
        2 +
        (had?.score ?? 0) +
        0.35 * (m.inTitle / words.length) +
        // A title holding every word (the product and the topic) beats one holding the topic while the body names
        // the product; of those, the title that starts with one of the words (发货时间·雨伞 over 双11发货时间·雨伞)
        // and that the words take up more of.
        (several && m.titleAsTyped === words.length ? 1 + (words.some((w) => startsTitle(w, doc)) ? 0.3 : 0) + 0.3 * this.titleTaken(i, words) : 0) +
        0.15 * (m.literal / words.length) +
        0.15 * (m.rank / words.length) +
        0.2 * (m.slot / words.length) +
        0.2 * (words.length / m.pieces) +
        this.frecencies[i]! * 0.1 +
        (phrase.pinned ? 0.05 : 0);
      lead.push({ i, score, had });
    }
    lead.sort((a, b) => b.score - a.score);
    const out = lead.slice(0, limit).map(({ i, score, had }): SearchHit<P> => ({ phrase: this.phrases[i]!, score, by: 'words', highlight: had?.highlight ?? this.wordsHighlight(i, all.get(i)!.found) }));
    const held = new Set(lead.map(({ i }) => this.phrases[i]!));
    for (const h of fuzzy) {
      if (out.length >= limit) break;
      if (!held.has(h.phrase)) out.push(h);
    }
    return out;
  }

  /** The share of the title's Chinese characters the query's words account for (0 for a title without any). */
  private titleTaken(i: number, words: readonly QueryWord[]): number {
    const total = this.titleCharCount[i]!;
    if (!total) return 0;
    const title = this.fuseDocs[i]!.title;
    const chars = new Set<string>();
    for (const w of words) for (const ch of w.kind === 'alts' ? w.alts.join('') : w.text) if (CJK.test(ch) && title.includes(ch)) chars.add(ch);
    return Math.min(1, chars.size / total);
  }

  /** Where the matched words are in the title and body (first occurrence of each). */
  private wordsHighlight(i: number, found: readonly string[]): SearchHit<P>['highlight'] {
    const doc = this.fuseDocs[i]!;
    // The words found are Chinese (or a synonym as written in the table): no lower-casing needed.
    const ranges = (text: string): Range[] =>
      found.flatMap((w) => {
        const at = text.indexOf(w);
        return at < 0 ? [] : [[at, at + w.length - 1] as Range];
      });
    return { title: ranges(doc.title), body: ranges(doc.body) };
  }

  /**
   * The phrases holding every word of the query (each word by its text, an equivalent, or for a Latin token its
   * pinyin, initials or code): candidates from the postings (every character of a Chinese word, every bigram of
   * a Latin one), then checked against the text.
   */
  private allWords(words: readonly QueryWord[], inStage: (i: number) => boolean): Map<number, WordsMatch> {
    let candidates: Int32Array | undefined;
    for (const w of words) {
      const list = w.kind === 'alts' ? unionAll(w.alts.map((a) => this.holdingAll(a))) : this.holdingAll(w.text);
      candidates = candidates ? intersect(candidates, list) : list;
      if (!candidates.length) return new Map();
    }
    const out = new Map<number, WordsMatch>();
    let checked = 0;
    for (const i of candidates ?? []) {
      if (!inStage(i)) continue;
      if (++checked > MAX_WORD_CHECKS) break;
      const m = this.holdsWords(i, words);
      if (m) out.set(i, m);
    }
    return out;
  }

  /** The phrases holding every character (Chinese) or bigram (Latin) of `text`: those that may hold it. */
  private holdingAll(text: string): Int32Array {
    const lists: Int32Array[] = [];
    if (CJK.test(text)) {
      for (const ch of new Set(text)) {
        const c = ch.charCodeAt(0);
        if (!CJK.test(ch)) continue;
        if (!this.chars.count(c)) return EMPTY;
        lists.push(this.chars.of(c));
      }
    } else {
      const grams = new Set<number>();
      forEachGram(text, (g) => grams.add(g));
      for (const g of grams) {
        if (!this.grams.count(g)) return EMPTY;
        lists.push(this.grams.of(g));
      }
      if (!grams.size) return text.length === 1 ? (this.firstPostings.get(text) ?? EMPTY) : EMPTY;
    }
    if (!lists.length) return EMPTY;
    lists.sort((a, b) => a.length - b.length);
    return lists.reduce((a, b) => intersect(a, b));
  }

  /** How phrase `i` holds every word, or undefined when it misses one. */
  private holdsWords(i: number, words: readonly QueryWord[]): WordsMatch | undefined {
    const doc = this.fuseDocs[i]!;
    // Field by field, without building the phrase's text: Chinese needs no lower-casing, and Latin is matched in
    // the code, the pinyin and the Latin words, all lower-case already.
    const inText = (s: string) => doc.title.includes(s) || doc.body.includes(s) || doc.tags.includes(s);
    const inTitle = (s: string) => doc.title.includes(s);
    const py = this.phrases[i]!.pinyin ?? NO_PINYIN;
    const inLatin = (s: string) => doc.code.includes(s) || py.full.includes(s) || py.initials.includes(s) || this.latinWords[i]!.includes(s);
    const m: WordsMatch = { inTitle: 0, titleAsTyped: 0, literal: 0, rank: 0, slot: 0, pieces: 0, found: [] };
    for (const w of words) {
      if (w.kind === 'chunk') {
        const pieces = coverPieces(w.text, inText);
        if (!pieces) return undefined;
        m.pieces += pieces;
        m.literal++;
        m.rank++;
        if (coverPieces(w.text, inTitle)) {
          m.inTitle++;
          m.titleAsTyped++;
        }
        m.found.push(...(pieces === 1 ? [w.text] : w.text.match(/../g)!.filter(inText)));
      } else if (w.kind === 'latin') {
        if (!inLatin(w.text)) return undefined;
        m.pieces++;
        m.literal++;
        m.rank++;
        if (doc.code.startsWith(w.text) || doc.pyTitle.includes(w.text)) {
          m.inTitle++;
          m.titleAsTyped++;
        }
      } else {
        const holds = (s: string) => (CJK.test(s) ? inText(s) : inLatin(s));
        // An equivalent of several words ("尺码 缺货") needs them all.
        const k = w.alts.findIndex((a) => a.split(' ').every(holds));
        if (k < 0) return undefined;
        const alt = w.alts[k]!;
        m.pieces++;
        if (k === 0) m.literal++;
        // The earlier an equivalent in its row, the nearer it is (尺码 缺货 before 缺货).
        m.rank += 1 - k / w.alts.length;
        if (w.alts.some((a) => a.split(' ').every(inTitle))) m.inTitle++;
        if (inTitle(w.word)) m.titleAsTyped++;
        // A value of a placeholder ({快递公司=顺丰/中通}) or the placeholder itself ({快递公司} for 顺丰).
        if (alt.split(' ').some((a) => inSlot(doc.body, a))) m.slot++;
        m.found.push(...alt.split(' '));
      }
    }
    return m;
  }

  /** The search by characters, pinyin, codes and typos (one word, or the words' fallback). */
  private fuzzySearch(q: string, inStage: (i: number) => boolean, words: readonly QueryWord[]): SearchHit<P>[] {
    const candidates = this.narrow(q, inStage);
    const exact = new Set((this.codeIndex.get(q.replace(/\s+/g, '')) ?? []).filter(inStage));
    for (const i of exact) if (!candidates.some((c) => c.i === i)) candidates.unshift({ i, coverage: 1, density: 1 });
    if (candidates.length === 0) return [];

    const units = queryUnits(q);
    const fuse = fuseFor(fieldsFor(units), candidates.map((c) => this.fuseDocs[c.i]!));
    const scored = new Map<number, FuseResult<FuseDoc>>();
    for (const r of fuse.search(q)) scored.set(r.refIndex, r);

    const hits: SearchHit<P>[] = [];
    candidates.forEach((c, k) => {
      const phrase = this.phrases[c.i]!;
      const r = scored.get(k);
      // Sharing characters or bigrams is not a match: "qwerty" or "xyz不存在" must find nothing rather than the
      // phrases that happen to contain "er" or 不, so Enter inserts nothing. A hit needs Fuse's fuzzy match, an
      // in-order alignment of a long token (typos such as "huanyign"), or the exact code.
      const fuzzy = r ? 1 - (r.score ?? 1) : 0;
      const doc = this.fuseDocs[c.i]!;
      // A title holding all of the query's characters in any order, or all but one of four or more (a character of
      // the same sound typed by mistake, 包油说明·蓝牙耳机), is a match however far apart they are.
      const held = titleCharsHeld(units.chars, doc.title);
      const titleHolds = units.chars.size > 0 && !units.tokens.length && held >= units.chars.size - (units.chars.size >= 4 ? 1 : 0);
      if (!exact.has(c.i) && !titleHolds && fuzzy < MIN_MATCH && (c.order ?? 0) < MIN_ORDER && (c.titleTypo ?? 0) < MIN_TITLE_TYPO) return;
      // For long Latin tokens the share of their trigrams found in order is as good a match measure as Fuse's
      // (which is not given the long full-pinyin field).
      const quality = Math.max(r ? 1 - (r.score ?? 1) : c.coverage * 0.4, c.order ?? 0, titleHolds ? 0.6 : 0);
      const inTitle = titleCoverage(units, doc);
      const score =
        (exact.has(c.i) ? 10 : 0) +
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
        (words.length > 1 ? 0.5 * (wordsInTitle(words, doc) / words.length) : 0) +
        this.frecencies[c.i]! * 0.1 +
        (phrase.pinned ? 0.05 : 0);
      hits.push({ phrase, score, highlight: highlightOf(r, q) });
    });
    return hits.sort((a, b) => b.score - a.score);
  }

  /**
   * Candidates whose text covers at least half of the query's units (each distinct Chinese character; each
   * bigram of a Latin token; a one-letter token matches first letters), ranked by coverage and by how much of
   * the title the query matches (counted from the title postings in the same pass, so a typo'd title still
   * comes in: 发火时间 still shares 发, 时, 间 with 发货时间's title), ties by frecency.
   */
  private narrow(q: string, inStage: (i: number) => boolean): Candidate[] {
    const units2 = queryUnits(q);
    const { chars, tokens } = units2;
    const units: { postings: Int32Array | undefined; title: Int32Array | undefined }[] = [];
    for (const ch of chars) {
      const c = ch.charCodeAt(0);
      units.push({ postings: this.chars.count(c) ? this.chars.of(c) : undefined, title: this.titleChars.of(c) });
    }
    const grams = new Set<number>();
    for (const token of tokens) {
      if (token.length === 1) units.push({ postings: this.firstPostings.get(token), title: undefined });
      else forEachGram(token, (g) => grams.add(g));
    }
    for (const g of grams) units.push({ postings: this.grams.count(g) ? this.grams.of(g) : undefined, title: this.titleGrams.of(g) });
    if (units.length === 0) return [];

    // Each unit is weighted by its rarity (idf), so a typo that leaves only common bigrams ("an", "ng") does not
    // pull in half the library while the rare ones ("ny") still find the intended phrase.
    const n = this.phrases.length;
    const idf = units.map(({ postings }) => (postings ? Math.log(1 + n / postings.length) : 0));
    // A unit found nowhere (the typo itself) weighs as much as an average unit, not as the rarest one; and no
    // unit weighs more than twice the average, so a bigram a typo makes by chance ("hj" of fahuoshjian, found
    // only in a few codes) cannot outweigh the rest of the query.
    const present = idf.filter((w) => w > 0);
    const absentWeight = present.length ? present.reduce((a, b) => a + b, 0) / present.length : 1;
    const weights = idf.map((w) => Math.min(w, 2 * absentWeight));
    const { counter, titleHits, touched } = this;
    let total = 0;
    let touchedCount = 0;
    for (const [k, { postings, title }] of units.entries()) {
      const w = postings ? weights[k]! : absentWeight;
      total += w;
      if (!postings) continue;
      for (let j = 0; j < postings.length; j++) {
        const i = postings[j]!;
        if (counter[i] === 0) touched[touchedCount++] = i;
        counter[i]! += w;
      }
      if (title) for (let j = 0; j < title.length; j++) titleHits[title[j]!]!++;
    }

    // Keep the best candidates by coverage plus the title signal: the share of the query's units in the title
    // (so "sh" prefers titles whose initials hold it over bodies that merely contain "shi") and the share of
    // the title the query accounts for (主动招呼 over 主动招呼·连衣裙). A bounded heap keeps this linear even
    // when a two-letter query touches most of a 10k library.
    const queryChars = chars.size;
    const queryGrams = grams.size;
    const long = tokens.filter((t) => t.length >= 4);
    // Long tokens: how many of their trigrams the title's full pinyin holds (tuikaun: tui, uik of tuikuan).
    const trigrams = new Set<number>();
    for (const t of long) forEachTrigram(t, (g) => trigrams.add(g));
    const { trigramHits } = this;
    for (const g of trigrams) {
      if (!this.titleTrigrams.count(g)) continue;
      const list = this.titleTrigrams.of(g);
      for (let j = 0; j < list.length; j++) trigramHits[list[j]!]!++;
    }
    const heap = new TopK(long.length ? RERANK : CANDIDATES);
    const titleLane = new TopK(CANDIDATES / 2);
    const { titleCharCount, titleGramCount, frecencies } = this;
    const queryUnitCount = Math.max(queryChars + queryGrams, 1);
    const unitCount = units.length;
    for (let t = 0; t < touchedCount; t++) {
      const i = touched[t]!;
      const coverage = counter[i]! / total;
      const hitsInTitle = titleHits[i]!;
      const trigramShare = trigrams.size ? trigramHits[i]! / trigrams.size : 0;
      counter[i] = 0;
      titleHits[i] = 0;
      trigramHits[i] = 0;
      // A typo'd title is admitted on its own: tuikaun shares only tu, ui, ik with 退款时效's text, half of
      // its bigrams, but all of them are in the title.
      const titleShare = hitsInTitle / unitCount;
      if ((coverage < MIN_COVERAGE && titleShare < MIN_COVERAGE) || !inStage(i)) continue;
      const titleUnits = (queryChars ? titleCharCount[i]! : 0) + (queryGrams ? titleGramCount[i]! : 0);
      const density = hitsInTitle / Math.max(titleUnits, queryUnitCount);
      // For long tokens the body's bigrams count half (a long body holds most of any token's bigrams somewhere)
      // and the title's trigrams count instead.
      const rank = coverage + 0.05 * frecencies[i]! + 0.5 * titleShare + 0.6 * density;
      if (heap.admits(rank)) heap.offer(i, rank, coverage, density);
      // A lane of their own for the titles whose pinyin holds most of a long token's trigrams: a typo'd title
      // (tuikaun → 退款时效) whose body is short loses on coverage to long bodies holding its bigrams anywhere.
      if (trigramShare > 0) {
        const byTitle = trigramShare + 0.6 * density + 0.05 * frecencies[i]!;
        if (titleLane.admits(byTitle)) titleLane.offer(i, rank, coverage, density, byTitle);
      }
    }
    let out: { i: number; rank: number; coverage: number; density: number; order?: number; titleTypo?: number; titleTaken?: number }[] = heap.sorted();
    const inHeap = new Set(out.map((c) => c.i));
    for (const c of titleLane.sorted()) if (!inHeap.has(c.i)) out.push(c);
    // Bigrams ignore order, and long pinyin contains most bigrams somewhere: for tokens of four letters or more
    // ("huanyign") re-rank the heap by how much of each token appears in one place, in order (q-gram alignment).
    if (long.length) {
      out = out
        .map((c) => {
          const latin = this.latinOf(c.i);
          const title = this.fuseDocs[c.i]!.pyTitle;
          const order = long.reduce((sum, t) => sum + alignedShare(latin, t), 0) / long.length;
          const inTitle = long.reduce((sum, t) => sum + alignedShare(title, t), 0) / long.length;
          const full = firstWord(title.slice(title.indexOf(' ') + 1));
          const titleTypo = long.reduce((sum, t) => sum + typoShare(full, t), 0) / long.length;
          const titleTaken = full ? Math.min(1, (titleTypo * long.reduce((sum, t) => sum + t.length, 0)) / full.length) : 0;
          return { ...c, rank: c.rank + order + 0.5 * inTitle + c.density, coverage: (c.coverage + order) / 2, order, titleTypo, titleTaken };
        })
        .sort((a, b) => b.rank - a.rank)
        // Fuse's bitap cost grows with pattern length: long tokens are already well ranked by alignment.
        .slice(0, CANDIDATES / 2);
    }
    return out.map(({ i, coverage, density, order, titleTypo, titleTaken }) => ({ i, coverage, density, order, titleTypo, titleTaken }));
  }

  /** Refresh pinned/use counts without re-indexing (the text of the phrases must be unchanged). */
  refreshStats(phrases: readonly P[], now = Date.now()): void {
    if (phrases.length !== this.phrases.length) throw new Error('refreshStats needs the same phrases');
    this.phrases = phrases;
    for (let i = 0; i < phrases.length; i++) this.frecencies[i] = frecency(phrases[i]!, now);
  }
}

interface Candidate {
  i: number;
  coverage: number;
  /** Share of the title the query accounts for. */
  density: number;
  /** Share of the long tokens' trigrams found in order (only for long Latin tokens). */
  order?: number;
  /** How nearly the title's full pinyin holds each long token, one typo apart (only for long Latin tokens). */
  titleTypo?: number;
  /** The share of the title's full pinyin those near matches take up (退款时效 over 退款时效·羽绒服). */
  titleTaken?: number;
}

/** How a phrase holds a query's words. */
interface WordsMatch {
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

/** Whether `body` holds `s` inside a placeholder's braces. */
function inSlot(body: string, s: string): boolean {
  for (let at = body.indexOf(s); at >= 0; at = body.indexOf(s, at + 1)) {
    const open = body.lastIndexOf('{', at);
    if (open >= 0 && body.lastIndexOf('}', at) < open && body.indexOf('}', at) >= 0) return true;
  }
  return false;
}

/** At most this many phrases are checked for a query's words (a 10k library of near-copies holds thousands). */
const MAX_WORD_CHECKS = 1000;
const EMPTY = new Int32Array(0);

/**
 * Whether a query is searched by its words: several words, a synonym, or a Chinese run long enough to be two
 * words (感谢光临). One word (退款, kd, huanyign) is the fuzzy search's alone; a one-letter token (the first
 * keystroke of a word) holds nothing back.
 */
function wantsWords(words: readonly QueryWord[]): boolean {
  if (words.some((w) => w.kind === 'latin' && w.text.length < 2)) return false;
  return words.length > 1 || words.some((w) => w.kind === 'alts' || (w.kind === 'chunk' && w.text.length > 2));
}

/** The phrases in both ascending lists. */
function intersect(a: Int32Array, b: Int32Array): Int32Array {
  const out = new Int32Array(Math.min(a.length, b.length));
  let n = 0;
  for (let i = 0, j = 0; i < a.length && j < b.length; ) {
    const x = a[i]!;
    const y = b[j]!;
    if (x === y) {
      out[n++] = x;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return out.subarray(0, n);
}

/** The phrases in any of the ascending lists, ascending. */
function unionAll(lists: readonly Int32Array[]): Int32Array {
  const nonEmpty = lists.filter((l) => l.length);
  if (nonEmpty.length <= 1) return nonEmpty[0] ?? EMPTY;
  const seen = new Set<number>();
  for (const l of nonEmpty) for (let k = 0; k < l.length; k++) seen.add(l[k]!);
  return Int32Array.from(seen).sort();
}

type Ranked = { i: number; rank: number; coverage: number; density: number; key: number };

/** The k highest entries by key (the rank unless given), in a bounded min-heap. */
class TopK {
  private readonly items: Ranked[] = [];
  constructor(private readonly k: number) {}

  /** Whether an entry of this rank would be kept now. */
  admits(rank: number): boolean {
    return this.items.length < this.k || rank > this.items[0]!.key;
  }

  /** @param key what the heap orders by (default: rank) */
  offer(i: number, rank: number, coverage: number, density: number, key = rank): void {
    const h = this.items;
    if (h.length < this.k) {
      h.push({ i, rank, coverage, density, key });
      let c = h.length - 1;
      while (c > 0) {
        const p = (c - 1) >> 1;
        if (h[p]!.key <= h[c]!.key) break;
        [h[p], h[c]] = [h[c]!, h[p]!];
        c = p;
      }
    } else if (key > h[0]!.key) {
      h[0] = { i, rank, coverage, density, key };
      let p = 0;
      for (;;) {
        const l = 2 * p + 1;
        const r = l + 1;
        let m = p;
        if (l < h.length && h[l]!.key < h[m]!.key) m = l;
        if (r < h.length && h[r]!.key < h[m]!.key) m = r;
        if (m === p) break;
        [h[p], h[m]] = [h[m]!, h[p]!];
        p = m;
      }
    }
  }

  sorted(): Ranked[] {
    return [...this.items].sort((a, b) => b.key - a.key);
  }
}

/**
 * Share of `token`'s trigrams that occur in `hay` at positions consistent with one placement of the token
 * (± one character, so a missing, extra or swapped letter still aligns). 1 = the token occurs as is.
 */
export function alignedShare(hay: string, token: string): number {
  // The token as is (the usual case for a correctly typed pinyin) aligns every trigram: no need to count.
  if (hay.includes(token)) return 1;
  const count = token.length - 2;
  if (count <= 0) return 0;
  // votes[start + 1] counts trigrams consistent with the token starting at `start` (start may be -1).
  const votes = new Uint8Array(hay.length + 3);
  let best = 0;
  for (let k = 0; k < count; k++) {
    const t = token.slice(k, k + 3);
    let marked = -2; // highest slot already voted for by this trigram (occurrences come in increasing order)
    for (let p = hay.indexOf(t); p >= 0; p = hay.indexOf(t, p + 1)) {
      for (let slot = Math.max(0, p - k, marked + 1); slot <= p - k + 2; slot++) {
        const v = ++votes[slot]!;
        if (v > best) best = v;
        marked = slot;
      }
    }
  }
  return best / count;
}

/**
 * 1 − (the fewest edits that turn `token` into some stretch of `hay`) / the token's length, where an edit is a
 * letter typed wrong, missed, added, or two swapped ("tuikaun" is one swap from the "tuikuan" of
 * tuikuanshixiao: 0.86). Optimal string alignment over a free start and end; `hay` is a title's pinyin, short.
 */
export function typoShare(hay: string, token: string): number {
  const m = token.length;
  if (!m) return 0;
  const w = hay.length + 1;
  // Rows i − 2, i − 1 and i of the table: d[i][j] = fewest edits of token[0, i) ending at hay[j − 1].
  let before = new Int32Array(w);
  let prev = new Int32Array(w); // row 0: a match may start anywhere
  let cur = new Int32Array(w);
  for (let i = 1; i <= m; i++) {
    cur[0] = i;
    const a = token.charCodeAt(i - 1);
    for (let j = 1; j < w; j++) {
      const b = hay.charCodeAt(j - 1);
      let d = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a === b ? 0 : 1));
      if (i > 1 && j > 1 && a === hay.charCodeAt(j - 2) && token.charCodeAt(i - 2) === b) d = Math.min(d, before[j - 2]! + 1);
      cur[j] = d;
    }
    [before, prev, cur] = [prev, cur, before];
  }
  let best = m;
  for (let j = 0; j < w; j++) best = Math.min(best, prev[j]!);
  return 1 - best / m;
}

/** A query's units: distinct Chinese characters and Latin tokens (pinyin, codes, words). */
function queryUnits(q: string): { chars: Set<string>; tokens: string[]; spaced: string[] } {
  const chars = new Set<string>();
  for (const ch of q) if (CJK.test(ch)) chars.add(ch);
  const tokens = [...new Set(q.match(/[a-z0-9]+/g) ?? [])];
  return { chars, tokens, spaced: tokens.map((t) => ` ${t}`) };
}

/** The query is the whole title, in characters, in full pinyin or its initials exactly (核对地址 over 核对地址加催付, fhsj). */
function isWholeTitle(q: string, doc: FuseDoc): boolean {
  const compact = q.replace(/\s+/g, '');
  const [initials, full] = doc.pyTitle.split(' ');
  return doc.title.toLowerCase() === compact || full === compact || initials === compact;
}

/** Share of the query found in the title (characters in it, tokens in its pinyin or the shortcut code). */
function titleCoverage({ chars, tokens, spaced }: ReturnType<typeof queryUnits>, doc: FuseDoc): number {
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

/** Whether the title starts with the word (its text, its pinyin or initials, or the code for a Latin word). */
function startsTitle(w: QueryWord, doc: FuseDoc): boolean {
  if (w.kind === 'latin') return doc.code.startsWith(w.text) || doc.pyTitle.startsWith(w.text) || doc.pyTitle.includes(` ${w.text}`);
  return w.kind === 'chunk' ? doc.title.startsWith(w.text) : w.alts.some((a) => doc.title.startsWith(a));
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

/** The first space-separated field (pinyin.ts writes the title's first). */
function firstWord(s: string): string {
  const k = s.indexOf(' ');
  return k < 0 ? s : s.slice(0, k);
}

function push(map: Map<string, number[]>, key: string, i: number): void {
  const list = map.get(key);
  if (list) list.push(i);
  else map.set(key, [i]);
}

/** Title/body ranges Fuse matched; single Latin letters are dropped (noise), single Chinese characters kept. */
function highlightOf(r: FuseResult<FuseDoc> | undefined, q: string): SearchHit<SearchablePhrase>['highlight'] {
  const out: SearchHit<SearchablePhrase>['highlight'] = { title: [], body: [] };
  if (!r?.matches) return out;
  const wanted = new Set(q);
  for (const m of r.matches) {
    if (m.key !== 'title' && m.key !== 'body') continue;
    const value = m.value ?? '';
    out[m.key] = m.indices
      .filter(([s, e]) => e > s || (CJK.test(value[s] ?? '') && wanted.has(value[s]!)))
      .map(([s, e]) => [s, e] as Range);
  }
  return out;
}

/** Split text into plain and highlighted pieces (for rendering as text, never HTML). */
export function splitHighlight(text: string, ranges: readonly Range[]): { text: string; hit: boolean }[] {
  const pieces: { text: string; hit: boolean }[] = [];
  let at = 0;
  for (const [s, e] of [...ranges].sort((a, b) => a[0] - b[0])) {
    if (s < at) continue;
    if (s > at) pieces.push({ text: text.slice(at, s), hit: false });
    pieces.push({ text: text.slice(s, e + 1), hit: true });
    at = e + 1;
  }
  if (at < text.length) pieces.push({ text: text.slice(at), hit: false });
  return pieces;
}

/**
 * The version of a library's text: how many phrases, and the latest edit time. Every write that changes a
 * phrase's text, stage or code stamps `updatedAt = now` (phrase-writes.ts, imports, packs), a delete changes the
 * count, and an undo puts back the old row and count; use counts and pins change neither. Two numbers, read
 * in one pass over numbers, where the signature it replaces built a string over every id (3 ms at 10k, 35 ms at
 * 100k, on every insert).
 */
export function libraryVersion(phrases: readonly { updatedAt: number }[]): { count: number; latest: number } {
  let latest = 0;
  for (let i = 0; i < phrases.length; i++) {
    const t = phrases[i]!.updatedAt;
    if (t > latest) latest = t;
  }
  return { count: phrases.length, latest };
}

/**
 * Keeps one index per phrase library: rebuilt only when the library's text version changes, while use counts
 * and pins, which change on every insert, are refreshed in place.
 */
export class PhraseSearchCache<P extends SearchablePhrase & { updatedAt: number }> {
  private version = { count: -1, latest: -1 };
  private index: PhraseIndex<P> | undefined;
  private last: readonly P[] | undefined;

  /**
   * The index for this library. The panel and the picker call it on every keystroke with the same array (a live
   * query hands out a new array only when the library changed): that returns at once. A new array of the same
   * version (only use counts or pins changed) refreshes them; a new version rebuilds the index.
   */
  get(phrases: readonly P[]): PhraseIndex<P> {
    if (this.index && phrases === this.last) return this.index;
    this.last = phrases;
    const version = libraryVersion(phrases);
    if (this.index && version.count === this.version.count && version.latest === this.version.latest) this.index.refreshStats(phrases);
    else {
      // One index at a time: the old one is let go before the new one is built (at 100k phrases an index holds
      // ≈ 115 MB, and its build allocates as much again while it runs).
      this.index = undefined;
      this.index = new PhraseIndex(phrases);
    }
    this.version = version;
    return this.index;
  }
}

/**
 * The default stages' names in full pinyin, so 欢迎 and huanying both name the greeting stage (initials are left
 * out: two letters are as likely a shortcut code, hy or sh).
 */
export const STAGE_PINYIN: Record<string, string[]> = {
  greeting: ['huanying'],
  product: ['shangpindaogou', 'daogou'],
  pricing: ['yijia'],
  stock: ['kucun'],
  order: ['xiadanzhifu', 'xiadan'],
  logistics: ['wuliu'],
  payment: ['cuifu'],
  farewell: ['jieshuyu'],
  aftersales: ['shouhou'],
  away: ['manglu', 'likai'],
  promotion: ['dacuhuodong', 'dacu'],
};

/**
 * The stage a query names: its name (or one part of a name written 忙碌/离开), or, for the default stages, the
 * name's full pinyin. Such a query lists that stage's phrases first.
 */
export function stageNamed(query: string, stages: readonly { id: string; name: string }[]): string | undefined {
  const q = query.trim().toLowerCase();
  if (!q) return undefined;
  for (const s of stages) {
    if (s.name.toLowerCase() === q || s.name.split(/[/／、]/).includes(q)) return s.id;
    if ((STAGE_PINYIN[s.id] ?? []).includes(q)) return s.id;
  }
  return undefined;
}

/**
 * A default stage's pinyin name typed with one letter wrong, missed, added or two swapped (huanyign, kucnu): that
 * stage, as its name would list it, rather than whatever phrase shares most letters (老顾客回访 holds 欢迎 in its
 * body). Only for names of five letters or more, and only when no phrase found holds the query as typed (shouhuo is
 * 收货, one letter from shouhou).
 */
function stageNamedWithTypo(query: string, hits: readonly SearchHit<SearchablePhrase>[]): string | undefined {
  const q = query.trim().toLowerCase();
  if (q.length < 5 || !/^[a-z]+$/.test(q) || hits.some((h) => h.phrase.pinyin?.full.includes(q))) return undefined;
  for (const [id, names] of Object.entries(STAGE_PINYIN)) if (names.some((n) => n.length >= 5 && oneEditApart(n, q))) return id;
  return undefined;
}

/** Whether `a` and `b` differ by one letter wrong, missed or added, or two neighbours swapped. */
export function oneEditApart(a: string, b: string): boolean {
  if (a === b || Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  const rest = (x: string, y: string) => x.slice(i + 1) === y.slice(i + 1);
  if (a.length === b.length) return rest(a, b) || (a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2));
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

/** A phrase whose code is the query, then the stage's phrases in browsing order, then the other hits. */
export function stageFirst<P extends SearchablePhrase>(phrases: readonly P[], stageId: string, hits: readonly SearchHit<P>[], query: string): SearchHit<P>[] {
  const q = query.trim().toLowerCase();
  const coded = hits.filter((h) => h.phrase.code?.toLowerCase() === q);
  // The stage's first 50 (the list shows a screenful; the stage chip lists the whole stage).
  const first = browse(phrases, { stageId, limit: STAGE_FIRST });
  const codedIds = new Set(coded.map((h) => h.phrase.id));
  const ids = new Set([...codedIds, ...first.map((h) => h.phrase.id)]);
  return [...coded, ...first.filter((h) => !codedIds.has(h.phrase.id)), ...hits.filter((h) => !ids.has(h.phrase.id))];
}

/**
 * What the panel lists for a typed query: the search, with a stage's own name (欢迎, 库存, cuifu…) listing that
 * stage's phrases first. (Browsing, the empty query, needs no index.)
 */
export function panelSearch<P extends SearchablePhrase>(
  index: PhraseIndex<P>,
  phrases: readonly P[],
  query: string,
  { stageId, stages = [], pinyinOf, synonyms, suggest }: PanelSearchOptions = {},
): SearchHit<P>[] {
  if (!query.trim()) return browse(phrases, { stageId });
  const hits = soundsLike(index, query, index.search(query, { stageId, synonyms }), stageId, pinyinOf);
  const named = stageId ? undefined : (stageNamed(query, stages) ?? stageNamedWithTypo(query, hits));
  if (named) return stageFirst(phrases, named, hits, query);
  return suggest ? questionFirst(query, hits, suggest as (query: string) => { phrases: readonly P[]; sure: boolean }, stageId) : hits;
}

export interface PanelSearchOptions {
  stageId?: string;
  stages?: readonly { id: string; name: string }[];
  /** Pinyin of a Chinese query, to search it by its sound (loaded by the panel when first needed). */
  pinyinOf?: (text: string) => string;
  /** The shop's synonym table (search-words.ts compileSynonyms). */
  synonyms?: Synonyms;
  /** The replies suggested for a query (search-question.ts questionFallback): a question that no phrase holds the words of lists them first. */
  suggest?: (query: string) => { phrases: readonly SearchablePhrase[]; sure: boolean };
}

/**
 * A buyer's question pasted in (looksLikeQuestion) that no phrase holds every word of, or any query that found
 * nothing at all: the replies suggested for it lead, then what the search found.
 */
function questionFirst<P extends SearchablePhrase>(query: string, hits: SearchHit<P>[], suggest: (query: string) => { phrases: readonly P[]; sure: boolean }, stageId: string | undefined): SearchHit<P>[] {
  const question = looksLikeQuestion(query);
  if (hits.length && (hits[0]!.by === 'words' || !question)) return hits;
  const { phrases, sure } = suggest(query);
  // Unsure guesses are listed for a question only (a phrase it has is never hidden), as 可能是: no key inserts them.
  if (!sure && !question) return hits;
  const lead = phrases.filter((p) => !stageId || p.stageId === stageId);
  if (!lead.length) return hits;
  const ids = new Set(lead.map((p) => p.id));
  const by = sure ? 'suggestion' : 'maybe';
  return [...lead.map((phrase, k): SearchHit<P> => ({ phrase, score: 10 - k, by, highlight: { title: [], body: [] } })), ...hits.filter((h) => !ids.has(h.phrase.id))];
}

/**
 * Fewer Chinese hits than this and the query is also searched by its sound: only when the characters found
 * nothing (a title holding all but one of a query's characters is a hit, so 包油说明 finds 包邮说明 by them).
 */
const FEW_HITS = 1;

/** Whether a query with this many hits would also be searched by its sound (the panel loads pinyin for it). */
export function wantsSound(query: string, hitCount: number): boolean {
  return hitCount < FEW_HITS && CJK.test(query);
}

/**
 * A Chinese query the IME spelled with the wrong character of the same sound (包油 for 包邮, 退宽 for 退款)
 * shares half its characters with the phrase, and may find nothing: when it finds fewer than FEW_HITS phrases and a
 * converter is at hand, its pinyin is searched too and the two lists merged, a phrase keeping its better score
 * (the sound's a little lower, so what the characters found stays first). A phrase comes in by its sound only when
 * its pinyin holds the query's exactly: the index's typo tolerance is for typed pinyin, not for a second guess.
 */
function soundsLike<P extends SearchablePhrase>(
  index: PhraseIndex<P>,
  query: string,
  hits: SearchHit<P>[],
  stageId: string | undefined,
  pinyinOf: ((text: string) => string) | undefined,
): SearchHit<P>[] {
  if (!pinyinOf || !wantsSound(query, hits.length)) return hits;
  const sound = pinyinOf(query).toLowerCase().replace(/[^a-z0-9]+/g, '');
  if (sound.length < 2) return hits;
  const best = new Map<string, SearchHit<P>>();
  for (const h of hits) best.set(h.phrase.id, h);
  for (const h of index.search(sound, { stageId })) {
    // The same sound, not a sound one typo away: 拒收 (jushou) must not bring 预售 (yushou).
    if (!h.phrase.pinyin?.full.includes(sound)) continue;
    const score = h.score * 0.9;
    const had = best.get(h.phrase.id);
    if (!had || had.score < score) best.set(h.phrase.id, { ...h, score, highlight: had?.highlight ?? h.highlight });
  }
  return [...best.values()].sort((a, b) => b.score - a.score);
}
