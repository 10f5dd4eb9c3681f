/**
 * Follow a table's writes, whoever makes them: Dexie fires `storagemutated` once a write transaction has
 * committed, in this context or (over BroadcastChannel) in any other of the extension's origin. The reminder
 * alarms follow the reminders table this way, so no writer has to remember to tell the background.
 */
import { Dexie, type ObservabilitySet } from 'dexie';

/** Calls `onChange` after each committed transaction that touched `table` of `db`. Returns the unsubscribe. */
export function onTableWritten(db: Dexie, table: string, onChange: () => void): () => void {
  const prefix = `idb://${db.name}/${table}/`;
  const listener = (parts: ObservabilitySet) => {
    for (const key in parts) if (key.startsWith(prefix)) return onChange();
  };
  Dexie.on('storagemutated', listener);
  return () => Dexie.on('storagemutated').unsubscribe(listener);
}
