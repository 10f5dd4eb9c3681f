/**
 * Payment-chase reminders (催付提醒), pure: the ladder of steps for one buyer, which phrase each step proposes,
 * and what a stored step means at a given moment. The seeds' ladder: 15 minutes after the order was placed, then
 * 24 h, 48 h and 72 h. schema.ts takes its defaults from here, so nothing here imports the schema.
 */
import { shortHash } from './hash';

/** Minutes after the order was placed. */
export const DEFAULT_CHASE_LADDER: number[] = [15, 24 * 60, 48 * 60, 72 * 60];

/**
 * The default library's chase phrase for a step's delay: the 15-minute one up to 12 h, then the 24 h, 48 h and
 * 72 h ones. A ladder the agent lengthened keeps proposing the last one.
 */
export function chasePhraseId(minutes: number): string {
  if (minutes < 12 * 60) return 'payment-15min';
  if (minutes < 36 * 60) return 'payment-24h';
  if (minutes < 60 * 60) return 'payment-48h';
  return 'payment-72h';
}

export interface LadderStep {
  id: string;
  ladderId: string;
  site: string;
  buyerId: string;
  buyerName?: string;
  tabId?: number;
  step: number;
  minutes: number;
  dueAt: number;
  status: 'pending';
  phraseId: string;
  createdAt: number;
}

/** The steps of one ladder started at `now` (ids are stable for the same start, so a double click adds nothing). */
export function planLadder(input: {
  now: number;
  ladder: readonly number[];
  site: string;
  buyerId: string;
  buyerName?: string;
  tabId?: number;
}): LadderStep[] {
  const ladderId = `chase-${input.now.toString(36)}-${shortHash(`${input.site}|${input.buyerId}`)}`;
  return [...input.ladder]
    .sort((a, b) => a - b)
    .map((minutes, step) => ({
      id: `${ladderId}-${step}`,
      ladderId,
      site: input.site,
      buyerId: input.buyerId,
      ...(input.buyerName ? { buyerName: input.buyerName } : {}),
      ...(input.tabId !== undefined ? { tabId: input.tabId } : {}),
      step,
      minutes,
      dueAt: input.now + Math.round(minutes * 60_000),
      status: 'pending' as const,
      phraseId: chasePhraseId(minutes),
      createdAt: input.now,
    }));
}

export type StepState = 'upcoming' | 'overdue' | 'due' | 'done' | 'cancelled';

/**
 * What a stored step means now: `due` = its notification fired and the agent has not chased yet; `overdue` =
 * still pending although its time passed (the browser was closed, so no alarm fired).
 */
export function stepState(r: { status: string; dueAt: number }, now: number): StepState {
  if (r.status === 'fired') return 'due';
  if (r.status === 'done') return 'done';
  if (r.status === 'cancelled') return 'cancelled';
  return r.dueAt <= now ? 'overdue' : 'upcoming';
}

/** A step still waiting for the agent (pending or fired). */
export const isActive = (r: { status: string }) => r.status === 'pending' || r.status === 'fired';

/** The storage.session key the background sets when the agent clicks a chase notification (the step id). */
export const CHASE_FOCUS_KEY = 'chaseFocus';

/** The name of a step's alarm, and back. */
export const ALARM_PREFIX = 'chase:';
export const alarmName = (reminderId: string) => ALARM_PREFIX + reminderId;
export const reminderIdOfAlarm = (name: string) => (name.startsWith(ALARM_PREFIX) ? name.slice(ALARM_PREFIX.length) : null);

/**
 * ONE alarm stands for every pending step: it rings at the earliest one still in the future and is set again
 * after each ring. (Chrome keeps at most 500 alarms per extension: one per step stopped arming at ~130 buyers.)
 */
export const NEXT_ALARM = `${ALARM_PREFIX}next`;

/** How late a step may still be notified. An alarm Chrome delivers at start-up for a step that fell due while
 *  the browser was closed is days late: that step is shown as 已逾期 in the panel, never notified in a burst. */
export const LATE_GRACE_MS = 2 * 60_000;

type Step = { id: string; status: string; dueAt: number };

/** When the one alarm should ring: the earliest pending step still in the future (undefined: none). */
export function nextAlarmAt(reminders: readonly Step[], now: number): number | undefined {
  let next: number | undefined;
  for (const r of reminders) if (r.status === 'pending' && r.dueAt > now && (next === undefined || r.dueAt < next)) next = r.dueAt;
  return next;
}

/** The steps to notify when the alarm rings: pending, due, and not later than the grace. */
export function dueToNotify<T extends Step>(reminders: readonly T[], now: number): T[] {
  return reminders.filter((r) => r.status === 'pending' && r.dueAt <= now + 1000 && r.dueAt >= now - LATE_GRACE_MS);
}

/** "15 分钟" / "24 小时" / "7 天" style label parts for a delay: [value, unit]. */
export function delayParts(minutes: number): [string, 'sec' | 'min' | 'hour' | 'day'] {
  const trim = (n: number) => String(Math.round(n * 10) / 10);
  if (minutes < 1) return [trim(minutes * 60), 'sec']; // only a ladder shortened for a try-out
  if (minutes < 60) return [trim(minutes), 'min'];
  if (minutes <= 72 * 60) return [trim(minutes / 60), 'hour'];
  return [trim(minutes / 1440), 'day'];
}
