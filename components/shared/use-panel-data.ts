/** What the whole panel reads: settings, the library, the unread handovers; and the defaults, once. */
import { useEffect, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { getSettings, saveSettings } from '../../storage/repositories/settings';
import { listPhrases, listStages } from '../../storage/repositories/phrases';
import { listHandovers } from '../../storage/repositories/notes';
import { ensureDefaults } from '../../storage/defaults';
import { onTableWritten } from '../../storage/watch';
import { isUnreadHandover } from '../../scripts-library/notebooks/notebooks';
import { shiftAt } from '../../scripts-library/shared/shift';
import type { Settings } from '../../scripts-library/shared/schema';
import { guardInputsChanged, remindersChanged } from './messaging';
import { tellGuardOnWrites } from './guard-prepare';
import { useDb } from './db-context';
import { afterFirstScreen, useFirstScreen, useFirstScreenRead } from './use-first-screen';

export function usePanelData() {
  const db = useDb();
  // The first screen's few rows are read and painted before the whole library is asked for (use-first-screen.ts).
  const firstScreen = useFirstScreenRead(db);
  const [painted, setPainted] = useState(!firstScreen);
  const phrases = useLiveQuery(() => (painted ? listPhrases(db) : undefined), [db, painted]);
  const preview = useFirstScreen(firstScreen, phrases, setPainted);
  useEffect(() => {
    // The background installs the defaults on install; doing it here too covers a panel opened first.
    // After the first screen is painted: checking the packs' revisions hashes the bundled rules.
    let live = true;
    void afterFirstScreen()
      .then(() => (live ? ensureDefaults(db) : undefined))
      .catch((e: unknown) => console.warn('[kefu] defaults', e));
    // The background owns the chase alarms: every committed write to the reminders table, whoever made it,
    // tells it to make them match (the worker may be asleep, so a message wakes it).
    const unwatch = onTableWritten(db, 'reminders', remindersChanged);
    // The guard's rules or allows changed: the worker keeps their compiled form before its next wake's check.
    const unwatchGuard = tellGuardOnWrites(db, guardInputsChanged);
    return () => ((live = false), unwatch(), unwatchGuard());
  }, [db]);
  // Handovers written by another shift and not yet read (the live query follows the settings' shifts too).
  const unread = useLiveQuery(async () => {
    const now = shiftAt(new Date(), (await getSettings(db)).shifts);
    return (await listHandovers(db)).filter((h) => isUnreadHandover(h, now)).length;
  }, [db]);
  return {
    settings: useLiveQuery(() => getSettings(db), [db]),
    saveSettings: async (patch: Partial<Settings>) => void (await saveSettings(db, patch)),
    stages: useLiveQuery(() => listStages(db), [db]),
    phrases,
    /** The first screen of the list while `phrases` is still loading (use-first-screen.ts). */
    preview,
    unread,
  };
}
