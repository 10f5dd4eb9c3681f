/**
 * What this chat page sent to each buyer lately, kept in the page's memory only (never stored, never sent
 * anywhere): some consoles flag or drop the same reply sent to a buyer again and again (Pinduoduo among them), so
 * the guard badge warns before a repeat, and a phrase with several wordings picks one not sent to the buyer yet.
 */

/** How long a sent reply counts as "just sent" to its buyer. */
export const SENT_WINDOW_MS = 30 * 60_000;
const PER_BUYER = 30;
const BUYERS = 200;

/** Replies compare without their white space (a trailing space does not make a reply new). */
export const sameReply = (text: string) => text.replace(/\s+/g, '');

export class SentMemory {
  /** Buyer → sent replies, oldest first; the Map's order is the buyers' (most recent last). */
  private readonly log = new Map<string, { text: string; at: number }[]>();

  constructor(private readonly windowMs = SENT_WINDOW_MS) {}

  remember(buyer: string, text: string, at: number): void {
    const key = sameReply(text);
    if (!key) return;
    const list = (this.log.get(buyer) ?? []).filter((s) => s.text !== key && at - s.at < this.windowMs);
    list.push({ text: key, at });
    this.log.delete(buyer);
    this.log.set(buyer, list.slice(-PER_BUYER));
    if (this.log.size > BUYERS) this.log.delete(this.log.keys().next().value!);
  }

  /** How long ago `text` went to `buyer`, when it did within the window. */
  sentAgo(buyer: string, text: string, now: number): number | undefined {
    const key = sameReply(text);
    const hit = key ? this.log.get(buyer)?.find((s) => s.text === key) : undefined;
    return hit && now - hit.at < this.windowMs ? now - hit.at : undefined;
  }
}

/**
 * The wording of a phrase to insert: its body and its other wordings take turns (the turn moves with each use),
 * skipping any that, filled in, was just sent to this buyer. When all were, the one whose turn it is.
 * @param fill the wording as it would be inserted (placeholders filled with what is known)
 */
export function pickWording(phrase: { body: string; variants?: readonly string[]; useCount: number }, sentRecently: (text: string) => boolean, fill: (wording: string) => string = (w) => w): string {
  const all = [phrase.body, ...(phrase.variants ?? [])];
  const turn = phrase.useCount % all.length;
  for (let k = 0; k < all.length; k++) {
    const wording = all[(turn + k) % all.length]!;
    if (!sentRecently(fill(wording))) return wording;
  }
  return all[turn]!;
}
