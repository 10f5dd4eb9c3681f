import { browser } from 'wxt/browser';
import { InsertReplySchema, type InsertReply } from '../storage/protocol';
import { t, type MessageKey } from './i18n';

export type InsertOutcome =
  | { kind: 'inserted' }
  | { kind: 'copied'; message: string }
  | { kind: 'failed'; message: string };

/**
 * Insert text into a chat tab's reply box. When that is impossible (no tab, no reply box, page unreachable or
 * refusing) the text goes to the clipboard instead and the outcome says so, for the panel to show.
 */
export async function insertIntoTab(tabId: number | undefined, text: string, caret?: number): Promise<InsertOutcome> {
  let reason: MessageKey = 'reasonNoTab';
  if (tabId !== undefined) {
    try {
      const raw: unknown = await browser.tabs.sendMessage(tabId, { type: 'chat/insert', text, ...(caret === undefined ? {} : { caret }) });
      const reply = InsertReplySchema.safeParse(raw);
      if (!reply.success) reason = 'reasonFailed';
      else if (reply.data.ok) return { kind: 'inserted' };
      else reason = reasonKey(reply.data);
    } catch {
      reason = 'reasonUnreachable'; // no content script in that tab (e.g. opened before install) or tab gone
    }
  }
  try {
    await navigator.clipboard.writeText(text);
    return { kind: 'copied', message: t('copiedFallback', t(reason)) };
  } catch {
    return { kind: 'failed', message: t('copyFailed', t(reason)) };
  }
}

function reasonKey(reply: Extract<InsertReply, { ok: false }>): MessageKey {
  return reply.reason === 'no-input' ? 'reasonNoInput' : 'reasonFailed';
}
