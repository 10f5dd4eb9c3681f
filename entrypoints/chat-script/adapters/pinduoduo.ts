import type { SiteAdapter } from './types';
import { SITE_MATCHES } from '../../../scripts-library/shared/sites';
import { fromMessages, parseRowTime, textOf, type Message } from './read';

/**
 * 拼多多 merchant chat (Vue 2), per ../shared/research/consoles-evidence.md §1.1 / §2:
 * - the open conversation's `.active` sits on `div.chat-item-box` (not `li.chat-item`); its `data-random` is
 *   `<uid>-0-<group>`, the uid equal to `[currentuid]` in the messages; one buyer can have a row in several groups
 *   and masked nicks (`S*******n`) collide, so buyers are told apart by uid;
 * - message rows `#msgListContainer li.onemsg` (RAG's parser, calibrated on the live page 2026-09-08): `.buyer-item`
 *   (buyer), `.cs-item` (agent) unless it is the robot's (`.callback`, or holding `.robot-text`: neither — PDD's
 *   own 3-minute timer keeps running after it), system rows (`.system-msg-*`) neither; time `p.message-time`, else
 *   the ms in the row id `middlePanel_list_<ms>`;
 * - a script-made `.click()` on `.send-btn` sent nothing in eCan's live run (2026-10-01, 13 replies, 0 delivered).
 */
const buyerRow = (row: Element) => row.querySelector(':scope > .merchantMessage > .buyer-item, .buyer-item');

function messages(doc: Document, now: number): Message[] {
  return [...doc.querySelectorAll('#msgListContainer li.onemsg')].map((row): Message => {
    const when = parseRowTime(textOf(row, 'p.message-time'), now) ?? (Number(/^middlePanel_list_(\d{12,14})$/.exec(row.id)?.[1]) || undefined);
    const at = when !== undefined ? { at: when } : {};
    const cs = row.querySelector('.cs-item');
    if (buyerRow(row)) {
      const card = row.querySelector('.good-card .good-name');
      return { from: 'buyer', text: textOf(row, '.msg-content-box') || (card ? `[商品] ${textOf(card)}` : ''), ...at };
    }
    if (cs && !cs.classList.contains('callback') && !cs.querySelector('.robot-text')) return { from: 'agent', text: textOf(cs, '.msg-content-box'), ...at };
    return { from: 'other', text: textOf(row) };
  });
}

const uidOf = (box: Element | null) => box?.getAttribute('data-random')?.split('-')[0] || undefined;

export const pinduoduo: SiteAdapter = {
  id: 'pinduoduo',
  matches: SITE_MATCHES.pinduoduo,
  fields: {
    replyBox: { by: 'research', how: '`textarea#replyTextarea`', evidence: 'PDDCS, RAG, eCan' },
    send: { by: 'research', how: '`.reply-box .send-btn` (a script-made click sends nothing)', evidence: 'eCan (2026-10-01), PDDCS' },
    buyerName: { by: 'research', how: 'header `.chatWindowHeader .base-info .name`, else the open row `div.chat-item-box.active .nickname-span` (masked nicks)', evidence: 'eCan, RAG' },
    buyerId: { by: 'research', how: 'the open row\'s `data-random` uid, else `[currentuid]`', evidence: 'RAG, eCan' },
    lastMessageFrom: { by: 'research', how: '`li.onemsg` → `.buyer-item` / `.cs-item`; robot replies (`.callback`, `.robot-text`) and system rows skipped', evidence: 'RAG (2026-09-08), eCan, U3' },
    latestBuyerMessage: { by: 'research', how: '`.buyer-item .msg-content-box`; a goods card by its `.good-name`', evidence: 'RAG' },
    recentMessages: { by: 'research', how: '`.buyer-item` / `.cs-item` `.msg-content-box` (robot and system rows skipped), last 12', evidence: 'RAG' },
    messageTime: { by: 'research', how: '`p.message-time`, else the ms in `li.onemsg` id', evidence: 'RAG' },
    waitingList: { by: 'research', how: '`.chat-item-box` holding `.chat-unreply-time` / `.chat-unreply-over-time`, one per uid', evidence: 'pdkbot, eCan, PDDCS' },
  },
  ignoresScriptedSend: true,
  replyBoxSelectors: ['textarea#replyTextarea'],
  sendButtonSelectors: ['.reply-box .send-btn', '.send-btn'],
  ...fromMessages(messages),
  waitingBuyers(doc) {
    const seen = new Map<string, { id: string; name?: string }>();
    for (const box of doc.querySelectorAll('.chat-item-box')) {
      if (!box.querySelector('.chat-unreply-time, .chat-unreply-over-time')) continue;
      const id = uidOf(box);
      const name = textOf(box, '.nickname-span') || undefined;
      if (id && !seen.has(id)) seen.set(id, { id, ...(name ? { name } : {}) });
    }
    return [...seen.values()];
  },
  currentBuyer(doc) {
    const box = doc.querySelector('div.chat-item-box.active');
    const name = textOf(doc.querySelector('.chatWindowHeader .base-info .name')) || textOf(box, '.nickname-span');
    const id = uidOf(box) ?? doc.querySelector('#msgListContainer .buyer-item [currentuid]')?.getAttribute('currentuid') ?? undefined;
    return name || id ? { ...(id ? { id } : {}), ...(name ? { name } : {}) } : null;
  },
};
