/**
 * Payment-chase reminders (催付提醒), pure: the ladder of steps for one buyer, which phrase each step proposes,
 * and what a stored step means at a given moment. The seeds' ladder: 15 minutes after the order was placed, then
 * 24 h, 48 h and 72 h. The kinds and the default ladder are the
 * settings' (shared/chase-ladder.ts).
 */
import { shortHash } from '../shared/hash';
import { DEFAULT_CHASE_LADDER, type LadderKind } from '../shared/chase-ladder';

export interface LadderStepPlan {
  minutes: number;
  phraseId: string;
}

/**
 * The follow-up ladders. 催付 (payment) takes its delays from ⚙ settings; the others are fixed by the seeds:
 * 咨询未下单 (a buyer asked and did not order: an hour later, then the next day), 发货延迟致歉 (at once, then the
 * next day if it still has not shipped), 中差评跟进 (day 1 and day 2, both before the 3-day mark: a 中差评 takes
 * effect after 3 days, seed 003), 售后回访 (3 and 7 days after delivery). Each step names its phrase.
 */
export const FOLLOW_UP_LADDERS: Record<Exclude<LadderKind, 'payment'>, readonly LadderStepPlan[]> = {
  'no-order': [
    { minutes: 60, phraseId: 'followup-no-order' },
    { minutes: 24 * 60, phraseId: 'payment-consulted' },
  ],
  'late-shipping': [
    { minutes: 0, phraseId: 'followup-late-shipping' },
    { minutes: 24 * 60, phraseId: 'followup-late-shipping-next-day' },
  ],
  'bad-review': [
    { minutes: 0, phraseId: 'aftersales-bad-review' },
    { minutes: 24 * 60, phraseId: 'followup-bad-review-day2' },
  ],
  'after-sales': [
    { minutes: 3 * 24 * 60, phraseId: 'aftersales-follow-up' },
    { minutes: 7 * 24 * 60, phraseId: 'followup-after-sales-week' },
  ],
};

/** The steps of a ladder kind: 催付 from the agent's delays (`chaseLadder`), the others as planned above. */
export function ladderPlan(kind: LadderKind, chaseLadder: readonly number[] = DEFAULT_CHASE_LADDER): LadderStepPlan[] {
  if (kind === 'payment') return [...chaseLadder].sort((a, b) => a - b).map((minutes) => ({ minutes, phraseId: chasePhraseId(minutes) }));
  return [...FOLLOW_UP_LADDERS[kind]];
}

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
  kind: LadderKind;
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

/**
 * The steps of one ladder started at `now`, or at `from` (the order time the agent entered: steps already past
 * then are due at once). Ids are stable for the same start, so a double click adds nothing. `ladder` is either
 * the 催付 delays in minutes or a planned ladder.
 */
export function planLadder(input: {
  now: number;
  from?: number;
  kind?: LadderKind;
  ladder: readonly number[] | readonly LadderStepPlan[];
  site: string;
  buyerId: string;
  buyerName?: string;
  tabId?: number;
}): LadderStep[] {
  const kind = input.kind ?? 'payment';
  const start = input.from ?? input.now;
  const prefix = kind === 'payment' ? 'chase' : kind;
  const ladderId = `${prefix}-${start.toString(36)}-${shortHash(`${input.site}|${input.buyerId}`)}`;
  const steps = input.ladder.map((s) => (typeof s === 'number' ? { minutes: s, phraseId: chasePhraseId(s) } : s));
  return steps
    .sort((a, b) => a.minutes - b.minutes)
    .map(({ minutes, phraseId }, step) => ({
      id: `${ladderId}-${step}`,
      ladderId,
      kind,
      site: input.site,
      buyerId: input.buyerId,
      ...(input.buyerName ? { buyerName: input.buyerName } : {}),
      ...(input.tabId !== undefined ? { tabId: input.tabId } : {}),
      step,
      minutes,
      dueAt: start + Math.round(minutes * 60_000),
      status: 'pending' as const,
      phraseId,
      createdAt: input.now,
    }));
}

