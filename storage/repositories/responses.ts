/** Response times in the database: one row per measured reply, written by the background, read by the tally view. */
import type { KefuDB } from '../db';
import { TallySchema, type ResponseRecord } from '../../scripts-library/shared/schema';
import { tallyId } from '../../scripts-library/tally/tally';
import { withResponse } from '../../scripts-library/tally/kpi';

/** Longest wait kept as a response: a buyer answered after half a day was not "responded to" in a shift. */
export const MAX_RESPONSE_MS = 12 * 3600_000;

/**
 * Record one reply, and add it to the sums of its tally row (day and shift) in the same transaction. The first
 * reply to a buyer on a work day is their 首次响应. A report that arrives twice (two frames, a retry) is stored
 * and counted once: the id is the buyer and the moment their wait began.
 * @returns the stored row, or null when the wait is impossible (reply before the message, longer than 12 h).
 */
export async function recordResponse(
  db: KefuDB,
  input: { agent: string; day: string; shift: string; site: string; buyer: string; buyerAt: number; repliedAt: number },
): Promise<ResponseRecord | null> {
  const ms = Math.round(input.repliedAt - input.buyerAt);
  if (!(ms >= 0 && ms <= MAX_RESPONSE_MS)) return null;
  const id = `${input.buyer}|${input.buyerAt}`;
  return db.transaction('rw', db.responses, db.tally, async () => {
    const existing = await db.responses.get(id);
    if (existing) return existing;
    const earlier = await db.responses.where('[agent+day]').equals([input.agent, input.day]).filter((r) => r.buyer === input.buyer).count();
    const row: ResponseRecord = { id, ...input, ms, first: earlier === 0 };
    await db.responses.add(row);
    const key = tallyId(input.agent, input.day, input.shift);
    const tally = (await db.tally.get(key)) ?? TallySchema.parse({ id: key, agent: input.agent, day: input.day, shift: input.shift });
    await db.tally.put({ ...tally, ...withResponse(tally, ms, row.first) });
    return row;
  });
}
