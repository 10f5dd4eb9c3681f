/** 服务统计本 in the database: atomic increments, so counts from several tabs or panels never get lost. */
import type { KefuDB } from '../db';
import { TallySchema, type Tally } from '../../scripts-library/schema';
import { tallyId } from '../../scripts-library/tally';

export type TallyField = 'consults' | 'conversions';

/**
 * Add `delta` to one counter of one agent/day/shift, never below zero. The read-modify-write happens inside one
 * IndexedDB transaction, which serialises concurrent increments.
 */
export async function increment(db: KefuDB, agent: string, day: string, shift: string, field: TallyField, delta = 1): Promise<Tally> {
  const id = tallyId(agent, day, shift);
  return db.transaction('rw', db.tally, async () => {
    const row = (await db.tally.get(id)) ?? TallySchema.parse({ id, agent, day, shift });
    const next = { ...row, [field]: Math.max(0, row[field] + delta) };
    await db.tally.put(next);
    return next;
  });
}

/** All rows of one agent for the given days. */
export async function tallyForDays(db: KefuDB, agent: string, days: readonly string[]): Promise<Tally[]> {
  return db.tally.where('[agent+day]').anyOf(days.map((d) => [agent, d])).toArray();
}
