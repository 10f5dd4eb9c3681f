/**
 * The panel's first screen while the whole library loads. Reading every phrase from IndexedDB takes long at 10k
 * (its cost is per row: rows without their search keys read barely faster; figures in tests/bench/HISTORY.md), so
 * the panel also keeps the ids of the first screen of its browsing order (pinned, most used, …) in this extension
 * page's localStorage — ids only, never text — and reads those few rows by key on open. The list shows them
 * until the library arrives; searching, suggestions and every library tool wait for the whole library. The read
 * itself usually began in the page's head, before this module was evaluated (entrypoints/first-screen).
 */
import { useCallback, useEffect, useState } from 'react';
import { browse } from '../../scripts-library/search/search';
import type { Phrase } from '../../scripts-library/shared/schema';
import type { KefuDB } from '../../storage/db';
import { getPhrases } from '../../storage/repositories/phrases';
import { DB_NAME } from '../../storage/db-name';
import { EARLY_READ, FIRST_SCREEN, FIRST_SCREEN_KEY as KEY } from './first-screen-ids';

export { FIRST_SCREEN };

function readIds(): string[] {
  try {
    const ids: unknown = JSON.parse(globalThis.localStorage?.getItem(KEY) ?? '[]');
    return Array.isArray(ids) ? ids.filter((id): id is string => typeof id === 'string').slice(0, FIRST_SCREEN) : [];
  } catch {
    return []; // unreadable: the panel waits for the library, as without a first screen
  }
}

function writeIds(ids: string[]): void {
  const text = JSON.stringify(ids);
  try {
    if (globalThis.localStorage?.getItem(KEY) !== text) globalThis.localStorage?.setItem(KEY, text);
  } catch {
    // storage full or off: the next open waits for the library
  }
}

const started = new WeakMap<KefuDB, Promise<Phrase[]> | undefined>();
/** Reads that have settled, so a render after that shows their rows at once. */
const settled = new WeakMap<Promise<Phrase[]>, Phrase[]>();

/**
 * The read sidepanel.html's head began before the panel's module was evaluated (entrypoints/first-screen), taken
 * once, for the panel's own database and the same ids; a failed one falls back to Dexie.
 */
function takeEarlyRead(db: KefuDB, ids: readonly string[]): Promise<Phrase[]> | undefined {
  const early = (globalThis as Record<string, unknown>)[EARLY_READ] as { ids: unknown; read: Promise<unknown[]> } | undefined;
  if (!early) return undefined;
  delete (globalThis as Record<string, unknown>)[EARLY_READ];
  if (db.name !== DB_NAME || JSON.stringify(early.ids) !== JSON.stringify(ids)) return undefined;
  return early.read.then((rows) => rows as Phrase[], () => getPhrases(db, ids));
}

/** However the first screen goes, work waiting on it starts after this long. */
const FIRST_SCREEN_AT_MOST_MS = 2000;
/** Settled once this page's first screen is painted (or it has none): see afterFirstScreen. */
let firstScreenDone: Promise<void> = Promise.resolve();
let settleFirstScreen = () => {};

/**
 * Work the first screen does not need (compiling the guard's rules, the default packs' check, the search index)
 * waits for this, so it never comes between the first rows and their paint. Settled at once on a page that reads
 * no first screen.
 */
export function afterFirstScreen(): Promise<void> {
  return firstScreenDone;
}

function awaitFirstScreen(): void {
  firstScreenDone = new Promise<void>((resolve) => {
    const timer = setTimeout(() => resolve(), FIRST_SCREEN_AT_MOST_MS);
    settleFirstScreen = () => (clearTimeout(timer), resolve());
  });
}

/**
 * Start reading the first screen (once per database): the panel's entry point calls it before React renders, so
 * the database opens and these few rows are asked for while the page is still being built, and ahead of the
 * library's live query (which starts its read during render).
 */
export function startFirstScreen(db: KefuDB): Promise<Phrase[]> | undefined {
  if (!started.has(db)) {
    const ids = readIds();
    if (ids.length) awaitFirstScreen();
    // kefu:rows: the rows are in the page's hands (what `npm run bench` breaks the open down by).
    const read = ids.length ? (takeEarlyRead(db, ids) ?? getPhrases(db, ids)) : undefined;
    const marked: Promise<Phrase[]> | undefined = read?.then((rows) => {
      performance.mark('kefu:rows');
      settled.set(marked!, rows);
      return rows;
    });
    started.set(db, marked);
  }
  return started.get(db);
}

/** The read startFirstScreen began (or begins now, when the entry point did not). */
export function useFirstScreenRead(db: KefuDB): Promise<Phrase[]> | undefined {
  const [read] = useState(() => startFirstScreen(db));
  return read;
}

/**
 * The first screen's phrases until `phrases` (the whole library) is there; then undefined. `setPainted(true)` is called once
 * the first screen is on screen (or could not be read): the library is asked for then, because handing over 10k
 * rows holds the page's thread for a while, which would otherwise come before the first screen's paint.
 */
export function useFirstScreen(read: Promise<Phrase[]> | undefined, phrases: readonly Phrase[] | undefined, setLibraryWanted: (painted: true) => void): Phrase[] | undefined {
  const [preview, setPreview] = useState<Phrase[] | undefined>(() => (read ? settled.get(read) : undefined));
  const setPainted = useCallback(
    (painted: true) => {
      settleFirstScreen();
      setLibraryWanted(painted);
    },
    [setLibraryWanted],
  );
  useEffect(() => {
    let live = true;
    read?.then(
      (rows) => live && (rows.length ? setPreview(rows) : setPainted(true)), // none left: nothing to show first
      () => live && setPainted(true), // the library read reports database trouble; the first screen is only a head start
    );
    return () => void (live = false);
  }, [read, setPainted]);
  useEffect(() => {
    if (!preview) return;
    const frame = requestAnimationFrame(() => setTimeout(() => setPainted(true), 0)); // after the paint
    return () => cancelAnimationFrame(frame);
  }, [preview, setPainted]);
  useEffect(() => {
    if (phrases) writeIds(browse(phrases, { limit: FIRST_SCREEN }).map((h) => h.phrase.id));
  }, [phrases]);
  return phrases ? undefined : preview;
}
