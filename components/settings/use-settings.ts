/** Settings, sites and backup: every repository call of the ⚙ views goes through here. */
import { useLiveQuery } from 'dexie-react-hooks';
import { getSettings, listQuarantined, saveSettings, updateSettings } from '../../storage/repositories/settings';
import { applyRestore, exportBackup, planLosses, planRestore, PHRASE_TABLES, type Backup, type RejectedRow } from '../../storage/backup';
import type { Settings } from '../../scripts-library/shared/schema';
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
    /** Rows kept aside because today's schemas refuse them (they travel in every backup). */
    quarantined: useLiveQuery(() => listQuarantined(db), [db]),
    plan: async (backup: Backup) => ({ plan: await planRestore(db, backup), losses: await planLosses(db, backup), phraseLosses: await planLosses(db, backup, PHRASE_TABLES) }),
    /** Restore everything, or only the phrase library; refused rows are kept aside (never lost). */
    apply: (backup: Backup, rejected: readonly RejectedRow[], phrasesOnly = false) => applyRestore(db, backup, rejected, Date.now(), phrasesOnly ? PHRASE_TABLES : undefined),
  };
}

// The backup file's own checks (pure), for the view's preview.
export { isNoop, lossGroup, LOSS_GROUPS, parseBackup, TABLE_NAMES, type Backup, type LossGroup, type RejectedRow, type RestoreLosses, type RestorePlan, type TableName } from '../../storage/backup';
