/** How the phrase list behaves under the agent's hands: what resets per buyer, where focus goes, what holds still. */
import { useEffect, useMemo, useRef, useState, type RefObject } from 'react';

/** Run `reset` (during render, before anything shows) when `key` changes: what belonged to the last buyer goes. */
export function useResetOn(key: string, reset: (was: string) => void): void {
  const [seen, setSeen] = useState(key);
  if (seen !== key) {
    setSeen(key);
    reset(seen);
  }
}

/**
 * Focus that fell to the page body (a dialog or card closed, the list re-rendered under it) goes back to the
 * search box after the next render, where typing and ↑/↓/Enter work.
 */
export function useFocusReturn(searchRef: RefObject<HTMLInputElement | null>, on: boolean): void {
  useEffect(() => {
    if (on && (!document.activeElement || document.activeElement === document.body)) searchRef.current?.focus({ preventScroll: true });
  });
}

/** How long Enter and Alt+n are ignored after a new buyer message (or new chat before it) changed the rows under them. */
export const SETTLE_MS = 300;

/**
 * Whether the rows just changed because a new buyer message arrived (`message`: the message, with the chat before
 * it when that is read too): for SETTLE_MS after that, a key meant for the previous suggestions must not insert
 * whatever now stands in their place.
 */
export function useSettling(message: string | undefined): () => boolean {
  const seen = useRef(message);
  const since = useRef(Number.NEGATIVE_INFINITY);
  useEffect(() => {
    if (seen.current === message) return;
    if (seen.current !== undefined) since.current = Date.now();
    seen.current = message;
  }, [message]);
  return () => Date.now() - since.current < SETTLE_MS;
}

interface Ordered {
  phrase: { id: string; pinned: boolean };
}

/**
 * The list's order holds while the agent works in it: an insert changes use counts, and re-sorting then would move
 * the row under the cursor (row 6 to row 4, and the next click hits another phrase). The order is taken afresh
 * for a new `view` (buyer, message, search, stage), a pin, or rows added or removed.
 */
export function useStableOrder<H extends Ordered>(hits: H[], view: string): H[] {
  const key = `${view}#${hits
    .filter((h) => h.phrase.pinned)
    .map((h) => h.phrase.id)
    .join(',')}`;
  const [order, setOrder] = useState<{ key: string; rank: Map<string, number> }>(() => ({ key, rank: rankOf(hits) }));
  const same = order.key === key && order.rank.size === hits.length && hits.every((h) => order.rank.has(h.phrase.id));
  if (!same) setOrder({ key, rank: rankOf(hits) });
  const sorted = useMemo(() => [...hits].sort((a, b) => order.rank.get(a.phrase.id)! - order.rank.get(b.phrase.id)!), [hits, order]);
  return same ? sorted : hits;
}

function rankOf(hits: readonly Ordered[]): Map<string, number> {
  return new Map(hits.map((h, i) => [h.phrase.id, i]));
}
