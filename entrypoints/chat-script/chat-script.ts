/**
 * The chat-page agent: finds the reply box through the site adapter, keeps the agent's caret, answers the side
 * panel's insert requests and tells the background which buyer this tab is serving.
 */
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import {
  BACKGROUND_PROTOCOL,
  ContentRequestSchema,
  createSender,
  parseMessage,
  ProtocolError,
  type ChatStatus,
  type ContentRequest,
  type ContentReply,
  type InsertReply,
  MAX_DRAFT_READ,
} from '../../scripts-library/shared/protocol';
import { pickAdapter } from './adapters';
import { asReplyBox, findSendButtonNear, firstShown, frameDocument, inputKind, isElementNode, sameOriginFrames } from './dom';
import { findGenericReplyBox } from './adapters/generic';
import type { SiteAdapter } from './adapters/types';
import { afterRender, insertText, isOwnEvent, saveSelection, type SavedSelection } from './insert';
import { SlashPicker } from './picker';
import { readEditor } from './editor-text';
import { showToast } from './toast';
import { tallyHotkey } from '../../scripts-library/tally/hotkeys';
import { GUARD_MAX_DRAFT, guardWindows, mergeWindowHits } from '../../scripts-library/guard/chunks';
import { buyerKey } from '../../scripts-library/phrases/placeholders';
import { SentMemory } from '../../scripts-library/phrases/sent-memory';

/** Longest buyer id / name the protocol carries (BuyerSchema). */
const BUYER_TEXT_MAX = 200;
/** How long DOM changes are gathered before the page is looked at again (a burst of them is one look). */
const LOOK_MS = 50;
import { GuardBadge, type GuardDeps } from './guard-badge';
import { WaitWatch } from './wait-watch';
import { byAgent } from './trust';
import { releaseSend } from './send-release';
import { TeachableAdapter } from './taught';
import { TeachMode } from './teach-mode';
import { SelfCheck, type MissField } from '../../scripts-library/sites/self-check';
import { RECENT_CHARS, RECENT_MAX, type RecentMessage, type TeachCheckReply } from '../../scripts-library/shared/protocol';

export class ChatScript {
  private lastFocused: HTMLElement | null = null;
  private saved: SavedSelection | null = null;
  private lastReported = '';
  /** The unreplied-buyer countdown (set once the script is wired). */
  wait: WaitWatch | null = null;
  /** 教一次 (set once the script is wired, in the top frame only). */
  teach: (() => void) | null = null;
  private readonly selfCheck = new SelfCheck();
  /** Fields the self-check names now (see {@link look}). */
  private missing: MissField[] = [];

  constructor(
    readonly adapter: SiteAdapter,
    private readonly doc: Document,
  ) {}

  /** The reply box: the adapter's own selectors first, then the generic rules. */
  replyBox(): { el: HTMLElement | null; degraded: boolean } {
    const { replyBoxSelectors } = this.adapter;
    const own = replyBoxSelectors.length ? firstShown(this.doc, replyBoxSelectors) : null;
    if (own) return { el: own, degraded: false };
    return { el: findGenericReplyBox(this.doc, this.lastFocused), degraded: replyBoxSelectors.length > 0 };
  }

