import { useEffect, useMemo, useRef, useState } from 'react';
import { browse, panelSearch, PhraseSearchCache, wantsSound, type SearchHit } from '../../scripts-library/search/search';
import { compileSynonyms } from '../../scripts-library/search/search-words';
import { questionFallback } from '../../scripts-library/search/search-question';
import type { Phrase, Stage, SynonymRow } from '../../scripts-library/shared/schema';
import { afterFirstScreen } from '../shared/use-first-screen';

type PinyinOf = (text: string) => string;
let loading: Promise<PinyinOf> | undefined;
/** pinyin-pro (≈ 320 kB) is loaded the first time a Chinese query finds little, never at start-up. */
const loadPinyin = () => (loading ??= import('../../scripts-library/shared/pinyin').then((m) => (text: string) => m.phrasePinyin([text]).full));

/**
 * Ranked search results for the panel. The empty query needs no index (it is a sort), so opening the panel
 * never waits for one; the index is built right after the first paint, before the agent's first keystroke.
 * A Chinese query that finds little is searched by its sound as well (包油 finds 包邮) once pinyin is loaded.
 * Words are matched with the shop's synonym table; a buyer's question no phrase holds the words of lists the
 * replies suggested for it first.
 */
/** `indexed`: whether `phrases` is the whole library (its index is built ahead of the first keystroke), not the first screen. */
export function usePhraseSearch(phrases: readonly Phrase[] | undefined, query: string, stageId: string | undefined, stages: readonly Stage[] = [], synonymRows?: readonly SynonymRow[], indexed = true) {
  const [cache] = useState(() => new PhraseSearchCache<Phrase>());
  const [pinyinOf, setPinyinOf] = useState<PinyinOf>();
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => void (mounted.current = false);
  }, []);
  useEffect(() => {
    // The first screen's rows are never searched (a query waits for the library): no index for them.
    if (!phrases || !indexed) return;
    let warm: ReturnType<typeof setTimeout> | undefined;
    let live = true;
    void afterFirstScreen().then(() => live && (warm = setTimeout(() => cache.get(phrases), 0)));
    return () => ((live = false), clearTimeout(warm));
  }, [cache, phrases, indexed]);
  // The index object is reused when only counts changed, so results must follow `phrases` too.
  const synonyms = useMemo(() => compileSynonyms(synonymRows), [synonymRows]);
  const suggest = useMemo(() => phrases && questionFallback(phrases), [phrases]);
  const hits = useMemo<SearchHit<Phrase>[]>(() => {
    if (!phrases) return [];
    return query.trim() ? panelSearch(cache.get(phrases), phrases, query, { stageId, stages, pinyinOf, synonyms, suggest }) : browse(phrases, { stageId });
  }, [cache, phrases, query, stageId, stages, pinyinOf, synonyms, suggest]);
  const soundWanted = !pinyinOf && !!query.trim() && wantsSound(query, hits.length);
  useEffect(() => {
    if (!soundWanted) return;
    loadPinyin().then(
      (f) => mounted.current && setPinyinOf(() => f),
      () => {}, // without pinyin the search is only by characters, as before
    );
  }, [soundWanted]);
  return hits;
}
