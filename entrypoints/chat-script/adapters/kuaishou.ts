import type { SiteAdapter } from './types';
import { SITE_MATCHES } from '../../../scripts-library/shared/sites';
import { fromMessages, parseRowTime, textOf, type Message } from './read';

/**
 * 快手小店 客服 workbench (im.kwaixiaodian.com/workbench), per ../shared/research/consoles-evidence.md §1.5 (U3, U4:
 * unnamed sources, medium-high confidence): a Quill reply box `.SendBox .ql-editor`, send
 * `.SendBox-buttonRight .ant-btn-primary` (disabled while the box is empty), the open buyer in
 * `.TargetUserHeader .LoginUserInfo-mainTitle-text`, message rows `div[id^="0_<buyerId>_"]` whose wrapper's class
 * ends `__isMine` (agent) or `__notMe` (buyer) — matched by that suffix, since the prefix is a CSS-module name —,
 * with "昵称 2-22 18:55:20" before the body; cards and notices (LayoutMiddleWrapper) are neither. Unreplied buyers are
 * the rows of the 请在3分钟内回复 and 已超时 groups.
 */
const ROWS = '.ChatMessageList-ContentWrap [id^="0_"]';

function messages(doc: Document, now: number): Message[] {
  return [...doc.querySelectorAll(ROWS)].map((row): Message => {
    const wrap = row.querySelector('[class*="LayoutDefaultWrapper__isMine"], [class*="LayoutDefaultWrapper__notMe"]');
    if (!wrap) return { from: 'other', text: textOf(row) };
    const at = parseRowTime(textOf(wrap, '[class*="LayoutDefaultWrapper_beforeMsgBody"]') || textOf(wrap, '[class*="LayoutDefaultWrapper__time"]'), now);
    return {
      from: /__isMine/.test(wrap.className) ? 'agent' : 'buyer',
      text: textOf(wrap, '[class*="LayoutDefaultWrapper_msgBody"]'),
      ...(at !== undefined ? { at } : {}),
    };
  });
}

const WAIT_GROUPS = /请在\s*\d+\s*分钟内回复|已超时/;

export const kuaishou: SiteAdapter = {
  id: 'kuaishou',
  matches: SITE_MATCHES.kuaishou,
  fields: {
    replyBox: { by: 'research', how: '`.SendBox .ql-editor` (Quill)', evidence: 'U3, U4' },
    send: { by: 'research', how: '`.SendBox-buttonRight .ant-btn-primary` (disabled while empty)', evidence: 'U3, U4' },
    buyerName: { by: 'research', how: '`.TargetUserHeader .LoginUserInfo-mainTitle-text`', evidence: 'U3' },
    buyerId: { by: 'research', how: 'the message rows\' ids `0_<buyerId>_…`', evidence: 'U3' },
    lastMessageFrom: { by: 'research', how: 'row wrappers `…LayoutDefaultWrapper__isMine` / `__notMe`; cards and notices skipped', evidence: 'U3, U4' },
    latestBuyerMessage: { by: 'research', how: '`__notMe …_msgBody`', evidence: 'U3, U4' },
    recentMessages: { by: 'research', how: 'the rows lastMessageFrom reads (`__notMe` / `__isMine` `_msgBody`), last 12', evidence: 'U3, U4' },
    messageTime: { by: 'research', how: '`…_beforeMsgBody` ("昵称 2-22 18:55:20")', evidence: 'U3' },
    waitingList: { by: 'research', how: '`.SessionBaseCard-topHeadName` in the groups 请在3分钟内回复 / 已超时', evidence: 'U3, U4' },
  },
  note: 'new: served without enabling it in 其他网站',
  replyBoxSelectors: ['.SendBox .SendBox-Editor .ql-editor', '.SendBox .ql-editor'],
  sendButtonSelectors: ['.SendBox .SendBox-buttonRight .ant-btn-primary'],
  ...fromMessages(messages),
  waitingBuyers(doc) {
    const open = kuaishou.currentBuyer(doc);
    const names = [...doc.querySelectorAll('.SessionListGroupItem')]
      .filter((group) => WAIT_GROUPS.test(textOf(group, '.SessionListGroupItem-groupName')))
      .flatMap((group) => [...group.querySelectorAll('.SessionBaseCard-topHeadName')].map((el) => textOf(el)))
      .filter((name, i, all) => name && all.indexOf(name) === i);
    // The list shows names only: the open buyer's row gets the id the conversation shows, so both are one buyer.
    return names.map((name) => (open?.id && open.name === name ? { id: open.id, name } : { name }));
  },
  currentBuyer(doc) {
    const name = textOf(doc, '.TargetUserHeader .LoginUserInfo-mainTitle-text');
    const id = /^0_([^_]+)_/.exec(doc.querySelector(ROWS)?.id ?? '')?.[1];
    return name || id ? { ...(id ? { id } : {}), ...(name ? { name } : {}) } : null;
  },
};
