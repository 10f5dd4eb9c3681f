/**
 * The phrase index: Chinese text, pinyin (full and initials), shortcut codes and tags, typo-tolerant, ranked with
 * pinned and frecency. Pure and synchronous, so it runs in the side panel, the background (for the "/" picker)
 * and plain Node (tests, benchmarks). The parts: index-build.ts (postings), narrow.ts (candidates), ranking.ts
 * (Fuse.js and scores), typo.ts (typo admission), highlight.ts.
 */
import { browse, frecency } from './browse';
import { highlightOf, wordsHighlight } from './highlight';
import { Intersection } from './leapfrog';
import { buildIndex, type IndexData } from './index-build';
import { forEachGram, narrow, queryUnits, type Candidate, type NarrowIndex } from './narrow';
import { Scratch } from './narrow-types';
import { fuseMatches, fuzzyScore, holdsWords, noMatch, wordsScore } from './ranking';
import { looksLikeQuestion, NO_SYNONYMS, queryWords, type QueryWord } from './search-words';
import { CJK, type SearchablePhrase, type SearchHit, type SearchOptions } from './types';

/** At most this many phrases are checked for a query's words (a 10k library of near-copies holds thousands). */
const MAX_WORD_CHECKS = 1000;
const EMPTY = new Int32Array(0);
/** soundHeld reads this many phrases of the sound's rarest bigram before it intersects the other bigrams' phrases. */
const FIRST_SOUND_READS = 64;

export class PhraseIndex<P extends SearchablePhrase> implements NarrowIndex {
  readonly data: IndexData;
  readonly scratch: Scratch;
  readonly frecencies: Float64Array;
  private phrases: readonly P[];

  constructor(phrases: readonly P[], now = Date.now()) {
    const n = phrases.length;
    this.phrases = phrases;
    this.scratch = new Scratch(n);
    this.frecencies = new Float64Array(n);
    for (let i = 0; i < n; i++) this.frecencies[i] = frecency(phrases[i]!, now);
    this.data = buildIndex(phrases);
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
    const words = queryWords(q, options.synonyms ?? NO_SYNONYMS);
    const fuzzy = this.fuzzySearch(q, inStage, words);
    // A buyer's question (有赠品吗) is searched by its words once its filler is trimmed, even a single word.
    if (!(wantsWords(words) || (words.length && looksLikeQuestion(q)))) return fuzzy.slice(0, limit);
    return this.wordsFirst(words, inStage, fuzzy, limit);
  }

  /**
   * A query of several words (or of a synonym): the phrases that hold every word lead (ranking.ts wordsScore);
   * the fuzzy search's other hits follow. Each phrase is scored as it is checked, its match read from one reused
   * object, and only the phrases listed are matched again for their highlight: a word held by a thousand phrases
   * made two objects and an array for each.
   */
  private wordsFirst(words: readonly QueryWord[], inStage: (i: number) => boolean, fuzzy: SearchHit<P>[], limit: number): SearchHit<P>[] {
    const candidates = this.wordCandidates(words);
    const byPhrase = new Map<P, SearchHit<P>>();
    for (const h of fuzzy) byPhrase.set(h.phrase, h);
    const lead: { i: number; score: number; had: SearchHit<P> | undefined }[] = [];
    const scores = new Float64Array(Math.min(candidates.bound, MAX_WORD_CHECKS));
    const m = noMatch();
    let checked = 0;
    for (let i = candidates.next(); i >= 0; i = candidates.next()) {
      if (!inStage(i)) continue;
      if (++checked > MAX_WORD_CHECKS) break;
      if (!holdsWords(this.data, i, words, m)) continue;
      const phrase = this.phrases[i]!;
      const had = byPhrase.get(phrase);
      const score = wordsScore(words, m, this.data.docs[i]!, this.data.titleCharCount[i]!, had?.score ?? 0) + this.frecencies[i]! * 0.1 + (phrase.pinned ? 0.05 : 0);
      scores[lead.length] = score;
      lead.push({ i, score, had });
    }
    if (!lead.length) return fuzzy.slice(0, limit);
    const out = firstByScore(lead, scores.subarray(0, lead.length), limit).map(({ i, score, had }): SearchHit<P> => ({ phrase: this.phrases[i]!, score, by: 'words', highlight: had?.highlight ?? wordsHighlight(this.data.docs[i]!, holdsWords(this.data, i, words)!.found) }));
    // The fuzzy hits fill what the words left: when they left room, every phrase holding the words is in `out`.
    if (out.length >= limit) return out;
    const listed = new Set(out.map((h) => h.phrase));
    for (const h of fuzzy) {
      if (out.length >= limit) break;
      if (!listed.has(h.phrase)) out.push(h);
    }
    return out;
  }