  status(): ChatStatus {
    const { el, degraded } = this.replyBox();
    let buyer: ChatStatus['buyer'] = null;
    let lastBuyerMessage: string | undefined;
    let recentMessages: RecentMessage[] | undefined;
    try {
      // Page text is whatever the console shows: cut to what the protocol carries, so a long nickname never
      // makes the whole status invalid (and the panel think there is no chat input).
      const found = this.adapter.currentBuyer(this.doc);
      const id = found?.id?.slice(0, BUYER_TEXT_MAX);
      const name = found?.name?.slice(0, BUYER_TEXT_MAX);
      buyer = found ? { ...(id ? { id } : {}), ...(name ? { name } : {}) } : null;
      lastBuyerMessage = this.adapter.latestBuyerMessage?.(this.doc)?.slice(0, 300) || undefined;
      recentMessages = this.adapter.recentMessages?.(this.doc).slice(-RECENT_MAX).map((m) => ({ from: m.from, text: m.text.slice(0, RECENT_CHARS) }));
    } catch {
      buyer = null; // a page that changed shape must not break the chat script
    }
    const waiting = [...(this.wait?.clock.waiting.values() ?? [])]
      .sort((a, b) => a.since - b.since)
      .slice(0, 50)
      .map(({ key, name, since, seen }) => ({ key, since, ...(name ? { name: name.slice(0, BUYER_TEXT_MAX) } : {}), ...(seen ? {} : { unknownStart: true as const }) }));
    return {
      site: this.adapter.id,
      hasInput: el !== null,
      inputKind: inputKind(el),
      buyer,
      ...(lastBuyerMessage ? { lastBuyerMessage } : {}),
      ...(recentMessages?.length ? { recentMessages } : {}),
      ...(degraded ? { notice: 'generic-fallback' } : {}),
      ...(waiting.length ? { waiting } : {}),
      ...(this.missing.length ? { missing: this.missing } : {}),
    };
  }

  /**
   * The self-check: which fields this console's adapter reads and which it yielded now; returns the fields that
   * have just been missing long enough to name (each counted once per stretch).
   */
  look(visible: boolean, now = Date.now()): MissField[] {
    const { el, degraded } = this.replyBox();
    const a = this.adapter;
    const read = <T>(fn: () => T, fallback: T) => {
      try {
        return fn();
      } catch {
        return fallback;
      }
    };
    const expects = { replyBox: a.replyBoxSelectors.length > 0, buyerName: !!a.fields.buyerName, messages: !!a.fields.lastMessageFrom };
    const found = {
      replyBox: el !== null && !degraded,
      buyerName: read(() => a.currentBuyer(this.doc) !== null, false),
      messages: read(() => (a instanceof TeachableAdapter ? a.lastMessage(this.doc) : a.lastMessageFrom?.(this.doc) ?? null) !== null, false),
    };
    const { missing, began } = this.selfCheck.look({ expects, found, visible, now });
    this.missing = missing;
    return began;
  }

  /** 检查: what the page reads now. */
  check(): TeachCheckReply {
    const a = this.adapter;
    const { el, degraded } = this.replyBox();
    try {
      const buyer = a.currentBuyer(this.doc);
      const last = a instanceof TeachableAdapter ? a.lastMessage(this.doc) : null;
      return {
        taught: a instanceof TeachableAdapter && a.taught !== null,
        replyBox: el !== null && !degraded,
        send: sendButtonOf(a, this.doc, el) !== null,
        buyerName: (buyer?.name ?? buyer?.id ?? '').slice(0, BUYER_TEXT_MAX) || null,
        lastMessage: last ? { from: last.from, text: last.text.slice(0, 300) } : null,
      };
    } catch {
      return { taught: false, replyBox: el !== null && !degraded, send: false, buyerName: null, lastMessage: null };
    }
  }

  /** Track the field the agent types in and where the caret is in it. */
  noteFocus(target: EventTarget | null): void {
    const box = asReplyBox(isElementNode(target) ? target : null);
    if (box) this.lastFocused = box;
  }

  noteSelection(): void {
    const { el } = this.replyBox();
    if (el && el.ownerDocument.activeElement === el) this.saved = saveSelection(el) ?? this.saved;
  }

  async handle(message: ContentRequest): Promise<ContentReply> {
    if (message.type === 'chat/get-status') return this.status();
    if (message.type === 'chat/teach-check') return this.check();
    if (message.type === 'chat/teach') {
      this.teach?.();
      return { ok: true };
    }
    if (message.type === 'chat/wait-config') {
      this.wait?.setConfig(message.config);
      return { ok: true };
    }
    const { el } = this.replyBox();
    if (message.type === 'chat/get-draft') return { text: el ? readEditor(el).text.slice(0, MAX_DRAFT_READ) : '' };
    const result = await insertText(el, message.text, this.saved?.el === el ? this.saved : null, message.caret);
    if (el && result.ok) this.saved = saveSelection(el);
    return result;
  }

