/**
 * A site taught by pointing (⚙ → 其他网站 → 教一次): the page's adapter, known or generic, until the background
 * says what this site was taught; from then on the taught locators read the reply box, 发送, the buyer and the
 * messages, and the countdown, the suggestions and the held send follow from them as from any adapter.
 */
import type { SiteAdapter } from './adapters/types';
import { fromMessages } from './adapters/read';
import { findAll, readTaughtMessages, readTaughtText, type TaughtSite } from '../../scripts-library/sites/teach';
import { isHtmlElement, isShown } from './dom';

const TAUGHT_FIELDS: SiteAdapter['fields'] = {
  replyBox: { by: 'generic', how: 'the element the agent pointed at (教一次)' },
  send: { by: 'generic', how: 'the control the agent pointed at' },
  buyerName: { by: 'generic', how: 'the element the agent pointed at' },
  lastMessageFrom: { by: 'generic', how: 'rows of the pointed-at list, side told by structure' },
  latestBuyerMessage: { by: 'generic', how: 'the taught buyer rows' },
  recentMessages: { by: 'generic', how: 'the taught rows, buyer\'s and agent\'s' },
};

/** The first shown element a taught locator finds (an HTML element), or null. */
export function shownBy(doc: Document, loc: TaughtSite['replyBox']): HTMLElement | null {
  return findAll(doc, loc).find((el): el is HTMLElement => isHtmlElement(el) && isShown(el)) ?? null;
}

/** `base` until {@link TeachableAdapter.taught} is set; the taught reads after. One object, so every part of the chat script follows. */
export class TeachableAdapter implements SiteAdapter {
  taught: TaughtSite | null = null;
  private readonly reads = fromMessages((doc) => (this.taught ? readTaughtMessages(doc, this.taught.messages) : []));

  constructor(readonly base: SiteAdapter) {}

  get id() {
    return this.taught ? 'taught' : this.base.id;
  }
  get matches() {
    return this.base.matches;
  }
  get fields() {
    return this.taught ? TAUGHT_FIELDS : this.base.fields;
  }
  get ignoresScriptedSend() {
    return this.base.ignoresScriptedSend; // the console's send behaves as it did before it was taught
  }
  get replyBoxSelectors() {
    return this.taught ? [this.taught.replyBox.css] : this.base.replyBoxSelectors;
  }
  get sendButtonSelectors() {
    return this.taught ? [] : this.base.sendButtonSelectors;
  }
  /** The taught send control (its label included), when taught. */
  sendButton(doc: Document): HTMLElement | null {
    return this.taught ? shownBy(doc, this.taught.send) : null;
  }
  currentBuyer(doc: Document) {
    if (!this.taught) return this.base.currentBuyer(doc);
    const name = readTaughtText(doc, this.taught.buyerName);
    return name ? { name } : null;
  }
  latestBuyerMessage(doc: Document) {
    return this.taught ? this.reads.latestBuyerMessage(doc) : (this.base.latestBuyerMessage?.(doc) ?? null);
  }
  recentMessages(doc: Document) {
    return this.taught ? this.reads.recentMessages(doc) : (this.base.recentMessages?.(doc) ?? []);
  }
  lastMessageFrom(doc: Document) {
    return this.taught ? this.reads.lastMessageFrom(doc) : (this.base.lastMessageFrom?.(doc) ?? null);
  }
  waitingSince(doc: Document, now?: number) {
    return this.taught ? this.reads.waitingSince(doc, now) : (this.base.waitingSince?.(doc, now) ?? null);
  }
  agentMessageCount(doc: Document) {
    return this.taught ? this.reads.agentMessageCount(doc) : (this.base.agentMessageCount?.(doc) ?? 0);
  }
  get waitingBuyers() {
    return this.taught ? undefined : this.base.waitingBuyers?.bind(this.base);
  }
  /** The open conversation's last message of the buyer or the agent (检查), as far as the adapter reads it. */
  lastMessage(doc: Document): { text: string; from: 'buyer' | 'agent' } | null {
    if (this.taught) {
      const last = readTaughtMessages(doc, this.taught.messages).findLast((m) => m.from !== 'other');
      return last ? { text: last.text, from: last.from as 'buyer' | 'agent' } : null;
    }
    const from = this.base.lastMessageFrom?.(doc) ?? null;
    return from ? { from, text: from === 'buyer' ? (this.base.latestBuyerMessage?.(doc) ?? '') : '' } : null;
  }
}
