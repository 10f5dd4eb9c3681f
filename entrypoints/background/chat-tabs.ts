/** The chat tabs' messages: a loader asking for the chat script, a chat script's status, the panel's list of tabs. */
import type { ChatTabRegistry } from '../../storage/chat-tabs';
import { OK, type Handlers } from './messages';

export interface ChatTabHooks {
  /** Inject the chat script into this frame of a chat tab (its loader asked: the page has loaded). */
  inject?: (tabId: number, frameId: number) => Promise<void>;
  /** A chat tab now shows this buyer (for the automatic consult count). */
  buyerOpened?: (site: string, buyerId: string) => Promise<void>;
}

export function chatTabHandlers(registry: ChatTabRegistry, hooks: ChatTabHooks): Handlers<'chat-script/start' | 'chat/status' | 'panel/list-chat-tabs'> {
  return {
    async 'chat-script/start'(_m, ctx) {
      if (!hooks.inject) throw new Error('no scripting');
      await hooks.inject(ctx.tab().id, ctx.sender.frameId ?? 0);
      return OK;
    },
    async 'chat/status'({ status }, ctx) {
      const { id, windowId } = ctx.tab();
      const changed = await registry.report(id, windowId, status);
      const buyerId = status.buyer?.id ?? status.buyer?.name;
      if (changed && buyerId) await hooks.buyerOpened?.(status.site, buyerId);
      if (changed) ctx.changed();
      const reply = { ok: true as const, changed }; // the panel's tests and logs see whether it was new
      return reply;
    },
    'panel/list-chat-tabs': () => registry.list(),
  };
}
