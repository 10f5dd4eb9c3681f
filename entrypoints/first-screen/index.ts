/**
 * The side panel's first screen, asked of IndexedDB while the panel's HTML is still being parsed: a classic script
 * in sidepanel.html's head, run before the panel's module (≈ 1.3 MB) is fetched, compiled and evaluated, so the
 * few rows are read during that time instead of after it. Reads only: the first screen's ids from this page's
 * localStorage (use-first-screen.ts writes them) and those rows by key; a database that does not exist yet is not
 * created here (the panel's Dexie creates and upgrades it). use-first-screen.ts takes the result, or reads the
 * rows itself when there is none.
 *
 * Once read, the rows are also drawn at once, without React (static-first-screen.ts), if the page is parsed and the
 * panel's module has not run yet: that is the first phrase the agent sees (mark kefu:first-phrase, its frame).
 */
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { EARLY_PAINT, EARLY_READ, FIRST_SCREEN, FIRST_SCREEN_KEY, type EarlyPaint } from '../../components/shared/first-screen-ids';
import { keepEarlyKeys, staticFirstScreen, type StaticRow } from '../../components/shared/static-first-screen';
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
        let left = ids.length;
        // Done at the last row's answer, not at the transaction's commit (a read-only one changes nothing; its
        // complete event is one more round trip to the browser, often queued behind the panel's module).
        ids.forEach((id, i) => {
          const get = store.get(id);
          get.onsuccess = () => {
            rows[i] = get.result;
            if (--left === 0) resolve(rows.filter((r) => r !== undefined));
          };
        });
        tx.oncomplete = () => db.close();
        tx.onerror = tx.onabort = () => (db.close(), reject(tx.error ?? new Error('first screen: read failed')));
      } catch (e) {
        db.close();
        reject(e instanceof Error ? e : new Error(String(e)));
      }
    };
  });
}

/** A stored row with what the static screen shows (the panel's own schema is not loaded here). */
function isRow(r: unknown): r is StaticRow {
  const p = r as Partial<Record<keyof StaticRow, unknown>> | null;
  return !!p && typeof p.id === 'string' && typeof p.title === 'string' && typeof p.body === 'string' && (p.code === undefined || typeof p.code === 'string');
}

/** Calls `then` once the browser has presented the first contentful frame (the rows), or at once if it cannot say. */
function presented(then: () => void): void {
  if (typeof PerformanceObserver === 'undefined' || !PerformanceObserver.supportedEntryTypes?.includes('paint')) return then();
  const seen = new PerformanceObserver((list) => {
    if (!list.getEntriesByName('first-contentful-paint').length) return;
    seen.disconnect();
    then();
  });
  seen.observe({ type: 'paint', buffered: true });
}

/** Draws the rows; `done` once their frame is presented, or at once when they will not be drawn. */
function paint(rows: unknown[], state: EarlyPaint, done: () => void): void {
  performance.mark('kefu:early-read'); // the rows are read (npm run bench's breakdown)
  const shown = rows.filter(isRow);
  if (!shown.length || shown.length !== rows.length) return done(); // anything unexpected: React draws the first screen
  const draw = () => {
    const root = document.getElementById('root');
    if (!root || root.firstChild || state.taken || state.painted) return done();
    root.append(staticFirstScreen(shown, (id) => void (state.clicked = id)));
    keepEarlyKeys(window, shown, state); // until React's panel is on screen (it sets keysTaken)
    state.painted = true;
    performance.mark('kefu:static-rows');
    requestAnimationFrame(() =>
      setTimeout(() => {
        performance.mark('kefu:first-phrase'); // the frame with the rows is painted
        presented(done);
      }, 0),
    );
  };
  if (document.readyState === 'loading') document.addEventListener('readystatechange', draw, { once: true });
  else draw();
}

export default defineUnlistedScript(() => {
  // The panel's language, set before anything is drawn (panel.tsx sets the same), so text is shaped once.
  document.documentElement.lang = navigator.language.startsWith('zh') ? 'zh-CN' : 'en';
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
  let done = () => {};
  const state: EarlyPaint = { done: new Promise<void>((resolve) => (done = resolve)) };
  (globalThis as Record<string, unknown>)[EARLY_PAINT] = state;
  read.then((rows) => paint(rows, state, done)).catch(done); // a failed read: the panel reads the rows itself
  (globalThis as Record<string, unknown>)[EARLY_READ] = { ids: wanted, read };
});
