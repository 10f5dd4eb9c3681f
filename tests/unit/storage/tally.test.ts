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
    expect(rows).toEqual([{ id: '小王|2026-11-23|day', agent: '小王', day: '2026-11-23', shift: 'day', consults: 0, autoConsults: 0, conversions: 0, amount: 0, pricedSales: 0, refunds: 0, badReviews: 0, responses: 0, responseMs: 0, firstResponses: 0, firstResponseMs: 0, fastResponses: 0 }]);
  });
});

describe('automatic consult count', () => {
  it('counts a buyer once per day, even when several tabs report at once', async () => {
    const { recordConsultOnce } = await import('../../../storage/repositories/tally');
    const results = await Promise.all(Array.from({ length: 10 }, () => recordConsultOnce(db, '小王', '2026-11-23', 'day', 'demo|b1')));
    expect(results.filter(Boolean)).toHaveLength(1);
    expect(await recordConsultOnce(db, '小王', '2026-11-23', 'day', 'demo|b2')).toBe(true);
    expect(await recordConsultOnce(db, '小王', '2026-11-24', 'day', 'demo|b1')).toBe(true);
    expect((await db.tally.get('小王|2026-11-23|day'))?.autoConsults).toBe(2); // kept apart from those counted by hand
  });

  it('keeps the buyers seen today and yesterday only, so the lists do not pile up day after day', async () => {
    const { recordConsultOnce } = await import('../../../storage/repositories/tally');
    for (const day of ['2026-11-28', '2026-11-29', '2026-11-30', '2026-12-01']) await recordConsultOnce(db, '小王', day, 'day', 'demo|b1');
    const seenDays = async () => (await db.settings.where('key').startsWith('consultSeen:').primaryKeys()).sort();
    expect(await seenDays()).toEqual(['consultSeen:2026-11-30', 'consultSeen:2026-12-01']);
    // Yesterday's list still counts a buyer only once (a night shift across midnight).
    expect(await recordConsultOnce(db, '小王', '2026-11-30', 'night', 'demo|b1')).toBe(false);
    await db.settings.put({ key: 'agentName', value: '小王' }); // other settings are left alone
    await recordConsultOnce(db, '小王', '2026-12-02', 'day', 'demo|b1');
    expect(await seenDays()).toEqual(['consultSeen:2026-12-01', 'consultSeen:2026-12-02']);
    expect((await db.settings.get('agentName'))?.value).toBe('小王');
  });
});

describe('addSale', () => {
  it('counts a conversion and adds its amount in one step; refuses a negative amount', async () => {
    const { addSale } = await import('../../../storage/repositories/tally');
    await Promise.all([addSale(db, '小王', '2026-11-23', 'day', 99.9), addSale(db, '小王', '2026-11-23', 'day', 0.1), addSale(db, '小王', '2026-11-23', 'day')]);
    expect(await db.tally.get('小王|2026-11-23|day')).toMatchObject({ conversions: 3, amount: 100, pricedSales: 2 });
    await expect(addSale(db, '小王', '2026-11-23', 'day', -1)).rejects.toThrow(RangeError);
    expect(await db.tally.get('小王|2026-11-23|day')).toMatchObject({ conversions: 3, amount: 100 });
  });
});
