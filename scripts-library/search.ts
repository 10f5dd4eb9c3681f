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
import type { PinyinKeys } from './pinyin';

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
}

export type Range = [start: number, end: number];

export interface SearchHit<P extends SearchablePhrase> {
  phrase: P;
  score: number;
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
const DAY = 86_400_000;

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

// Full pinyin of the body (hundreds of letters) is not given to Fuse: it would cost more than everything else
// together. Full-pinyin queries are matched by the index instead (bigrams, then trigrams in order).
function fieldsFor({ chars, tokens }: { chars: Set<string>; tokens: string[] }): IFuseOptions<FuseDoc> {
  if (chars.size && tokens.length) return ALL_FIELDS;
  return chars.size ? CJK_FIELDS : LATIN_FIELDS;
}

/** [a-z] → 0–25, [0-9] → 26–35, anything else → -1. */
function latinCode(c: number): number {
  if (c >= 97 && c <= 122) return c - 97;
  if (c >= 48 && c <= 57) return c - 22;
  return -1;
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

function isCjkCode(c: number): boolean {
  return (c >= 0x3400 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff);
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
  const sorted = phrases.filter((p) => !stageId || p.stageId === stageId).sort(byUse);
  return (limit ? sorted.slice(0, limit) : sorted).map((phrase) => ({ phrase, score: 0, highlight: { title: [], body: [] } }));
}

export class PhraseIndex<P extends SearchablePhrase> {
  /** Chinese character code → phrases containing it. */
  private readonly charPostings = new Map<number, number[]>();
  /** Latin bigram (two of [a-z0-9], as gramKey) → phrases containing it. */
  private readonly gramPostings: number[][] = Array.from({ length: 36 * 36 }, () => []);
  /** First letter of the code / title initials / first Latin word → phrases. */
  private readonly firstPostings = new Map<string, number[]>();
  private readonly codeIndex = new Map<string, number[]>();
  private readonly fuseDocs: FuseDoc[];
  /** Latin text of each phrase (code, pinyin, Latin words): where long tokens are checked for order. */
  private readonly latin: string[] = [];
  private readonly counter: Float64Array;
  private readonly touched: number[] = [];
  private readonly frecencies: Float64Array;
  private phrases: readonly P[];

  constructor(phrases: readonly P[], now = Date.now()) {
    this.phrases = phrases;
    this.counter = new Float64Array(phrases.length);
    this.frecencies = Float64Array.from(phrases, (p) => frecency(p, now));
    this.fuseDocs = phrases.map((p, i) => {
      const code = (p.code ?? '').toLowerCase();
      const tags = p.tags.join(' ');
      const text = `${p.title} ${tags} ${p.body}`.toLowerCase();
      for (let k = 0; k < text.length; k++) {
        const c = text.charCodeAt(k);
        if (isCjkCode(c)) pushOnce(this.charPostings, c, i);
      }

      const latinWords = text.match(/[a-z0-9]+/g)?.join(' ') ?? '';
      const py = p.pinyin ?? { full: '', initials: '' };
      const latin = `${code} ${py.full} ${py.initials} ${latinWords}`;
      this.latin.push(latin);
      forEachGram(latin, (g) => {
        const list = this.gramPostings[g]!;
        if (list[list.length - 1] !== i) list.push(i);
      });

      const firsts = new Set([code[0], py.initials[0], latinWords[0]].filter((c): c is string => !!c && c !== ' '));
      for (const f of firsts) push(this.firstPostings, f, i);
      if (code) push(this.codeIndex, code, i);
      // pinyin.ts joins fields with spaces, title first.
      const pyTitle = `${py.initials.split(' ')[0] ?? ''} ${py.full.split(' ')[0] ?? ''}`.trim();
      return { title: p.title, body: p.body, tags, code, pyTitle, pyInitials: py.initials };
    });
  }

  get size(): number {
    return this.phrases.length;
  }

  search(query: string, options: SearchOptions = {}): SearchHit<P>[] {
    const { stageId } = options;
    const q = query.trim().toLowerCase();
    const inStage = (i: number) => !stageId || this.phrases[i]!.stageId === stageId;

    if (!q) return browse(this.phrases, options);

    const limit = options.limit ?? 50;
    const candidates = this.narrow(q, inStage);
    const exact = new Set((this.codeIndex.get(q.replace(/\s+/g, '')) ?? []).filter(inStage));
    for (const i of exact) if (!candidates.some((c) => c.i === i)) candidates.unshift({ i, coverage: 1 });
    if (candidates.length === 0) return [];

    const units = queryUnits(q);
    const fuse = new Fuse(
      candidates.map((c) => this.fuseDocs[c.i]!),
      fieldsFor(units),
    );
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
      if (!exact.has(c.i) && fuzzy < MIN_MATCH && (c.order ?? 0) < MIN_ORDER) return;
      // For long Latin tokens the share of their trigrams found in order is as good a match measure as Fuse's
      // (which is not given the long full-pinyin field).
      const quality = Math.max(r ? 1 - (r.score ?? 1) : c.coverage * 0.4, c.order ?? 0);
      const score =
        (exact.has(c.i) ? 10 : 0) +
        quality * 0.45 +
        titleCoverage(units, this.fuseDocs[c.i]!) * 0.25 +
        // A title or code holding the whole query beats a body that does (the title is what the agent remembers).
        (titleCoverage(units, this.fuseDocs[c.i]!) >= 1 ? 0.3 : 0) +
        (isWholeTitle(q, this.fuseDocs[c.i]!) ? 0.3 : 0) +
        c.coverage * 0.15 +
        this.frecencies[c.i]! * 0.1 +
        (phrase.pinned ? 0.05 : 0);
      hits.push({ phrase, score, highlight: highlightOf(r, q) });
    });
    return hits.sort((a, b) => b.score - a.score).slice(0, limit);
  }

