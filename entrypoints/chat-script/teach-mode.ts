/**
 * 教一次: the pointing mode. A layer over the whole page in a closed shadow root takes every pointer event, so a
 * click in this mode never reaches the page (nothing is opened, sent or focused); the element under the pointer is
 * outlined, and each of the agent's own clicks (`isTrusted`: a page-made click is ignored) answers one step:
 * 点一下回复框 → 发送按钮 → 买家名字 → 一条买家消息. Esc (or 取消) leaves without changing anything. The
 * locators are derived by scripts-library/sites/teach.ts.
 */
import { deriveLocator, deriveMessages, TEACH_STEPS, type TaughtMessages, type TaughtSite, type TeachStep } from '../../scripts-library/sites/teach';
import { byAgent } from './trust';
import { asReplyBox, editingHost } from './dom';

export interface TeachDeps {
  text(key: string, subs?: string | string[]): string;
  /** All four pointed at: store them (the promise rejects with a reason to show). */
  save(taught: TaughtSite): Promise<void>;
  /** What the page now reads, for the closing line. */
  summary(): string;
  done?(result: 'saved' | 'cancelled'): void;
}

const STEP_KEYS: Record<TeachStep, string> = {
  replyBox: 'teachStepReplyBox',
  send: 'teachStepSend',
  buyerName: 'teachStepBuyer',
  message: 'teachStepMessage',
};
const FONT = "font:14px/1.5 system-ui,'PingFang SC','Microsoft YaHei','Noto Sans CJK SC',sans-serif";

export class TeachMode {
  private readonly host: HTMLElement;
  private readonly layer: HTMLDivElement;
  private readonly outline: HTMLDivElement;
  private readonly bar: HTMLDivElement;
  private readonly line: HTMLSpanElement;
  private readonly cancel: HTMLButtonElement;
  private step = 0;
  private picked: Partial<Record<TeachStep, Element>> = {};
  private messages: TaughtMessages | null = null;
  private finished = false;
  private readonly offKeys: () => void;

