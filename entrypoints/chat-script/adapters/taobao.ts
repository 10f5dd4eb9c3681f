import type { SiteAdapter } from './types';
import { SITE_MATCHES } from '../../../scripts-library/shared/sites';

/**
 * 淘宝/天猫 web (qn.taobao.com, myseller.taobao.com). The web pages these match are a chat-record search tool in a
 * cross-origin iframe; live reception happens in the 千牛 desktop client (../shared/research/consoles-evidence.md
 * §1.4: eCan qianniu_chat, pdkbot, U7). There is no web reply box to serve: the generic rules stay, and on the
 * history page they find none.
 */
export const taobao: SiteAdapter = {
  id: 'taobao',
  matches: SITE_MATCHES.taobao,
  fields: {
    replyBox: { by: 'generic', how: 'the generic rules (the history page has none)', evidence: 'U7, eCan' },
    send: { by: 'label', how: 'the label rule' },
  },
  note: 'live reception is in the 千牛 desktop client; the web pages are a chat-record search (eCan, pdkbot, U7)',
  replyBoxSelectors: [],
  currentBuyer: () => null,
};
