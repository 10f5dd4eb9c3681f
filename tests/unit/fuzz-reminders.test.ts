/**
 * Hostile follow-up ladders (#30 N7, #29 items 12 and 21): whatever start time, delays or ladder kind reach
 * startChase, it refuses with a clear reason and stores nothing, or stores steps the restore takes; the ladder
 * typed in ⚙ is read as positive delays or refused; a stored step of any shape is read without a throw.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { KefuDB } from '../../storage/db';
import { freshDbPerTest } from '../helpers/db';
import { startChase } from '../../storage/repositories/reminders';
import { exportBackup, parseBackup } from '../../storage/backup';
import { delayParts, dueToNotify, ladderPlan, nextAlarmAt, parseDelays, stepState } from '../../scripts-library/chase/reminders';
import { LADDER_KINDS, type LadderKind } from '../../scripts-library/shared/chase-ladder';
import { ReminderSchema, SettingsSchema } from '../../scripts-library/shared/schema';

const freshDb = freshDbPerTest('fuzz-reminders');
let db: KefuDB;
beforeEach(() => {
  db = freshDb();
});
const NOW = Date.now();
const clear = (text: string) => {
  expect(text.length).toBeGreaterThan(3);
  expect(text).not.toMatch(/(?<!received )undefined|\[object|at .+\(.+:\d+:\d+\)/);
};

const FROMS: [string, number | undefined][] = [
  ['none', undefined],
  ['now', NOW],
  ['an hour ago', NOW - 3_600_000],
  ['364 days ago', NOW - 364 * 86_400_000],
  ['the year 0202', new Date('0202-12-06T10:00:00').getTime()],
  ['the year 1969', new Date('1969-12-31T23:00:00').getTime()],
  ['-1', -1],
  ['0', 0],
  ['NaN', Number.NaN],
  ['Infinity', Number.POSITIVE_INFINITY],
  ['-Infinity', Number.NEGATIVE_INFINITY],
  ['tomorrow', NOW + 86_400_000],
  ['the year 275760', 8.64e15],
  ['a fraction of a millisecond ago', NOW - 0.5],
];
const LADDERS: [string, number[]][] = [
  ['the default', [15, 1440, 2880, 4320]],
  ['one step', [15]],
  ['seconds', [0.5]],
  ['thirty days', [30 * 1440]],
  ['no steps', []],
  ['zero', [0]],
  ['negative', [-15]],
  ['NaN', [Number.NaN]],
  ['Infinity', [Number.POSITIVE_INFINITY]],
  ['a thousand years', [1440 * 365 * 1000]],
];

describe('startChase with hostile input', () => {
  const cases = FROMS.flatMap(([f, from]) => LADDERS.flatMap(([l, ladder]) => LADDER_KINDS.map((kind): [string, number | undefined, number[], LadderKind] => [`${kind} from ${f}, ${l}`, from, ladder, kind])));
  it(`takes ${cases.length} combinations`, () => expect(cases.length).toBeGreaterThanOrEqual(500));

  it('each refuses with a clear reason and stores nothing, or stores steps the restore takes', async () => {
    for (const [label, from, ladder, kind] of cases) {
      await db.reminders.clear();
      let error: unknown;
      try {
        await startChase(db, { site: 'demo', buyerId: 'b1' }, ladder, NOW, { kind, from });
      } catch (e) {
        error = e;
      }
      const stored = await db.reminders.toArray();
      if (error) {
        clear(error instanceof Error ? error.message : String(error));
        expect(stored, label).toEqual([]);
      } else {
        for (const r of stored) expect(ReminderSchema.safeParse(r).success, label).toBe(true);
      }
    }
    expect(parseBackup(await exportBackup(db))).toMatchObject({ ok: true, rejected: [] });
  }, 120_000);
});

function prng(seed: number) {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s ^ (s >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0) / 2 ** 32);
}

describe('the ladder typed in ⚙', () => {
  const TEXTS = ['', ' ', ',,,', '15', '15,', '１５分钟', '15分钟分钟', '1e3', '0x10', 'Infinity', '-15', '15 weeks', '15\u0000', '🙂', '15分钟, ', '９９９９９９９９９９天', '0.0001秒', '1'.repeat(400), '15 分 钟'];
  it.each(TEXTS)('%j is read as positive delays or refused', (text) => {
    const out = parseDelays(text);
    if (out) for (const m of out) expect(m > 0 && Number.isFinite(m)).toBe(true);
  });

  it('2,000 random strings of digits, units and separators: never a throw; what is read, ⚙ saves only within its limits', () => {
    const rand = prng(21);
    const parts = ['1', '5', '0', '.', ' ', ',', '，', '、', '分钟', '小时', '天', '秒', 'min', 'h', 'd', 's', '-', 'x', '\n', '９'];
    for (let i = 0; i < 2000; i++) {
      const text = Array.from({ length: 1 + Math.floor(rand() * 12) }, () => parts[Math.floor(rand() * parts.length)]).join('');
      const out = parseDelays(text);
      if (!out) continue;
      for (const m of out) expect(m > 0 && Number.isFinite(m), text).toBe(true);
      const saved = SettingsSchema.shape.chaseLadder.safeParse(out);
      if (saved.success) for (const step of ladderPlan('payment', saved.data)) expect(step.minutes).toBeGreaterThan(0);
    }
  });
});

describe('stored steps of any shape', () => {
  const WEIRD: unknown[] = [undefined, null, -1, 0, Number.NaN, Number.POSITIVE_INFINITY, 8.64e15, '', 'pending', 'fired', 'done', 'cancelled', 'snoozed', {}];
  it('stepState, nextAlarmAt, dueToNotify and delayParts never throw and say something sensible', () => {
    const rand = prng(12);
    const pick = () => WEIRD[Math.floor(rand() * WEIRD.length)];
    const steps = Array.from({ length: 300 }, (_, i) => ({ id: `s${i}`, status: pick() as string, dueAt: pick() as number, createdAt: pick() as number }));
    for (const s of steps) expect(['upcoming', 'overdue', 'due', 'done', 'cancelled']).toContain(stepState(s, NOW));
    const next = nextAlarmAt(steps, NOW);
    if (next !== undefined) expect(next).toBeGreaterThan(NOW);
    for (const s of dueToNotify(steps, NOW)) expect(s.status).toBe('pending');
    for (const m of [0, -5, 0.01, 59, 60, 4320, 4321, Number.NaN]) expect(typeof delayParts(m)[0]).toBe('string');
  });
});
