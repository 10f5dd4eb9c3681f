import type { SiteAdapter } from './types';
import { SITE_MATCHES } from '../../../scripts-library/sites';

/**
 * 抖店 飞鸽 workspace. Reply box `#im-input-box textarea[data-qa-id='qa-send-message-textarea']` (research file);
 * its placeholder reads "发送给 <买家>，使用Enter 发送消息", which is the only place the buyer's name is known so far.
 */
export const doudian: SiteAdapter = {
  id: 'doudian',
  matches: SITE_MATCHES.doudian,
  replyBoxSelectors: ["#im-input-box textarea[data-qa-id='qa-send-message-textarea']", '#im-input-box textarea'],
  sendButtonSelectors: ["[data-qa-id='qa-send-message-button']", '#im-input-box [role="button"]'],
  latestBuyerMessage: (doc) => [...doc.querySelectorAll("[data-qa-id='qa-message-warpper'].messageNotMe")].at(-1)?.textContent?.trim() ?? null,
  // Messages are `[data-qa-id='qa-message-warpper']`, the agent's own `.messageIsMe` (research file).
  lastMessageFrom(doc) {
    const last = [...doc.querySelectorAll("[data-qa-id='qa-message-warpper']")].at(-1);
    return !last ? null : last.classList.contains('messageIsMe') ? 'agent' : 'buyer';
  },
  currentBuyer(doc) {
    const placeholder = doc.querySelector('#im-input-box textarea')?.getAttribute('placeholder') ?? '';
    const name = /发送给\s*(.+?)\s*[，,]/.exec(placeholder)?.[1];
    return name ? { name } : null;
  },
};
