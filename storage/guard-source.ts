/**
 * Where the guard's checker (entrypoints/background/guard.ts) reads the rules and allows it checks with, and
 * learns that they changed — without Dexie, which the worker's core does not hold (core-db.ts).
 *
 * Changes: every committed Dexie write, in any of the extension's contexts (the panel, the rest of the background
 * in this same worker), is told over a BroadcastChannel with the parts it touched (`idb://<db>/<table>/…`) — what
 * Dexie's own live queries follow (storage/watch.ts). The core listens on that channel from its start, so a write
 * committed after the core's read began is never missed; one committed while the worker slept is in that read.
 * A test holds the channel's name and its messages' shape to the Dexie the extension ships
 * (guard-source.test.ts).
 */
import { DB_NAME } from './db-name';
import { storedDb } from './core-db';
import { readGuardReads, type GuardReads } from './repositories/guard-reads';

/** Dexie's channel for committed writes (dexie's STORAGE_MUTATED_DOM_EVENT_NAME). */
export const DEXIE_WRITES_CHANNEL = 'x-storagemutated-1';

export interface GuardSource {
  /** The agent's allows, and with `withRules` the stored rules, read together. */
  read(withRules: boolean): Promise<GuardReads>;
  /** `listener` is called after each committed write that touched the rules or the settings. */
  onWritten(listener: (rules: boolean) => void): void;
}

/** The tables a Dexie write notice touched, of the database `name`. */
export function touched(parts: unknown, name: string): { rules: boolean; settings: boolean } {
  const keys = typeof parts === 'object' && parts !== null ? Object.keys(parts) : [];
  const any = (table: string) => keys.some((k) => k === 'all' || k.startsWith(`idb://${name}/${table}/`));
  return { rules: any('rules'), settings: any('settings') };
}

/** The guard's reads from the database as stored, its changes from Dexie's channel. `name`: tests name their own. */
export function storedGuardSource(upgradeFirst: () => Promise<void>, name = DB_NAME): GuardSource {
  const db = storedDb(upgradeFirst, name);
  const listeners: ((rules: boolean) => void)[] = [];
  if (typeof BroadcastChannel === 'function') {
    const channel = new BroadcastChannel(DEXIE_WRITES_CHANNEL);
    (channel as { unref?: () => void }).unref?.(); // Node (tests): the channel keeps no process alive
    channel.onmessage = (e: MessageEvent) => {
      const { rules, settings } = touched(e.data, name);
      if (rules || settings) for (const l of listeners) l(rules);
    };
  }
  return {
    read: async (withRules) => readGuardReads(await db(), withRules),
    onWritten: (listener) => void listeners.push(listener),
  };
}
