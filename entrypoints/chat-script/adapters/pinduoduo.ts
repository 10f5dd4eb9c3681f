import type { SiteAdapter } from './types';
import { SITE_MATCHES } from '../../../scripts-library/sites';

/**
 * 拼多多 merchant chat (Vue 2). Reply box `textarea#replyTextarea` (shared/research/anchors-and-chat-consoles.md).
 * Message rows as an open-source peer calibrated them on the live page (2026-09-08): `li.onemsg` rows holding a
 * `.cs-item` (agent) or `.buyer-item` (buyer) under `.merchantMessage`, text in `.msg-content-box`, the buyer's
 * uid in `[currentuid]`; system rows hold neither and are skipped. The list marks unreplied buyers with
 * `.chat-unreply-time` / `.chat-unreply-over-time` (pdkbot pdd.js). UNVERIFIED: which list row is the open one
 * (both usual class names are tried) and the send button (found by its 发送 label, the generic rule).
 */
export const pinduoduo: SiteAdapter = {
  id: 'pinduoduo',
  matches: SITE_MATCHES.pinduoduo,
  replyBoxSelectors: ['textarea#replyTextarea'],
  latestBuyerMessage: (doc) => [...doc.querySelectorAll('#msgListContainer .buyer-item .msg-content-box')].at(-1)?.textContent?.trim() ?? null,
  lastMessageFrom(doc) {
    const rows = doc.querySelectorAll('#msgListContainer li.onemsg');
    for (let i = rows.length - 1; i >= 0; i--) {
      if (rows[i]!.querySelector('.cs-item')) return 'agent';
      if (rows[i]!.querySelector('.buyer-item')) return 'buyer';
    }
    return null;
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
