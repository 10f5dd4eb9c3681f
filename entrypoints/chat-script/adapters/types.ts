import type { Buyer } from '../../../scripts-library/protocol';

/**
 * A site adapter: everything the content script needs to know about one chat console. One file per site, id
 * equal to the file name, registered in ./index.ts (a test walks this folder and checks that).
 *
 * Adapters only read the page. They must never throw into it: a selector that stops matching returns null
 * and the content script falls back to generic behaviour with a visible notice.
 */
export interface SiteAdapter {
  /** Equals the file name, e.g. 'pinduoduo'. Also the i18n key suffix of the site's display name (site_<id>). */
  id: string;
  /** Match patterns of the pages this adapter serves (a subset of the content script's matches). */
  matches: readonly string[];
  /** Page-level check after the URL matched (e.g. a marker element). Defaults to true. */
  detect?(doc: Document): boolean;
  /**
   * Known reply-box selectors, most specific first. Empty when the site's reply box is not known yet: the
   * generic rules are then the adapter's intended behaviour, not a degradation.
   */
  replyBoxSelectors: readonly string[];
  /** The page's own send button, most specific first (empty when unknown). */
  sendButtonSelectors?: readonly string[];
  /** The text of the latest message from the buyer in the open conversation, when known. */
  latestBuyerMessage?(doc: Document): string | null;
  /** The buyer of the open conversation, when the page shows it. */
  currentBuyer(doc: Document): Buyer | null;
  /** Who wrote the open conversation's last message (the unreplied-buyer countdown), when known. */
  lastMessageFrom?(doc: Document): 'buyer' | 'agent' | null;
  /** The buyers the conversation list marks as unreplied, when the adapter can read the list. */
  waitingBuyers?(doc: Document): Buyer[];
}
