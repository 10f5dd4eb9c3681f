/**
 * The one message protocol between side panel, background and content script.
 *
 * Every message is validated by the receiver with these schemas before anything is done with it; a message
 * that fails is rejected whole with a logged reason (never half-applied). zod/mini is used here (not the full
 * zod API used for records) because this module is bundled into the content script that runs on every chat
 * page, and zod/mini tree-shakes to a few kB.
 */
import * as z from 'zod/mini';
import { SITE_PATTERN } from './sites';
import { TaughtSiteSchema } from './taught-site';
import { MISS_FIELDS } from './taught-site';
import { describeIssues, GuardCheckSchema, GuardPrepareSchema, MAX_INSERT_CHARS } from './protocol-core';

export { GuardCheckSchema, GuardPrepareSchema, MAX_INSERT_CHARS, parseMessage, type ParseResult } from './protocol-core';

export const InputKindSchema = z.enum(['textarea', 'input', 'contenteditable', 'none']);
export type InputKind = z.infer<typeof InputKindSchema>;

export const BuyerSchema = z.object({
  id: z.optional(z.string().check(z.maxLength(200))),
  name: z.optional(z.string().check(z.maxLength(200))),
});
export type Buyer = z.infer<typeof BuyerSchema>;

/** A buyer waiting for a reply: the chat page's buyer key (`site|buyer`), their name, since when (ms). */
export const WaitingSchema = z.object({
  key: z.string().check(z.maxLength(300)),
  name: z.optional(z.string().check(z.maxLength(200))),
  since: z.number().check(z.nonnegative()),
  /** The wait was already running when the page loaded: `since` is only when the chat script first saw it. */
  unknownStart: z.optional(z.literal(true)),
});
export type Waiting = z.infer<typeof WaitingSchema>;

/** What the self-check watches (#33 item 6): a matched console that stops yielding one of these is named in the panel. */
export const MissFieldSchema = z.enum(MISS_FIELDS);
export type MissField = z.infer<typeof MissFieldSchema>;

/** How many of the open conversation's last messages a status carries, and how much of each (#32: the chat as context). */
export const RECENT_MAX = 12;
export const RECENT_CHARS = 300;
export const RecentMessageSchema = z.object({ from: z.enum(['buyer', 'agent']), text: z.string().check(z.maxLength(RECENT_CHARS)) });
export type RecentMessage = z.infer<typeof RecentMessageSchema>;

/** What a content script knows about its chat page. */
export const ChatStatusSchema = z.object({
  /** Adapter id (equals the adapter's file name). */
  site: z.string().check(z.minLength(1), z.maxLength(40)),
  hasInput: z.boolean(),
  inputKind: InputKindSchema,
  buyer: z.nullable(BuyerSchema),
  /** The latest buyer message of the open conversation (for the stage hint), when the adapter can read it. */
  lastBuyerMessage: z.optional(z.string().check(z.maxLength(300))),
  /** The open conversation's last messages in order, when the adapter reads them (the suggestions' context). */
  recentMessages: z.optional(z.array(RecentMessageSchema).check(z.maxLength(RECENT_MAX))),
  /** A notice for the agent, e.g. that site selectors no longer match and generic mode is used. */
  notice: z.optional(z.string().check(z.maxLength(40))),
  /** Buyers waiting for a reply in this console (the open one included), longest first, since when (ms). */
  waiting: z.optional(z.array(WaitingSchema).check(z.maxLength(50))),
  /** Fields the console's adapter (known or taught) reads but has not yielded for a while with the tab visible. */
  missing: z.optional(z.array(MissFieldSchema).check(z.maxLength(3))),
});
export type ChatStatus = z.infer<typeof ChatStatusSchema>;