  constructor(
    private readonly doc: Document,
    private readonly deps: TeachDeps,
  ) {
    doc.querySelector('kefu-teach')?.remove();
    this.host = doc.createElement('kefu-teach');
    const root = this.host.attachShadow({ mode: 'closed' });
    this.layer = doc.createElement('div');
    this.layer.style.cssText = 'position:fixed;inset:0;z-index:2147483646;cursor:crosshair;background:transparent';
    this.outline = doc.createElement('div');
    this.outline.style.cssText = 'position:fixed;z-index:2147483646;pointer-events:none;outline:3px solid #2563eb;background:rgb(37 99 235 / .12);border-radius:3px;display:none';
    this.bar = doc.createElement('div');
    this.bar.style.cssText = `position:fixed;z-index:2147483647;top:12px;left:50%;transform:translateX(-50%);max-width:90vw;padding:8px 12px;border-radius:8px;background:#1e3a8a;color:#fff;${FONT};box-shadow:0 4px 12px rgb(0 0 0 / .25);display:flex;gap:12px;align-items:center`;
    this.line = doc.createElement('span');
    this.line.setAttribute('role', 'status');
    const cancel = doc.createElement('button');
    cancel.type = 'button';
    cancel.textContent = deps.text('cancel');
    cancel.style.cssText = `${FONT};padding:2px 10px;border-radius:6px;border:1px solid #fff;background:transparent;color:#fff;cursor:pointer`;
    cancel.addEventListener('click', (e) => {
      e.stopPropagation();
      if (byAgent(e)) this.close('cancelled');
    });
    this.cancel = cancel;
    this.bar.append(this.line, cancel);
    root.append(this.layer, this.outline, this.bar);
    for (const type of ['pointerdown', 'pointerup', 'mousedown', 'mouseup', 'dblclick', 'contextmenu', 'auxclick'] as const) {
      this.layer.addEventListener(type, (e) => (e.preventDefault(), e.stopPropagation()));
    }
    this.layer.addEventListener('pointermove', (e) => this.hover(e));
    this.layer.addEventListener('click', (e) => {
      e.preventDefault();
      e.stopPropagation();
      if (byAgent(e)) this.pick(e);
    });
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape' || !byAgent(e)) return;
      e.preventDefault();
      e.stopImmediatePropagation();
      this.close('cancelled');
    };
    const win = doc.defaultView!;
    win.addEventListener('keydown', onKey, { capture: true });
    this.offKeys = () => win.removeEventListener('keydown', onKey, { capture: true });
    doc.documentElement.append(this.host);
    this.show();
  }

  get open(): boolean {
    return this.host.isConnected && !this.finished;
  }

  /** Leave pointing mode; the step line stays `lingerMs` when it says something worth reading (the result, an error). */
  close(result: 'saved' | 'cancelled', lingerMs = 0): void {
    if (this.finished) return;
    this.finished = true;
    this.offKeys();
    this.layer.style.pointerEvents = 'none';
    this.outline.style.display = 'none';
    this.cancel.remove();
    if (lingerMs) this.doc.defaultView?.setTimeout(() => this.host.remove(), lingerMs);
    else this.host.remove();
    this.deps.done?.(result);
  }

  private show(error?: string): void {
    const key = STEP_KEYS[TEACH_STEPS[this.step]!];
    this.line.textContent = error ? `${error} · ${this.deps.text(key)}` : this.deps.text(key);
  }

  /** The page's element under the pointer (our own layer left out). */
  private under(e: MouseEvent): Element | null {
    return this.doc.elementsFromPoint(e.clientX, e.clientY).find((el) => el !== this.host && el !== this.doc.documentElement && el !== this.doc.body) ?? null;
  }

  private hover(e: PointerEvent): void {
    const el = this.under(e);
    if (!el) return void (this.outline.style.display = 'none');
    const r = el.getBoundingClientRect();
    Object.assign(this.outline.style, { display: 'block', left: `${r.left}px`, top: `${r.top}px`, width: `${r.width}px`, height: `${r.height}px` });
  }

  private pick(e: MouseEvent): void {
    if (this.finished) return;
    const raw = this.under(e);
    if (!raw) return;
    const step = TEACH_STEPS[this.step]!;
    const problem = this.take(step, raw);
    if (problem) return this.show(this.deps.text(problem));
    this.step++;
    if (this.step < TEACH_STEPS.length) return this.show();
    void this.finish();
  }

  /** Take `raw` for `step`, or say why it is not one (an i18n key). */
  private take(step: TeachStep, raw: Element): string | null {
    if (step === 'replyBox') {
      const box = asReplyBox(editingHost(raw) ?? raw);
      if (!box) return 'teachNotReplyBox';
      this.picked.replyBox = box;
    } else if (step === 'send') {
      this.picked.send = raw.closest('button, [role="button"], a') ?? raw;
    } else if (step === 'buyerName') {
      if (!raw.textContent?.trim()) return 'teachNoText';
      this.picked.buyerName = raw;
    } else {
      const messages = deriveMessages(raw);
      if (messages === 'no-list') return 'teachNoList';
      if (messages === 'no-agent-row') return 'teachNoAgentRow';
      this.messages = messages;
    }
    return null;
  }

  private async finish(): Promise<void> {
    const { replyBox, send, buyerName } = this.picked;
    const taught: TaughtSite = {
      replyBox: deriveLocator(replyBox!),
      send: deriveLocator(send!),
      buyerName: deriveLocator(buyerName!),
      messages: this.messages!,
      at: Date.now(),
    };
    this.layer.style.pointerEvents = 'none';
    this.outline.style.display = 'none';
    try {
      await this.deps.save(taught);
    } catch (err) {
      this.line.textContent = this.deps.text('teachSaveFailed', err instanceof Error ? err.message : String(err));
      this.close('cancelled', 6000);
      return;
    }
    this.line.textContent = this.deps.summary();
    this.close('saved', 6000);
  }
}
