import type { SiteAdapter } from './types';
import { SITE_MATCHES } from '../../../scripts-library/shared/sites';
import { fromMessages, textOf, type Message } from './read';

const messages = (doc: Document): Message[] =>
  [...doc.querySelectorAll<HTMLElement>('[data-kefu-demo] [data-role="message"]')].map((m) => ({
    from: m.dataset.from === 'buyer' || m.dataset.from === 'agent' ? m.dataset.from : 'other',
    text: textOf(m, '.bubble'),
  }));

/** The local demo console (tests/fixtures/demo-chat), recognised by its `data-kefu-demo` root. */
export const demo: SiteAdapter = {
  id: 'demo',
  matches: SITE_MATCHES.local,
  detect: (doc) => doc.querySelector('[data-kefu-demo]') !== null,
  fields: {
    replyBox: { by: 'verified', how: '`[data-role="reply-box"]`' },
    send: { by: 'verified', how: '`[data-role="send"]`' },
    buyerName: { by: 'verified', how: 'the selected row\'s `data-buyer-name`' },
    buyerId: { by: 'verified', how: 'the selected row\'s `data-buyer-id`' },
    lastMessageFrom: { by: 'verified', how: '`[data-role="message"][data-from]`' },
    latestBuyerMessage: { by: 'verified', how: '`[data-from="buyer"] .bubble`' },
    recentMessages: { by: 'verified', how: '`[data-role="message"][data-from] .bubble`, last 12' },
    waitingList: { by: 'verified', how: '`[data-waiting="true"]` rows' },
  },
  // The reply box itself, or (editor fixtures) the editable root a rich editor renders inside it, or the frame
  // that holds the editor.
  replyBoxSelectors: [
    '[data-kefu-demo] [data-role="reply-box"]',
    '[data-kefu-demo] [data-role="reply-box"] [contenteditable="true"]',
    '[data-kefu-demo] [data-role="reply-box"] iframe',
  ],
  sendButtonSelectors: ['[data-kefu-demo] [data-role="send"]'],
  ...fromMessages(messages),
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
