import { useMemo, useState } from 'react';
import { PhraseIndex, type SearchHit } from '../scripts-library/search';
import type { Phrase } from '../scripts-library/schema';

/**
 * Keeps one search index per phrase library: rebuilt only when phrase text changes (ids/updatedAt), while
 * use counts and pins (which change on every insert) are refreshed in place.
 */
export class PhraseSearchCache {
  private signature = '';
  private index: PhraseIndex<Phrase> | undefined;

  get(phrases: readonly Phrase[]): PhraseIndex<Phrase> {
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

export function usePhraseSearch(phrases: readonly Phrase[] | undefined, query: string, stageId: string | undefined) {
  const [cache] = useState(() => new PhraseSearchCache());
  // One memo: the index object is reused when only counts changed, so results must follow `phrases` too.
  return useMemo<SearchHit<Phrase>[]>(
    () => (phrases ? cache.get(phrases).search(query, { stageId }) : []),
    [cache, phrases, query, stageId],
  );
}
