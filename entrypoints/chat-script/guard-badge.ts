/**
 * The draft guard in the chat page: as the agent types (never during IME composition) the draft is checked by
 * the background; a compact badge by the reply box counts hits by severity and opens a list with the matched
 * words, category, why and the suggestion, with 替换 (replace that span through the insertion module), 忽略
 * (ignore for this draft) and 不再提示 (a personal allow for that term in that context).
 *
 * Send check: when the draft has a block-severity hit, the first Enter or 发送 click is held and the agent
 * chooses 修改 or 仍要发送 (counted). Warn and hint never hold a send; nothing is ever swallowed silently.
 */
import type { GuardHit, GuardRewriteReply } from '../../scripts-library/shared/protocol';
import { readEditor, selectionFor } from './editor-text';
import { handleHit, HANDLE_RULE } from '../../scripts-library/guard/rewrite';
import { viewportRect } from './dom';
import { ALL_RULES, DraftState, MODEL_PREFIX, offersNeverAgain, sentenceAround } from '../../scripts-library/guard/draft-state';
import type { InsertResult, SavedSelection } from './insert';
import { byAgent } from './trust';

type Plan = NonNullable<GuardRewriteReply>;

export interface GuardDeps {
  check(text: string): Promise<GuardHit[]>;
  /**
   * A hit's rewrite, planned and re-checked by the same guard (guard/rewrite → rewrite.ts planRewrite in the
   * background): null when the hit has no automatic fix.
   */
  plan(text: string, hit: GuardHit, hits: GuardHit[]): Promise<GuardRewriteReply>;
  allow(ruleId: string, context: string): void;
  override(ruleIds: string[]): void;
  insert(el: HTMLElement, text: string, replace: SavedSelection): Promise<InsertResult>;
  /** The page's send button, when the site adapter knows it. */
  sendButton(): HTMLElement | null;
  /** What the badge must not cover: the unreplied-buyer countdown by the same box (wait-watch.ts), when it shows. */
  keepClear?(): Rect | null;
  /** How long ago this exact reply went to the open buyer, if it did lately (sent-memory.ts). */
  sentAgo?(text: string): number | undefined;
  text(key: string, subs?: string | string[]): string;
}

type Rect = { left: number; top: number; right: number; bottom: number };
/** The badge's height, and its width until it is drawn (one to three counts; wider in English). */
const BADGE = { width: 150, height: 24 };

/**
 * Where the badge goes: above the reply box's right end, or, when something of ours already shows there (the
 * countdown pill), just left of it on the same line, so both stay readable. `width` is the badge's as drawn.
 */
export function badgeSpot(box: Rect, clear: Rect | null, width = BADGE.width): { left: number; top: number } {
  const top = Math.max(4, box.top - 26);
  let right = box.right;
  if (clear && clear.top < top + BADGE.height && top < clear.bottom && clear.left < right && right - width < clear.right) right = clear.left - 4;
  return { left: Math.max(4, right - width), top };
}

/** The rule id of the repeat warning (a reply sent to this buyer a moment ago). */
export const REPEAT_RULE = 'repeat-reply';

