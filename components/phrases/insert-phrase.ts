import { ProtocolError, type InsertReply } from '../../scripts-library/shared/protocol';
import { toChatTab } from '../shared/messaging';
import { t, type MessageKey } from '../shared/i18n';

export type InsertOutcome =
  | { kind: 'inserted' }
  /** Put where the agent wants it, though not into a reply box: the companion window's copy (a use, a success). */
  | { kind: 'handed'; message: string }
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
      const reply = await toChatTab(tabId)('chat/insert', { text, ...(caret === undefined ? {} : { caret }) });
      if (reply.ok) return { kind: 'inserted' };
      reason = reasonKey(reply);
    } catch (e) {
      // A malformed answer is a failure; no answer at all means no chat script in that tab (opened before
      // install) or the tab is gone.
      reason = e instanceof ProtocolError ? 'reasonFailed' : 'reasonUnreachable';
    }
  }
  try {
    await navigator.clipboard.writeText(text);
    return { kind: 'copied', message: t('copiedFallback', t(reason)) };
  } catch {
    return { kind: 'failed', message: t('copyFailed', t(reason)) };
  }
}

/**
 * The 千牛 companion window's insert: the phrase goes to the clipboard, for the agent to paste into 千牛's reply box
 * (no chat tab is ever written to from this window).
 */
export async function copyForCompanion(_tabId: number | undefined, text: string): Promise<InsertOutcome> {
  try {
    await navigator.clipboard.writeText(text);
    return { kind: 'handed', message: t('companionCopiedHint') };
  } catch {
    return { kind: 'failed', message: t('companionCopyFailed') };
  }
}

function reasonKey(reply: Extract<InsertReply, { ok: false }>): MessageKey {
  return reply.reason === 'no-input' ? 'reasonNoInput' : 'reasonFailed';
}

/** The served tab's reply box text (存为短语); '' when the page cannot be asked. */
export async function readDraftOfTab(tabId: number): Promise<string> {
  try {
    return (await toChatTab(tabId)('chat/get-draft', {})).text;
  } catch {
    return '';
  }
}
