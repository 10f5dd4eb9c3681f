/** What the background answers. Separate from the wiring so it can be tested with fakes. */
import {
  BACKGROUND_PROTOCOL,
  BackgroundRequestSchema,
  parseMessage,
  type BackgroundReplyOf,
  type BackgroundRequest,
  type BackgroundType,
  type GuardHit,
  type GuardRewriteReply,
  type PickerItem,
  type WaitConfig,
} from '../../scripts-library/shared/protocol';
import type { ChatTabRegistry } from '../../storage/chat-tabs';
import type { MissField } from '../../scripts-library/sites/self-check';
import type { TaughtSite } from '../../scripts-library/sites/teach';
import { sitePattern } from '../../scripts-library/shared/sites';

export interface Sender {
  id?: string;
  /** The sending page's URL (a chat page for content scripts, the extension's own for its pages). */
  url?: string;
  tab?: { id?: number; windowId?: number };
  frameId?: number;
}

/** What the handlers need; the real ones live in services.ts (Dexie, search index). */
export interface BackgroundServices {
  registry: ChatTabRegistry;
  /** `buyer`: the conversation's buyer key (`site|buyer`), for that buyer's remembered order values. */
  pickerSearch(query: string, buyer?: string, message?: string): Promise<PickerItem[]>;
  recordUse(phraseId: string): Promise<void>;
  /** 存为短语 from the "/" picker; resolves with the new phrase's title. */
  saveDraft(text: string): Promise<string>;
  /** Order values under `buyer`, shared ones as suggestions, shop-wide ones into settings when `saveShop`. */
  remember(values: Record<string, string>, buyer: string | undefined, saveShop: boolean): Promise<void>;
  /** `site`: the console's adapter id, whose platform's own names and features are no other channel. */
  guardCheck(text: string, site?: string): Promise<GuardHit[]>;
  /** A hit's rewrite re-checked by the same guard (rewrite.ts planRewrite); null when it has none. */
  guardRewrite(text: string, hit: GuardHit, hits: GuardHit[]): Promise<GuardRewriteReply>;
  guardAllow(ruleId: string, context: string): Promise<void>;
  guardOverride(ruleIds: string[]): Promise<void>;
  /** Inject the chat script into this frame of a chat tab (its loader asked: the page has loaded). */
  startChatScript(tabId: number, frameId: number): Promise<void>;
  /** A chat tab now shows this buyer (for the automatic consult count). */
  buyerOpened(site: string, buyerId: string): Promise<void>;
  /** Count a consult or a sale for the current shift (Alt+X / Alt+C in a chat page). */
  tallyCount(field: 'consults' | 'conversions', delta: 1 | -1): Promise<void>;
  /** The agent answered a buyer: store the response time for the current day and shift. */
  recordResponse(site: string, buyer: string, buyerAt: number, repliedAt: number): Promise<void>;
  /** The wait limit and whether late buyers are notified (⚙ settings). */
  waitConfig(): Promise<WaitConfig>;
  /** A buyer in a background tab waited past the limit: notify, when the agent turned that on. */
  waitOverdue(tabId: number, name: string, waitedSec: number): Promise<void>;
  /** The side panel changed chase reminders: make the alarms match the database. */
  remindersChanged(): Promise<void>;
  /** Register / unregister the chat script on a site the agent enabled / removed. */
  siteEnable(pattern: string, tabId?: number): Promise<void>;
  siteDisable(pattern: string): Promise<void>;
  /** What the agent taught a site (`https://host/*`) by pointing, if anything. */
  teachLoad(site: string): Promise<TaughtSite | null>;
  teachSave(site: string, taught: TaughtSite): Promise<void>;
  /** The self-check saw `field` go missing on `site`: one more today. */
  recordMiss(site: string, field: MissField): Promise<void>;
}

/** The site a chat page's message speaks for: its own origin, never a field of the message. */
function senderSite(sender: Sender): string {
  const site = sitePattern(sender.url ?? '');
  if (!site) throw new Error('no web page sent this');
  return site;
}

/** Any message's reply, or the refusal every message may get. */
export type BackgroundReply = BackgroundReplyOf<BackgroundType> | { ok: false; error: string };

/**
 * Handle one runtime message. Messages from another extension, malformed ones, and messages from the wrong
 * context (a chat page asking for what only the side panel may: every tab's buyer, the alarms, site access) are
 * rejected (logged, nothing stored). Every message is answered, a failing handler with `{ok: false, error}`, so
 * no sender waits forever.
 * @param pageOrigin the extension's own pages' origin (`chrome-extension://<id>/`), to tell them from chat pages
 */