// ── side panel → content script (tabs.sendMessage) ────────────────────────────────────────────────────────
export const InsertRequestSchema = z
  .object({
    type: z.literal('chat/insert'),
    text: z.string().check(z.minLength(1), z.maxLength(MAX_INSERT_CHARS)),
    /** Where the caret should end up, as an offset into `text` (default: after it). */
    caret: z.optional(z.number().check(z.int(), z.nonnegative())),
  })
  .check(z.refine((m) => m.caret === undefined || m.caret <= m.text.length, 'caret is beyond the text'));
export const GetStatusRequestSchema = z.object({ type: z.literal('chat/get-status') });
/** The reply box's text as it is now (存为短语 in the panel). */
export const GetDraftRequestSchema = z.object({ type: z.literal('chat/get-draft') });
export const MAX_DRAFT_READ = 5000;
/** 教一次: the page enters pointing mode (reply box → 发送 → buyer's name → one buyer message). */
export const TeachStartSchema = z.object({ type: z.literal('chat/teach') });
/** 检查: what the taught (or known) adapter reads now. */
export const TeachCheckSchema = z.object({ type: z.literal('chat/teach-check') });
export const TeachCheckReplySchema = z.object({
  /** The page reads by what it was taught (else by its known adapter or the generic rules). */
  taught: z.boolean(),
  replyBox: z.boolean(),
  send: z.boolean(),
  buyerName: z.nullable(z.string().check(z.maxLength(200))),
  lastMessage: z.nullable(z.object({ text: z.string().check(z.maxLength(300)), from: z.enum(['buyer', 'agent']) })),
});
export type TeachCheckReply = z.infer<typeof TeachCheckReplySchema>;
export const DraftReplySchema = z.object({ text: z.string().check(z.maxLength(MAX_DRAFT_READ)) });

export const InsertMethodSchema = z.enum(['execCommand', 'native-setter', 'range', 'paste']);
export const InsertReplySchema = z.union([
  z.object({ ok: z.literal(true), method: InsertMethodSchema }),
  z.object({ ok: z.literal(false), reason: z.enum(['no-input', 'failed', 'invalid']), detail: z.optional(z.string()) }),
]);
export type InsertReply = z.infer<typeof InsertReplySchema>;

