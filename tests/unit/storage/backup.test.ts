import { beforeEach, describe, expect, it } from 'vitest';
import type { KefuDB } from '../../../storage/db';
import { freshDbPerTest } from '../../helpers/db';
import { applyRestore, exportBackup, isNoop, parseBackup, planRestore, stable, TABLE_NAMES } from '../../../storage/backup';
import { savePhrase } from '../../../storage/repositories/phrase-writes';
import { ensureDefaultPacks } from '../../../storage/repositories/packs';
import { ensureDefaultRules } from '../../../storage/repositories/rules';
import { increment } from '../../../storage/repositories/tally';
import { addHandover, saveBuyerNote } from '../../../storage/repositories/notes';
import { saveSettings } from '../../../storage/repositories/settings';
import { recordResponse } from '../../../storage/repositories/responses';
import { startChase } from '../../../storage/repositories/reminders';
import defaultPack from '../../../scripts-library/packs/default.json';

const freshDb = freshDbPerTest();
let db: KefuDB;
beforeEach(async () => {
  db = freshDb();
  await ensureDefaultPacks(db);
  await ensureDefaultRules(db);
  await increment(db, '小王', '2026-11-23', 'day', 'consults', 3);
  await saveBuyerNote(db, 'demo', 'b1', '穿M码');
  await addHandover(db, { shift: 'day', inProgress: '', urgent: '改地址', potential: '', text: '' });
  await saveSettings(db, { shopName: '小美服饰' });
  await recordResponse(db, { agent: '小王', day: '2026-11-23', shift: 'day', site: 'demo', buyer: 'demo|小美', buyerAt: 1_000, repliedAt: 31_000 });
  await startChase(db, { site: 'demo', buyerId: 'b1' }, [15], 1_000, { kind: 'bad-review' });
});

const everything = async () => Object.fromEntries(await Promise.all(TABLE_NAMES.map(async (n) => [n, stable(await db.table(n).orderBy(':id').toArray())])));

describe('backup', () => {
  it('export → wipe → restore gives identical data; restoring twice changes nothing', async () => {
    const before = await everything();
    const file = await exportBackup(db);
    await Promise.all(TABLE_NAMES.map((n) => db.table(n).clear()));
    const parsed = parseBackup(file);
    if (!parsed.ok) throw new Error(parsed.error);
    const plan = await planRestore(db, parsed.backup);
    expect(plan.phrases.added).toBe(defaultPack.phrases.length);
    expect(plan.responses.added).toBe(1); // response times and follow-up ladders travel with the backup
    expect(plan.reminders.added).toBe(2);
    await applyRestore(db, parsed.backup);
    expect(await everything()).toEqual(before);
    expect(isNoop(await planRestore(db, parsed.backup))).toBe(true);
    await applyRestore(db, parsed.backup);
    expect(await everything()).toEqual(before);
  });

  it('a backup written before response times existed (no responses table) still restores', async () => {
    const file = JSON.parse(await exportBackup(db)) as { tables: Record<string, unknown> };
    delete file.tables.responses;
    const parsed = parseBackup(JSON.stringify(file));
    if (!parsed.ok) throw new Error(parsed.error);
    expect(parsed.backup.tables.responses).toEqual([]);
  });

  it('shows what will change', async () => {
    const file = await exportBackup(db);
    await savePhrase(db, { id: 'user-x', stageId: 'greeting', title: '新短语', body: '新内容', tags: [] });
    await db.phrases.update('stock-yes', { body: '改过的', updatedAt: 1 });
    const parsed = parseBackup(file);
    if (!parsed.ok) throw new Error(parsed.error);
    expect((await planRestore(db, parsed.backup)).phrases).toEqual({ added: 0, changed: 1, removed: 1, unchanged: defaultPack.phrases.length - 1 });
  });

  it.each([
    ['truncated', (f: string) => f.slice(0, f.length / 2), 'JSON 无法解析'],
    ['not a backup', () => '{"hello":1}', '不是有效的备份文件'],
    ['a bad row', (f: string) => f.replace('"consults":3', '"consults":-3'), '不是有效的备份文件'],
    ['from a newer version', (f: string) => f.replace(/"schemaVersion":\d+/, '"schemaVersion":99'), '更新的版本'],
  ])('a %s file is refused with a reason and nothing changes', async (_label, mangle, reason) => {
    const before = await everything();
    const parsed = parseBackup(mangle(await exportBackup(db)));
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error).toContain(reason);
    expect(await everything()).toEqual(before);
  });
});

describe('what the app writes, the restore takes', () => {
  it('a 问题登记本 answer over 2,000 characters is refused at the write, so the backup stays restorable', async () => {
    const { addProblem, answerProblem } = await import('../../../storage/repositories/notes');
    const p = await addProblem(db, '能开发票吗', '订单 2311');
    await expect(answerProblem(db, p.id, '长'.repeat(2001))).rejects.toThrow();
    await answerProblem(db, p.id, '可以，下单后在订单页申请');
    const parsed = parseBackup(await exportBackup(db));
    expect(parsed.ok).toBe(true);
  });

  it('a backup with two rows of one id is refused with the table and row, and nothing changes', async () => {
    const before = await everything();
    const file = JSON.parse(await exportBackup(db)) as { tables: { phrases: unknown[] } };
    file.tables.phrases.push(file.tables.phrases[0]);
    const parsed = parseBackup(JSON.stringify(file));
    expect(parsed).toMatchObject({ ok: false, error: expect.stringContaining('tables.phrases.') });
    expect(await everything()).toEqual(before);
  });
});
