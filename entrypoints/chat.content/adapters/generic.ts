import type { SiteAdapter } from './types';
import { SITE_MATCHES } from './matches';
import { asReplyBox, isShown } from './dom';

/**
 * Any page: no site knowledge. The reply box is found by {@link findGenericReplyBox}: the focused field, else
 * the last field the agent focused, else the last shown textarea/contenteditable (chat inputs sit at the bottom).
 */
export const generic: SiteAdapter = {
  id: 'generic',
  matches: SITE_MATCHES.local,
  replyBoxSelectors: [],
  currentBuyer: () => null,
};

export function findGenericReplyBox(doc: Document, lastFocused: Element | null): HTMLElement | null {
  const active = asReplyBox(deepActiveElement(doc));
  if (active) return active;
  const last = asReplyBox(lastFocused);
  if (last && isShown(last)) return last;
  const candidates = [...doc.querySelectorAll<HTMLElement>('textarea, [contenteditable]')]
    .map((el) => asReplyBox(el))
    .filter((el): el is HTMLElement => el !== null && isShown(el));
  return candidates.at(-1) ?? null;
}

/** document.activeElement, looking through open shadow roots. */
function deepActiveElement(doc: Document): Element | null {
  let el = doc.activeElement;
  while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
  return el === doc.body ? null : el;
}
