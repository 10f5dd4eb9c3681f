// @vitest-environment happy-dom
// 从备份恢复 (#29 item 5, #30 N9): the preview names what a restore would lose, by table, offers restoring only the
// phrase library, and lists the rows a restore cannot take.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { BackupPanel } from '../../components/settings/BackupPanel';
import { DbProvider } from '../../components/shared/db-context';
import { freshDbPerTest } from '../helpers/db';
import type { KefuDB } from '../../storage/db';
import { ensureDefaultPacks } from '../../storage/repositories/packs';
import { increment } from '../../storage/repositories/tally';
import { addHandover, addProblem } from '../../storage/repositories/notes';
import { exportBackup } from '../../storage/backup';
import { savePhrase } from '../../storage/repositories/phrase-writes';

const freshDb = freshDbPerTest();
let db: KefuDB;
beforeEach(async () => {
  db = freshDb();
  await ensureDefaultPacks(db);
});

const upload = async (text: string) => {
  await userEvent.upload(screen.getByTestId('restore-file'), new File([text], 'backup.json', { type: 'application/json' }));
  return screen.findByTestId('restore-preview');
};

describe('从备份恢复', () => {
  it('names what the restore would delete or revert, table by table, and can restore only the phrase library', async () => {
    const file = await exportBackup(db);
    // Done after the backup: today's 询单, two handovers, a problem, and a phrase of the shop's own.
    await increment(db, '小王', '2026-12-06', 'day', 'consults', 1);
    await addHandover(db, { shift: 'day', inProgress: '小美等尺码', urgent: '', potential: '', text: '' });
    await addHandover(db, { shift: 'day', inProgress: '阿强改地址', urgent: '', potential: '', text: '' });
    await addProblem(db, '能开发票吗', '小美');
    await savePhrase(db, { id: 'user-x', stageId: 'greeting', title: '新短语', body: '新内容', tags: [] });
    const notify = vi.fn();
    render(<DbProvider db={db}><BackupPanel notify={notify} /></DbProvider>);
    const preview = await upload(file);
    expect(preview).toHaveTextContent('统计 1 条、交接记录 2 条、问题登记 1 条、短语 1 条将被删除');

    await userEvent.click(within(preview).getByRole('button', { name: '仅还原短语库' }));
    await waitFor(() => expect(notify).toHaveBeenCalledWith('已从备份还原短语库，其他数据没有改动', 'ok'));
    expect(await db.phrases.get('user-x')).toBeUndefined();
    expect(await db.tally.count()).toBe(1);
    expect(await db.notes.count()).toBe(3);
  });

  it('lists the rows it cannot take and restores the rest', async () => {
    await addProblem(db, '能开发票吗', '小美');
    const file = JSON.parse(await exportBackup(db)) as { tables: { notes: Record<string, unknown>[] } };
    file.tables.notes[0]!.answer = '答'.repeat(2500);
    const id = String(file.tables.notes[0]!.id);
    await db.notes.clear();
    const notify = vi.fn();
    render(<DbProvider db={db}><BackupPanel notify={notify} /></DbProvider>);
    const preview = await upload(JSON.stringify(file));
    expect(preview).toHaveTextContent('1 行不符合当前格式，不会恢复，另存在本机（不会丢失）');
    expect(preview).toHaveTextContent(`问题登记 “${id}”：answer 太长或太大（最多 2000）`);
    await userEvent.click(within(preview).getByRole('button', { name: '恢复' }));
    await waitFor(() => expect(notify).toHaveBeenCalledWith('已从备份恢复', 'ok'));
    expect(await db.settings.get(`quarantine:notes:${id}`)).toBeDefined();
  });
});

describe('rows kept aside', () => {
  it('⚙ says how many rows an upgrade or a restore set aside, and why', async () => {
    await db.settings.put({ key: 'quarantine:notes:problem|1', value: { table: 'notes', row: { id: 'problem|1', kind: 'problem' }, reason: 'answer 太长或太大（最多 2000）', at: 1 } });
    render(<DbProvider db={db}><BackupPanel notify={vi.fn()} /></DbProvider>);
    const aside = await screen.findByTestId('quarantined');
    expect(aside).toHaveTextContent('1 行旧数据不符合当前格式，已另存在本机');
    expect(aside).toHaveTextContent('问题登记 “problem|1”：answer 太长或太大（最多 2000）');
  });
});