// ── content script / side panel → background (runtime.sendMessage) ────────────────────────────────────────
export const StatusReportSchema = z.object({ type: z.literal('chat/status'), status: ChatStatusSchema });
export const ListChatTabsSchema = z.object({ type: z.literal('panel/list-chat-tabs') });
/** The "/" picker asks for phrases matching what follows the "/". */
export const PickerSearchSchema = z.object({
  type: z.literal('picker/search'),
  query: z.string().check(z.maxLength(40)),
  /** The open conversation's buyer (`site|buyer`), whose remembered order values prefill the form. */
  buyer: z.optional(z.string().check(z.maxLength(300))),
  /** The buyer's latest message: with nothing typed after "/", the replies suggested for it are listed. */
  message: z.optional(z.string().check(z.maxLength(300))),
  /** The open conversation's last messages (the message's context), when the adapter reads them. */
  recent: z.optional(z.array(RecentMessageSchema).check(z.maxLength(RECENT_MAX))),
});
/** A phrase was inserted from the chat page (counts a use). */
export const PhraseUsedSchema = z.object({ type: z.literal('phrase/used'), id: z.string().check(z.minLength(1), z.maxLength(80)) });
/** 存为短语 in the "/" picker: the reply box's text becomes a phrase of the agent's own. */
export const SaveDraftSchema = z.object({ type: z.literal('phrase/save-draft'), text: z.string().check(z.minLength(1), z.maxLength(500)) });
export const SavedDraftReplySchema = z.object({ ok: z.literal(true), title: z.string() });
/** Placeholder values the agent typed in the picker's form, to offer again next time. */
export const RememberValuesSchema = z.object({
  type: z.literal('placeholders/remember'),
  values: z
    .record(z.string().check(z.maxLength(12)), z.string().check(z.maxLength(200)))
    .check(z.refine((v) => Object.keys(v).length <= 10, 'at most 10 values')),
  buyer: z.optional(z.string().check(z.maxLength(300))),
  /** Save shop-wide values (店铺名, 客服名) to settings. */
  saveShop: z.optional(z.boolean()),
});
/** 不再提示: a personal allow for one rule in one context (the hit with a little of its surroundings). */
export const GuardAllowSchema = z.object({
  type: z.literal('guard/allow'),
  ruleId: z.string().check(z.minLength(1), z.maxLength(80), z.refine((v) => v !== '__proto__', 'reserved id')),
  context: z.string().check(z.minLength(1), z.maxLength(60)),
});
/** 仍要发送: the agent sent a draft with block hits anyway (counted). */
export const GuardOverrideSchema = z.object({
  type: z.literal('guard/override'),
  ruleIds: z.array(z.string().check(z.minLength(1), z.maxLength(80))).check(z.maxLength(50)),
});
const SitePatternSchema = z.string().check(z.regex(SITE_PATTERN), z.maxLength(300));
/** The agent granted the host permission for a site: register the chat script there (and start it in `tabId`). */
export const SiteEnableSchema = z.object({ type: z.literal('sites/enable'), pattern: SitePatternSchema, tabId: z.optional(z.number().check(z.int())) });
/** The agent removed a site. */
export const SiteDisableSchema = z.object({ type: z.literal('sites/disable'), pattern: SitePatternSchema });
/** Alt+X / Alt+C in a chat page: count a consult or a sale for the current shift (Shift: −1). */
export const TallyCountSchema = z.object({
  type: z.literal('tally/count'),
  field: z.enum(['consults', 'conversions']),
  delta: z.union([z.literal(1), z.literal(-1)]),
});
/** The agent answered a buyer whose wait the chat page saw begin: one response time (ms timestamps). */
export const ResponseReportSchema = z.object({
  type: z.literal('response/record'),
  site: z.string().check(z.minLength(1), z.maxLength(40)),
  buyer: z.string().check(z.minLength(1), z.maxLength(300)),
  buyerAt: z.number().check(z.int(), z.nonnegative()),
  repliedAt: z.number().check(z.int(), z.nonnegative()),
});
/** The chat page asks for the wait limit and whether a late buyer may be notified. */
export const WaitConfigRequestSchema = z.object({ type: z.literal('wait/config') });
export const WaitConfigSchema = z.object({
  limitSec: z.number().check(z.int(), z.positive()),
  notify: z.boolean(),
});
export type WaitConfig = z.infer<typeof WaitConfigSchema>;
/** The background tells open consoles a new limit (⚙ saved), so their countdowns follow without a reload. */
export const WaitConfigPushSchema = z.object({ type: z.literal('chat/wait-config'), config: WaitConfigSchema });
/** A buyer waited past the limit while the console's tab was in the background. */
export const WaitOverdueSchema = z.object({
  type: z.literal('wait/overdue'),
  name: z.string().check(z.maxLength(200)),
  waitedSec: z.number().check(z.int(), z.nonnegative()),
});
/** The side panel started or cancelled chase reminders (the background owns the alarms). */
export const RemindersChangedSchema = z.object({ type: z.literal('reminders/changed') });
/** The chat page asks what its site was taught (the site is the sender's own origin, never a field). */
export const TeachLoadSchema = z.object({ type: z.literal('teach/load') });
export const TeachLoadReplySchema = z.object({ taught: z.nullable(TaughtSiteSchema) });
/** The agent finished teaching this page's site by pointing: store it for the sender's origin. */
export const TeachSaveSchema = z.object({ type: z.literal('teach/save'), taught: TaughtSiteSchema });
/** The self-check saw a field go missing on this page's site (counted locally, per day; never sent anywhere). */
export const FieldMissSchema = z.object({ type: z.literal('selfcheck/miss'), field: MissFieldSchema });
/** The chat loader in a console's frame: the page has loaded, inject the agent into this frame. */
export const ChatScriptStartSchema = z.object({ type: z.literal('chat-script/start') });

