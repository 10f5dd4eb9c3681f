/**
 * The self-check (#33 item 6): a matched console (a known adapter, or one taught by pointing) that stops yielding
 * a field it reads — no reply box, no buyer, no messages — for {@link MISSING_AFTER_MS} while the tab is visible
 * is named in the panel, and each such miss is counted per site, field and day (kept locally, never sent).
 */
import { MISS_FIELDS, type MissField } from '../shared/taught-site';

export { MISS_FIELDS, type MissField } from '../shared/taught-site';

/** How long a field must be missing, with the tab visible, before it is named. */
export const MISSING_AFTER_MS = 20_000;

export interface Look {
  /** Which fields this console's adapter reads at all (a field it never reads is never missing). */
  expects: Readonly<Record<MissField, boolean>>;
  /** What the page yielded this time. */
  found: Readonly<Record<MissField, boolean>>;
  visible: boolean;
  now: number;
}

/**
 * Follows one page. The buyer and the messages are only expected while a reply box is found (no conversation
 * open: nothing to read); a hidden tab pauses the clock (the console may not render in the background).
 */
export class SelfCheck {
  private since = new Map<MissField, number>();
  private named = new Set<MissField>();

  /** The fields missing long enough now, and those that just became so (to count once per stretch). */
  look({ expects, found, visible, now }: Look): { missing: MissField[]; began: MissField[] } {
    const began: MissField[] = [];
    for (const field of MISS_FIELDS) {
      const expected = expects[field] && (field === 'replyBox' || found.replyBox);
      if (!expected || found[field]) {
        this.since.delete(field);
        this.named.delete(field);
        continue;
      }
      if (!visible) {
        if (!this.named.has(field)) this.since.delete(field);
        continue;
      }
      const start = this.since.get(field) ?? now;
      this.since.set(field, start);
      if (now - start >= MISSING_AFTER_MS && !this.named.has(field)) {
        this.named.add(field);
        began.push(field);
      }
    }
    return { missing: MISS_FIELDS.filter((f) => this.named.has(f)), began };
  }
}

/** Misses per site pattern, field and local day (`YYYY-MM-DD`): settings `fieldMisses`. */
export type FieldMisses = Record<string, Record<string, Record<string, number>>>;

export function localDay(at: number): string {
  const d = new Date(at);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** One more miss of `field` on `site` today; days older than 30 are dropped, at most 100 sites kept. */
export function addMiss(misses: FieldMisses, site: string, field: MissField, now: number): FieldMisses {
  const oldest = localDay(now - 30 * 86_400_000);
  const next: FieldMisses = {};
  for (const [s, fields] of Object.entries(misses)) {
    const kept: Record<string, Record<string, number>> = {};
    for (const [f, days] of Object.entries(fields)) {
      const recent = Object.fromEntries(Object.entries(days).filter(([day]) => day >= oldest));
      if (Object.keys(recent).length) kept[f] = recent;
    }
    if (Object.keys(kept).length) next[s] = kept;
  }
  const day = localDay(now);
  const days = { ...(next[site]?.[field] ?? {}) };
  days[day] = (days[day] ?? 0) + 1;
  next[site] = { ...(next[site] ?? {}), [field]: days };
  const sites = Object.keys(next);
  return sites.length > 100 ? Object.fromEntries(sites.slice(-100).map((s) => [s, next[s]!])) : next;
}

/** How many times each field was missed on `site` in the last `days` days (today included), fields with none left out. */
export function recentMisses(misses: FieldMisses, site: string, now: number, days = 7): Partial<Record<MissField, number>> {
  const oldest = localDay(now - (days - 1) * 86_400_000);
  const out: Partial<Record<MissField, number>> = {};
  for (const field of MISS_FIELDS) {
    const n = Object.entries(misses[site]?.[field] ?? {}).reduce((sum, [day, count]) => (day >= oldest ? sum + count : sum), 0);
    if (n) out[field] = n;
  }
  return out;
}
