/**
 * Team mode and the backup file (#35): the invite token (and this browser's device id) never go into a backup, a
 * backup never joins a team when restored (even a file that carries a team row), and restoring one keeps the team
 * this browser has joined.
 */
import { describe, expect, it } from 'vitest';
import { freshDbPerTest } from '../../helpers/db';
import { applyRestore, exportBackup, parseBackup } from '../../../storage/backup';
import { deviceId, getTeamConfig, saveTeamConfig } from '../../../storage/repositories/team-config';
import { saveSettings } from '../../../storage/repositories/settings';
import { TEAM_DEVICE_KEY, TEAM_KEY, type TeamConfig } from '../../../scripts-library/team/team-config';

const freshDb = freshDbPerTest();
const TOKEN = `kft_${'S3cret'.repeat(6)}`;
const joined: TeamConfig = { team: 'shop1', role: 'agent', agent: 'xiaomei', server: 'https://sync.example-shop.cn', token: TOKEN, joinedAt: 1 };

describe('backup and team mode', () => {
  it('a backup of a joined browser holds neither the invite token nor the team row nor the device id', async () => {
    const db = freshDb();
    await saveSettings(db, { shopName: '小美服饰' });
    await saveTeamConfig(db, joined);
    const device = await deviceId(db);
    const file = await exportBackup(db);
    expect(file).not.toContain(TOKEN);
    expect(file).not.toContain('sync.example-shop.cn');
    expect(file).not.toContain(device);
    expect(file).toContain('小美服饰'); // the other settings are there
  });

  it('restoring a file that carries a team row (an older backup, or a crafted one) joins no team', async () => {
    const db = freshDb();
    await saveSettings(db, { shopName: '小美服饰' });
    const file = JSON.parse(await exportBackup(db)) as { tables: { settings: unknown[] } };
    file.tables.settings.push({ key: TEAM_KEY, value: joined }, { key: TEAM_DEVICE_KEY, value: 'd-copiedfromelsewhere' });
    const parsed = parseBackup(JSON.stringify(file));
    if (!parsed.ok) throw new Error(parsed.error);
    await applyRestore(db, parsed.backup, parsed.rejected);
    expect(await getTeamConfig(db)).toBeUndefined();
    expect((await db.settings.get(TEAM_DEVICE_KEY))?.value).not.toBe('d-copiedfromelsewhere');
  });

  it('restoring a backup keeps the team this browser joined (and its device id)', async () => {
    const db = freshDb();
    const file = await exportBackup(db);
    await saveTeamConfig(db, joined);
    const device = await deviceId(db);
    const parsed = parseBackup(file);
    if (!parsed.ok) throw new Error(parsed.error);
    await applyRestore(db, parsed.backup, parsed.rejected);
    expect(await getTeamConfig(db)).toEqual(joined);
    expect(await deviceId(db)).toBe(device);
  });
});
