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

  it('a backup with two rows of one id: the first is restored, the second named and kept aside', async () => {
    const file = JSON.parse(await exportBackup(db)) as { tables: { phrases: unknown[] } };
    const count = file.tables.phrases.length;
    file.tables.phrases.push(file.tables.phrases[0]);
    const parsed = parseBackup(JSON.stringify(file));
    if (!parsed.ok) throw new Error(parsed.error);
    expect(parsed.backup.tables.phrases).toHaveLength(count);
    expect(parsed.rejected).toEqual([expect.objectContaining({ table: 'phrases', index: count, reason: expect.stringContaining('重复') })]);
  });
});

// #30 N9: one bad row never costs the rest of a restore.
describe('a backup with rows today\'s schemas refuse', () => {
  const mangled = async () => {
    const file = JSON.parse(await exportBackup(db)) as { tables: Record<string, Record<string, unknown>[]> };
    const handover = file.tables.notes!.find((n) => n.kind === 'handover')!;
    handover.urgent = '改'.repeat(2500); // what an older version let through
    file.tables.rules![0]!.patterns = ['^(a+)+$'];
    file.tables.tally![0]!.consults = -3;
    return { text: JSON.stringify(file), handoverId: String(handover.id), ruleId: String(file.tables.rules![0]!.id), tallyId: String(file.tables.tally![0]!.id) };
  };

  it('restores everything else, names each bad row, and keeps the bad rows aside so nothing is lost', async () => {
    const before = await everything();
    const { text, handoverId, ruleId, tallyId } = await mangled();
    await Promise.all(TABLE_NAMES.map((n) => db.table(n).clear()));
    const parsed = parseBackup(text);
    if (!parsed.ok) throw new Error(parsed.error);
    expect(parsed.rejected.map((r) => [r.table, r.key])).toEqual([['rules', ruleId], ['tally', tallyId], ['notes', handoverId]]);
    expect(parsed.rejected.find((r) => r.table === 'notes')!.reason).toContain('urgent');
    await applyRestore(db, parsed.backup, parsed.rejected);
    const after = await everything();
    for (const name of ['phrases', 'stages', 'reminders', 'responses'] as const) expect(after[name]).toEqual(before[name]);
    expect(await db.notes.get('buyer|demo|b1')).toMatchObject({ text: '穿M码' });
    expect(await db.notes.get(handoverId)).toBeUndefined();
    expect(await db.rules.count()).toBe((JSON.parse(before.rules) as unknown[]).length - 1);
    // The refused rows are kept verbatim, and the next backup carries them and restores cleanly.
    const aside = await db.settings.where('key').startsWith('quarantine:').toArray();
    expect(aside.map((r) => (r.value as { table: string }).table).sort()).toEqual(['notes', 'rules', 'tally']);
    expect(JSON.stringify(aside)).toContain('改'.repeat(2500));
    const again = parseBackup(await exportBackup(db));
    expect(again).toMatchObject({ ok: true, rejected: [] });
  });

  it('a backup from a newer version says so, even when its rows have shapes this version does not know', async () => {
    const file = JSON.parse(await exportBackup(db)) as { schemaVersion: number; tables: Record<string, Record<string, unknown>[]> };
    file.schemaVersion = 99;
    file.tables.notes![0]!.kind = 'voice-memo';
    const parsed = parseBackup(JSON.stringify(file));
    expect(parsed).toMatchObject({ ok: false, error: expect.stringContaining('来自更新的版本') });
  });
});

// #30 N10: settings rows are checked per key family, on restore and on read.
describe('settings rows', () => {
  it('a consultSeen row that is not a list of buyers is refused on restore and named', async () => {
    const file = JSON.parse(await exportBackup(db)) as { tables: { settings: unknown[] } };
    file.tables.settings.push({ key: 'consultSeen:2026-12-06', value: 'oops' }, { key: 'shopName', value: 42 }, { key: 'teamPack:x', value: { id: 'x' } });
    const parsed = parseBackup(JSON.stringify(file));
    if (!parsed.ok) throw new Error(parsed.error);
    expect(parsed.rejected.map((r) => r.key)).toEqual(['consultSeen:2026-12-06', 'shopName', 'teamPack:x']);
  });

  it('a bad consultSeen row already stored does not break counting that day', async () => {
    const { recordConsultOnce } = await import('../../../storage/repositories/tally');
    await db.settings.put({ key: 'consultSeen:2026-12-06', value: 'oops' });
    expect(await recordConsultOnce(db, '小王', '2026-12-06', 'day', 'demo|b1')).toBe(true);
    expect(await recordConsultOnce(db, '小王', '2026-12-06', 'day', 'demo|b1')).toBe(false);
    await db.settings.put({ key: 'consultSeen:2026-12-06', value: { length: 3, includes: 1 } });
    expect(await recordConsultOnce(db, '小王', '2026-12-06', 'day', 'demo|b2')).toBe(true);
  });
});
