import { useMemo, useState } from 'react';
import { PhraseSearchCache, type SearchHit } from '../scripts-library/search';
import type { Phrase } from '../scripts-library/schema';

/** Ranked search results for the panel; the index is kept across renders by a PhraseSearchCache. */
export function usePhraseSearch(phrases: readonly Phrase[] | undefined, query: string, stageId: string | undefined) {
  const [cache] = useState(() => new PhraseSearchCache<Phrase>());
  // One memo: the index object is reused when only counts changed, so results must follow `phrases` too.
  return useMemo<SearchHit<Phrase>[]>(
    () => (phrases ? cache.get(phrases).search(query, { stageId }) : []),
    [cache, phrases, query, stageId],
  );
}
