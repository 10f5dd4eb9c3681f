import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Dexie } from 'dexie';
import { KefuDB } from '../../../storage/db';
import { MAX_RESPONSE_MS, recordResponse } from '../../../storage/repositories/responses';
import { tallyForDays } from '../../../storage/repositories/tally';
import { summarize } from '../../../scripts-library/tally/tally';

let db: KefuDB;
beforeEach(async () => {
  db = new KefuDB(`responses-${Math.random()}`);
  await db.open();
});
afterEach(async () => {
  db.close();
  await Dexie.delete(db.name);
});

const base = { agent: '小王', day: '2026-12-02', shift: 'day', site: 'demo' };

describe('response repository', () => {
  it('the first reply to a buyer on a work day is their first response; later ones are not', async () => {
    expect(await recordResponse(db, { ...base, buyer: 'demo|小美', buyerAt: 1_000, repliedAt: 31_000 })).toMatchObject({ ms: 30_000, first: true });
    expect(await recordResponse(db, { ...base, buyer: 'demo|小美', buyerAt: 90_000, repliedAt: 100_000 })).toMatchObject({ ms: 10_000, first: false });
    expect(await recordResponse(db, { ...base, buyer: 'demo|阿强', buyerAt: 2_000, repliedAt: 12_000 })).toMatchObject({ first: true });
    // The next day she is a first response again.
    expect(await recordResponse(db, { ...base, day: '2026-12-03', buyer: 'demo|小美', buyerAt: 200_000, repliedAt: 205_000 })).toMatchObject({ first: true });
    expect(await db.responses.where('[agent+day]').equals(['小王', '2026-12-02']).count()).toBe(3);
    // The tally row of that day and shift carries the sums the views read.
    expect(summarize(await tallyForDays(db, '小王', ['2026-12-02'])).response).toEqual({ count: 3, avgMs: 50_000 / 3, firstCount: 2, firstAvgMs: 20_000, within3min: 1 });
  });

  it('the same report twice (two frames, a retry) is stored once', async () => {
    await recordResponse(db, { ...base, buyer: 'demo|小美', buyerAt: 1_000, repliedAt: 31_000 });
    await recordResponse(db, { ...base, buyer: 'demo|小美', buyerAt: 1_000, repliedAt: 31_500 });
    expect(await db.responses.count()).toBe(1);
    expect((await db.tally.toArray()).map((r) => r.responses)).toEqual([1]);
  });

  it('refuses impossible waits and leaves the table as it was', async () => {
    expect(await recordResponse(db, { ...base, buyer: 'demo|小美', buyerAt: 50_000, repliedAt: 10_000 })).toBeNull();
    expect(await recordResponse(db, { ...base, buyer: 'demo|小美', buyerAt: 0, repliedAt: MAX_RESPONSE_MS + 1 })).toBeNull();
    expect(await db.responses.count()).toBe(0);
    expect(await db.tally.count()).toBe(0);
  });
});
