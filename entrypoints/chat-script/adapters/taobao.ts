import type { SiteAdapter } from './types';
import { SITE_MATCHES } from '../../../scripts-library/sites';

/**
 * 淘宝/天猫 web customer service (qn.taobao.com, myseller.taobao.com). No web reply box is verified (open-source
 * Qianniu tools drive the desktop client), so the generic rules find it.
 */
export const taobao: SiteAdapter = {
  id: 'taobao',
  matches: SITE_MATCHES.taobao,
  replyBoxSelectors: [],
  currentBuyer: () => null,
};
