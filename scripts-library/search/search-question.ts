/**
 * A buyer's question pasted into the search (能便宜点吗, 今天下单什么时候能到): when no phrase holds its words,
 * the panel lists the replies suggested for it (suggest.ts, the same function the panel uses for the buyer's
 * latest message) instead of the fuzzy search's near misses. Kept apart from search.ts, which stays free of the
 * suggestion model.
 */
import { suggestFor, type Suggestible } from '../suggest/suggest';

export { looksLikeQuestion } from './search-words';

/**
 * The suggestions for a query, as the panel's search falls back to them (phrases only: a search lists phrases) —
 * led by them when they are sure; a question they are not sure of lists them as 可能是 (a phrase it has is never
 * hidden, #32) and no key inserts them; any other query they are not sure of (xyz不存在) falls back to nothing.
 */
export function questionFallback<P extends Suggestible>(phrases: readonly P[]): (query: string) => { phrases: P[]; sure: boolean } {
  return (query) => {
    const { items, sure } = suggestFor(query, phrases);
    return { phrases: items.flatMap((s) => (s.kind === 'phrase' ? [s.phrase] : [])), sure };
  };
}
