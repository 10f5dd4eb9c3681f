/**
 * The background as a chat page or the side panel talks to it: `send(type, payload)` goes through the real
 * receiver (sender rules, the protocol map's checks both ways, the feature handlers) with the sender a message
 * of that type comes from (a chat tab for a chat page's, the side panel for the extension pages').
 */
import { BACKGROUND_PROTOCOL, createSender } from '../../scripts-library/shared/protocol';
import { ChatTabRegistry } from '../../storage/chat-tabs';
import type { KefuDB } from '../../storage/db';
import { createBackground, type BackgroundHooks } from '../../entrypoints/background/handlers';
import { guardHandlers } from '../../entrypoints/background/guard';
import { bundledShipped } from '../../entrypoints/background/shipped-bundled';
import type { GuardCache } from '../../storage/guard-cache';
import { storedGuardSource, type GuardSource } from '../../storage/guard-source';
import type { Sender } from '../../entrypoints/background/messages';

export const OWN = 'kefu-extension-id';
export const CHAT_TAB: Sender = { id: OWN, tab: { id: 5, windowId: 2 }, url: 'https://mms.pinduoduo.com/chat-merchant/' };
export const PANEL: Sender = { id: OWN };

export const memoryRegistry = () => new ChatTabRegistry({ get: async () => ({}), set: async () => {} });

/** The guard's reads as the worker's core makes them (IndexedDB itself, Dexie's write notices), of this database. */
export const guardSourceFor = (db: KefuDB): GuardSource => storedGuardSource(async () => void (await db.open()), db.name);

/** `guardCache`: where the guard keeps its compiled rules and model between wakes (default: its IndexedDB database). */
export function backgroundFor(db: KefuDB, hooks: BackgroundHooks & { guardCache?: GuardCache } = {}, registry = memoryRegistry()) {
  const receive = createBackground(db, registry, guardHandlers(guardSourceFor(db), bundledShipped(), hooks.guardCache), hooks);
  const send = createSender(BACKGROUND_PROTOCOL, async (message) => {
    const { type } = message as { type: keyof typeof BACKGROUND_PROTOCOL };
    return (await receive(message, BACKGROUND_PROTOCOL[type].from === 'chat-page' ? CHAT_TAB : PANEL, OWN)).reply;
  });
  return { send, receive, registry };
}
