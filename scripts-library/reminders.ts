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
 * Which alarms should exist: one per pending step still in the future. Pending steps already past are left for
 * the panel to show as overdue (firing them all at once after a restart would bury the agent in notifications).
 */
export function alarmsToSchedule<T extends { id: string; status: string; dueAt: number }>(reminders: readonly T[], now: number): T[] {
  return reminders.filter((r) => r.status === 'pending' && r.dueAt > now);
}

/** "15 分钟" / "24 小时" / "7 天" style label parts for a delay: [value, unit]. */
export function delayParts(minutes: number): [string, 'sec' | 'min' | 'hour' | 'day'] {
  const trim = (n: number) => String(Math.round(n * 10) / 10);
  if (minutes < 1) return [trim(minutes * 60), 'sec']; // only a ladder shortened for a try-out
  if (minutes < 60) return [trim(minutes), 'min'];
  if (minutes <= 72 * 60) return [trim(minutes / 60), 'hour'];
  return [trim(minutes / 1440), 'day'];
}
