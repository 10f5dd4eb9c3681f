import type { SiteAdapter } from './types';
import { SITE_MATCHES } from '../../../scripts-library/shared/sites';
import { fromMessages, parseRowTime, textOf, type Message } from './read';

/**
 * 京东 咚咚 web, per ../shared/research/consoles-evidence.md §1.3 / §2 (jdchat's capture doc, read off a logged-in
 * dongdong.jd.com 2026-09-09; U2's RPA adapter; pdkbot): reply box `.EditorContent[contenteditable]`, send
 * `.SendButtonGroup .send-button`, buyer `.chat-head-name span` and the selected row's pin, messages
 * `#t-chat-scroll .message` with `.message_left` (buyer) / `.message_right` (agent) / `.message_center` (system).
 */
function messages(doc: Document, now: number): Message[] {
  return [...doc.querySelectorAll('#t-chat-scroll .message')].map((row): Message => {
    const side = row.querySelector('.message_left, .message_right');
    if (!side) return { from: 'other', text: textOf(row) };
    const at = parseRowTime(textOf(side, '.message__time_str'), now);
    return { from: side.classList.contains('message_left') ? 'buyer' : 'agent', text: textOf(side, '.message__content'), ...(at !== undefined ? { at } : {}) };
  });
}

const pinOf = (row: Element | null) => row?.querySelector('.alluser-item-name')?.getAttribute('title')?.trim() || undefined;

export const jd: SiteAdapter = {
  id: 'jd',
  matches: SITE_MATCHES.jd,
  fields: {
    replyBox: { by: 'research', how: '`.EditorContent[contenteditable="true"]`', evidence: 'jdchat (2026-09-09), U2' },
    send: { by: 'research', how: '`.SendButtonGroup .send-button`', evidence: 'jdchat, U1' },
    buyerName: { by: 'research', how: '`.chat-head-name span`', evidence: 'jdchat' },
    buyerId: { by: 'research', how: 'the pin in `.alluser-item-name[title]` of the selected row `.alluser-item_check`', evidence: 'jdchat, U2' },
    lastMessageFrom: { by: 'research', how: '`#t-chat-scroll .message`: `.message_left` / `.message_right`, `.message_center` skipped', evidence: 'jdchat, U2' },
    latestBuyerMessage: { by: 'research', how: '`.message_left .message__content`', evidence: 'jdchat, U2' },
    recentMessages: { by: 'research', how: '`.message_left` / `.message_right` `.message__content`, last 12', evidence: 'jdchat, U2' },
    messageTime: { by: 'research', how: '`.message__time_str`', evidence: 'jdchat' },
    waitingList: { by: 'research', how: '`.alluser-item` rows holding `.user-none-reply-t` (where it sits in the row is not known)', evidence: 'pdkbot, U1' },
  },
  replyBoxSelectors: ['.EditorContent[contenteditable="true"]'],
  sendButtonSelectors: ['.SendButtonGroup .send-button'],
  ...fromMessages(messages),
  waitingBuyers: (doc) =>
    [...doc.querySelectorAll('.alluser-item')]
      .filter((row) => row.querySelector('.user-none-reply-t'))
      .map((row) => ({ ...(pinOf(row) ? { id: pinOf(row) } : {}), name: textOf(row, '.alluser-item-name') }))
      .filter((b) => b.name || b.id),
  currentBuyer(doc) {
    const id = pinOf(doc.querySelector('.alluser-item.alluser-item_check'));
    const name = textOf(doc, '.chat-head-name span') || textOf(doc, '.chat-head-name');
    return name || id ? { ...(id ? { id } : {}), ...(name ? { name } : {}) } : null;
  },
};
