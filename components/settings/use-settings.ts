/** Settings, sites and backup: every repository call of the ⚙ views goes through here. */
import { useLiveQuery } from 'dexie-react-hooks';
import { getSettings, saveSettings, updateSettings } from '../../storage/repositories/settings';
import { applyRestore, exportBackup, planRestore, type Backup } from '../../storage/backup';
import type { Settings } from '../../scripts-library/schema';
import { useDb } from '../shared/db-context';

export function useSettings() {
  const db = useDb();
  return {
    settings: useLiveQuery(() => getSettings(db), [db]),
    save: async (patch: Partial<Settings>) => void (await saveSettings(db, patch)),
    /** Read-modify-write in one transaction (lists and counters: nothing a concurrent writer did is lost). */
    update: (fn: (current: Settings) => Partial<Settings>) => updateSettings(db, fn),
  };
}

export function useBackup() {
  const db = useDb();
  return {
    exportAll: () => exportBackup(db),
    plan: (backup: Backup) => planRestore(db, backup),
    apply: (backup: Backup) => applyRestore(db, backup),
  };
}

// The backup file's own checks (pure), for the view's preview.
export { isNoop, parseBackup, TABLE_NAMES, type Backup, type RestorePlan } from '../../storage/backup';
