/**
 * The unreplied-buyer countdown in the chat page: looks at the console when its DOM changes (debounced), feeds
 * the pure {@link WaitClock}, reports measured replies, shows a small timer by the reply box (green, amber, red
 * at the limit) and asks for a notification when a buyer passes the limit while the tab is in the background.
 *
 * No work while no buyer waits: the one-second tick and the limit timer exist only while someone waits.
 */
import { WaitClock, pillSpot, waitLevel, waitKey, waitShown, type Rect } from '../../scripts-library/chase/wait-clock';
import type { WaitConfig } from '../../scripts-library/shared/protocol';
import type { SiteAdapter } from './adapters/types';
import { viewportRect } from './dom';

export interface WaitDeps {
  adapter: SiteAdapter;
  replyBox(): HTMLElement | null;
  config(): Promise<WaitConfig>;
  record(buyer: string, buyerAt: number, repliedAt: number): void;
  overdue(name: string, waitedSec: number): void;
  /** Something the side panel shows changed (who waits). */
  changed(): void;
  /** "≥ n 分": a wait already running when the page loaded, n minutes since (UI text). */
  atLeast(minutes: number): string;
  now?: () => number;
}

/** `unknown`: a wait already running when the page loaded, in its first minute here (its start is not known). */
const COLORS = { unknown: '#475569', ok: '#15803d', soon: '#b45309', late: '#b91c1c' } as const;

export class WaitWatch {
  clock = new WaitClock();
  private cfg: WaitConfig = { limitSec: 180, notify: false };
  private tick: number | undefined;
  private limitTimer: number | undefined;
  private host: HTMLElement | null = null;
  private pill: HTMLElement | null = null;
  /** Where the pill was last placed, and for what layout: the tick redraws every second, the spot is kept. */
  private spot: { box: HTMLElement; layout: string; left: number; top: number } | null = null;
  private readonly told = new Set<string>();

  constructor(
    private readonly doc: Document,
    private readonly deps: WaitDeps,
  ) {}

  private now(): number {
    return this.deps.now?.() ?? Date.now();
  }

  /** The open conversation's key (`site|buyer`), when the page shows a buyer. */
  openKey(): string | undefined {
    const buyer = this.safe(() => this.deps.adapter.currentBuyer(this.doc));
    return buyer ? waitKey(this.deps.adapter.id, buyer) : undefined;
  }

  /**
   * The page is read another way from now on (a taught adapter arrived after the first look): waits it shows now
   * were running before they could be read, so they start unknown, as at a page load.
   */
  restart(): void {
    this.clock = new WaitClock();
    this.told.clear();
    this.look();
  }

  /** Look at the page once (after DOM changes, clicks, a send). */
  look(): void {
    const { adapter } = this.deps;
    const buyer = this.safe(() => adapter.currentBuyer(this.doc));
    const from = this.safe(() => adapter.lastMessageFrom?.(this.doc)) ?? null;
    const since = from === 'buyer' ? this.safe(() => adapter.waitingSince?.(this.doc, this.now())) : null;
    const list = this.safe(() => adapter.waitingBuyers?.(this.doc)) ?? null;
    const before = this.clock.waiting.size;
    const keys = [...this.clock.waiting.keys()].join();
    const reply = this.clock.look(
      buyer ? { key: waitKey(adapter.id, buyer), ...(buyer.name ? { name: buyer.name } : {}), from, ...(since ? { since } : {}) } : null,
      list && list.map((b) => ({ key: waitKey(adapter.id, b), ...(b.name ? { name: b.name } : {}) })),
      this.now(),
    );
    if (reply) this.deps.record(reply.key, reply.buyerAt, reply.repliedAt);
    for (const key of this.told) if (!this.clock.waiting.has(key)) this.told.delete(key);
    if (this.clock.waiting.size > before) this.refreshConfig();
    if ([...this.clock.waiting.keys()].join() !== keys) this.deps.changed();
    this.schedule();
  }

  /** The limit or the notice switch changed (⚙ saved while this console is open): the timer follows at once. */
  setConfig(config: WaitConfig): void {
    this.cfg = config;
    this.schedule();
  }

  /**
   * Ask the background for the limit (a buyer started waiting; the agent may have changed it while this tab was not
   * looked at). A worker that is waking up may not answer: ask again shortly rather than run on the default limit.
   */
  refreshConfig(tries = 3): void {
    void this.deps.config().then(
      (c) => this.setConfig(c),
      () => tries > 1 && window.setTimeout(() => this.refreshConfig(tries - 1), 500),
    );
  }

  /** Start or stop the tick and the limit timer; draw the timer. */
  schedule(): void {
    const open = this.openKey();
    const waiting = open ? this.clock.waiting.get(open) : undefined;
    const ticking = !!waiting && this.doc.visibilityState === 'visible';
    if (ticking && this.tick === undefined) this.tick = window.setInterval(() => this.draw(), 1000);
    if (!ticking && this.tick !== undefined) this.tick = void clearInterval(this.tick);
    this.draw();
    clearTimeout(this.limitTimer);
    this.limitTimer = undefined;
    const limit = this.cfg.limitSec * 1000;
    let next = Infinity;
    for (const w of this.clock.waiting.values()) if (!this.told.has(w.key)) next = Math.min(next, w.since + limit);
    if (next < Infinity) this.limitTimer = window.setTimeout(() => this.late(), Math.max(0, next - this.now()) + 50);
  }