const STYLE = `
:host { all: initial; }
.badge { position: fixed; z-index: 2147483646; display: flex; gap: 6px; align-items: center; padding: 2px 8px; white-space: nowrap;
  border-radius: 12px; border: 1px solid #e5e7eb; background: #fff; cursor: pointer; box-shadow: 0 2px 6px rgb(0 0 0 / .12);
  font: 12px/1.6 system-ui, 'PingFang SC', 'Microsoft YaHei', 'Noto Sans CJK SC', sans-serif; color: #1f2937; }
.block { color: #b91c1c; font-weight: 700; } .warn { color: #b45309; } .hint { color: #475569; }
.panel { position: fixed; z-index: 2147483647; box-sizing: border-box; width: 360px; max-height: 360px; display: flex; flex-direction: column; overflow: hidden; background: #fff;
  border: 1px solid #cbd5e1; border-radius: 8px; box-shadow: 0 8px 24px rgb(0 0 0 / .15); padding: 8px;
  font: 13px/1.5 system-ui, 'PingFang SC', 'Microsoft YaHei', 'Noto Sans CJK SC', sans-serif; color: #1f2937; }
.held { flex: none; font-weight: 700; color: #b91c1c; margin-bottom: 6px; }
.list { flex: 1 1 auto; min-height: 0; overflow-y: auto; scrollbar-width: thin; }
.footer { flex: none; border-top: 1px solid #e2e8f0; padding-top: 6px; margin-top: 4px; }
.hit { border-bottom: 1px solid #f1f5f9; padding: 6px 0; }
.term { font-weight: 700; }
.why, .suggestion { color: #475569; font-size: 12px; }
.model { color: #6d28d9; font-size: 12px; font-weight: 400; border: 1px solid #c4b5fd; border-radius: 4px; padding: 0 4px; cursor: help; }
.preview { color: #166534; font-size: 12px; }
.still { color: #b45309; font-size: 12px; font-weight: 700; }
.actions { display: flex; gap: 6px; margin-top: 4px; justify-content: flex-end; }
button { font: inherit; font-size: 12px; padding: 1px 8px; border: 1px solid #cbd5e1; border-radius: 4px; background: #fff; cursor: pointer; }
button.primary { background: #2563eb; border-color: #2563eb; color: #fff; }
button.danger { background: #b91c1c; border-color: #b91c1c; color: #fff; }
`;

export class GuardBadge {
  private el: HTMLElement | null = null;
  /** The last check, what was ignored, the 仍要发送 pass: pure state, tested on its own. */
  private readonly state = new DraftState();
  private host: HTMLElement | null = null;
  private root: ShadowRoot | null = null;
  private open = false;
  private held: { send(): void } | null = null;
  private seq = 0;
  private composing = false;
  /** Each hit's rewrite, re-checked before it is shown or applied (null: the re-check failed), for the text checked. */
  private plans = new Map<string, Plan | null>();
  /** Handles a rewrite left behind (加我这里：kefu888): flagged while they stay in the draft. */
  private leftovers: string[] = [];

  constructor(
    private readonly doc: Document,
    private readonly deps: GuardDeps,
  ) {}

  onCompositionStart(): void {
    this.composing = true;
  }

  onCompositionEnd(el: HTMLElement | null): void {
    this.composing = false;
    if (el) void this.refresh(el);
  }

  /** After an edit in the reply box. */
  onInput(el: HTMLElement | null, e: Event): void {
    if (!el || this.composing || (e as InputEvent).isComposing) return;
    void this.refresh(el);
  }

  /** Whether this box's draft was checked (or is being checked) since the script started. */
  hasChecked(el: HTMLElement): boolean {
    return this.el === el && this.seq > 0;
  }

  /** Check the box's current text now; resolves with the visible (not ignored) hits. */
  async refresh(el: HTMLElement): Promise<GuardHit[]> {
    this.el = el;
    const { text } = readEditor(el);
    const seq = ++this.seq;
    const checked = text.trim() ? await this.deps.check(text).catch(() => undefined) : [];
    const ago = checked && text.trim() ? this.deps.sentAgo?.(text) : undefined;
    const hits = checked && ago !== undefined ? [...checked, this.repeatHit(text, ago)] : checked;
    if (seq === this.seq) {
      if (text !== this.state.checked.text) this.plans.clear();
      this.leftovers = this.leftovers.filter((handle) => text.includes(handle));
      const left = this.leftovers.flatMap((handle) => {
        const hit = handleHit(text, handle);
        return hit && !hits?.some((x) => x.start < hit.end && x.end > hit.start) ? [{ ...hit, note: '' }] : [];
      });
      this.state.record(text, hits && [...hits, ...left].sort((a, b) => a.start - b.start));
      this.render();
    }
    return this.state.visible();
  }

