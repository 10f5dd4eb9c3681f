/** What the background answers. Separate from the wiring so it can be tested with a fake browser. */
import { BackgroundRequestSchema, parseMessage, type ChatTab } from '../../storage/protocol';
import type { ChatTabRegistry } from '../../storage/chat-tabs';

export interface Sender {
  id?: string;
  tab?: { id?: number; windowId?: number };
}

export type BackgroundReply = { ok: true; changed?: boolean } | { ok: false; error: string } | ChatTab[];

/**
 * Handle one runtime message. Messages from another extension, malformed ones, and status reports that do not
 * come from a tab are rejected (logged, nothing stored).
 */
export async function handleBackgroundMessage(
  raw: unknown,
  sender: Sender,
  ownId: string,
  registry: ChatTabRegistry,
): Promise<{ reply: BackgroundReply; changed: boolean }> {
  if (sender.id !== ownId) {
    console.warn('[kefu] rejected message from a foreign sender', sender.id);
    return { reply: { ok: false, error: 'foreign sender' }, changed: false };
  }
  const parsed = parseMessage(BackgroundRequestSchema, raw, sender.tab ? `tab ${sender.tab.id}` : 'extension page');
  if (!parsed.ok) return { reply: { ok: false, error: parsed.reason }, changed: false };
  const message = parsed.value;
  switch (message.type) {
    case 'chat/status': {
      const { id, windowId } = sender.tab ?? {};
      if (id === undefined || windowId === undefined) {
        console.warn('[kefu] rejected chat/status: not sent from a tab');
        return { reply: { ok: false, error: 'chat/status must come from a tab' }, changed: false };
      }
      const changed = await registry.report(id, windowId, message.status);
      return { reply: { ok: true, changed }, changed };
    }
    case 'panel/list-chat-tabs':
      return { reply: await registry.list(), changed: false };
  }
}
