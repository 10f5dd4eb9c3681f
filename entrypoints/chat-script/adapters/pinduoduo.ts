import type { SiteAdapter } from './types';
import { SITE_MATCHES } from '../../../scripts-library/sites';

/**
 * 拼多多 merchant chat (Vue 2). Selectors from shared/research/anchors-and-chat-consoles.md (calibrated on the
 * live page by an open-source peer in 2026-09): reply box `textarea#replyTextarea`, conversation rows
 * `li.chat-item` with `.nickname-span`. Which row is the open one is UNVERIFIED: both usual class names are tried.
 */
export const pinduoduo: SiteAdapter = {
  id: 'pinduoduo',
  matches: SITE_MATCHES.pinduoduo,
  replyBoxSelectors: ['textarea#replyTextarea'],
  latestBuyerMessage: (doc) => [...doc.querySelectorAll('#msgListContainer .buyer-item .msg-content-box')].at(-1)?.textContent?.trim() ?? null,
  // Buyer rows are `.buyer-item`, the agent's `.cs-item` (research file); the list marks unreplied rows with
  // `.chat-unreply-time` / `.chat-unreply-over-time` (pdkbot pdd.js).
  lastMessageFrom(doc) {
    const last = [...doc.querySelectorAll('#msgListContainer li.onemsg')].at(-1);
    return last?.classList.contains('buyer-item') ? 'buyer' : last?.classList.contains('cs-item') ? 'agent' : null;
  },
  waitingBuyers: (doc) =>
    [...doc.querySelectorAll('li.chat-item')]
      .filter((row) => row.querySelector('.chat-unreply-time, .chat-unreply-over-time'))
      .map((row) => ({ name: row.querySelector('.nickname-span')?.textContent?.trim() || undefined })),
  currentBuyer(doc) {
    const row = doc.querySelector('li.chat-item.active, li.chat-item.selected, li.chat-item[class*="active"]');
    const name = row?.querySelector('.nickname-span')?.textContent?.trim();
    const uid = doc.querySelector('#msgListContainer .buyer-item [currentuid]')?.getAttribute('currentuid') ?? undefined;
    return name || uid ? { id: uid, name: name || undefined } : null;
  },
};
