/**
 * Every message the background answers, by feature: each handler module owns its messages and its state (the
 * guard's compiled rules, the picker's library). `handleMessages` takes exactly one handler per entry of the
 * protocol map, so a new message is one entry in `BACKGROUND_PROTOCOL` and one handler in its feature's module.
 */
import type { KefuDB } from '../../storage/db';
import type { ChatTabRegistry } from '../../storage/chat-tabs';
import { handleMessages, type Handlers, type Receiver } from './messages';
import { chatTabHandlers } from './chat-tabs';
import type { GuardMessage } from './guard';
import { guardSettingHandlers } from './guard-settings';
import { pickerHandlers } from './picker';
import { buyerOpened, tallyHandlers } from './tally';
import { waitHandlers } from './waits';
import { teachHandlers } from './teach';
import { siteHandlers } from './sites';
import { reminderHandlers } from './reminders';

export interface BackgroundHooks {
  /** Show the "buyer waited too long" notification for a chat tab. */
  notifyWait?: (tabId: number, name: string, waitedSec: number) => Promise<void>;
  syncReminders?: () => Promise<void>;
  injectChatScript?: (tabId: number, frameId: number) => Promise<void>;
  sites?: { enable(pattern: string, tabId?: number): Promise<void>; disable(pattern: string): Promise<void> };
}

/**
 * The background's receiver: every message of the protocol map, answered by its feature. `guard`: the guard's
 * handlers (guard.ts), made by whoever owns the guard's state — in the worker, its core (index.ts), which answers
 * the checks itself.
 */
export function createBackground(db: KefuDB, registry: ChatTabRegistry, guard: Handlers<GuardMessage>, hooks: BackgroundHooks = {}): Receiver {
  return handleMessages({
    ...chatTabHandlers(registry, { ...(hooks.injectChatScript ? { inject: hooks.injectChatScript } : {}), buyerOpened: buyerOpened(db) }),
    ...guard,
    ...guardSettingHandlers(db),
    ...pickerHandlers(db),
    ...tallyHandlers(db),
    ...waitHandlers(db, hooks.notifyWait),
    ...teachHandlers(db),
    ...siteHandlers(hooks.sites),
    ...reminderHandlers(hooks.syncReminders),
  });
}
