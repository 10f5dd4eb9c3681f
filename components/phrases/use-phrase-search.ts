import { useEffect, useMemo, useState } from 'react';
import { browse, panelSearch, PhraseSearchCache, type SearchHit } from '../../scripts-library/search';
import type { Phrase, Stage } from '../../scripts-library/schema';

/**
 * Ranked search results for the panel. The empty query needs no index (it is a sort), so opening the panel
 * never waits for one; the index is built right after the first paint, before the agent's first keystroke.
 */
export function usePhraseSearch(phrases: readonly Phrase[] | undefined, query: string, stageId: string | undefined, stages: readonly Stage[] = []) {
  const [cache] = useState(() => new PhraseSearchCache<Phrase>());
  useEffect(() => {
    if (!phrases) return;
    const warm = setTimeout(() => cache.get(phrases), 0);
    return () => clearTimeout(warm);
  }, [cache, phrases]);
  // The index object is reused when only counts changed, so results must follow `phrases` too.
  return useMemo<SearchHit<Phrase>[]>(() => {
    if (!phrases) return [];
    return query.trim() ? panelSearch(cache.get(phrases), phrases, query, { stageId, stages }) : browse(phrases, { stageId });
  }, [cache, phrases, query, stageId, stages]);
}
