import type { SiteAdapter } from './types';
import { SITE_MATCHES } from '../../../scripts-library/shared/sites';
import { asReplyBox, frameDocument, isShown, sameOriginFrames } from '../dom';

/**
 * Any page: no site knowledge. The reply box is found by {@link findGenericReplyBox}: the focused field, else
 * the last field the agent focused, else the last shown textarea/contenteditable (chat inputs sit at the bottom).
 */
export const generic: SiteAdapter = {
  id: 'generic',
  matches: SITE_MATCHES.local,
  fields: {
    replyBox: { by: 'generic', how: 'the focused or last-used text box, else the last shown one' },
    send: { by: 'label', how: 'the control labelled 发送 nearest the reply box' },
  },
  replyBoxSelectors: [],
  currentBuyer: () => null,
};

export function findGenericReplyBox(doc: Document, lastFocused: Element | null): HTMLElement | null {
  const active = asReplyBox(deepActiveElement(doc));
  if (active) return active;
  const last = asReplyBox(lastFocused);
  if (last && isShown(last)) return last;
  // The page's own fields first, then those in same-origin frames (older editors edit an iframe's body).
  for (const d of [doc, ...sameOriginFrames(doc)]) {
    const candidates = [...d.querySelectorAll<HTMLElement>('textarea, [contenteditable]')]
      .map((el) => asReplyBox(el))
      .filter((el): el is HTMLElement => el !== null && isShown(el));
    if (candidates.length) return candidates.at(-1)!;
  }
  return null;
}

/** document.activeElement, looking through open shadow roots and into same-origin frames. */
function deepActiveElement(doc: Document): Element | null {
  let el = doc.activeElement;
  for (;;) {
    if (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
    else if (el && (el.tagName === 'IFRAME' || el.tagName === 'FRAME')) {
      const inner = frameDocument(el);
      if (!inner?.activeElement) return null; // a cross-origin frame has the focus
      el = inner.activeElement;
      if (el === inner.body && !inner.body.isContentEditable) return null;
    } else break;
  }
  return el === doc.body ? null : el;
}
