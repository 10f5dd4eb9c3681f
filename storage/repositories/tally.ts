/** 服务统计本 in the database: atomic increments, so counts from several tabs or panels never get lost. */
import type { KefuDB } from '../db';
import { ConsultSeenSchema, TallySchema, type Tally } from '../../scripts-library/shared/schema';
import { tallyId } from '../../scripts-library/tally/tally';

export type TallyField = 'consults' | 'autoConsults' | 'conversions' | 'refunds' | 'badReviews';

/**
 * Add `delta` to one counter of one agent/day/shift, never below zero. The read-modify-write happens inside one
 * IndexedDB transaction, which serialises concurrent increments.
 */
export async function increment(db: KefuDB, agent: string, day: string, shift: string, field: TallyField, delta = 1): Promise<Tally> {
  const id = tallyId(agent, day, shift);
  return db.transaction('rw', db.tally, async () => {
    const row = (await db.tally.get(id)) ?? TallySchema.parse({ id, agent, day, shift });
    const next = { ...row, [field]: Math.max(0, row[field] + delta) };
    // Taking a sale back never leaves more priced sales than sales.
    if (field === 'conversions') next.pricedSales = Math.min(next.pricedSales ?? 0, next.conversions);
    await db.tally.put(next);
    return next;
  });
}

/** All rows of one agent for the given days. */
export async function tallyForDays(db: KefuDB, agent: string, days: readonly string[]): Promise<Tally[]> {
  return db.tally.where('[agent+day]').anyOf(days.map((d) => [agent, d])).toArray();
}

/** Settings rows `consultSeen:<day>` hold the buyers already counted on that day. */
const SEEN = 'consultSeen:';

/** `2026-12-01` → `2026-11-30`. */
function dayBefore(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

/**
 * Automatic consult count: the first time a buyer's conversation is opened on a day counts one consult (once per
 * buyer per day). The "seen" list and the counter change in one transaction, so two tabs cannot count twice.
 * @returns whether a consult was counted.
 */
export async function recordConsultOnce(
  db: KefuDB,
  agent: string,
  day: string,
  shift: string,
  buyerKey: string,
): Promise<boolean> {
  const key = `${SEEN}${day}`;
  return db.transaction('rw', db.tally, db.settings, async () => {
    // Read through its schema (#30 N10): a restored or damaged row that is not a list counts as nobody seen yet.
    const stored = ConsultSeenSchema.safeParse((await db.settings.get(key))?.value ?? []);
    const seen = stored.success ? stored.data : [];
    if (seen.includes(buyerKey)) return false;
    // The first buyer of a day: the lists of days before yesterday are no longer needed (a night shift may
    // still be counting yesterday's).
    if (!seen.length) await db.settings.where('key').between(SEEN, `${SEEN}${dayBefore(day)}`).delete();
    await db.settings.put({ key, value: [...seen, buyerKey] });
    await increment(db, agent, day, shift, 'autoConsults');
    return true;
  });
}

/**
 * One sale (成交 +1), with the order amount when the agent typed one (for 客单价). Counter and amount change in
 * one transaction.
 */
export async function addSale(db: KefuDB, agent: string, day: string, shift: string, amount = 0): Promise<Tally> {
  if (!Number.isFinite(amount) || amount < 0) throw new RangeError('amount must be a non-negative number');
  const id = tallyId(agent, day, shift);
  return db.transaction('rw', db.tally, async () => {
    const row = (await db.tally.get(id)) ?? TallySchema.parse({ id, agent, day, shift });
    const next = {
      ...row,
      conversions: row.conversions + 1,
      amount: Math.round((row.amount + amount) * 100) / 100,
      pricedSales: (row.pricedSales ?? 0) + (amount > 0 ? 1 : 0),
    };
    await db.tally.put(next);
    return next;
  });
}

/**
 * 询单 / 成交 ±1 as the header buttons and the Alt+X / Alt+C hotkeys (panel and chat page) count them: a sale
 * counted this way has no amount; taking one back is a plain decrement.
 */
export function countOne(db: KefuDB, agent: string, day: string, shift: string, field: 'consults' | 'conversions', delta: number): Promise<Tally> {
  return field === 'conversions' && delta > 0 ? addSale(db, agent, day, shift) : increment(db, agent, day, shift, field, delta);
}

/** Every tally row of one agent (the CSV export). */
export function tallyOf(db: KefuDB, agent: string): Promise<Tally[]> {
  return db.tally.filter((r) => r.agent === agent).toArray();
}