  /** The status if it changed since the last report, else null. */
  changedStatus(): ChatStatus | null {
    const status = this.status();
    const key = JSON.stringify(status);
    if (key === this.lastReported) return null;
    this.lastReported = key;
    return status;
  }
}

/** The console's send button: the adapter's own selectors, else the control labelled 发送 by the reply box. */
export function sendButtonOf(adapter: SiteAdapter, doc: Document, box: HTMLElement | null): HTMLElement | null {
  return adapter.sendButton?.(doc) ?? firstShownButton(doc, adapter.sendButtonSelectors ?? []) ?? findSendButtonNear(box);
}

function firstShownButton(doc: Document, selectors: readonly string[]): HTMLElement | null {
  for (const selector of selectors) {
    try {
      const el = doc.querySelector<HTMLElement>(selector);
      if (el) return el;
    } catch {
      // an invalid selector must never throw into the page
    }
  }
  return null;
}

type Send = ReturnType<typeof createSender<typeof BACKGROUND_PROTOCOL, 'chat-page'>>;

/** What the listeners of every wired document share. */
interface Parts {
  page: ChatScript;
  picker: SlashPicker;
  guard: GuardBadge;
  send: Send;
  /** Tell the background about this tab again (debounced; also wires new frames). */
  report(): void;
  sendButton(): HTMLElement | null;
  /** The reply box an event happened in, if it is THE reply box. */
  boxOf(target: EventTarget | null): HTMLElement | null;
  /** A send of the box's draft went ahead: remember it for the open buyer once the box shows it left. */
  noteSend(box: HTMLElement): void;
  /** Let a held send go (仍要发送, or its recheck passed), verified: send-release.ts. */
  release(box: HTMLElement): void;
}

/**
 * Wire the chat script into the page and into every same-origin iframe in it (some consoles keep the reply box
 * in one); every listener is removed when the extension reloads (ctx invalidated).
 */