  /**
   * Enter in the reply box, or a click on the send button. Returns true when the send is held (the caller
   * stops the event). Never holds while composing, and only for block-severity hits.
   */
  holdSend(el: HTMLElement, send: () => void, e: KeyboardEvent | MouseEvent): boolean {
    if (this.composing || (e instanceof KeyboardEvent && (e.isComposing || e.keyCode === 229))) return false;
    // A stale check (paste then Enter within milliseconds) holds only when a send button can finish the send.
    const decision = this.state.decide(readEditor(el).text, this.deps.sendButton() !== null);
    if (decision === 'pass') return false;
    if (decision === 'recheck') {
      void this.refresh(el).then((hits) => {
        if (this.state.blocking(hits)) this.showHeld(send);
        else send();
      });
      return true;
    }
    this.showHeld(send);
    return true;
  }

  /** A released send was handed back to the agent: their next press of exactly this draft goes (send-release.ts). */
  passNext(text: string): void {
    this.state.sendAnyway(text);
  }

  /** The same reply sent to this buyer a moment ago: a warning (it never holds the send), advice, no rewrite. */
  private repeatHit(text: string, ago: number): GuardHit {
    const shown = [...text.trim()];
    return {
      start: 0,
      end: text.length,
      text: shown.length > 16 ? `${shown.slice(0, 16).join('')}…` : shown.join(''),
      ruleId: REPEAT_RULE,
      category: 'repeat',
      severity: 'warn',
      suggestion: this.deps.text('repeatAdvice', String(Math.max(1, Math.round(ago / 60_000)))),
      note: '',
    };
  }

  private showHeld(send: () => void): void {
    this.held = { send };
    this.open = true;
    this.render();
  }

  close(): void {
    this.host?.remove();
    this.host = null;
    this.root = null;
    this.open = false;
    this.held = null;
  }

  private render(): void {
    const el = this.el;
    const hits = this.state.visible();
    if (!el || !this.state.shows(this.held !== null)) {
      this.close();
      return;
    }
    if (!this.host) {
      this.host = this.doc.createElement('kefu-guard');
      // Closed: the page's scripts cannot reach the buttons (a page-made click is ignored anyway, see button()).
      this.root = this.host.attachShadow({ mode: 'closed' });
      this.doc.documentElement.append(this.host);
    }
    const root = this.root!;
    const style = this.doc.createElement('style');
    style.textContent = STYLE;
    const badge = this.node('div', 'badge');
    badge.setAttribute('role', 'button');
    badge.dataset.testid = 'guard-badge';
    if (this.state.checked.failed) {
      const span = this.node('span', 'block', this.deps.text('guardCheckFailed'));
      span.dataset.severity = 'failed';
      badge.append(span);
    }
    for (const { severity, count } of this.state.counts()) {
      const span = this.node('span', severity, this.deps.text(`severity_${severity}`, String(count)));
      span.dataset.severity = severity;
      span.dataset.count = String(count);
      badge.append(span);
    }
    badge.addEventListener('mousedown', (e) => e.preventDefault());
    badge.addEventListener('click', (e) => {
      if (!byAgent(e)) return;
      this.open = !this.open;
      this.render();
    });
    const r = viewportRect(el);
    const clear = this.deps.keepClear?.() ?? null;
    const place = (width?: number) => {
      const spot = badgeSpot(r, clear, width);
      badge.style.left = `${spot.left}px`;
      badge.style.top = `${spot.top}px`;
    };
    place();
    const parts: Node[] = [style, badge];
    if (this.open) parts.push(this.panel(el, hits, r));
    root.replaceChildren(...parts);
    // Placed again by its drawn width (English labels are wider than the first guess), still on one line.
    place(badge.getBoundingClientRect().width || undefined);
    if (this.open) this.planShown(this.held ? hits.filter((h) => h.severity === 'block') : hits);
  }

