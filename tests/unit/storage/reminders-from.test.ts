// #30 N7: a follow-up counted from a time before 1970 (the year field takes 0202) stores nothing, so every
// backup after it still restores.
import { beforeEach, expect, it } from 'vitest';
import type { KefuDB } from '../../../storage/db';
import { freshDbPerTest } from '../../helpers/db';
import { startChase } from '../../../storage/repositories/reminders';
import { exportBackup, parseBackup } from '../../../storage/backup';

const freshDb = freshDbPerTest();
let db: KefuDB;
beforeEach(() => {
  db = freshDb();
});

it.each([
  ['the year 0202', new Date('0202-12-06T10:00:00').getTime()],
  ['not a time', Number.NaN],
  ['the future', Date.now() + 86_400_000],
])('a ladder counted from %s is refused and stores nothing', async (_label, from) => {
  await expect(startChase(db, { site: 'demo', buyerId: 'b1' }, [15], Date.now(), { kind: 'bad-review', from })).rejects.toThrow();
  expect(await db.reminders.count()).toBe(0);
  expect(parseBackup(await exportBackup(db))).toMatchObject({ ok: true, rejected: [] });
});