export function startChatScript(ctx: ContentScriptContext): ChatScript {
  const adapter = new TeachableAdapter(pickAdapter(location.href, document));
  const page = new ChatScript(adapter, document);
  // What we send and every reply from the background are checked against the protocol map (a ProtocolError
  // otherwise; the background checks again); once the extension reloaded, this orphaned script sends nothing.
  const send: Send = createSender(
    BACKGROUND_PROTOCOL,
    (message) => (ctx.isValid ? browser.runtime.sendMessage(message) : Promise.reject(new Error('invalidated'))),
    'chat-page',
  );
  let timer: number | undefined;
  const wired = new WeakSet<Document>();
  // The self-check and teaching belong to the console's own page, not to the frames inside it.
  const top = window === window.top;
  /** Look at the status `ms` from now (or when a look already due comes) and send it if it changed. */
  const reportAfter = (ms: number) => {
    for (const frameDoc of sameOriginFrames(document)) if (frameDoc.defaultView && !wired.has(frameDoc)) wire(frameDoc, frameDoc.defaultView);
    if (timer !== undefined) return;
    timer = ctx.setTimeout(() => {
      timer = undefined;
      // Another buyer now: the picker's list or fill-in form for the previous one closes.
      parts.picker.buyerChanged();
      if (top) for (const field of page.look(document.visibilityState === 'visible')) void send('selfcheck/miss', { field }).catch(() => {});
      const status = page.changedStatus();
      if (status && ctx.isValid) send('chat/status', { status }).catch(() => {});
    }, ms);
  };
  const report = () => reportAfter(120);
  const sendButton = () => sendButtonOf(page.adapter, document, page.replyBox().el);
  const boxOf = (target: EventTarget | null) => {
    const box = asReplyBox(isElementNode(target) ? target : null);
    return box && box === page.replyBox().el ? box : null;
  };
  const sent = new SentMemory();
  const buyerNow = () => buyerKey(page.status().site, page.status().buyer);
  const sentAgo = (text: string) => {
    const buyer = buyerNow();
    return buyer ? sent.sentAgo(buyer, text, Date.now()) : undefined;
  };
  const noteSend = (box: HTMLElement) => {
    const buyer = buyerNow();
    const { text } = readEditor(box);
    if (!buyer || !text.trim()) return;
    // Sent = the box no longer holds it a moment later (Enter may also be a new line in some consoles).
    ctx.setTimeout(() => readEditor(box).text.trim() !== text.trim() && sent.remember(buyer, text, Date.now()), 600);
  };
  const release = (box: HTMLElement) =>
    void releaseSend(box, {
      adapter: page.adapter,
      button: sendButton,
      passNext: (text) => parts.guard.passNext(text),
      text: (key) => browser.i18n.getMessage(key as Parameters<typeof browser.i18n.getMessage>[0]),
    });
  const parts: Parts = { page, picker: createPicker(page, send, sentAgo), guard: createGuard(send, sendButton, sentAgo, page.adapter.id, () => page.wait?.pillRect() ?? null), send, report, sendButton, boxOf, noteSend, release };
  const wire = (doc: Document, win: Window) => {
    wired.add(doc);
    wireReporting(ctx, doc, win, parts);
    wireEditing(ctx, doc, parts);
    wireKeys(ctx, doc, win, parts);
  };
  wire(document, window);
  holdSendClicks(ctx, parts);
  watchWaits(ctx, page, send, report, () => reportAfter(0));
  ctx.onInvalidated(() => (parts.guard.close(), parts.picker.close()));
  answerPanel(ctx, page, report);
  if (top) wireTeaching(ctx, adapter, page, send, () => reportAfter(0));

  checkWaitingDraft(ctx, parts);
  report();
  // Consoles are single-page apps whose reply box often renders after document_idle: look again a little later.
  ctx.setTimeout(() => {
    report();
    checkWaitingDraft(ctx, parts);
  }, 1500);
  // A new buyer message is pushed as soon as its node appears (watchWaits' observer); new frames and anything the
  // observer cannot see are caught by a look every few seconds while the tab is visible (a handful of
  // querySelector calls; nothing is sent unless something changed).
  ctx.setInterval(() => document.visibilityState === 'visible' && report(), 3000);
  return page;
}

/**
 * The page's DOM changed (a message arrived or was sent): the unreplied-buyer countdown looks at it and the status
 * (buyer, latest buyer message: the panel's suggestions) goes out if it changed, both within {@link LOOK_MS} of the
 * change, so the panel follows a new buyer message in a few hundred milliseconds. Nothing runs while the page is
 * still.
 */
function watchWaits(ctx: ContentScriptContext, page: ChatScript, send: Send, report: () => void, reportNow: () => void): void {
  const wait = new WaitWatch(document, {
    adapter: page.adapter,
    replyBox: () => page.replyBox().el,
    config: () => send('wait/config', {}),
    record: (buyer, buyerAt, repliedAt) => void send('response/record', { site: page.adapter.id, buyer, buyerAt, repliedAt }).catch(() => {}),
    overdue: (name, waitedSec) => void send('wait/overdue', { name, waitedSec }).catch(() => {}),
    changed: report,
    atLeast: (minutes) => browser.i18n.getMessage('waitAtLeast', String(minutes)),
  });
  page.wait = wait;
  let timer: number | undefined;
  const observer = new MutationObserver((records) => {
    // Typing in a contenteditable reply box mutates the DOM on every keystroke: not a message, no look.
    const box = page.replyBox().el;
    if (box && records.every((r) => box.contains(r.target))) return;
    timer ??= ctx.setTimeout(() => {
      timer = undefined;
      wait.look();
      reportNow();
    }, LOOK_MS);
  });
  observer.observe(document.documentElement, { childList: true, subtree: true, characterData: true });
  ctx.addEventListener(document, 'visibilitychange', () => wait.schedule());
  // Back in the console (from the side panel, where ⚙ may have changed the limit while the background slept).
  ctx.addEventListener(window, 'focus', () => wait.refreshConfig());
  ctx.onInvalidated(() => {
    observer.disconnect();
    wait.close();
  });
  wait.look();
}