/** How far back a ladder may be counted from (an order, shipping or review time the agent read): a year. */
export const FOLLOW_FROM_MAX_AGE_MS = 366 * 86_400_000;
export type FromProblem = 'invalid' | 'future' | 'too-old';

/**
 * Why a ladder cannot count from `from`: not a time, in the future, or more than a year back (the date field takes
 * the year 0202, whose negative times made every later backup unrestorable, #30 N7).
 */
export function followFromProblem(from: number, now: number): FromProblem | undefined {
  if (!Number.isFinite(from)) return 'invalid';
  if (from > now + 60_000) return 'future';
  if (from < now - FOLLOW_FROM_MAX_AGE_MS) return 'too-old';
  return undefined;
}

export type StepState = 'upcoming' | 'overdue' | 'due' | 'done' | 'cancelled';

/**
 * What a stored step means now: `due` = its notification fired, or it was due when its ladder started (an at-once
 * step, or one already past the time the ladder counts from: no alarm is set for it), and the agent has not
 * chased yet; `overdue` = still pending although its time passed after the ladder started (the browser was
 * closed, so no alarm fired).
 */
export function stepState(r: { status: string; dueAt: number; createdAt?: number }, now: number): StepState {
  if (r.status === 'fired') return 'due';
  if (r.status === 'done') return 'done';
  if (r.status === 'cancelled') return 'cancelled';
  if (r.createdAt !== undefined && r.createdAt > 0 && r.dueAt <= r.createdAt + 1000) return 'due';
  return r.dueAt > now ? 'upcoming' : 'overdue';
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

/** "15 分钟" / "24 小时" / "7 天" style label parts for a delay: [value, unit]; a step due at once is 'now'. */
export function delayParts(minutes: number): [string, 'now' | 'sec' | 'min' | 'hour' | 'day'] {
  const trim = (n: number) => String(Math.round(n * 10) / 10);
  if (minutes <= 0) return ['0', 'now'];
  if (minutes < 1) return [trim(minutes * 60), 'sec']; // only a ladder shortened for a try-out
  if (minutes < 60) return [trim(minutes), 'min'];
  if (minutes <= 72 * 60) return [trim(minutes / 60), 'hour'];
  return [trim(minutes / 1440), 'day'];
}

/** Minutes per unit an agent may type after a delay (a bare number is minutes, as the ladder was typed before). */
const UNIT_MINUTES: readonly [RegExp, number][] = [
  [/^(秒|秒钟|s|sec|secs|seconds?)$/, 1 / 60],
  [/^(|分|分钟|m|min|mins|minutes?)$/, 1],
  [/^(时|小时|个小时|h|hr|hrs|hours?)$/, 60],
  [/^(天|日|d|days?)$/, 1440],
];

/**
 * A ladder as the agent types it — "15分钟, 24小时, 48小时, 72小时", "15 min, 24 h, 3 days", or bare minutes
 * "15, 1440" — as minutes; null when any part is not a positive delay.
 */
export function parseDelays(text: string): number[] | null {
  const parts = text.split(/[,，、;；\n]+|\s+(?=\d)/).map((p) => p.trim()).filter(Boolean);
  if (!parts.length) return null;
  const out: number[] = [];
  for (const part of parts) {
    const m = /^(\d+(?:\.\d+)?)\s*([^\d\s.]*)$/.exec(part.toLowerCase());
    const unit = m && UNIT_MINUTES.find(([re]) => re.test(m[2]!));
    const minutes = m && unit ? Math.round(Number(m[1]) * unit[1] * 1000) / 1000 : NaN;
    if (!(minutes > 0) || !Number.isFinite(minutes)) return null; // rounded first: 0.0001秒 is no delay
    out.push(minutes);
  }
  return out;
}
