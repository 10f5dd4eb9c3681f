import type { SiteAdapter } from './types';
import { SITE_MATCHES } from '../../../scripts-library/sites';

/** The local demo console (tests/fixtures/demo-chat), recognised by its `data-kefu-demo` root. */
export const demo: SiteAdapter = {
  id: 'demo',
  matches: SITE_MATCHES.local,
  detect: (doc) => doc.querySelector('[data-kefu-demo]') !== null,
  // The reply box itself, or (editor fixtures) the editable root a rich editor renders inside it, or the frame
  // that holds the editor.
  replyBoxSelectors: [
    '[data-kefu-demo] [data-role="reply-box"]',
    '[data-kefu-demo] [data-role="reply-box"] [contenteditable="true"]',
    '[data-kefu-demo] [data-role="reply-box"] iframe',
  ],
  sendButtonSelectors: ['[data-kefu-demo] [data-role="send"]'],
  latestBuyerMessage: (doc) =>
    [...doc.querySelectorAll('[data-kefu-demo] [data-role="message"][data-from="buyer"]')].at(-1)?.querySelector('.bubble')?.textContent ?? null,
  lastMessageFrom(doc) {
    const from = [...doc.querySelectorAll<HTMLElement>('[data-kefu-demo] [data-role="message"]')].at(-1)?.dataset.from;
    return from === 'buyer' || from === 'agent' ? from : null;
  },
  waitingBuyers: (doc) =>
    [...doc.querySelectorAll<HTMLElement>('[data-kefu-demo] [data-role="conversation"][data-waiting="true"]')].map((row) => ({
      id: row.dataset.buyerId,
      name: row.dataset.buyerName,
    })),
  currentBuyer(doc) {
    const active = doc.querySelector<HTMLElement>('[data-kefu-demo] [data-role="conversation"][aria-selected="true"]');
    if (!active) return null;
    return { id: active.dataset.buyerId, name: active.dataset.buyerName };
  },
};