/** The "/" picker, searching through the background with the open conversation's buyer. */
function createPicker(page: ChatScript, send: Send, sentAgo: (text: string) => number | undefined): SlashPicker {
  const buyerOf = () => {
    const status = page.status();
    return buyerKey(status.site, status.buyer);
  };
  return new SlashPicker(document, {
    async search(query) {
      const buyer = buyerOf();
      const status = query ? undefined : page.status();
      const message = status?.lastBuyerMessage;
      const recent = message ? status?.recentMessages : undefined;
      return send('picker/search', { query, ...(buyer ? { buyer } : {}), ...(message ? { message } : {}), ...(recent ? { recent } : {}) }).catch((e: unknown) => {
        if (e instanceof ProtocolError) return []; // refused or malformed: no suggestions
        throw e;
      });
    },
    buyerName: () => page.status().buyer?.name,
    buyerKey: buyerOf,
    sentRecently: (text) => sentAgo(text) !== undefined,
    insert: (el, text, replace, caret) => insertText(el, text, replace, caret),
    used: (id) => void send('phrase/used', { id }).catch(() => {}),
    remember: (values, saveShop, buyer) => {
      void send('placeholders/remember', { values, saveShop, ...(buyer ? { buyer } : {}) }).catch(() => {});
    },
    saveDraft: (text) =>
      void send('phrase/save-draft', { text }).then(
        ({ title }) => showToast(document, browser.i18n.getMessage('draftSaved', title)),
        () => showToast(document, browser.i18n.getMessage('draftSaveFailed')),
      ),
    text: (key, sub) => browser.i18n.getMessage(key, sub),
  });
}

/** The guard badge, checking through the background. */
function createGuard(send: Send, sendButton: () => HTMLElement | null, sentAgo: (text: string) => number | undefined, site: string, keepClear: GuardDeps['keepClear']): GuardBadge {
  return new GuardBadge(document, {
    // A long draft goes in windows; an unanswered or refused check throws, and the badge fails closed. The site (the
    // adapter's id) tells the guard the console's own platform: 拼多多先用后付 on 拼多多 is no other store.
    async check(text) {
      if (text.length > GUARD_MAX_DRAFT) throw new Error('draft too long to check');
      const parts = [];
      for (const { offset, text: window } of guardWindows(text)) parts.push({ offset, hits: await send('guard/check', { text: window, site }) });
      return mergeWindowHits(parts);
    },
    plan: (text, hit, hits) => send('guard/rewrite', { text, hit, hits }),
    allow: (ruleId, context) => void send('guard/allow', { ruleId, context }).catch(() => {}),
    override: (ruleIds) => void send('guard/override', { ruleIds }).catch(() => {}),
    insert: (el, text, replace) => insertText(el, text, replace),
    sendButton,
    sentAgo,
    keepClear,
    text: (key, subs) => browser.i18n.getMessage(key as Parameters<typeof browser.i18n.getMessage>[0], subs),
  });
}

/**
 * A draft already in the box (typed while the console loaded, before this script was injected; or before an update
 * replaced the previous script) is checked now, not at the agent's next keystroke: its badge shows and its Enter is
 * held like any other.
 */
function checkWaitingDraft(ctx: ContentScriptContext, { page, guard }: Parts): void {
  const box = page.replyBox().el;
  if (box && ctx.isValid && !guard.hasChecked(box) && readEditor(box).text.trim()) void guard.refresh(box);
}