  /**
   * The phrases that may hold every word of the query (each word by its text, an equivalent, or for a Latin token
   * its pinyin, initials or code), ascending, read one at a time: those holding every character of a Chinese word,
   * every bigram of a Latin one (wordsFirst checks them against the text, and stops after MAX_WORD_CHECKS).
   */
  private wordCandidates(words: readonly QueryWord[]): Intersection {
    const lists: Int32Array[] = [];
    for (const w of words) {
      const held = w.kind === 'alts' ? [unionAll(w.alts.map((a) => this.holdingAll(a)))] : this.listsHolding(w.text);
      if (held.some((l) => !l.length)) return new Intersection([EMPTY]);
      lists.push(...held);
    }
    return new Intersection(lists.length ? lists : [EMPTY]);
  }

  /**
   * Whether some phrase (of the stage, if given) has `sound` (Latin, two letters or more) in its full pinyin. A
   * sound no phrase holds needs no search (panel.ts).
   */
  soundHeld(sound: string, stageId?: string): boolean {
    const { grams, pyFull } = this.data;
    const lists: Int32Array[] = [];
    let missing = false;
    forEachGram(sound, (g) => {
      if (!grams.count(g)) missing = true;
      else lists.push(grams.of(g));
    });
    if (missing || !lists.length) return false;
    lists.sort((a, b) => a.length - b.length);
    const holds = (i: number) => (!stageId || this.phrases[i]!.stageId === stageId) && pyFull[i]!.includes(sound);
    // A sound some phrase holds (tuikuan) is found among the first of its rarest bigram's phrases; one that none
    // holds (a pasted question's long sound) is looked for only among the phrases holding every bigram of it — a
    // few, or none, where its rarest bigram alone is held by thousands.
    const rarest = lists[0]!;
    for (let k = 0; k < Math.min(rarest.length, FIRST_SOUND_READS); k++) if (holds(rarest[k]!)) return true;
    let held = rarest.subarray(FIRST_SOUND_READS);
    for (let k = 1; k < lists.length && held.length; k++) held = intersect(held, lists[k]!);
    for (let k = 0; k < held.length; k++) if (holds(held[k]!)) return true;
    return false;
  }

  /** The phrases holding every character (Chinese) or bigram (Latin) of `text`: those that may hold it. */
  private holdingAll(text: string): Int32Array {
    const lists = this.listsHolding(text);
    lists.sort((a, b) => a.length - b.length);
    return lists.reduce((a, b) => intersect(a, b));
  }

  /**
   * The posting lists whose intersection holdingAll gives: one per character or bigram of `text` (one empty list
   * when some character or bigram is held by no phrase, or `text` has none).
   */
  private listsHolding(text: string): Int32Array[] {
    const { chars, grams, firstPostings } = this.data;
    const lists: Int32Array[] = [];
    if (CJK.test(text)) {
      for (const ch of new Set(text)) {
        const c = ch.charCodeAt(0);
        if (!CJK.test(ch)) continue;
        if (!chars.count(c)) return [EMPTY];
        lists.push(chars.of(c));
      }
    } else {
      const keys = new Set<number>();
      forEachGram(text, (g) => keys.add(g));
      for (const g of keys) {
        if (!grams.count(g)) return [EMPTY];
        lists.push(grams.of(g));
      }
      if (!keys.size) return [text.length === 1 ? (firstPostings.get(text) ?? EMPTY) : EMPTY];
    }
    return lists.length ? lists : [EMPTY];
  }

