import { beforeEach, describe, expect, it } from 'vitest';
import { KefuDB } from '../../../storage/db';
import { freshDbPerTest } from '../../helpers/db';
import { increment, tallyForDays } from '../../../storage/repositories/tally';

const freshDb = freshDbPerTest();
let db: KefuDB;
beforeEach(async () => {
  db = freshDb();
});

describe('tally repository', () => {
  it('never loses a count under concurrent increments', async () => {
    await Promise.all(Array.from({ length: 200 }, () => increment(db, '小王', '2026-11-23', 'day', 'consults')));
    expect((await db.tally.get('小王|2026-11-23|day'))?.consults).toBe(200);
  });

  it('corrects with −1 but never goes below zero, and keeps agents and shifts apart', async () => {
    await increment(db, '小王', '2026-11-23', 'day', 'conversions');
    await increment(db, '小王', '2026-11-23', 'day', 'conversions', -1);
    await increment(db, '小王', '2026-11-23', 'day', 'conversions', -1);
    await increment(db, '小李', '2026-11-23', 'night', 'consults');
    const rows = await tallyForDays(db, '小王', ['2026-11-23']);
    expect(rows).toEqual([{ id: '小王|2026-11-23|day', agent: '小王', day: '2026-11-23', shift: 'day', consults: 0, conversions: 0, amount: 0 }]);
  });
});