  private late(): void {
    const limit = this.cfg.limitSec * 1000;
    const now = this.now();
    for (const w of this.clock.waiting.values()) {
      if (this.told.has(w.key) || now - w.since < limit) continue;
      this.told.add(w.key);
      if (this.cfg.notify && this.doc.visibilityState === 'hidden') this.deps.overdue(w.name ?? '', Math.round((now - w.since) / 1000));
    }
    this.schedule();
  }

  private draw(): void {
    const open = this.openKey();
    const w = open ? this.clock.waiting.get(open) : undefined;
    const box = this.deps.replyBox();
    if (!w || !box) {
      this.host?.remove();
      this.host = this.pill = null;
      return;
    }
    if (!this.host?.isConnected) {
      this.host = this.doc.createElement('kefu-wait');
      const pill = this.doc.createElement('span');
      pill.setAttribute('role', 'timer');
      pill.style.cssText =
        'all:initial;position:fixed;z-index:2147483646;padding:1px 8px;border-radius:10px;color:#fff;font:12px/1.6 system-ui,sans-serif;pointer-events:none';
      this.host.attachShadow({ mode: 'closed' }).append(pill);
      this.doc.documentElement.append(this.host);
      this.pill = pill;
    }
    const waited = this.now() - w.since;
    const shown = waitShown(waited, w.seen);
    const level = shown.kind === 'unknown' ? 'unknown' : waitLevel(waited, this.cfg.limitSec * 1000);
    const pill = this.pill!;
    pill.style.background = COLORS[level];
    pill.dataset.level = level;
    pill.textContent = shown.kind === 'clock' ? shown.text : shown.kind === 'unknown' ? '—' : this.deps.atLeast(shown.minutes);
    this.place(pill, box);
  }

  /** By the reply box, clear of the console's controls and text around it (表情/图片 toolbars, 发送). */
  private place(pill: HTMLElement, box: HTMLElement): void {
    const r = viewportRect(box);
    const own = pill.getBoundingClientRect();
    const size = { width: own.width || 48, height: own.height || 20 };
    const view = this.doc.defaultView;
    const viewport = { width: view?.innerWidth ?? 1e4, height: view?.innerHeight ?? 1e4 };
    // The walk around the box (up to 400 nodes, their rects) runs again only when the box, its place, the pill's
    // size or the window changed, not on every second's tick of the clock.
    const layout = [r.left, r.top, r.right, r.bottom, Math.round(size.width), Math.round(size.height), viewport.width, viewport.height].join();
    if (this.spot?.box !== box || this.spot.layout !== layout) {
      // Obstacles in the box's own document are in its frame's coordinates: moved by the frame's offset like the box.
      const shift = { x: r.left - box.getBoundingClientRect().left, y: r.top - box.getBoundingClientRect().top };
      const obstacles = this.safe(() => obstaclesAround(box).map((o) => ({ left: o.left + shift.x, right: o.right + shift.x, top: o.top + shift.y, bottom: o.bottom + shift.y }))) ?? [];
      this.spot = { box, layout, ...pillSpot(r, obstacles, size, viewport) };
    }
    pill.style.left = `${this.spot.left}px`;
    pill.style.top = `${this.spot.top}px`;
  }

  /** Where the countdown is drawn now, if it shows (the guard badge keeps clear of it). */
  pillRect(): { left: number; top: number; right: number; bottom: number } | null {
    if (!this.pill?.isConnected) return null;
    const { left, top, right, bottom } = this.pill.getBoundingClientRect();
    return { left, top, right, bottom };
  }

  close(): void {
    clearInterval(this.tick);
    clearTimeout(this.limitTimer);
    this.tick = this.limitTimer = undefined;
    this.host?.remove();
  }

  private safe<T>(read: () => T): T | null {
    try {
      return read();
    } catch {
      return null; // a page that changed shape must not break the chat script
    }
  }
}

/** Controls a pill must not cover (a console's toolbar icons, links, buttons, fields). */
const CONTROL = 'button, a[href], input, select, textarea, img, svg, [role="button"], [role="toolbar"], [tabindex], [contenteditable="true"]';
/** How many nodes around the reply box are looked at, at most (a console's composer area is a few dozen). */
const NEAR_NODES = 400;

/**
 * What is drawn around the reply box: the controls and the text (its glyphs, not the boxes holding it) in the
 * box's surroundings, up to three levels above it, the box itself left out.
 */
function obstaclesAround(box: HTMLElement): Rect[] {
  let area: HTMLElement = box;
  for (let i = 0; i < 3 && area.parentElement && area.parentElement !== box.ownerDocument.body; i++) area = area.parentElement;
  const doc = box.ownerDocument;
  const out: Rect[] = [];
  const walker = doc.createTreeWalker(area, 1 | 4); // elements and text
  const range = doc.createRange();
  let seen = 0;
  for (let node = walker.nextNode(); node && seen < NEAR_NODES; node = walker.nextNode(), seen++) {
    if (node === box || box.contains(node)) continue;
    if (node.nodeType === 3) {
      if (!node.nodeValue?.trim()) continue;
      range.selectNodeContents(node);
      for (const r of range.getClientRects()) out.push(r);
    } else if ((node as Element).matches(CONTROL)) {
      const r = (node as Element).getBoundingClientRect();
      if (r.width && r.height) out.push(r);
    }
  }
  return out;
}
