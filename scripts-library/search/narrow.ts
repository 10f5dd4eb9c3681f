/**
 * Candidate narrowing: an inverted index narrows the library to the best few dozen phrases before Fuse.js scores
 * them (Chinese characters → phrases, Latin bigrams of pinyin/codes → phrases, coverage ≥ half the query so one
 * wrong character or letter still matches). Measured on this machine, Fuse.js over title+body of a whole 10k
 * library is fifty times the 5 ms budget per keystroke (shared/research/toolchain-probe.md §7).
 */
import type { IndexData } from './index-build';
import { latinCode } from './postings';
import { MIN_COVERAGE, type Scratch, type Unit } from './narrow-types';
import { TopK, type Ranked } from './top-k';
import { alignedShare, typoShare } from './typo';
import { CJK, firstWord } from './types';

/** How many narrowed candidates Fuse.js scores per query (the cost driver; see the benchmark). */
export const CANDIDATES = 24;
/** How many bigram candidates are re-ranked by trigram order for long Latin tokens. */
const RERANK = 48;

export interface Candidate {
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

/** A query's units: distinct Chinese characters and Latin tokens (pinyin, codes, words). */
export interface QueryUnits {
  chars: Set<string>;
  tokens: string[];
  /** Each token with a space before it (a token starting a later field of the title's pinyin). */
  spaced: string[];
}

export function queryUnits(q: string): QueryUnits {
  const chars = new Set<string>();
  for (const ch of q) if (CJK.test(ch)) chars.add(ch);
  const tokens = [...new Set(q.match(/[a-z0-9]+/g) ?? [])];
  return { chars, tokens, spaced: tokens.map((t) => ` ${t}`) };
}

/** Call `fn` with the key of every bigram of adjacent [a-z0-9] characters in `s`. */
export function forEachGram(s: string, fn: (gram: number) => void): void {
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

/** What the narrowing reads of the index. */
export interface NarrowIndex {
  readonly data: IndexData;
  readonly scratch: Scratch;
  readonly frecencies: Float64Array;
}

/** The query's units: each distinct Chinese character, each distinct bigram of a token, a one-letter token's first letter. */
function unitsOf(data: IndexData, { chars, tokens }: QueryUnits): { units: Unit[]; grams: number } {
  const units: Unit[] = [];
  for (const ch of chars) {
    const c = ch.charCodeAt(0);
    units.push({ postings: data.chars.count(c) ? data.chars.of(c) : undefined, title: data.titleChars.of(c) });
  }
  const grams = new Set<number>();
  for (const token of tokens) {
    if (token.length === 1) units.push({ postings: data.firstPostings.get(token), title: undefined });
    else forEachGram(token, (g) => grams.add(g));
  }
  for (const g of grams) units.push({ postings: data.grams.count(g) ? data.grams.of(g) : undefined, title: data.titleGrams.of(g) });
  return { units, grams: grams.size };
}

/**
 * Each unit is weighted by its rarity (idf), so a typo that leaves only common bigrams ("an", "ng") does not
 * pull in half the library while the rare ones ("ny") still find the intended phrase. A unit found nowhere (the
 * typo itself) weighs as much as an average unit, not as the rarest one; and no unit weighs more than twice the
 * average, so a bigram a typo makes by chance ("hj" of fahuoshjian, found only in a few codes) cannot outweigh
 * the rest of the query.
 */
function unitWeights(units: readonly Unit[], n: number): number[] {
  const idf = units.map(({ postings }) => (postings ? Math.log(1 + n / postings.length) : 0));
  const present = idf.filter((w) => w > 0);
  const absentWeight = present.length ? present.reduce((a, b) => a + b, 0) / present.length : 1;
  return units.map(({ postings }, k) => (postings ? Math.min(idf[k]!, 2 * absentWeight) : absentWeight));
}

/** Adds each unit's weight to the phrases holding it and counts the title's units; returns how many phrases were touched. */
function countUnits(scratch: Scratch, units: readonly Unit[], weights: readonly number[]): number {
  const { counter, titleHits, touched } = scratch;
  let touchedCount = 0;
  for (const [k, { postings, title }] of units.entries()) {
    if (!postings) continue;
    const w = weights[k]!;
    for (let j = 0; j < postings.length; j++) {
      const i = postings[j]!;
      if (counter[i] === 0) touched[touchedCount++] = i;
      counter[i]! += w;
    }
    if (title) for (let j = 0; j < title.length; j++) titleHits[title[j]!]!++;
  }
  return touchedCount;
}

/** Long tokens: how many of their trigrams each title's full pinyin holds (tuikaun: tui, uik of tuikuan). */
function countTrigrams({ data, scratch }: NarrowIndex, long: readonly string[]): number {
  const trigrams = new Set<number>();
  for (const t of long) forEachTrigram(t, (g) => trigrams.add(g));
  for (const g of trigrams) {
    if (!data.titleTrigrams.count(g)) continue;
    const list = data.titleTrigrams.of(g);
    for (let j = 0; j < list.length; j++) scratch.trigramHits[list[j]!]!++;
  }
  return trigrams.size;
}

/** How the query's units were counted, for choosing among the touched phrases. */
interface Counted {
  touchedCount: number;
  total: number;
  unitCount: number;
  queryChars: number;
  queryGrams: number;
  trigrams: number;
  long: boolean;
}

/**
 * Keeps the best candidates by coverage plus the title signal: the share of the query's units in the title (so
 * "sh" prefers titles whose initials hold it over bodies that merely contain "shi") and the share of the title the
 * query accounts for (主动招呼 over 主动招呼·连衣裙). A bounded heap keeps this linear even when a two-letter
 * query touches most of a 10k library. Zeroes the counters it reads.
 */
function choose({ data, scratch, frecencies }: NarrowIndex, c: Counted, inStage: (i: number) => boolean): Ranked[] {
  const { counter, titleHits, trigramHits, touched } = scratch;
  const heap = new TopK(c.long ? RERANK : CANDIDATES);
  const titleLane = new TopK(CANDIDATES / 2);
  const queryUnitCount = Math.max(c.queryChars + c.queryGrams, 1);
  for (let t = 0; t < c.touchedCount; t++) {
    const i = touched[t]!;
    const coverage = counter[i]! / c.total;
    const hitsInTitle = titleHits[i]!;
    const trigramShare = c.trigrams ? trigramHits[i]! / c.trigrams : 0;
    counter[i] = 0;
    titleHits[i] = 0;
    trigramHits[i] = 0;
    // A typo'd title is admitted on its own: tuikaun shares only tu, ui, ik with 退款时效's text, half of
    // its bigrams, but all of them are in the title.
    const titleShare = hitsInTitle / c.unitCount;
    if ((coverage < MIN_COVERAGE && titleShare < MIN_COVERAGE) || !inStage(i)) continue;
    const titleUnits = (c.queryChars ? data.titleCharCount[i]! : 0) + (c.queryGrams ? data.titleGramCount[i]! : 0);
    const density = hitsInTitle / Math.max(titleUnits, queryUnitCount);
    const rank = coverage + 0.05 * frecencies[i]! + 0.5 * titleShare + 0.6 * density;
    if (heap.admits(rank)) heap.offer(i, rank, coverage, density);
    // A lane of their own for the titles whose pinyin holds most of a long token's trigrams: a typo'd title
    // (tuikaun → 退款时效) whose body is short loses on coverage to long bodies holding its bigrams anywhere.
    if (trigramShare > 0) {
      const byTitle = trigramShare + 0.6 * density + 0.05 * frecencies[i]!;
      if (titleLane.admits(byTitle)) titleLane.offer(i, rank, coverage, density, byTitle);
    }
  }
  const out = heap.sorted();
  const inHeap = new Set(out.map((r) => r.i));
  for (const r of titleLane.sorted()) if (!inHeap.has(r.i)) out.push(r);
  return out;
}

/**
 * Bigrams ignore order, and long pinyin contains most bigrams somewhere: for tokens of four letters or more
 * ("huanyign") the candidates are re-ranked by how much of each token appears in one place, in order (q-gram
 * alignment), and by how nearly the title's pinyin holds it. The rank needs only the alignments: how nearly the
 * title is one typo away (an edit-distance table per token) is worked out for the dozen kept, not for all 48.
 */
function rerankLong(data: IndexData, ranked: readonly Ranked[], long: readonly string[]): Candidate[] {
  const letters = long.reduce((sum, t) => sum + t.length, 0);
  const aligned = ranked.map((c) => {
    const doc = data.docs[c.i]!;
    const latin = (data.latinText[c.i] ??= `${doc.code} ${data.pyFull[c.i]!} ${doc.pyInitials} ${data.latinWords[c.i]!}`);
    let order = 0;
    let inTitle = 0;
    for (const t of long) order += alignedShare(latin, t);
    for (const t of long) inTitle += alignedShare(doc.pyTitle, t);
    order /= long.length;
    inTitle /= long.length;
    return { i: c.i, rank: c.rank + order + 0.5 * inTitle + c.density, coverage: (c.coverage + order) / 2, density: c.density, order };
  });
  // A stable sort, as before: equal ranks keep the narrowing's order.
  aligned.sort((a, b) => b.rank - a.rank);
  // Fuse's bitap cost grows with pattern length: long tokens are already well ranked by alignment.
  return aligned.slice(0, CANDIDATES / 2).map(({ i, coverage, density, order }) => {
    const title = data.docs[i]!.pyTitle;
    const full = firstWord(title.slice(title.indexOf(' ') + 1));
    let titleTypo = 0;
    for (const t of long) titleTypo += typoShare(full, t);
    titleTypo /= long.length;
    const titleTaken = full ? Math.min(1, (titleTypo * letters) / full.length) : 0;
    return { i, coverage, density, order, titleTypo, titleTaken };
  });
}

/**
 * Candidates whose text covers at least half of the query's units (each distinct Chinese character; each
 * bigram of a Latin token; a one-letter token matches first letters), ranked by coverage and by how much of
 * the title the query matches (counted from the title postings in the same pass, so a typo'd title still
 * comes in: 发火时间 still shares 发, 时, 间 with 发货时间's title), ties by frecency.
 */
export function narrow(index: NarrowIndex, q: string, inStage: (i: number) => boolean): Candidate[] {
  const query = queryUnits(q);
  const { units, grams } = unitsOf(index.data, query);
  if (units.length === 0) return [];
  const weights = unitWeights(units, index.frecencies.length);
  const total = weights.reduce((a, b) => a + b, 0);
  const touchedCount = countUnits(index.scratch, units, weights);
  const long = query.tokens.filter((t) => t.length >= 4);
  const trigrams = countTrigrams(index, long);
  const counted = { touchedCount, total, unitCount: units.length, queryChars: query.chars.size, queryGrams: grams, trigrams, long: long.length > 0 };
  const ranked = choose(index, counted, inStage);
  if (long.length) return rerankLong(index.data, ranked, long);
  return ranked.map(({ i, coverage, density }) => ({ i, coverage, density }));
}