export const GuardHitSchema = z.object({
  start: z.number(),
  end: z.number(),
  text: z.string(),
  ruleId: z.string(),
  category: z.string(),
  severity: z.enum(['block', 'warn', 'hint']),
  suggestion: z.string(),
  replacement: z.optional(z.string()),
  note: z.string(),
  /** How sure the intent model is of its own hit (model-* rule ids only). */
  confidence: z.optional(z.number().check(z.minimum(0), z.maximum(1))),
});
export type GuardHit = z.infer<typeof GuardHitSchema>;
export const GuardReplySchema = z.array(GuardHitSchema);
/** A planned rewrite (rewrite.ts PlannedRewrite), or null when the hit has none. */
export const GuardRewriteReplySchema = z.nullable(
  z.object({ start: z.number(), end: z.number(), text: z.string(), kind: z.enum(['word', 'clause']), result: z.string(), remaining: GuardReplySchema }),
);
export type GuardRewriteReply = z.infer<typeof GuardRewriteReplySchema>;
/** 替换 / 改写此句: a hit's rewrite, planned and re-checked by the background's guard before it is shown or applied. */
export const GuardRewriteSchema = z.object({
  type: z.literal('guard/rewrite'),
  text: z.string().check(z.maxLength(MAX_INSERT_CHARS)),
  hit: GuardHitSchema,
  hits: z.array(GuardHitSchema).check(z.maxLength(500)),
});

/** A chat tab as the background remembers it. `seenAt` is when it last reported or was activated. */
export const ChatTabSchema = z.object({
  tabId: z.number(),
  windowId: z.number(),
  status: ChatStatusSchema,
  seenAt: z.number(),
});
export type ChatTab = z.infer<typeof ChatTabSchema>;

/** One "/" picker suggestion: the raw body plus the placeholder values known to the background (settings, memory). */
export const PickerItemSchema = z.object({
  id: z.string(),
  title: z.string().check(z.maxLength(60)),
  body: z.string().check(z.maxLength(500)),
  /** The phrase's shortcut code, shown on its row. */
  code: z.optional(z.string().check(z.maxLength(20))),
  /** The phrase's other wordings, and whose turn it is (its use count): see pickWording. */
  variants: z.optional(z.array(z.string().check(z.maxLength(500))).check(z.maxLength(4))),
  turn: z.optional(z.number().check(z.int(), z.nonnegative())),
  /** Values known for sure (settings); `suggested` only prefill the form (this buyer's order values). */
  values: z.record(z.string(), z.string()),
  suggested: z.record(z.string(), z.string()),
  /** A suggested reply the suggestions are not sure of (可能是): Enter alone does not insert it. */
  maybe: z.optional(z.literal(true)),
});
export type PickerItem = z.infer<typeof PickerItemSchema>;
export const PickerReplySchema = z.array(PickerItemSchema).check(z.maxLength(8));
export const ChatTabListSchema = z.array(ChatTabSchema);

// ── background → extension pages (runtime.sendMessage broadcast) ──────────────────────────────────────────
export const ChatTabsChangedSchema = z.object({ type: z.literal('bg/chat-tabs-changed') });
export type ChatTabsChanged = z.infer<typeof ChatTabsChangedSchema>;

// ── the maps: message type → who may send it, its request, its reply ─────────────────────────────────────
/** The plain acknowledgement (a status report's also says `changed`, which no sender needs to check). */
export const OkReplySchema = z.object({ ok: z.literal(true) });
/** What a receiver answers when it refused or failed a message. */
export const ErrorReplySchema = z.object({ ok: z.literal(false), error: z.string() });

