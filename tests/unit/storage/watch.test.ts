import { describe, expect, it, vi } from 'vitest';
import { freshDbPerTest } from '../../helpers/db';
import { onTableWritten } from '../../../storage/watch';
import { markPaid, startChase } from '../../../storage/repositories/reminders';
import { saveSettings } from '../../../storage/repositories/settings';
import { applyRestore, exportBackup, parseBackup } from '../../../storage/backup';

const freshDb = freshDbPerTest('watch');
const settle = () => new Promise((r) => setTimeout(r, 20));

describe('the reminder alarms follow the reminders table', () => {
  it('hears every committed write to it, whichever function made it, and nothing else', async () => {
    const db = freshDb();
    const changed = vi.fn();
    const stop = onTableWritten(db, 'reminders', changed);
    await saveSettings(db, { shopName: '小美家' });
    await settle();
    expect(changed).not.toHaveBeenCalled();

    await startChase(db, { site: 'demo', buyerId: 'u1' }, [15, 1440]);
    await settle();
    expect(changed).toHaveBeenCalledTimes(1);

    await markPaid(db, 'demo', 'u1');
    await settle();
    expect(changed).toHaveBeenCalledTimes(2);

    // A restore replaces whole tables (no per-row hooks would see it).
    const backup = parseBackup(await exportBackup(db));
    if (!backup.ok) throw new Error(backup.error);
    await db.reminders.clear();
    await settle();
    expect(changed).toHaveBeenCalledTimes(3);
    await applyRestore(db, backup.backup);
    await settle();
    expect(changed).toHaveBeenCalledTimes(4);

    stop();
    await startChase(db, { site: 'demo', buyerId: 'u2' }, [15]);
    await settle();
    expect(changed).toHaveBeenCalledTimes(4);
  });
});