/** Focus, caret and conversation changes: the reply box and caret are remembered, the background is told. */
function wireReporting(ctx: ContentScriptContext, doc: Document, win: Window, { page, picker, report }: Parts): void {
  ctx.addEventListener(doc, 'focusin', (e) => {
    page.noteFocus(e.target);
    report();
  }, { capture: true });
  ctx.addEventListener(doc, 'selectionchange', () => page.noteSelection());
  ctx.addEventListener(doc, 'keyup', () => page.noteSelection(), { capture: true });
  // A click may open another conversation (new buyer); focus/visibility tell the background this tab is current.
  ctx.addEventListener(doc, 'click', report, { capture: true });
  ctx.addEventListener(doc, 'visibilitychange', report);
  ctx.addEventListener(win, 'focus', report);
  ctx.addEventListener(doc, 'focusout', () => {
    ctx.setTimeout(() => {
      const active = document.activeElement;
      const inFrame = active ? asReplyBox(frameDocument(active)?.activeElement ?? null) : null;
      if (picker.isOpen && active?.tagName !== 'KEFU-SLASH-PICKER' && !asReplyBox(active) && !inFrame) picker.close();
    }, 150);
  });
}

/** Edits in the reply box reach the picker and the guard once each, never while an input method composes. */
function wireEditing(ctx: ContentScriptContext, doc: Document, { picker, guard, boxOf }: Parts): void {
  const onEdit = (e: Event) => {
    picker.onInput(e);
    guard.onInput(boxOf(e.target), e);
  };
  // Rich editors (Slate, Draft.js, Lexical) often take a keystroke themselves: they cancel `beforeinput`,
  // change their model and re-render, and no `input` event follows. Such an edit is handled once the editor
  // has rendered it; an edit that does end in `input` is handled there, once.
  let unanswered: Event | null = null;
  ctx.addEventListener(doc, 'beforeinput', (e) => {
    // Only the cheap check here (every keystroke comes through): onEdit checks it is THE reply box.
    const box = (e as InputEvent).isComposing || isOwnEvent(e) ? null : asReplyBox(isElementNode(e.target) ? e.target : null);
    if (!box) return;
    unanswered = e;
    void afterRender(box).then(() => {
      if (unanswered !== e) return;
      unanswered = null;
      if (ctx.isValid) onEdit(e);
    });
  }, { capture: true });
  ctx.addEventListener(doc, 'input', (e) => {
    unanswered = null;
    onEdit(e);
  }, { capture: true });
  // A page-made compositionstart would pause the guard's hold (none while composing): only the IME's starts one.
  // Any end is taken (it only resumes checking; Chromium's own commit of a composition can end it untrusted).
  ctx.addEventListener(doc, 'compositionstart', (e) => {
    if (!byAgent(e)) return;
    picker.onCompositionStart();
    guard.onCompositionStart();
  }, { capture: true });
  ctx.addEventListener(doc, 'compositionend', (e) => {
    picker.onCompositionEnd(e);
    guard.onCompositionEnd(boxOf(e.target));
  }, { capture: true });
}

/**
 * Keys, at window capture (before the page's own listeners): the tally hotkeys, the picker's keys, and Enter
 * held by the guard, so none of them sends the message by accident.
 */