  /** The search by characters, pinyin, codes and typos (one word, or the words' fallback). */
  private fuzzySearch(q: string, inStage: (i: number) => boolean, words: readonly QueryWord[]): SearchHit<P>[] {
    const candidates: Candidate[] = narrow(this, q, inStage);
    const exact = new Set((this.data.codeIndex.get(q.replace(/\s+/g, '')) ?? []).filter(inStage));
    for (const i of exact) if (!candidates.some((c) => c.i === i)) candidates.unshift({ i, coverage: 1, density: 1 });
    if (candidates.length === 0) return [];

    const units = queryUnits(q);
    const docs = candidates.map((c) => this.data.docs[c.i]!);
    const scored = fuseMatches(q, units, docs);
    const query = { q, units, words, exact };
    const hits: SearchHit<P>[] = [];
    candidates.forEach((c, k) => {
      const phrase = this.phrases[c.i]!;
      const r = scored.get(k);
      const score = fuzzyScore(c, docs[k]!, r, query);
      if (score === undefined) return;
      hits.push({ phrase, score: score + this.frecencies[c.i]! * 0.1 + (phrase.pinned ? 0.05 : 0), highlight: highlightOf(r, q) });
    });
    return hits.sort((a, b) => b.score - a.score);
  }

  /** Refresh pinned/use counts without re-indexing (the text of the phrases must be unchanged). */
  refreshStats(phrases: readonly P[], now = Date.now()): void {
    if (phrases.length !== this.phrases.length) throw new Error('refreshStats needs the same phrases');
    this.phrases = phrases;
    for (let i = 0; i < phrases.length; i++) this.frecencies[i] = frecency(phrases[i]!, now);
  }
}

/**
 * Whether a query is searched by its words: several words, a synonym, or a Chinese run long enough to be two
 * words (感谢光临). One word (退款, kd, huanyign) is the fuzzy search's alone; a one-letter token (the first
 * keystroke of a word) holds nothing back.
 */
function wantsWords(words: readonly QueryWord[]): boolean {
  if (words.some((w) => w.kind === 'latin' && w.text.length < 2)) return false;
  return words.length > 1 || words.some((w) => w.kind === 'alts' || (w.kind === 'chunk' && w.text.length > 2));
}

/**
 * The first `limit` of `items` sorted by score, highest first, equal scores in their order (as a stable sort of all
 * of them, then the first `limit`, would give): a query's words can be held by a thousand phrases and the list
 * shows fifty. The least score kept is read from the scores sorted as numbers (no comparator calls); the items
 * above it, and the first of those at it, are the ones kept.
 */
function firstByScore<T extends { score: number }>(items: T[], scores: Float64Array, limit: number): T[] {
  if (items.length <= limit) return items.sort((a, b) => b.score - a.score);
  const least = Float64Array.from(scores).sort()[items.length - limit]!;
  let atLeast = limit - items.filter((x) => x.score > least).length;
  const kept = items.filter((x) => x.score > least || (x.score === least && atLeast-- > 0));
  return kept.sort((a, b) => b.score - a.score);
}

/**
 * The phrases in both ascending lists. A list many times shorter than the other is looked up in it by galloping
 * (a rare bigram against one in most of the library), not walked beside it.
 */
function intersect(a: Int32Array, b: Int32Array): Int32Array {
  if (a.length > b.length) [a, b] = [b, a];
  if (a.length * 16 < b.length) return gallop(a, b);
  const out = new Int32Array(a.length);
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

/** `intersect` for a short list `a` against a long `b`: each element found by a doubling step, then halving. */
function gallop(a: Int32Array, b: Int32Array): Int32Array {
  const out = new Int32Array(a.length);
  let n = 0;
  let lo = 0;
  for (let i = 0; i < a.length && lo < b.length; i++) {
    const x = a[i]!;
    let step = 1;
    let hi = lo;
    while (hi < b.length && b[hi]! < x) {
      lo = hi + 1;
      hi += step;
      step *= 2;
    }
    hi = Math.min(hi, b.length - 1);
    // b[lo - 1] < x (or lo = 0); the first b ≥ x is in [lo, hi], or past the end.
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (b[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    if (lo < b.length && b[lo] === x) out[n++] = x;
  }
  return out.subarray(0, n);
}

/** The phrases in any of the ascending lists, ascending. */
function unionAll(lists: readonly Int32Array[]): Int32Array {
  const nonEmpty = lists.filter((l) => l.length);
  if (nonEmpty.length <= 1) return nonEmpty[0] ?? EMPTY;
  // Concatenated, sorted as numbers, duplicates dropped: no Set of thousands of numbers.
  const all = new Int32Array(nonEmpty.reduce((n, l) => n + l.length, 0));
  let at = 0;
  for (const l of nonEmpty) {
    all.set(l, at);
    at += l.length;
  }
  all.sort();
  let n = 0;
  for (let k = 0; k < all.length; k++) if (k === 0 || all[k] !== all[k - 1]) all[n++] = all[k]!;
  return all.subarray(0, n);
}
