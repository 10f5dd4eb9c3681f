import { describe, expect, it } from 'vitest';
import { ReminderSchema } from '../../../scripts-library/shared/schema';
import { DEFAULT_CHASE_LADDER, LADDER_KINDS } from '../../../scripts-library/shared/chase-ladder';
import {
  LATE_GRACE_MS,
  ladderPlan,
  chasePhraseId,
  delayParts,
  parseDelays,
  dueToNotify,
  nextAlarmAt,
  planLadder,
  stepState,
} from '../../../scripts-library/chase/reminders';

const NOW = Date.UTC(2026, 10, 23, 2, 0);

describe('planLadder', () => {
  const steps = planLadder({ now: NOW, ladder: DEFAULT_CHASE_LADDER, site: 'demo', buyerId: 'b1', buyerName: '小美', tabId: 7 });

  it('schedules the seeds\' ladder: 15 min, 24 h, 48 h, 72 h after the start, each with its chase phrase', () => {
    expect(steps.map((s) => (s.dueAt - NOW) / 60_000)).toEqual([15, 1440, 2880, 4320]);
    expect(steps.map((s) => s.phraseId)).toEqual(['payment-15min', 'payment-24h', 'payment-48h', 'payment-72h']);
    expect(steps.map((s) => s.step)).toEqual([0, 1, 2, 3]);
    expect(new Set(steps.map((s) => s.ladderId)).size).toBe(1);
    for (const s of steps) expect(ReminderSchema.parse(s)).toEqual(s); // what is stored is a valid record
  });

  it('is stable for the same start and sorts a ladder typed out of order', () => {
    expect(planLadder({ now: NOW, ladder: DEFAULT_CHASE_LADDER, site: 'demo', buyerId: 'b1' }).map((s) => s.id)).toEqual(steps.map((s) => s.id));
    expect(planLadder({ now: NOW, ladder: [2880, 15], site: 'demo', buyerId: 'b1' }).map((s) => s.minutes)).toEqual([15, 2880]);
  });
});

it.each([
  [15, 'payment-15min'],
  [0.05, 'payment-15min'],
  [720, 'payment-24h'],
  [1440, 'payment-24h'],
  [2880, 'payment-48h'],
  [4320, 'payment-72h'],
  [10080, 'payment-72h'],
])('a step %s minutes after ordering proposes %s', (minutes, id) => {
  expect(chasePhraseId(minutes)).toBe(id);
});

describe('what a stored step means now', () => {
  it.each([
    ['pending', NOW + 1, 'upcoming'],
    ['pending', NOW - 1, 'overdue'],
    ['fired', NOW - 1, 'due'],
    ['done', NOW - 1, 'done'],
    ['cancelled', NOW + 1, 'cancelled'],
  ] as const)('%s due at %s → %s', (status, dueAt, state) => {
    expect(stepState({ status, dueAt }, NOW)).toBe(state);
  });

  const rows = [
    { id: 'a', status: 'pending', dueAt: NOW + 60_000 },
    { id: 'e', status: 'pending', dueAt: NOW + 30_000 },
    { id: 'b', status: 'pending', dueAt: NOW - 60_000 },
    { id: 'old', status: 'pending', dueAt: NOW - 3 * 86_400_000 },
    { id: 'c', status: 'fired', dueAt: NOW + 10_000 },
    { id: 'd', status: 'cancelled', dueAt: NOW + 10_000 },
  ];

  it('one alarm: at the earliest pending step still ahead', () => {
    expect(nextAlarmAt(rows, NOW)).toBe(NOW + 30_000);
    expect(nextAlarmAt(rows.filter((r) => r.dueAt <= NOW), NOW)).toBeUndefined();
  });

  it('notifies what is due now, within the grace; a step days late is left to show as 已逾期', () => {
    expect(dueToNotify(rows, NOW).map((r) => r.id)).toEqual(['b']);
    expect(dueToNotify([{ id: 'x', status: 'pending', dueAt: NOW - LATE_GRACE_MS - 1 }], NOW)).toEqual([]);
  });

  it('labels delays in minutes, hours or days', () => {
    expect(delayParts(15)).toEqual(['15', 'min']);
    expect(delayParts(1440)).toEqual(['24', 'hour']);
    expect(delayParts(4320)).toEqual(['72', 'hour']);
    expect(delayParts(10080)).toEqual(['7', 'day']);
    expect(delayParts(0.05)).toEqual(['3', 'sec']);
  });
});

