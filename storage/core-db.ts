/**
 * The database as the worker's core reads it (entrypoints/background/index.ts): IndexedDB itself, opened at the
 * version it is stored in, so the core holds neither Dexie (half of its script: #36 item 4) nor the schema's history
 * with its upgrade data (schema-versions.ts: the default pack, row checks). A database not there yet, or older than
 * this version, is first created or upgraded by the full schema (`upgradeFirst`: the rest of the background opens
 * it with Dexie), then read.
 */
import { DB_NAME, DB_VERSION } from './db-name';

/** IndexedDB's version of the schema's latest: Dexie stores `version × 10`. */
const STORED_VERSION = DB_VERSION * 10;

/** The database as stored, or undefined when there is none (its creation is undone, as Dexie does). */
function openStored(name: string): Promise<IDBDatabase | undefined> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(name);
    req.onupgradeneeded = () => req.transaction?.abort();
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => (req.error?.name === 'AbortError' ? resolve(undefined) : reject(req.error ?? new Error(`${name}: not opened`)));
  });
}

/**
 * The database's connection, opened at first use: as stored when it is at the latest version, else after
 * `upgradeFirst`. The connection closes itself when another opens the database at a newer version (an update's
 * schema: the core must not block it) or when the browser closes it; the next use opens it again.
 * `name`: the database's (tests name their own).
 */
export function storedDb(upgradeFirst: () => Promise<void>, name = DB_NAME): () => Promise<IDBDatabase> {
  let conn: Promise<IDBDatabase> | undefined;
  const open = async () => {
    let db = await openStored(name);
    if (!db || db.version < STORED_VERSION) {
      db?.close();
      await upgradeFirst();
      db = await openStored(name);
      if (!db) throw new Error(`${name}: not created`);
    }
    const opened = db;
    opened.onversionchange = () => {
      opened.close();
      conn = undefined;
    };
    opened.onclose = () => void (conn = undefined);
    return opened;
  };
  return () =>
    (conn ??= open().catch((e: unknown) => {
      conn = undefined;
      throw e;
    }));
}