type From = 'chat-page' | 'extension-page';
interface Entry<F extends From, Req extends { type: string }, Rep> {
  /** Who may send it: a chat page (the page-side scripts) or the extension's own pages (side panel). */
  from: F;
  request: z.ZodMiniType<Req>;
  reply: z.ZodMiniType<Rep>;
}
const entry = <F extends From, Req extends { type: string }, Rep>(from: F, request: z.ZodMiniType<Req>, reply: z.ZodMiniType<Rep>): Entry<F, Req, Rep> => ({ from, request, reply });

/**
 * Every message the background answers, once: type → who may send it, its request, its reply. The senders' types
 * (`createSender(map, transport, from)` offers only what `from` may send), the chat page's reply checks and the
 * background's handler table (`entrypoints/background/messages.ts`, one handler per entry or `tsc` fails) are
 * all derived from it. Adding a message is one entry here and one handler in its feature's handler module.
 */
export const BACKGROUND_PROTOCOL = {
  'chat-script/start': entry('chat-page', ChatScriptStartSchema, OkReplySchema),
  'chat/status': entry('chat-page', StatusReportSchema, OkReplySchema),
  'picker/search': entry('chat-page', PickerSearchSchema, PickerReplySchema),
  'phrase/used': entry('chat-page', PhraseUsedSchema, OkReplySchema),
  'phrase/save-draft': entry('chat-page', SaveDraftSchema, SavedDraftReplySchema),
  'placeholders/remember': entry('chat-page', RememberValuesSchema, OkReplySchema),
  'guard/check': entry('chat-page', GuardCheckSchema, GuardReplySchema),
  'guard/rewrite': entry('chat-page', GuardRewriteSchema, GuardRewriteReplySchema),
  'guard/allow': entry('chat-page', GuardAllowSchema, OkReplySchema),
  'guard/override': entry('chat-page', GuardOverrideSchema, OkReplySchema),
  'tally/count': entry('chat-page', TallyCountSchema, OkReplySchema),
  'response/record': entry('chat-page', ResponseReportSchema, OkReplySchema),
  'wait/config': entry('chat-page', WaitConfigRequestSchema, WaitConfigSchema),
  'wait/overdue': entry('chat-page', WaitOverdueSchema, OkReplySchema),
  'teach/load': entry('chat-page', TeachLoadSchema, TeachLoadReplySchema),
  'teach/save': entry('chat-page', TeachSaveSchema, OkReplySchema),
  'selfcheck/miss': entry('chat-page', FieldMissSchema, OkReplySchema),
  'panel/list-chat-tabs': entry('extension-page', ListChatTabsSchema, ChatTabListSchema),
  'reminders/changed': entry('extension-page', RemindersChangedSchema, OkReplySchema),
  'sites/enable': entry('extension-page', SiteEnableSchema, OkReplySchema),
  'sites/disable': entry('extension-page', SiteDisableSchema, OkReplySchema),
  'guard/prepare': entry('extension-page', GuardPrepareSchema, OkReplySchema),
};

/** What the chat page's script answers (the side panel sends with tabs.sendMessage). */
export const CHAT_PAGE_PROTOCOL = {
  'chat/insert': entry('extension-page', InsertRequestSchema, InsertReplySchema),
  'chat/get-status': entry('extension-page', GetStatusRequestSchema, ChatStatusSchema),
  'chat/get-draft': entry('extension-page', GetDraftRequestSchema, DraftReplySchema),
  'chat/wait-config': entry('extension-page', WaitConfigPushSchema, OkReplySchema),
  'chat/teach': entry('extension-page', TeachStartSchema, OkReplySchema),
  'chat/teach-check': entry('extension-page', TeachCheckSchema, TeachCheckReplySchema),
};

