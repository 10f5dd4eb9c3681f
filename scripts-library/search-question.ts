/**
 * A buyer's question pasted into the search (能便宜点吗, 今天下单什么时候能到): when no phrase holds its words,
 * the panel lists the replies suggested for it (suggest.ts, the same function the panel uses for the buyer's
 * latest message) instead of the fuzzy search's near misses. Kept apart from search.ts, which stays free of the
 * suggestion model.
 */
import { suggestFor, type Suggestible } from './suggest';

export { looksLikeQuestion } from './search-words';

/**
 * The suggestions for a query, as the panel's search falls back to them (phrases only: a search lists phrases) —
 * only when the suggestions are sure (#32: right or nothing). A query they are not sure of (xyz不存在) falls back to
 * nothing, so the panel says 没有匹配的短语 and Enter inserts nothing.
 */
export function questionFallback<P extends Suggestible>(phrases: readonly P[]): (query: string) => P[] {
  return (query) => {
    const { items, sure } = suggestFor(query, phrases);
    return sure ? items.flatMap((s) => (s.kind === 'phrase' ? [s.phrase] : [])) : [];
  };
}
