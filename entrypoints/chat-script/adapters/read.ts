/**
 * Reading a console's open conversation, shared by the adapters: each adapter turns its rows into
 * {@link Message}s (who wrote it — buyer, agent, or neither: system rows, robot replies —, the text, the time when
 * the row shows one) and the reads the countdown, the suggestions and the verified send use follow from them.
 */
import type { SiteAdapter } from './types';
import { RECENT_CHARS, RECENT_MAX } from '../../../scripts-library/shared/protocol';

export interface Message {
  /** `other`: a system row, a robot reply, a notice card: never counted as the buyer's or the agent's. */
  from: 'buyer' | 'agent' | 'other';
  text: string;
  /** When it was written (ms), if the row says. */
  at?: number;
}

type Reads = Required<Pick<SiteAdapter, 'latestBuyerMessage' | 'recentMessages' | 'lastMessageFrom' | 'waitingSince' | 'agentMessageCount'>>;

/** The reads that follow from an adapter's message rows. */
export function fromMessages(read: (doc: Document, now: number) => Message[]): Reads {
  return {
    latestBuyerMessage: (doc) => read(doc, Date.now()).findLast((m) => m.from === 'buyer')?.text || null,
    recentMessages: (doc) =>
      read(doc, Date.now())
        .filter((m) => m.from !== 'other' && m.text)
        .slice(-RECENT_MAX)
        .map((m) => ({ from: m.from as 'buyer' | 'agent', text: m.text.slice(0, RECENT_CHARS) })),
    lastMessageFrom(doc) {
      const last = read(doc, Date.now()).findLast((m) => m.from !== 'other');
      return last ? (last.from as 'buyer' | 'agent') : null;
    },
    waitingSince(doc, now = Date.now()) {
      const rows = read(doc, now).filter((m) => m.from !== 'other');
      let first: Message | undefined;
      for (let i = rows.length - 1; i >= 0 && rows[i]!.from === 'buyer'; i--) first = rows[i];
      const at = first?.at;
      // A time from the page is believed only when it is in the past day (a console's clock, a misread row).
      return at !== undefined && at <= now + 60_000 && now - at < 86_400_000 ? Math.min(at, now) : null;
    },
    agentMessageCount: (doc) => read(doc, Date.now()).filter((m) => m.from === 'agent').length,
  };
}

/** The trimmed text of the first element matching `selector` inside `el` (or of `el` itself without one). */
export function textOf(el: Element | Document | null | undefined, selector?: string): string {
  const node = selector ? el?.querySelector(selector) : el;
  return node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
}

/**
 * A time as consoles print it: `2026-09-08 12:39:00`, `2026年09月08日 17:30:17`, `2-22 18:55:20` (this year, or
 * last year when that would be in the future), `12:40` (today). Local time; undefined when it is none of these.
 */
export function parseRowTime(text: string | null | undefined, now = Date.now()): number | undefined {
  const s = (text ?? '').trim();
  let m = /(\d{4})\s*[-/年.]\s*(\d{1,2})\s*[-/月.]\s*(\d{1,2})\s*日?\s+(\d{1,2}):(\d{2})(?::(\d{2}))?/.exec(s);
  if (m) return new Date(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +(m[6] ?? 0)).getTime();
  m = /(?:^|\s)(\d{1,2})[-/月](\d{1,2})日?\s+(\d{1,2}):(\d{2})(?::(\d{2}))?/.exec(s);
  if (m) {
    const year = new Date(now).getFullYear();
    const at = (y: number) => new Date(y, +m![1]! - 1, +m![2]!, +m![3]!, +m![4]!, +(m![5] ?? 0)).getTime();
    return at(year) > now + 86_400_000 ? at(year - 1) : at(year);
  }
  m = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/.exec(s);
  if (m) {
    const d = new Date(now);
    return new Date(d.getFullYear(), d.getMonth(), d.getDate(), +m[1]!, +m[2]!, +(m[3] ?? 0)).getTime();
  }
  return undefined;
}
