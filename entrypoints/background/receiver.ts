/**
 * How the background answers a message: the sender rules, then the one handler the protocol map's entry has.
 * The handler table's type is derived from `BACKGROUND_PROTOCOL`, so a message with no handler, a handler for no
 * message, or a handler answering another message's reply fails `tsc` (handler-table.test.ts). The parsing is
 * given (`Parsing`): the whole protocol's for the rest of the background (messages.ts), the guard's check alone for
 * the worker's core (core-messages.ts), which must not build every schema on a wake.
 */
import type { BackgroundReplyOf, BackgroundRequest, BackgroundType } from '../../scripts-library/shared/protocol';
import type { ParseResult } from '../../scripts-library/shared/protocol-core';
import { sitePattern } from '../../scripts-library/shared/sites';

export interface Sender {
  id?: string;
  /** The sending page's URL (a chat page for content scripts, the extension's own for its pages). */
  url?: string;
  tab?: { id?: number; windowId?: number };
  frameId?: number;
}

/** What a handler knows of where its message came from, beyond the message itself. */
export interface MessageContext {
  sender: Sender;
  /** The sending tab (a chat page's messages come from one); throws when there is none. */
  tab(): { id: number; windowId: number };
  /** The site a chat page's message speaks for: its own origin (`https://host/*`), never a field of the message. */
  site(): string;
  /** The chat tabs changed: the extension pages are told (`bg/chat-tabs-changed`) once this is answered. */
  changed(): void;
}

export type Handler<K extends BackgroundType> = (
  request: Extract<BackgroundRequest, { type: K }>,
  ctx: MessageContext,
) => Promise<BackgroundReplyOf<K>> | BackgroundReplyOf<K>;

/** One handler per message of the protocol map, typed by its entry. */
export type HandlerTable = { [K in BackgroundType]: Handler<K> };
/** Some messages' handlers: what a feature's handler module returns. */
export type Handlers<K extends BackgroundType> = Pick<HandlerTable, K>;

/** Any message's reply, or the refusal every message may get. */
export type BackgroundReply = BackgroundReplyOf<BackgroundType> | { ok: false; error: string };

export type Receiver = (raw: unknown, sender: Sender, ownId: string, pageOrigin?: string) => Promise<{ reply: BackgroundReply; changed: boolean }>;


/** How a receiver reads a message: its schema, and who may send each type (the protocol map's `from`). */
export interface Parsing {
  parse(raw: unknown, from: string): ParseResult<BackgroundRequest>;
  sentFrom(type: BackgroundType): 'chat-page' | 'extension-page';
}

/**
 * Messages from another extension, malformed ones, and messages from the wrong context (a chat page asking for
 * what only the side panel may: every tab's buyer, the alarms, site access) are rejected (logged, nothing stored).
 * Every message is answered, a failing handler with `{ok: false, error}`, so no sender waits forever.
 * `pageOrigin`: the extension's own pages' origin (`chrome-extension://<id>/`), to tell them from chat pages.
 */
export function receiverFor(handlers: Partial<HandlerTable>, parsing: Parsing): Receiver {
  return async (raw, sender, ownId, pageOrigin = `chrome-extension://${ownId}/`) => {
    if (sender.id !== ownId) {
      console.warn('[kefu] rejected message from a foreign sender', sender.id);
      return { reply: { ok: false, error: 'foreign sender' }, changed: false };
    }
    const parsed = parsing.parse(raw, sender.tab ? `tab ${sender.tab.id}` : 'extension page');
    if (!parsed.ok) return { reply: { ok: false, error: parsed.reason }, changed: false };
    const message = parsed.value;
    // A content script's sender has a tab and the chat page's URL; the side panel has no tab (or, opened as a
    // tab, the extension's own URL).
    const fromExtensionPage = !sender.tab || (sender.url ?? '').startsWith(pageOrigin);
    const fromChatPage = !!sender.tab && !(sender.url ?? '').startsWith(pageOrigin);
    if (parsing.sentFrom(message.type) === 'chat-page' ? !fromChatPage : !fromExtensionPage) {
      const error = `${message.type} is not accepted from ${fromChatPage ? 'a chat page' : 'an extension page'}`;
      console.warn(`[kefu] rejected message: ${error}`);
      return { reply: { ok: false, error }, changed: false };
    }
    let changed = false;
    const ctx: MessageContext = { sender, tab: () => senderTab(sender), site: () => senderSite(sender), changed: () => void (changed = true) };
    try {
      const handler = handlers[message.type] as Handler<typeof message.type> | undefined;
      if (!handler) throw new Error(`${message.type} is not answered here`);
      const reply: BackgroundReply = await handler(message as never, ctx);
      return { reply, changed };
    } catch (e) {
      const error = e instanceof Error ? e.message : String(e);
      console.warn(`[kefu] ${message.type} failed: ${error}`);
      return { reply: { ok: false, error }, changed: false };
    }
  };
}

function senderTab(sender: Sender): { id: number; windowId: number } {
  const { id, windowId } = sender.tab ?? {};
  if (id === undefined || windowId === undefined) throw new Error('this must come from a tab');
  return { id, windowId };
}

function senderSite(sender: Sender): string {
  const site = sitePattern(sender.url ?? '');
  if (!site) throw new Error('no web page sent this');
  return site;
}