describe('follow-up ladders', () => {
  it('each kind names its steps and their phrases; 催付 keeps the agent\'s delays', () => {
    expect(ladderPlan('payment', [1440, 15])).toEqual([{ minutes: 15, phraseId: 'payment-15min' }, { minutes: 1440, phraseId: 'payment-24h' }]);
    expect(ladderPlan('no-order').map((s) => s.minutes)).toEqual([60, 1440]);
    expect(ladderPlan('late-shipping')[0]).toEqual({ minutes: 0, phraseId: 'followup-late-shipping' });
    // 中差评 takes effect after 3 days (seed 003): both steps come before that.
    expect(ladderPlan('bad-review').every((s) => s.minutes < 72 * 60)).toBe(true);
    expect(ladderPlan('after-sales').map((s) => s.minutes / 1440)).toEqual([3, 7]);
  });

  it('every step\'s phrase is in the default pack, and every phrase there is guard-clean', async () => {
    const pack = (await import('../../../scripts-library/packs/default.json')).default;
    const { checkDraft, DEFAULT_RULES } = await import('../../../scripts-library/guard');
    for (const kind of LADDER_KINDS) {
      for (const step of ladderPlan(kind)) {
        const phrase = pack.phrases.find((p) => p.id === step.phraseId);
        expect(phrase, step.phraseId).toBeDefined();
        expect(checkDraft(phrase!.body, DEFAULT_RULES).filter((h) => h.severity !== 'hint'), step.phraseId).toEqual([]);
      }
    }
  });

  it('a ladder counted from an order time the agent entered: steps already past are due at once', () => {
    const from = NOW - 30 * 60_000; // ordered half an hour ago
    const steps = planLadder({ now: NOW, from, kind: 'no-order', ladder: ladderPlan('no-order'), site: 'demo', buyerId: 'b1' });
    expect(steps.map((s) => s.dueAt - from)).toEqual([60 * 60_000, 1440 * 60_000]);
    expect(steps.every((s) => s.kind === 'no-order' && s.createdAt === NOW)).toBe(true);
    const late = planLadder({ now: NOW, from: NOW - 2 * 3600_000, kind: 'no-order', ladder: ladderPlan('no-order'), site: 'demo', buyerId: 'b1' });
    expect(stepState(late[0]!, NOW)).toBe('due'); // due when the ladder started: no alarm missed it (#29 item 12)
    expect(stepState(late[1]!, late[1]!.dueAt + 60_000)).toBe('overdue'); // its time came and no alarm rang
    expect(late[0]!.ladderId).not.toBe(steps[0]!.ladderId);
    for (const s of steps) expect(ReminderSchema.parse(s)).toEqual(s);
  });
});

// #29 item 21: the 催付 ladder typed and shown in human units; item 12: "at once" is no 「0 秒」.
describe('delays in human units', () => {
  it('reads what an agent types: minutes, hours, days, seconds, in Chinese or English units, or bare minutes', () => {
    expect(parseDelays('15分钟, 24小时, 48 小时，3天')).toEqual([15, 1440, 2880, 4320]);
    expect(parseDelays('15 min, 24h, 2 days, 30s')).toEqual([15, 1440, 2880, 0.5]);
    expect(parseDelays('15, 1440')).toEqual([15, 1440]);
    expect(parseDelays('15 1440 2880')).toEqual([15, 1440, 2880]);
    expect(parseDelays('15 分钟 24 小时')).toEqual([15, 1440]);
    expect(parseDelays('1.5小时')).toEqual([90]);
  });

  it.each(['', '15分钟, 甲', '0分钟', '-5分钟', '15 weeks', '24小时小时'])('refuses %j', (text) => {
    expect(parseDelays(text)).toBeNull();
  });

  it('a step due at once is "now", not 0 seconds', () => {
    expect(delayParts(0)).toEqual(['0', 'now']);
  });
});
