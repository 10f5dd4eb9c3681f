// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Dexie } from 'dexie';
import { KefuDB } from '../../storage/db';
import { DB_NAME } from '../../storage/db-name';
import { startFirstScreen } from '../../components/shared/use-first-screen';
import { EARLY_READ, FIRST_SCREEN_KEY } from '../../components/shared/first-screen-ids';
import type { Phrase } from '../../scripts-library/shared/schema';

// The first screen's rows read by sidepanel.html's head script (entrypoints/first-screen) before the panel's
// module ran: the panel shows those rows, for its own database and the same ids only, and reads them itself
// when that read failed.
const phrase = (id: string, title: string): Phrase => ({ id, stageId: 'greeting', title, body: title, tags: [], pinned: false, useCount: 0, createdAt: 0, updatedAt: 0, origin: 'user' });
const global = globalThis as Record<string, unknown>;
let db: KefuDB;

beforeEach(async () => {
  db = new KefuDB(DB_NAME);
  await db.open();
  await db.phrases.bulkPut([phrase('a', '库里的 A'), phrase('b', '库里的 B')]);
  localStorage.setItem(FIRST_SCREEN_KEY, JSON.stringify(['a', 'b']));
});
afterEach(async () => {
  delete global[EARLY_READ];
  db.close();
  await Dexie.delete(DB_NAME);
});

const titles = async () => (await startFirstScreen(db))?.map((p) => p.title);

describe('the early first-screen read', () => {
  it('is what the panel shows when it read the same ids, and is taken once', async () => {
    global[EARLY_READ] = { ids: ['a', 'b'], read: Promise.resolve([phrase('a', '早读的 A')]) };
    expect(await titles()).toEqual(['早读的 A']);
    expect(global[EARLY_READ]).toBeUndefined();
  });

  it('failed: the panel reads the rows itself', async () => {
    const read = Promise.reject(new Error('blocked'));
    read.catch(() => {});
    global[EARLY_READ] = { ids: ['a', 'b'], read };
    expect(await titles()).toEqual(['库里的 A', '库里的 B']);
  });

  it('for other ids (the list changed since): not used', async () => {
    global[EARLY_READ] = { ids: ['b'], read: Promise.resolve([phrase('b', '早读的 B')]) };
    expect(await titles()).toEqual(['库里的 A', '库里的 B']);
    expect(global[EARLY_READ]).toBeUndefined();
  });
});