  private panel(el: HTMLElement, hits: GuardHit[], r: DOMRect): HTMLElement {
    const panel = this.node('div', 'panel');
    panel.setAttribute('role', 'dialog');
    panel.addEventListener('mousedown', (e) => e.preventDefault()); // keep the caret in the reply box
    const held = this.held;
    if (held) {
      panel.append(this.node('div', 'held', this.deps.text(this.state.checked.failed && !hits.some((h) => h.severity === 'block') ? 'guardHeldUnchecked' : 'guardHeld')));
    } else if (this.state.checked.failed) {
      panel.append(this.node('div', 'held', this.deps.text('guardCheckFailedWhy')));
    }
    // The hits scroll; the held send's 修改 / 仍要发送 stay pinned below them, however many hits there are.
    const list = this.node('div', 'list');
    for (const h of held ? hits.filter((x) => x.severity === 'block') : hits) list.append(this.hitRow(el, h));
    panel.append(list);
    if (held) panel.append(this.heldFooter(el, held));
    const top = Math.max(4, r.top - 30 - 360);
    panel.style.left = `${Math.max(4, r.right - 360)}px`;
    panel.style.top = `${top}px`;
    panel.style.maxHeight = `min(360px, calc(100vh - ${top + 4}px))`;
    return panel;
  }

  /** One hit: words, category, why, suggestion, the previewed fix and what the agent may do with it. */
  private hitRow(el: HTMLElement, h: GuardHit): HTMLElement {
    const row = this.node('div', 'hit');
    row.dataset.ruleId = h.ruleId;
    row.dataset.severity = h.severity;
    const term = this.node('div', 'term', `「${h.text}」 ${this.deps.text(`cat_${h.category.replace(/-/g, '_')}`)} · ${this.deps.text(`severity_name_${h.severity}`)}`);
    // A hit of the intent model carries a short label; how sure it is and why, on hover.
    if (h.ruleId.startsWith(MODEL_PREFIX)) {
      const label = this.node('span', 'model', this.deps.text('guardModelLabel'));
      if (h.note) label.title = h.note;
      term.append(' ', label);
    }
    row.append(term);
    const why = this.node('div', 'why', this.deps.text(`why_${h.category.replace(/-/g, '_')}`));
    if (h.note && !h.ruleId.startsWith(MODEL_PREFIX)) why.title = h.note; // the rule's own note (its research source) on hover
    row.append(why);
    if (h.suggestion) row.append(this.node('div', 'suggestion', this.deps.text('guardSuggestion', h.suggestion)));
    // What 替换 would make of the draft, re-checked, shown before it is applied (a word, or clauses rewritten).
    const plan = this.plans.get(planKey(this.state.checked.text, h));
    const actions = this.node('div', 'actions');
    if (plan) {
      row.append(this.node('div', 'preview', this.deps.text('guardPreview', previewOf(plan))));
      if (plan.remaining.length) row.append(this.node('div', 'still', this.deps.text('guardPreviewStill', plan.remaining.map((x) => `「${x.text}」`).join(''))));
      actions.append(this.button(this.deps.text(plan.kind === 'word' ? 'guardReplace' : 'guardRewrite'), () => this.replace(el, h), 'primary'));
    }
    // 忽略 never on a 必改 hit: it would let the next Enter send the draft uncounted (draft-state.ts canIgnore).
    if (this.state.canIgnore(h)) {
      actions.append(
        this.button(this.deps.text('guardIgnore'), () => {
          this.state.ignore(h);
          this.render();
        }),
      );
    }
    // 不再提示 stores a personal allow of the hit's sentence for every rule and the model (one click). Not for the
    // repeat warning (no rule: 忽略 is all it takes), nor on a sure 辱骂 hit or a sentence holding one.
    const text = this.state.checked.text;
    if (h.ruleId !== REPEAT_RULE && h.ruleId !== HANDLE_RULE && offersNeverAgain(text, h, this.state.checked.hits)) {
      actions.append(
        this.button(this.deps.text('guardNeverAgain'), () => {
          const sentence = sentenceAround(text, h.start, h.end);
          this.deps.allow(ALL_RULES, text.slice(sentence.start, sentence.end));
          this.state.silence(text.slice(sentence.start, sentence.end));
          if (this.held && !this.state.blocking()) this.held = null;
          this.render();
        }),
      );
    }
    row.append(actions);
    return row;
  }

  /** 修改 / 仍要发送 of a held send (Esc is 修改). */
  private heldFooter(el: HTMLElement, held: { send(): void }): HTMLElement {
    const footer = this.node('div', 'actions footer');
    footer.append(
      this.button(this.deps.text('guardEdit'), () => this.edit(el), 'primary'),
      this.button(this.deps.text('guardSendAnyway'), () => {
        this.deps.override(this.state.sendAnyway(readEditor(el).text));
        this.held = null;
        this.open = false;
        el.focus();
        held.send();
        this.render();
      }, 'danger'),
    );
    return footer;
  }

