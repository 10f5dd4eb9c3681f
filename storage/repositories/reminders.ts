/** 催付提醒 in the database. Every change of a ladder happens in one transaction. */
import type { KefuDB } from '../db';
import { ReminderSchema, type Phrase, type Reminder } from '../../scripts-library/shared/schema';
import { followFromProblem, isActive, ladderPlan, planLadder, type FromProblem } from '../../scripts-library/chase/reminders';
import type { LadderKind } from '../../scripts-library/shared/chase-ladder';

const FROM_PROBLEM_TEXT: Record<FromProblem, string> = {
  invalid: '起算时间不是有效的时间',
  future: '起算时间不能晚于现在',
  'too-old': '起算时间不能早于一年前',
};

/** Steps still waiting (pending or fired), soonest first. */
export async function activeReminders(db: KefuDB): Promise<Reminder[]> {
  const rows = await db.reminders.where('status').anyOf('pending', 'fired').toArray();
  return rows.sort((a, b) => a.dueAt - b.dueAt);
}

const sameBuyer = (site: string, buyerId: string) => (r: Reminder) => r.site === site && r.buyerId === buyerId;

/**
 * Start a follow-up ladder for a buyer (催付 by default, with the agent's delays). A buyer who already has an
 * active ladder of that kind keeps it (a second click adds nothing); ladders of other kinds run side by side.
 * `from`: the order time the agent entered (steps already past are due at once). @returns the ladder's active steps.
 */
export async function startChase(
  db: KefuDB,
  input: { site: string; buyerId: string; buyerName?: string; tabId?: number },
  ladder: readonly number[],
  now = Date.now(),
  options: { kind?: LadderKind; from?: number } = {},
): Promise<Reminder[]> {
  const kind = options.kind ?? 'payment';
  const problem = options.from === undefined ? undefined : followFromProblem(options.from, now);
  if (problem) throw new RangeError(FROM_PROBLEM_TEXT[problem]);
  return db.transaction('rw', db.reminders, async () => {
    const existing = (await activeReminders(db)).filter((r) => sameBuyer(input.site, input.buyerId)(r) && r.kind === kind);
    if (existing.length) return existing;
    // Through the record schema the backup restore uses: what is stored here always restores.
    const steps: Reminder[] = planLadder({ ...input, now, kind, from: options.from, ladder: ladderPlan(kind, ladder) }).map((s) => ReminderSchema.parse(s));
    await db.reminders.bulkAdd(steps);
    return steps;
  });
}

/**
 * The buyer did what the ladder waited for (已付款 for 催付, 已下单, 已处理…): every remaining step of their ladder
 * of that kind is cancelled. @returns how many.
 */
export async function markPaid(db: KefuDB, site: string, buyerId: string, kind: LadderKind = 'payment'): Promise<number> {
  return db.transaction('rw', db.reminders, async () => {
    const open = (await db.reminders.where('status').anyOf('pending', 'fired').toArray()).filter((r) => sameBuyer(site, buyerId)(r) && r.kind === kind);
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
