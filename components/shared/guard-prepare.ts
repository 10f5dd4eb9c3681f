/**
 * The worker keeps the guard's compiled form between wakes, keyed by the rules and allows it was made from
 * (compiled-form.ts). A change made while the worker sleeps — the rules editor, an import, a team pull, a restore,
 * an allow in ⚙ — would leave the next wake's first check to compile (≈ 230 ms): so after every committed write to
 * the rules or the settings, the worker is told (guard/prepare wakes it), and it reads them and keeps their form
 * at once (#36 item 4). A form never answers for other rules than its own: its key is theirs.
 */
import type { Dexie } from 'dexie';
import { onTableWritten } from '../../storage/watch';

/** Calls `tell` once after a burst of writes to the rules or the settings (`waitMs` after the last). Returns the unwatch. */
export function tellGuardOnWrites(db: Dexie, tell: () => void, waitMs = 100): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const soon = () => {
    clearTimeout(timer);
    timer = setTimeout(tell, waitMs);
  };
  const unwatch = [onTableWritten(db, 'rules', soon), onTableWritten(db, 'settings', soon)];
  return () => {
    clearTimeout(timer);
    for (const u of unwatch) u();
  };
}
