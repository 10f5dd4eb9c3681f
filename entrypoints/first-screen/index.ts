/**
 * The side panel's first screen, asked of IndexedDB while the panel's HTML is still being parsed: a classic script
 * in sidepanel.html's head, run before the panel's module (≈ 1.3 MB) is fetched, compiled and evaluated, so the
 * few rows are read during that time instead of after it. Reads only: the first screen's ids from this page's
 * localStorage (use-first-screen.ts writes them) and those rows by key; a database that does not exist yet is not
 * created here (the panel's Dexie creates and upgrades it). use-first-screen.ts takes the result, or reads the
 * rows itself when there is none.
 */
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { EARLY_READ, FIRST_SCREEN, FIRST_SCREEN_KEY } from '../../components/shared/first-screen-ids';
import { DB_NAME } from '../../storage/db-name';

function readRows(ids: readonly string[]): Promise<unknown[]> {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open(DB_NAME);
    open.onupgradeneeded = () => open.transaction?.abort(); // no database yet: left to the panel
    open.onerror = () => reject(open.error ?? new Error('first screen: open failed'));
    open.onsuccess = () => {
      const db = open.result;
      db.onversionchange = () => db.close(); // the panel's Dexie upgrading: never in its way
      try {
        const tx = db.transaction('phrases', 'readonly');
        const store = tx.objectStore('phrases');
        const rows: unknown[] = ids.map(() => undefined);
        ids.forEach((id, i) => {
          const get = store.get(id);
          get.onsuccess = () => void (rows[i] = get.result);
        });
        tx.oncomplete = () => (db.close(), resolve(rows.filter((r) => r !== undefined)));
        tx.onerror = tx.onabort = () => (db.close(), reject(tx.error ?? new Error('first screen: read failed')));
      } catch (e) {
        db.close();
        reject(e instanceof Error ? e : new Error(String(e)));
      }
    };
  });
}

export default defineUnlistedScript(() => {
  let ids: unknown;
  try {
    ids = JSON.parse(localStorage.getItem(FIRST_SCREEN_KEY) ?? '[]');
  } catch {
    return;
  }
  if (!Array.isArray(ids)) return;
  const wanted = ids.filter((id): id is string => typeof id === 'string').slice(0, FIRST_SCREEN);
  if (!wanted.length) return;
  const read = readRows(wanted);
  read.catch(() => {}); // the panel reads the rows itself then
  (globalThis as Record<string, unknown>)[EARLY_READ] = { ids: wanted, read };
});