  /**
   * Candidates whose text covers at least half of the query's units (each distinct Chinese character; each
   * bigram of a Latin token; a one-letter token matches first letters), best coverage first, ties by frecency.
   */
  private narrow(q: string, inStage: (i: number) => boolean): Candidate[] {
    const units2 = queryUnits(q);
    const { chars, tokens } = units2;
    // Each unit is weighted by its rarity (idf), so a typo that leaves only common bigrams ("an", "ng") does not
    // pull in half the library while the rare ones ("ny") still find the intended phrase.
    const units: { postings: number[] | undefined }[] = [];
    for (const ch of chars) units.push({ postings: this.charPostings.get(ch.charCodeAt(0)) });
    const grams = new Set<number>();
    for (const token of tokens) {
      if (token.length === 1) units.push({ postings: this.firstPostings.get(token) });
      else forEachGram(token, (g) => grams.add(g));
    }
    for (const g of grams) {
      const list = this.gramPostings[g]!;
      units.push({ postings: list.length ? list : undefined });
    }
    if (units.length === 0) return [];

    const n = this.phrases.length;
    const weights = units.map(({ postings }) => (postings ? Math.log(1 + n / postings.length) : 0));
    // A unit found nowhere (the typo itself) weighs as much as an average unit, not as the rarest one.
    const present = weights.filter((w) => w > 0);
    const absentWeight = present.length ? present.reduce((a, b) => a + b, 0) / present.length : 1;
    const { counter, touched } = this;
    let total = 0;
    for (const [k, { postings }] of units.entries()) {
      const w = postings ? weights[k]! : absentWeight;
      total += w;
      if (!postings) continue;
      for (const i of postings) {
        if (counter[i] === 0) touched.push(i);
        counter[i]! += w;
      }
    }

    // Keep the best candidates by coverage, plus a bonus when the title itself matches (so "sh" prefers titles
    // whose initials contain it over bodies that merely contain "shi"), ties broken by frecency. A bounded heap
    // keeps this linear even when a two-letter query touches most of a 10k library.
    const long = tokens.filter((t) => t.length >= 4);
    const heap = new TopK(long.length ? RERANK : CANDIDATES);
    for (const i of touched) {
      const coverage = counter[i]! / total;
      counter[i] = 0;
      if (coverage < MIN_COVERAGE || !inStage(i)) continue;
      const base = coverage + 0.05 * this.frecencies[i]!;
      // The title bonus is at most 0.5: a phrase that could not enter the full heap even with it is not scored.
      if (!heap.admits(base + 0.5)) continue;
      heap.offer(i, base + 0.5 * titleCoverage(units2, this.fuseDocs[i]!), coverage);
    }
    touched.length = 0;
    let out: { i: number; rank: number; coverage: number; order?: number }[] = heap.sorted();
    // Bigrams ignore order, and long pinyin contains most bigrams somewhere: for tokens of four letters or more
    // ("huanyign") re-rank the heap by how much of each token appears in one place, in order (q-gram alignment).
    if (long.length) {
      out = out
        .map((c) => {
          const latin = this.latin[c.i]!;
          const title = this.fuseDocs[c.i]!.pyTitle;
          const order = long.reduce((sum, t) => sum + alignedShare(latin, t), 0) / long.length;
          const inTitle = long.reduce((sum, t) => sum + alignedShare(title, t), 0) / long.length;
          return { ...c, rank: c.rank + order + 0.5 * inTitle, coverage: (c.coverage + order) / 2, order };
        })
        .sort((a, b) => b.rank - a.rank)
        // Fuse's bitap cost grows with pattern length: long tokens are already well ranked by alignment.
        .slice(0, CANDIDATES / 2);
    }
    return out.map(({ i, coverage, order }) => ({ i, coverage, order }));
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
  /** Share of the long tokens' trigrams found in order (only for long Latin tokens). */
  order?: number;
}

/** The k highest-ranked entries, in a bounded min-heap. */
class TopK {
  private readonly items: { i: number; rank: number; coverage: number }[] = [];
  constructor(private readonly k: number) {}

