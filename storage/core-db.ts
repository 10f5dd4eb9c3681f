/**
 * The database as the worker's core reads it (entrypoints/background/index.ts): opened at the version it is stored
 * in, with no schema declared here, so the core holds neither the schema's history nor its upgrade data
 * (schema-versions.ts: the default pack, row checks). A database not there yet or older than this version is first
 * created or upgraded by the full schema (`upgradeFirst`: the rest of the background opens it), then read.
 */
import { Dexie } from 'dexie';
import { DB_NAME, DB_VERSION } from './db-name';
import type { KefuDB } from './db';

/** `name`: the database's (tests name their own). */
export async function openAsStored(upgradeFirst: () => Promise<void>, name = DB_NAME): Promise<KefuDB> {
  const open = async () => {
    const db = new Dexie(name);
    await db.open();
    // Opened without a schema, Dexie names the tables in db.tables only: `db.rules` etc. as KefuDB has them.
    for (const table of db.tables) if (!(table.name in db)) Object.defineProperty(db, table.name, { value: table });
    return db;
  };
  try {
    const db = await open();
    // The tables are the stored ones; their rows are what KefuDB's would read.
    if (db.verno >= DB_VERSION) return db as unknown as KefuDB;
    db.close();
  } catch (e) {
    if (!(e instanceof Error && e.name === 'NoSuchDatabaseError')) throw e;
  }
  await upgradeFirst();
  return (await open()) as unknown as KefuDB;
}
