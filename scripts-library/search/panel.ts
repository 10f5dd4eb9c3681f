/**
 * The panel's path: what the side panel and the "/" picker list for a typed query — the index's search, a
 * stage's own name listing that stage first, a Chinese query searched by its sound when its characters found
 * nothing, and a buyer's question led by the replies suggested for it.
 */
import { browse } from './browse';
import type { PhraseIndex } from './phrase-index';
import { looksLikeQuestion, type Synonyms } from './search-words';
import { oneEditApart } from './typo';
import { CJK, type SearchablePhrase, type SearchHit } from './types';

const STAGE_FIRST = 50;


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


/**
 * A stage's first phrases in browsing order, kept per library array and stage: every keystroke of a stage's name
 * (huanying, kucun) would otherwise walk the whole library. A write, an insert's use count or a pin hands out a
 * new array (the live query), so a kept list is never stale.
 */
const browsed = new WeakMap<readonly SearchablePhrase[], Map<string, SearchHit<SearchablePhrase>[]>>();
function stageBrowsed<P extends SearchablePhrase>(phrases: readonly P[], stageId: string): SearchHit<P>[] {
  let byStage = browsed.get(phrases);
  if (!byStage) browsed.set(phrases, (byStage = new Map()));
  let first = byStage.get(stageId);
  if (!first) byStage.set(stageId, (first = browse(phrases, { stageId, limit: STAGE_FIRST })));
  return first as SearchHit<P>[];
}

/** A phrase whose code is the query, then the stage's phrases in browsing order, then the other hits. */
export function stageFirst<P extends SearchablePhrase>(phrases: readonly P[], stageId: string, hits: readonly SearchHit<P>[], query: string): SearchHit<P>[] {
  const q = query.trim().toLowerCase();
  const coded = hits.filter((h) => h.phrase.code?.toLowerCase() === q);
  // The stage's first 50 (the list shows a screenful; the stage chip lists the whole stage).
  const first = stageBrowsed(phrases, stageId);
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
  suggest?: (query: string) => { phrases: readonly SearchablePhrase[]; sure: boolean; listed?: boolean };
}

/**
 * A buyer's question pasted in (looksLikeQuestion) that no phrase holds every word of, or any query that found
 * nothing at all: the replies suggested for it lead, then what the search found.
 */
function questionFirst<P extends SearchablePhrase>(query: string, hits: SearchHit<P>[], suggest: (query: string) => { phrases: readonly P[]; sure: boolean; listed?: boolean }, stageId: string | undefined): SearchHit<P>[] {
  const question = looksLikeQuestion(query);
  if (hits.length && (hits[0]!.by === 'words' || !question)) return hits;
  const { phrases, sure, listed } = suggest(query);
  // Unsure guesses are listed for a question (a phrase it has is never hidden), or for another query that found
  // nothing when they are likely enough (`listed`), as 可能是: no key inserts them.
  if (!sure && !question && !listed) return hits;
  const lead = phrases.filter((p) => !stageId || p.stageId === stageId);
  if (!lead.length) return hits;
  const ids = new Set(lead.map((p) => p.id));
  // Only a buyer's question may be led by a sure suggestion: the intent model reads buyers' messages, and an agent's
  // keywords that found nothing (改价格 拍下) are no message of a buyer's, so its guesses stay 可能是.
  const by = sure && question ? 'suggestion' : 'maybe';
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
  // Only phrases whose pinyin holds the sound are kept: when none does (a pasted question's long sound, nearly
  // always), the search by it is skipped (a few postings intersected instead of a typo-tolerant search).
  if (sound.length < 2 || !index.soundHeld(sound, stageId)) return hits;
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