  /** 修改: the hold is over, the list stays open for the fixes, the caret back in the reply box. */
  private edit(el: HTMLElement): void {
    this.held = null;
    this.open = true;
    el.focus();
    this.render();
  }

  /** Esc (the agent's) while the badge's list is open: 修改 when a send is held, else the list closes. */
  onEscape(): boolean {
    if (this.held && this.el) {
      this.edit(this.el);
      return true;
    }
    if (this.open && this.host) {
      this.open = false;
      this.render();
      return true;
    }
    return false;
  }

  /** Plan the rewrites of the hits shown (each once per checked text), then draw them with their re-checked results. */
  private planShown(hits: readonly GuardHit[]): void {
    const text = this.state.checked.text;
    for (const h of hits) {
      const key = planKey(text, h);
      if (this.plans.has(key) || h.ruleId === REPEAT_RULE || h.ruleId === HANDLE_RULE) continue;
      this.plans.set(key, null);
      void this.plan(text, h).then((plan) => {
        if (this.state.checked.text !== text || !plan) return;
        this.plans.set(key, plan);
        this.render();
      });
    }
  }

  /** A hit's rewrite with its result re-checked (null: no rewrite, or the background did not answer). */
  private plan(text: string, h: GuardHit): Promise<Plan | null> {
    const hits = this.state.checked.hits.filter((x) => x.ruleId !== REPEAT_RULE && x.ruleId !== HANDLE_RULE);
    return this.deps.plan(text, h, hits).catch(() => null);
  }

  private async replace(el: HTMLElement, h: GuardHit): Promise<void> {
    // Offsets refer to the checked text: if the draft changed since, check again and find the hit anew.
    let hit: GuardHit | undefined = h;
    if (readEditor(el).text !== this.state.checked.text) {
      hit = (await this.refresh(el)).find((x) => x.ruleId === h.ruleId && x.text === h.text);
    }
    const text = readEditor(el).text;
    const plan = hit && (this.plans.get(planKey(text, hit)) ?? (await this.plan(text, hit)));
    if (!plan || readEditor(el).text !== text) return;
    const sel = selectionFor(el, plan.start, plan.end);
    if (!sel) return;
    await this.deps.insert(el, plan.text, sel);
    // A handle the rewrite could not take (a word swapped before it) stays flagged until it is gone.
    this.leftovers.push(...plan.remaining.filter((x) => x.ruleId === HANDLE_RULE).map((x) => x.text));
    // The agent changed the held draft: the hold is over (the next Enter checks what is there now). Before, the
    // 已暂停发送 banner stayed over a draft with nothing left to change.
    this.held = null;
    await this.refresh(el);
  }

  private node(tag: string, className: string, text?: string): HTMLElement {
    const n = this.doc.createElement(tag);
    n.className = className;
    if (text !== undefined) n.textContent = text;
    return n;
  }

  private button(label: string, onClick: () => void, className = ''): HTMLButtonElement {
    const b = this.doc.createElement('button');
    b.type = 'button';
    b.className = className;
    b.textContent = label;
    // Only the agent's own click: 不再提示, 仍要发送 and 替换 must never be pressed by the page's scripts.
    b.addEventListener('click', (e) => {
      if (byAgent(e)) onClick();
    });
    return b;
  }
}

const planKey = (text: string, h: GuardHit) => `${text}\u0000${h.ruleId}|${h.start}|${h.end}`;

/** The rewritten draft for the preview: whole when short, else the rewritten part with a little around it. */
export function previewOf(rw: Pick<Plan, 'start' | 'text' | 'result'>): string {
  if (rw.result.length <= 60) return rw.result;
  const from = Math.max(0, rw.start - 10);
  const to = Math.min(rw.result.length, rw.start + rw.text.length + 10);
  return `${from > 0 ? '…' : ''}${rw.result.slice(from, to)}${to < rw.result.length ? '…' : ''}`;
}