type AnyProtocol = Record<string, Entry<From, { type: string }, unknown>>;
/** The types of a map that `from` may send. */
export type SentFrom<P extends AnyProtocol, F extends From> = { [K in keyof P & string]: P[K]['from'] extends F ? K : never }[keyof P & string];
export type RequestOf<P extends AnyProtocol, K extends keyof P> = z.infer<P[K]['request']>;
export type ReplyOf<P extends AnyProtocol, K extends keyof P> = z.infer<P[K]['reply']>;
/** A message as a caller writes it: everything but `type`. */
export type PayloadOf<P extends AnyProtocol, K extends keyof P> = Omit<RequestOf<P, K>, 'type'>;

export type BackgroundType = keyof typeof BACKGROUND_PROTOCOL;
export type BackgroundRequest = { [K in BackgroundType]: RequestOf<typeof BACKGROUND_PROTOCOL, K> }[BackgroundType];
export type BackgroundReplyOf<K extends BackgroundType> = ReplyOf<typeof BACKGROUND_PROTOCOL, K>;
export type ChatPageType = keyof typeof CHAT_PAGE_PROTOCOL;
export type ContentRequest = { [K in ChatPageType]: RequestOf<typeof CHAT_PAGE_PROTOCOL, K> }[ChatPageType];
/** Any reply of the chat page's script, derived from its map. */
export type ContentReply = { [K in ChatPageType]: ReplyOf<typeof CHAT_PAGE_PROTOCOL, K> }[ChatPageType];

/** Requests as one union, for a receiver to validate what arrives (the type picks the schema). */
export const BackgroundRequestSchema = /* @__PURE__ */ requestUnion(BACKGROUND_PROTOCOL);
export const ContentRequestSchema = /* @__PURE__ */ requestUnion(CHAT_PAGE_PROTOCOL);

/** One schema for every request of a map: the `type` picks the entry. */
function requestUnion<P extends AnyProtocol>(protocol: P): z.ZodMiniType<{ [K in keyof P]: RequestOf<P, K> }[keyof P]> {
  const requests = Object.values(protocol).map((e) => e.request) as unknown as [z.ZodMiniObject, ...z.ZodMiniObject[]];
  return z.discriminatedUnion('type', requests) as never;
}

/** A message was refused, failed, or answered with something its reply schema does not accept. */
export class ProtocolError extends Error {
  override name = 'ProtocolError';
  /** @param reason what went wrong, without the message type (the receiver's own words for a refusal) */
  constructor(
    readonly type: string,
    readonly reason: string,
  ) {
    super(`${type}: ${reason}`);
  }
}

/** How a context delivers one message and gets its answer (runtime.sendMessage, or tabs.sendMessage to a tab). */
export type Transport = (message: unknown) => Promise<unknown>;

/**
 * A typed sender for one protocol: `send(type, payload)` validates the outgoing message, delivers it and
 * validates the reply, so a caller gets the reply's type or a ProtocolError, never an unchecked object.
 * `from` (the sending context) narrows the types it offers to the entries that context may send.
 */
export function createSender<P extends AnyProtocol, F extends From = From>(protocol: P, transport: Transport, from?: F) {
  return async function send<K extends SentFrom<P, F>>(type: K, payload: PayloadOf<P, K>): Promise<ReplyOf<P, K>> {
    const spec = protocol[type]!;
    if (from && spec.from !== from) throw new ProtocolError(type, `not sent, only ${spec.from} sends it`);
    const message = spec.request.safeParse({ ...payload, type });
    if (!message.success) throw new ProtocolError(type, `not sent, ${describeIssues(message.error.issues)}`);
    return checkReply(type, spec.reply, await transport(message.data)) as ReplyOf<P, K>;
  };
}

function checkReply<T>(type: string, schema: z.ZodMiniType<T>, raw: unknown): T {
  const refused = ErrorReplySchema.safeParse(raw);
  if (refused.success) throw new ProtocolError(type, refused.data.error);
  const reply = schema.safeParse(raw);
  if (!reply.success) throw new ProtocolError(type, `malformed reply, ${describeIssues(reply.error.issues)}`);
  return reply.data;
}

