/**
 * A buyer's question pasted into the search (能便宜点吗, 今天下单什么时候能到): when no phrase holds its words,
 * the panel lists the replies suggested for it (suggest.ts, the same function the panel uses for the buyer's
 * latest message) instead of the fuzzy search's near misses. Kept apart from search.ts, which stays free of the
 * suggestion model.
 */
import { suggestFor, type Suggestible } from '../suggest/suggest';
import { CHITCHAT } from '../shared/intents';

export { looksLikeQuestion } from './search-words';

/**
 * Least probability for a query that is not a question, and found nothing, to list the suggestions for it as 可能是:
 * the threshold the labelled search queries were measured at before the suggestions' own (INTENT_THRESHOLD) rose
 * (0.3, now 0.25 again), so a query that found a phrase then (改价格 拍下) still does; gibberish (xyz不存在) stays below it.
 */
const LISTED = 0.25;

/**
 * The suggestions for a query, as the panel's search falls back to them (phrases only: a search lists phrases) —
 * led by them when they are sure; a question they are not sure of lists them as 可能是 (a phrase it has is never
 * hidden, #32) and no key inserts them; any other query is `listed` so only when its intent reaches LISTED
 * (xyz不存在 falls back to nothing).
 */
export function questionFallback<P extends Suggestible>(phrases: readonly P[]): (query: string) => { phrases: P[]; sure: boolean; listed: boolean } {
  return (query) => {
    const { items, sure, intent, confidence } = suggestFor(query, phrases);
    // Chit-chat is no intent to list replies for (包油, a typo, reads as chit-chat: its sound finds 包邮说明).
    const listed = sure || (items.length > 0 && intent !== CHITCHAT && confidence >= LISTED);
    return { phrases: items.flatMap((s) => (s.kind === 'phrase' ? [s.phrase] : [])), sure, listed };
  };
}
