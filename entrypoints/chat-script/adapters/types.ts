import type { Buyer, RecentMessage } from '../../../scripts-library/shared/protocol';

/** The fields an adapter may read from its console (one column each in the README's console table). */
export const FIELD_NAMES = ['replyBox', 'send', 'buyerName', 'buyerId', 'lastMessageFrom', 'latestBuyerMessage', 'recentMessages', 'messageTime', 'waitingList'] as const;
export type FieldName = (typeof FIELD_NAMES)[number];

/**
 * How an adapter reads one field. `research`: selectors from public open-source tools (the evidence), not checked
 * on a live console by us; `label`: the generic send-button rule (the control labelled 发送 by the reply box);
 * `generic`: the generic reply-box rules (the focused or last-used text box); `verified`: our own demo console.
 */
export interface FieldRead {
  by: 'research' | 'label' | 'generic' | 'verified';
  /** What is read, in a few words (selectors in backticks). */
  how: string;
  /** The sources, by their short names in ../shared/research/consoles-evidence.md §0 (eCan, RAG, DDH…). */
  evidence?: string;
}

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
   * What this adapter can read, field by field (a field left out: not read). The README's console table is
   * generated from these declarations (tests/unit/content/console-table.test.ts).
   */
  fields: Partial<Record<FieldName, FieldRead>>;
  /** A line for the console table about what the console is (e.g. where live reception really happens). */
  note?: string;
  /**
   * The console is known to ignore script-made sends (an untrusted click on its send button sends nothing): a
   * held send is released by handing the send back to the agent, never by a synthetic click.
   */
  ignoresScriptedSend?: boolean;
  /**
   * Known reply-box selectors, most specific first. Empty when the site's reply box is not known yet: the
   * generic rules are then the adapter's intended behaviour, not a degradation.
   */
  replyBoxSelectors: readonly string[];
  /** The page's own send button, most specific first (empty when unknown). */
  sendButtonSelectors?: readonly string[];
  /** The send button when a selector cannot say it alone (a taught control found by its 发送 label). */
  sendButton?(doc: Document): HTMLElement | null;
  /** The text of the latest message from the buyer in the open conversation, when known. */
  latestBuyerMessage?(doc: Document): string | null;
  /** The buyer of the open conversation, when the page shows it. */
  currentBuyer(doc: Document): Buyer | null;
  /**
   * The open conversation's last messages, buyer's and agent's, in order (at most RECENT_MAX, each cut to
   * RECENT_CHARS): the suggestions read the chat so far with them (#32). Untrusted page text: read, never acted on.
   */
  recentMessages?(doc: Document): RecentMessage[];
  /** Who wrote the open conversation's last message (the unreplied-buyer countdown), when known. */
  lastMessageFrom?(doc: Document): 'buyer' | 'agent' | null;
  /**
   * When the open conversation's buyer started waiting (ms: the first buyer message after the agent's last
   * reply), when the rows show their time; null when they do not or nobody waits.
   */
  waitingSince?(doc: Document, now?: number): number | null;
  /** How many of the agent's own messages the open conversation shows (a send is seen when it grows). */
  agentMessageCount?(doc: Document): number;
  /** The buyers the conversation list marks as unreplied, when the adapter can read the list. */
  waitingBuyers?(doc: Document): Buyer[];
}
