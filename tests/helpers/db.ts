import { afterEach, beforeEach } from 'vitest';
import { Dexie } from 'dexie';
import { KefuDB } from '../../storage/db';

/**
 * A fresh, uniquely named database (fake-indexeddb) for every test of the file, deleted afterwards.
 * @returns a getter for the current test's database.
 */
export function freshDbPerTest(prefix = 'test'): () => KefuDB {
  let db: KefuDB;
  beforeEach(async () => {
    db = new KefuDB(`${prefix}-${Math.random().toString(36).slice(2)}`);
    await db.open();
  });
  afterEach(async () => {
    db.close();
    await Dexie.delete(db.name);
  });
  return () => db;
}
