import { useEffect, useRef } from 'react';

/**
 * Keys listened on the whole panel document, not on its root element: once focus falls to the page body (a card
 * closed, a click on empty space, a list re-filtered under the cursor) they still arrive. The latest handler runs.
 */
export function useDocumentKeys(handler: (e: KeyboardEvent) => void): void {
  const latest = useRef(handler);
  useEffect(() => void (latest.current = handler));
  useEffect(() => {
    const listener = (e: KeyboardEvent) => latest.current(e);
    document.addEventListener('keydown', listener);
    return () => document.removeEventListener('keydown', listener);
  }, []);
}