export async function handleBackgroundMessage(
  raw: unknown,
  sender: Sender,
  ownId: string,
  services: BackgroundServices,
  pageOrigin = `chrome-extension://${ownId}/`,
): Promise<{ reply: BackgroundReply; changed: boolean }> {
  if (sender.id !== ownId) {
    console.warn('[kefu] rejected message from a foreign sender', sender.id);
    return { reply: { ok: false, error: 'foreign sender' }, changed: false };
  }
  const parsed = parseMessage(BackgroundRequestSchema, raw, sender.tab ? `tab ${sender.tab.id}` : 'extension page');
  if (!parsed.ok) return { reply: { ok: false, error: parsed.reason }, changed: false };
  const message = parsed.value;
  // A content script's sender has a tab and the chat page's URL; the side panel has no tab (or, opened as a
  // tab, the extension's own URL).
  const fromExtensionPage = !sender.tab || (sender.url ?? '').startsWith(pageOrigin);
  const fromChatPage = !!sender.tab && !(sender.url ?? '').startsWith(pageOrigin);
  if (BACKGROUND_PROTOCOL[message.type].from === 'chat-page' ? !fromChatPage : !fromExtensionPage) {
    const error = `${message.type} is not accepted from ${fromChatPage ? 'a chat page' : 'an extension page'}`;
    console.warn(`[kefu] rejected message: ${error}`);
    return { reply: { ok: false, error }, changed: false };
  }
  try {
    return await dispatch(message, sender, services);
  } catch (e) {
    const error = e instanceof Error ? e.message : String(e);
    console.warn(`[kefu] ${message.type} failed: ${error}`);
    return { reply: { ok: false, error }, changed: false };
  }
}

type Handled<K extends BackgroundType> = { reply: BackgroundReplyOf<K>; changed?: boolean };
type Handler<K extends BackgroundType> = (
  message: Extract<BackgroundRequest, { type: K }>,
  sender: Sender,
  services: BackgroundServices,
) => Promise<Handled<K>>;

const OK = { ok: true } as const;

/** A message whose handler only does something and acknowledges it. */
const ack =
  <K extends BackgroundType>(run: (message: Extract<BackgroundRequest, { type: K }>, services: BackgroundServices) => Promise<void>): Handler<K> =>
  async (message, _sender, services) => {
    await run(message, services);
    return { reply: OK as BackgroundReplyOf<K> };
  };

/** The handler table's type, derived from the protocol map: one handler per message, typed by its entry. */
export type HandlerTable = { [K in BackgroundType]: Handler<K> };

/** One handler per message of the protocol map (a missing one does not compile: handler-table.test.ts). */
const HANDLERS: HandlerTable = {
  'chat-script/start': async (_m, sender, services) => {
    await services.startChatScript(sender.tab!.id!, sender.frameId ?? 0);
    return { reply: OK };
  },
  'chat/status': async (message, sender, services) => {
    const { id, windowId } = sender.tab!;
    if (id === undefined || windowId === undefined) throw new Error('chat/status must come from a tab');
    const changed = await services.registry.report(id, windowId, message.status);
    const buyerId = message.status.buyer?.id ?? message.status.buyer?.name;
    if (changed && buyerId) await services.buyerOpened(message.status.site, buyerId);
    const reply = { ok: true as const, changed }; // the panel's tests and logs see whether it was new
    return { reply, changed };
  },
  'panel/list-chat-tabs': async (_m, _s, services) => ({ reply: await services.registry.list() }),
  'picker/search': async (message, _s, services) => ({ reply: await services.pickerSearch(message.query, message.buyer, message.message) }),
  'phrase/used': ack((message, services) => services.recordUse(message.id)),
  'phrase/save-draft': async (message, _s, services) => ({ reply: { ok: true, title: await services.saveDraft(message.text) } }),
  'placeholders/remember': ack((message, services) => services.remember(message.values, message.buyer, message.saveShop ?? false)),
  'guard/check': async (message, _s, services) => ({ reply: await services.guardCheck(message.text, message.site) }),
  'guard/rewrite': async (message, _s, services) => ({ reply: await services.guardRewrite(message.text, message.hit, message.hits) }),
  'guard/allow': ack((message, services) => services.guardAllow(message.ruleId, message.context)),
  'guard/override': ack((message, services) => services.guardOverride(message.ruleIds)),
  'tally/count': ack((message, services) => services.tallyCount(message.field, message.delta)),
  'response/record': ack((m, services) => services.recordResponse(m.site, m.buyer, m.buyerAt, m.repliedAt)),
  'wait/config': async (_m, _s, services) => ({ reply: await services.waitConfig() }),
  'wait/overdue': async (message, sender, services) => {
    await services.waitOverdue(sender.tab!.id!, message.name, message.waitedSec);
    return { reply: OK };
  },
  'reminders/changed': ack((_m, services) => services.remindersChanged()),
  'sites/enable': ack((message, services) => services.siteEnable(message.pattern, message.tabId)),
  'sites/disable': ack((message, services) => services.siteDisable(message.pattern)),
  'teach/load': async (_m, sender, services) => ({ reply: { taught: await services.teachLoad(senderSite(sender)) } }),
  'teach/save': async (message, sender, services) => {
    await services.teachSave(senderSite(sender), message.taught);
    return { reply: OK };
  },
  'selfcheck/miss': async (message, sender, services) => {
    await services.recordMiss(senderSite(sender), message.field);
    return { reply: OK };
  },
};

async function dispatch(message: BackgroundRequest, sender: Sender, services: BackgroundServices): Promise<{ reply: BackgroundReply; changed: boolean }> {
  const handler = HANDLERS[message.type] as Handler<typeof message.type>;
  const { reply, changed = false } = await handler(message as never, sender, services);
  return { reply, changed };
}