  /** Whether an entry of this rank would be kept now. */
  admits(rank: number): boolean {
    return this.items.length < this.k || rank > this.items[0]!.rank;
  }

  offer(i: number, rank: number, coverage: number): void {
    const h = this.items;
    if (h.length < this.k) {
      h.push({ i, rank, coverage });
      let c = h.length - 1;
      while (c > 0) {
        const p = (c - 1) >> 1;
        if (h[p]!.rank <= h[c]!.rank) break;
        [h[p], h[c]] = [h[c]!, h[p]!];
        c = p;
      }
    } else if (rank > h[0]!.rank) {
      h[0] = { i, rank, coverage };
      let p = 0;
      for (;;) {
        const l = 2 * p + 1;
        const r = l + 1;
        let m = p;
        if (l < h.length && h[l]!.rank < h[m]!.rank) m = l;
        if (r < h.length && h[r]!.rank < h[m]!.rank) m = r;
        if (m === p) break;
        [h[p], h[m]] = [h[m]!, h[p]!];
        p = m;
      }
    }
  }

  sorted(): { i: number; rank: number; coverage: number }[] {
    return [...this.items].sort((a, b) => b.rank - a.rank);
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

/** A query's units: distinct Chinese characters and Latin tokens (pinyin, codes, words). */
function queryUnits(q: string): { chars: Set<string>; tokens: string[]; spaced: string[] } {
  const chars = new Set<string>();
  for (const ch of q) if (CJK.test(ch)) chars.add(ch);
  const tokens = [...new Set(q.match(/[a-z0-9]+/g) ?? [])];
  return { chars, tokens, spaced: tokens.map((t) => ` ${t}`) };
}

/** Share of the query found in the title (characters in it, tokens in its pinyin or the shortcut code). */
/** The query is the whole title, in characters or in full pinyin (核对地址 over 核对地址加催付). */
function isWholeTitle(q: string, doc: FuseDoc): boolean {
  const compact = q.replace(/\s+/g, '');
  return doc.title.toLowerCase() === compact || doc.pyTitle.split(' ')[1] === compact;
}

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

function push(map: Map<string, number[]>, key: string, i: number): void {
  const list = map.get(key);
  if (list) list.push(i);
  else map.set(key, [i]);
}

/** Append phrase `i` once (phrases are indexed in order, so checking the last entry is enough). */
function pushOnce<K>(map: Map<K, number[]>, key: K, i: number): void {
  const list = map.get(key);
  if (!list) map.set(key, [i]);
  else if (list[list.length - 1] !== i) list.push(i);
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
 * Keeps one index per phrase library: rebuilt only when phrase text changes (ids/updatedAt), while use counts
 * and pins, which change on every insert, are refreshed in place.
 */
export class PhraseSearchCache<P extends SearchablePhrase & { updatedAt: number }> {
  private signature = '';
  private index: PhraseIndex<P> | undefined;
  private last: readonly P[] | undefined;

  /**
   * The index for this library. The panel and the picker call it on every keystroke with the same array (a live
   * query hands out a new array only when the library changed): that returns at once. A new array is compared
   * by ids and edit times: same texts → only the use counts are refreshed, else the index is rebuilt.
   */
  get(phrases: readonly P[]): PhraseIndex<P> {
    if (this.index && phrases === this.last) return this.index;
    this.last = phrases;
    let signature = '';
    for (const p of phrases) signature += `${p.id}@${p.updatedAt};`;
    if (this.index && signature === this.signature) this.index.refreshStats(phrases);
    else {
      this.index = new PhraseIndex(phrases);
      this.signature = signature;
    }
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

/** A phrase whose code is the query, then the stage's phrases in browsing order, then the other hits. */
export function stageFirst<P extends SearchablePhrase>(phrases: readonly P[], stageId: string, hits: readonly SearchHit<P>[], query: string): SearchHit<P>[] {
  const q = query.trim().toLowerCase();
  const coded = hits.filter((h) => h.phrase.code?.toLowerCase() === q);
  const first = browse(phrases, { stageId });
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
  { stageId, stages = [] }: { stageId?: string; stages?: readonly { id: string; name: string }[] } = {},
): SearchHit<P>[] {
  if (!query.trim()) return browse(phrases, { stageId });
  const hits = index.search(query, { stageId });
  const named = stageId ? undefined : stageNamed(query, stages);
  return named ? stageFirst(phrases, named, hits, query) : hits;
}
