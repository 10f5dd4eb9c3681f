/**
 * The guard's compiled rule set kept between service-worker wakes (scripts-library/guard/compiled-form.ts), in an
 * IndexedDB database of its own: a cache, not data (nothing in it is backed up or shown), so it has no place in
 * the Dexie schema. One entry per slot (the compiled rules; the intent model's reader), the latest each; any
 * failure reads as "nothing kept" and the form is made anew.
 */
const NAME = 'kefu-guard-cache';
const STORE = 'compiled';
const ENTRY = 'latest';

/** What is kept: the compiled rules (the default slot) or the intent model's reader. */
export type GuardCacheSlot = typeof ENTRY | 'model';

export interface GuardCache {
  get(key: string, slot?: GuardCacheSlot): Promise<unknown>;
  put(key: string, value: unknown, slot?: GuardCacheSlot): Promise<void>;
  clear(): Promise<void>;
  /**
   * Start reading every slot now, in one transaction, before their keys are known (a woken worker reads its rules
   * meanwhile): the next `get` of each slot answers from this read.
   */
  warm?(): void;
}

function open(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(NAME, 1);
    req.onupgradeneeded = () => req.result.createObjectStore(STORE);
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('guard cache'));
  });
}

const SLOTS: readonly GuardCacheSlot[] = [ENTRY, 'model'];

function run<T>(db: IDBDatabase, mode: IDBTransactionMode, step: (store: IDBObjectStore) => T): Promise<T> {
  return new Promise((resolve, reject) => {
    const tx = db.transaction(STORE, mode);
    const req = step(tx.objectStore(STORE));
    tx.oncomplete = () => resolve(req);
    tx.onerror = () => reject(tx.error ?? new Error('guard cache'));
    tx.onabort = () => reject(tx.error ?? new Error('guard cache'));
  });
}

type Entry = { key?: unknown; value?: unknown } | undefined;

export function createGuardCache(): GuardCache {
  let db: Promise<IDBDatabase> | undefined;
  // A deletion or upgrade of the cache elsewhere (a test's, a newer version's) is not held up by this connection,
  // nor left waiting with every later read of it: the connection closes and the next use opens it again.
  const opened = () =>
    (db ??= open().then((conn) => {
      conn.onversionchange = () => {
        conn.close();
        db = undefined;
      };
      return conn;
    }));
  /** These slots' entries, read in one transaction (none where the read fails). */
  const read = async (slots: readonly GuardCacheSlot[]): Promise<Entry[]> => {
    try {
      const reqs = await run(await opened(), 'readonly', (s) => slots.map((slot) => s.get(slot)));
      return reqs.map((r) => r.result as Entry);
    } catch (e) {
      console.warn('[kefu] guard cache read', e);
      return slots.map(() => undefined);
    }
  };
  const warmed = new Map<GuardCacheSlot, Promise<Entry>>();
  return {
    async get(key, slot = ENTRY) {
      const early = warmed.get(slot);
      warmed.delete(slot);
      const entry = await (early ?? read([slot]).then(([e]) => e));
      return entry?.key === key ? entry.value : undefined;
    },
    warm() {
      const all = read(SLOTS);
      SLOTS.forEach((slot, i) => warmed.set(slot, all.then((entries) => entries[i])));
    },
    async put(key, value, slot = ENTRY) {
      warmed.delete(slot);
      try {
        await run(await opened(), 'readwrite', (s) => s.put({ key, value }, slot));
      } catch (e) {
        console.warn('[kefu] guard cache write', e);
      }
    },
    async clear() {
      warmed.clear();
      try {
        await run(await opened(), 'readwrite', (s) => s.clear());
      } catch (e) {
        console.warn('[kefu] guard cache clear', e);
      }
    },
  };
}