function wireKeys(ctx: ContentScriptContext, doc: Document, win: Window, { picker, guard, send, boxOf, noteSend, release }: Parts): void {
  ctx.addEventListener(win, 'keydown', (e) => {
    // 服务统计本 from the chat page too (where the agent's focus is): Alt+X 询单 +1, Alt+C 成交 +1. Counting and
    // the picker's keys take only the agent's own keys; a page-made Enter may still be held, never released.
    const agent = byAgent(e);
    const count = agent ? tallyHotkey(e) : null;
    if (count) {
      e.preventDefault();
      e.stopImmediatePropagation();
      void send('tally/count', count).then(
        () => {
          const label = browser.i18n.getMessage(count.field === 'consults' ? 'tallyConsults' : 'tallyConversions');
          showToast(doc, `${label} ${count.delta > 0 ? '+1' : '−1'}`);
        },
        () => {},
      );
      return;
    }
    if (agent && picker.onKeyDown(e)) {
      e.preventDefault();
      e.stopImmediatePropagation();
      return;
    }
    // Esc on a held send means 修改 (else it closes the guard's open list).
    if (agent && e.key === 'Escape' && !e.isComposing && guard.onEscape()) {
      e.preventDefault();
      e.stopImmediatePropagation();
      return;
    }
    const box = e.key === 'Enter' && !e.shiftKey ? boxOf(e.target) : null;
    if (box && guard.holdSend(box, () => release(box), e)) {
      e.preventDefault();
      e.stopImmediatePropagation();
    } else if (box && !e.isComposing && e.keyCode !== 229) noteSend(box);
  }, { capture: true });
}

/** A click on the console's send button is held like Enter when the draft must change. */
function holdSendClicks(ctx: ContentScriptContext, { page, guard, sendButton, noteSend, release }: Parts): void {
  ctx.addEventListener(window, 'click', (e) => {
    const button = sendButton();
    const box = page.replyBox().el;
    const target = e.target as Node | null;
    if (!button || !box || !target || typeof target.nodeType !== 'number' || !button.contains(target)) return;
    if (guard.holdSend(box, () => release(box), e)) {
      e.preventDefault();
      e.stopImmediatePropagation();
    } else noteSend(box);
  }, { capture: true });
}

/** What this site was taught (asked once at start), and 教一次 from the panel: the pointing mode, then the taught reads. */
function wireTeaching(ctx: ContentScriptContext, adapter: TeachableAdapter, page: ChatScript, send: Send, reportNow: () => void): void {
  const apply = (taught: TeachableAdapter['taught']) => {
    adapter.taught = taught;
    page.wait?.restart();
    reportNow();
  };
  void send('teach/load', {}).then(({ taught }) => taught && ctx.isValid && apply(taught), () => {});
  const text = (key: string, subs?: string | string[]) => browser.i18n.getMessage(key as Parameters<typeof browser.i18n.getMessage>[0], subs);
  let mode: TeachMode | null = null;
  page.teach = () => {
    if (mode?.open) return;
    mode = new TeachMode(document, {
      text,
      save: async (taught) => {
        await send('teach/save', { taught });
        apply(taught);
      },
      summary: () => {
        const { buyerName, lastMessage } = page.check();
        const who = lastMessage ? text(lastMessage.from === 'buyer' ? 'teachFromBuyer' : 'teachFromAgent') : '—';
        return text('teachDone', [buyerName ?? '—', who, lastMessage?.text || '—']);
      },
    });
  };
  ctx.onInvalidated(() => mode?.close('cancelled'));
}

/** The side panel's requests (insert, status), validated; anything malformed is answered `invalid`. */
function answerPanel(ctx: ContentScriptContext, page: ChatScript, report: () => void): void {
  const onMessage = (raw: unknown, _sender: unknown, sendResponse: (r: unknown) => void) => {
    const parsed = parseMessage(ContentRequestSchema, raw, 'extension');
    // 教一次 and 检查 are the console page's own: a frame inside it leaves the answer to the top frame.
    if (parsed.ok && parsed.value.type.startsWith('chat/teach') && window !== window.top) return false;
    if (!parsed.ok) {
      sendResponse({ ok: false, reason: 'invalid', detail: parsed.reason } satisfies InsertReply);
      return false;
    }
    void page.handle(parsed.value).then((reply) => {
      sendResponse(reply);
      report();
    });
    return true; // answered asynchronously (rich editors need a moment to take the selection)
  };
  browser.runtime.onMessage.addListener(onMessage);
  ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(onMessage));
}
