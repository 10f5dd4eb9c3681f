/** 催付提醒 in the database. Every change of a ladder happens in one transaction. */
import type { KefuDB } from '../db';
import type { Phrase, Reminder } from '../../scripts-library/schema';
import { isActive, planLadder } from '../../scripts-library/reminders';

/** Steps still waiting (pending or fired), soonest first. */
export async function activeReminders(db: KefuDB): Promise<Reminder[]> {
  const rows = await db.reminders.where('status').anyOf('pending', 'fired').toArray();
  return rows.sort((a, b) => a.dueAt - b.dueAt);
}

const sameBuyer = (site: string, buyerId: string) => (r: Reminder) => r.site === site && r.buyerId === buyerId;

/**
 * Start the chase ladder for a buyer. A buyer who already has an active ladder keeps it (a second click adds
 * nothing). @returns the buyer's active steps.
 */
export async function startChase(
  db: KefuDB,
  input: { site: string; buyerId: string; buyerName?: string; tabId?: number },
  ladder: readonly number[],
  now = Date.now(),
): Promise<Reminder[]> {
  return db.transaction('rw', db.reminders, async () => {
    const existing = (await activeReminders(db)).filter(sameBuyer(input.site, input.buyerId));
    if (existing.length) return existing;
    const steps: Reminder[] = planLadder({ ...input, now, ladder });
    await db.reminders.bulkAdd(steps);
    return steps;
  });
}

/** 已付款: the buyer paid, so every remaining step of their ladder is cancelled. @returns how many. */
export async function markPaid(db: KefuDB, site: string, buyerId: string): Promise<number> {
  return db.transaction('rw', db.reminders, async () => {
    const open = (await db.reminders.where('status').anyOf('pending', 'fired').toArray()).filter(sameBuyer(site, buyerId));
    await db.reminders.bulkPut(open.map((r) => ({ ...r, status: 'cancelled' as const })));
    return open.length;
  });
}

/** An alarm went off: pending → fired. @returns the step, or null when it is no longer pending (paid meanwhile). */
export async function fireReminder(db: KefuDB, id: string): Promise<Reminder | null> {
  return db.transaction('rw', db.reminders, async () => {
    const r = await db.reminders.get(id);
    if (!r || r.status !== 'pending') return null;
    const fired = { ...r, status: 'fired' as const };
    await db.reminders.put(fired);
    return fired;
  });
}

/** The agent chased (inserted the step's phrase): the step is done. */
export async function completeStep(db: KefuDB, id: string): Promise<void> {
  await db.transaction('rw', db.reminders, async () => {
    const r = await db.reminders.get(id);
    if (r && isActive(r)) await db.reminders.put({ ...r, status: 'done' });
  });
}

/** A step with the phrase it sends, when both still exist. */
export async function stepWithPhrase(db: KefuDB, id: string): Promise<{ step: Reminder; phrase: Phrase } | undefined> {
  const step = await db.reminders.get(id);
  const phrase = step?.phraseId ? await db.phrases.get(step.phraseId) : undefined;
  return step && phrase ? { step, phrase } : undefined;
}

/** One step by id. */
export function getReminder(db: KefuDB, id: string): Promise<Reminder | undefined> {
  return db.reminders.get(id);
}
