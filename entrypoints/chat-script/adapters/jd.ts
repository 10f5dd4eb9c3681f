import type { SiteAdapter } from './types';
import { SITE_MATCHES } from '../../../scripts-library/sites';

/** 京东 咚咚 web. No reply-box selector is verified yet, so the generic rules find it (focused / last focused field). */
export const jd: SiteAdapter = {
  id: 'jd',
  matches: SITE_MATCHES.jd,
  replyBoxSelectors: [],
  currentBuyer: () => null,
};
