import type { SiteAdapter } from './types';
import { SITE_MATCHES } from '../../../scripts-library/shared/sites';
import { fromMessages, textOf, type Message } from './read';

/**
 * 抖店 飞鸽 workspace, per ../shared/research/consoles-evidence.md §1.2 / §2. Messages are
 * `[data-qa-id="qa-message-warpper"]`; the role class sits on the bubble INSIDE it (`.messageNotMe` buyer,
 * `.messageIsMe` agent; DDH "现场抓取", 2026-04-23), else the row's inline `flex-direction` tells (`row-reverse` =
 * agent); a wrapper without a bubble is a system row (会话关闭, 客服…接入, 欢迎语). Most other classes are hashed, so
 * only qa-ids, ids, data attributes and labels are used. No message time is readable without hashed classes.
 */
function messages(doc: Document): Message[] {
  return [...doc.querySelectorAll('[data-qa-id="qa-message-warpper"]')].map((wrapper): Message => {
    const bubble = wrapper.querySelector('.messageNotMe, .messageIsMe');
    const row = wrapper.querySelector<HTMLElement>('[style*="flex-direction"]');
    const dir = row?.style.flexDirection;
    const from = bubble ? (bubble.classList.contains('messageIsMe') ? 'agent' : 'buyer') : dir === 'row-reverse' ? 'agent' : dir === 'row' ? 'buyer' : 'other';
    const body = bubble ?? row;
    return { from, text: textOf(body, 'pre') || textOf(body) };
  });
}

export const doudian: SiteAdapter = {
  id: 'doudian',
  matches: SITE_MATCHES.doudian,
  fields: {
    replyBox: { by: 'research', how: '`#im-input-box textarea[data-qa-id="qa-send-message-textarea"]`', evidence: 'eCan, DDH' },
    send: { by: 'research', how: '`[data-qa-id="qa-send-message-button"]`, else the label rule (发 送; never a toolbar icon)', evidence: 'DDH (2026-04-23)' },
    buyerName: { by: 'research', how: '`#topbar-left-info` (not its 添加备注), else the reply box\'s placeholder', evidence: 'eCan' },
    lastMessageFrom: { by: 'research', how: 'the bubble inside `[data-qa-id="qa-message-warpper"]`: `.messageIsMe` / `.messageNotMe`, else `flex-direction`; wrappers without a bubble (system) skipped', evidence: 'DDH, U5, eCan' },
    latestBuyerMessage: { by: 'research', how: '`.messageNotMe pre`', evidence: 'DDH, U5' },
    recentMessages: { by: 'research', how: 'the rows lastMessageFrom reads, buyer\'s `.messageNotMe pre` and the agent\'s bubble text, last 12', evidence: 'DDH, U5' },
    waitingList: { by: 'research', how: '`[data-qa-id="qa-conversation-chat-item"]` whose class holds `needReply`, or under `[data-btm="message_group_name_waitReply"]`', evidence: 'eCan (one source each)' },
  },
  replyBoxSelectors: ["#im-input-box textarea[data-qa-id='qa-send-message-textarea']", '#im-input-box textarea'],
  sendButtonSelectors: ["[data-qa-id='qa-send-message-button']"],
  ...fromMessages(messages),
  waitingBuyers: (doc) =>
    [...doc.querySelectorAll('[data-qa-id="qa-conversation-chat-item"]')]
      .filter((row) => /needReply/.test(row.className) || row.closest('[data-btm="message_group_name_waitReply"], [data-btm="message_group_name_overtime"]'))
      .map((row) => row.querySelector('[class*="nameLine"][title]')?.getAttribute('title')?.trim() || textOf(row, '[class*="NameContent"]'))
      .filter((name, i, all) => name && all.indexOf(name) === i)
      .map((name) => ({ name })),
  currentBuyer(doc) {
    const info = doc.querySelector('#topbar-left-info');
    const leaf = info && [...info.querySelectorAll('span, div')].find((el) => el.childElementCount === 0 && textOf(el) && textOf(el) !== '添加备注');
    const placeholder = doc.querySelector('#im-input-box textarea')?.getAttribute('placeholder') ?? '';
    const name = textOf(leaf) || /发送给\s*(.+?)\s*[，,]/.exec(placeholder)?.[1];
    return name ? { name } : null;
  },
};

