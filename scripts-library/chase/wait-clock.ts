/**
 * The unreplied-buyer clock, pure (the chat script feeds it what the page shows; tests feed it by hand).
 *
 * A buyer waits from the moment their message is seen as the last one of the open conversation (or the
 * conversation list marks them unreplied) until the open conversation's last message is the agent's. The wait
 * runs from the FIRST unanswered message: a second message from the same buyer does not restart it.
 *
 * Waits already running when the clock started are shown but not measured (`seen` false): their real start
 * is unknown, and a response time counted from the moment the page loaded would flatter the agent.
 */

export interface WaitingBuyer {
  key: string;
  name?: string;
  /** When the wait started (ms). */
  since: number;
  /** The wait's start was observed (a message arrived while the clock ran): its response time is measured. */
  seen: boolean;
}

/** A measured response: the buyer waited from `buyerAt` until the agent's message at `repliedAt`. */
export interface MeasuredReply {
  key: string;
  name?: string;
  buyerAt: number;
  repliedAt: number;
}

/** What the page shows at one look. `from`: who wrote the open conversation's last message (null: unknown). */
export interface OpenConversation {
  key: string;
  name?: string;
  from: 'buyer' | 'agent' | null;
  /** When the buyer started waiting, if the console's rows show it (ms, not in the future): the start is known. */
  since?: number;
}

export class WaitClock {
  readonly waiting = new Map<string, WaitingBuyer>();
  private looked = false;

  /**
   * One look at the page. `list`: the buyers the conversation list shows as unreplied, or null when the adapter
   * cannot see a list (then buyers left without a reply stay waiting until their conversation is opened again).
   * @returns the reply measured by this look, if the agent just answered a buyer whose wait was observed.
   */
  look(open: OpenConversation | null, list: readonly { key: string; name?: string }[] | null, now: number): MeasuredReply | null {
    let reply: MeasuredReply | null = null;
    const start = (key: string, name?: string, since?: number) => {
      const known = since !== undefined && since <= now;
      if (!this.waiting.has(key)) this.waiting.set(key, { key, ...(name ? { name } : {}), since: known ? since : now, seen: this.looked || known });
    };
    if (open?.from === 'buyer') start(open.key, open.name, open.since);
    if (open?.from === 'agent') {
      const waited = this.waiting.get(open.key);
      this.waiting.delete(open.key);
      if (waited?.seen) reply = { key: open.key, ...(waited.name ? { name: waited.name } : {}), buyerAt: waited.since, repliedAt: now };
    }
    if (list) {
      const shown = new Set(list.map((b) => b.key));
      for (const b of list) if (b.key !== open?.key || open.from !== 'agent') start(b.key, b.name);
      // Answered elsewhere (another device, another agent): no longer waiting, and not measured here.
      for (const key of this.waiting.keys()) if (!shown.has(key) && key !== open?.key) this.waiting.delete(key);
    }
    this.looked = true;
    return reply;
  }

  /** The longest-waiting buyer (the one whose limit comes first), if any. */
  oldest(): WaitingBuyer | undefined {
    let first: WaitingBuyer | undefined;
    for (const w of this.waiting.values()) if (!first || w.since < first.since) first = w;
    return first;
  }
}

export type WaitLevel = 'ok' | 'soon' | 'late';

/**
 * Green under a minute, amber after, red at the limit. With a limit of a minute or less (a try-out) amber starts
 * at half the limit, so all three colours still show.
 */
export function waitLevel(waitedMs: number, limitMs: number): WaitLevel {
  if (waitedMs >= limitMs) return 'late';
  return waitedMs >= Math.min(60_000, limitMs / 2) ? 'soon' : 'ok';
}

/** 0:07, 2:45, 1:02:03. */
export function formatWait(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000));
  const mm = String(Math.floor(s / 60) % 60);
  const ss = String(s % 60).padStart(2, '0');
  return s >= 3600 ? `${Math.floor(s / 3600)}:${mm.padStart(2, '0')}:${ss}` : `${mm}:${ss}`;
}

/**
 * The clock's key for a buyer in one console: the id when the page gives one (masked nicks such as S*******n
 * collide, and one buyer may have rows in several list groups), else the name. An adapter that reads ids gives
 * them for the open conversation and the list alike.
 */
export function waitKey(site: string, buyer: { id?: string; name?: string }): string {
  return `${site}|${buyer.id || buyer.name || ''}`.slice(0, 300);
}

/**
 * What a wait shows: its clock when its start was seen; for one already running when the page loaded (its start
 * unknown) "—" in the first minute, then "at least n minutes", since a 0:00 counted from the page's load would
 * claim the buyer just wrote.
 */
export type WaitShown = { kind: 'clock'; text: string } | { kind: 'unknown' } | { kind: 'atLeast'; minutes: number };

export function waitShown(waitedMs: number, seen: boolean): WaitShown {
  if (seen) return { kind: 'clock', text: formatWait(waitedMs) };
  const minutes = Math.floor(Math.max(0, waitedMs) / 60_000);
  return minutes ? { kind: 'atLeast', minutes } : { kind: 'unknown' };
}

export interface Rect {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/**
 * Where the countdown pill goes by the reply box: the first of above-right, above-left, below-left, below-right,
 * left of and right of the box that stays in the window and touches neither the box nor any of `obstacles` (the
 * console's toolbars, buttons and text around the box). When none is clear, inside the box's top-right corner
 * (the pill takes no clicks).
 */
export function pillSpot(box: Rect, obstacles: readonly Rect[], size: { width: number; height: number }, viewport: { width: number; height: number }): { left: number; top: number } {
  const { width: w, height: h } = size;
  const gap = 4;
  const above = box.top - h - gap;
  const below = box.bottom + gap;
  const candidates = [
    { left: box.right - w, top: above },
    { left: box.left, top: above },
    { left: box.left, top: below },
    { left: box.right - w, top: below },
    { left: box.left - w - gap, top: box.top },
    { left: box.right + gap, top: box.top },
  ];
  const clear = (c: { left: number; top: number }) => {
    const r = { left: c.left, top: c.top, right: c.left + w, bottom: c.top + h };
    if (r.left < 0 || r.top < 0 || r.right > viewport.width || r.bottom > viewport.height) return false;
    return ![box, ...obstacles].some((o) => r.left < o.right && o.left < r.right && r.top < o.bottom && o.top < r.bottom);
  };
  const spot = candidates.find(clear) ?? { left: box.right - w - gap, top: box.top + gap };
  return { left: Math.max(0, Math.min(spot.left, viewport.width - w)), top: Math.max(0, Math.min(spot.top, viewport.height - h)) };
}
