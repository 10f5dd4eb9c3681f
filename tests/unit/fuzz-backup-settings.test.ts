/**
 * Hostile rows in a backup and in the settings table (#30 N9, N10, m2): whatever one row holds, a restore takes
 * every other row, names the bad one with a clear reason, keeps it aside, and the app reads its settings and
 * counts consults afterwards. A backup written after such a restore restores with nothing left over.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { KefuDB } from '../../storage/db';
import { freshDbPerTest } from '../helpers/db';
import { ensureDefaultPacks } from '../../storage/repositories/packs';
import { ensureDefaultRules } from '../../storage/repositories/rules';
import { applyRestore, exportBackup, parseBackup, stable, TABLE_NAMES, type TableName } from '../../storage/backup';
import { getSettings, saveSettings } from '../../storage/repositories/settings';
import { increment, recordConsultOnce } from '../../storage/repositories/tally';
import { addHandover, addProblem, saveBuyerNote } from '../../storage/repositories/notes';
import { startChase } from '../../storage/repositories/reminders';
import { QUARANTINE_PREFIX, SettingsSchema } from '../../scripts-library/shared/schema';

const freshDb = freshDbPerTest('fuzz-backup');
let db: KefuDB;
let valid: string;
beforeEach(async () => {
  vi.spyOn(console, 'warn').mockImplementation(() => {});
  db = freshDb();
  await ensureDefaultPacks(db);
  await ensureDefaultRules(db);
  await saveSettings(db, { shopName: '小美服饰', chaseLadder: [15, 60] });
  await increment(db, '小王', '2026-12-06', 'day', 'consults', 2);
  await recordConsultOnce(db, '小王', '2026-12-06', 'day', 'demo|b1');
  await saveBuyerNote(db, 'demo', 'b1', '老客户');
  await addProblem(db, '能开发票吗', '小美');
  await addHandover(db, { shift: 'day', inProgress: '', urgent: '改地址', potential: '', text: '' });
  await startChase(db, { site: 'demo', buyerId: 'b1' }, [15], Date.now());
  valid = await exportBackup(db, 1);
});

const rows = async (name: TableName) => stable(await db.table(name).orderBy(':id').toArray());
const clear = (text: string) => {
  expect(text.length).toBeGreaterThan(3);
  expect(text).not.toMatch(/(?<!received )undefined|\[object|at .+\(.+:\d+:\d+\)/);
};
type Row = Record<string, unknown>;

/** One hostile row: the table, the row (built from the table's first row when asked), and its key. */
const HOSTILE: [string, TableName, (first: Row) => unknown][] = [
  ['a phrase of null', 'phrases', () => null],
  ['a phrase of a number', 'phrases', () => 42],
  ['a phrase as an array', 'phrases', (f) => [f]],
  ['a phrase without a body', 'phrases', (f) => ({ ...f, id: 'x1', body: undefined })],
  ['a phrase body of 501 characters', 'phrases', (f) => ({ ...f, id: 'x2', body: '长'.repeat(501) })],
  ['a phrase with six wordings', 'phrases', (f) => ({ ...f, id: 'x3', variants: ['a', 'b', 'c', 'd', 'e'] })],
  ['a phrase use count of -1', 'phrases', (f) => ({ ...f, id: 'x4', useCount: -1 })],
  ['a phrase use count of NaN (null in JSON)', 'phrases', (f) => ({ ...f, id: 'x5', useCount: null })],
  ['a phrase id of 81 characters', 'phrases', (f) => ({ ...f, id: 'x'.repeat(81) })],
  ['a __proto__ phrase id', 'phrases', (f) => ({ ...f, id: '__proto__' })],
  ['a team-pack link without a version', 'phrases', (f) => ({ ...f, id: 'x6', pack: { id: 'p', ref: 'r', hash: 'h' } })],
  ['a stage colour that is no colour', 'stages', (f) => ({ ...f, id: 's1', color: 'blue' })],
  ['a stage name of 21 characters', 'stages', (f) => ({ ...f, id: 's2', name: '阶'.repeat(21) })],
  ['a rule pattern ^(a+)+$', 'rules', (f) => ({ ...f, id: 'r1', patterns: ['^(a+)+$'] })],
  ['a rule pattern x*', 'rules', (f) => ({ ...f, id: 'r2', terms: [], patterns: ['x*'] })],
  ['a rule pattern that does not compile', 'rules', (f) => ({ ...f, id: 'r3', patterns: ['(['] })],
  ['a rule of an unknown category', 'rules', (f) => ({ ...f, id: 'r4', category: 'spam' })],
  ['a rule with nothing to match', 'rules', (f) => ({ ...f, id: 'r5', terms: [], patterns: [], near: undefined })],
  ['a rule term of 41 characters', 'rules', (f) => ({ ...f, id: 'r6', terms: ['词'.repeat(41)] })],
  ['a tally day that is no date', 'tally', (f) => ({ ...f, id: 'a|x|day', day: '23/11/2026' })],
  ['a negative tally count', 'tally', (f) => ({ ...f, id: 'a|2026-11-01|day', day: '2026-11-01', consults: -3 })],
  ['a negative amount', 'tally', (f) => ({ ...f, id: 'a|2026-11-02|day', day: '2026-11-02', amount: -9 })],
  ['a tally count as text', 'tally', (f) => ({ ...f, id: 'a|2026-11-03|day', day: '2026-11-03', consults: '3' })],
  ['a note of an unknown kind', 'notes', () => ({ id: 'n1', kind: 'diary', text: '', createdAt: 1, updatedAt: 1 })],
  ['a note text of 5,001 characters', 'notes', () => ({ id: 'n2', kind: 'buyer', text: '字'.repeat(5001), createdAt: 1, updatedAt: 1 })],
  ['an answer of 2,500 characters', 'notes', () => ({ id: 'n3', kind: 'problem', text: '', answer: '答'.repeat(2500), createdAt: 1, updatedAt: 1 })],
  ['a note stamped before 1970', 'notes', () => ({ id: 'n4', kind: 'problem', text: '', createdAt: -5, updatedAt: -5 })],
  ['a note revision of -1', 'notes', () => ({ id: 'n5', kind: 'problem', text: '', rev: -1, createdAt: 1, updatedAt: 1 })],
  ['a handover day that is no date', 'notes', () => ({ id: 'n6', kind: 'handover', text: '', day: 'monday', createdAt: 1, updatedAt: 1 })],
  ['a reminder of an unknown status', 'reminders', () => ({ id: 'm1', site: 'demo', buyerId: 'b', step: 0, dueAt: 1, status: 'snoozed' })],
  ['a reminder due before 1970', 'reminders', () => ({ id: 'm2', site: 'demo', buyerId: 'b', step: 0, dueAt: -62_000_000_000_000, status: 'pending' })],
  ['a reminder of an unknown ladder', 'reminders', () => ({ id: 'm3', kind: 'nag', site: 'demo', buyerId: 'b', step: 0, dueAt: 1, status: 'pending' })],
  ['a response of negative milliseconds', 'responses', () => ({ id: 'q1', agent: 'a', day: '2026-12-06', shift: 'day', site: 'demo', buyer: 'b', buyerAt: 1, repliedAt: 2, ms: -1, first: true })],
  ['a setting without a key', 'settings', () => ({ value: 1 })],
  ['a setting key of a number', 'settings', () => ({ key: 7, value: 1 })],
  ['consultSeen as text', 'settings', () => ({ key: 'consultSeen:2026-12-07', value: 'oops' })],
  ['consultSeen as an object with a length', 'settings', () => ({ key: 'consultSeen:2026-12-08', value: { length: 3, includes: 1 } })],
  ['consultSeen of numbers', 'settings', () => ({ key: 'consultSeen:2026-12-09', value: [1, 2] })],
  ['shopName as a number', 'settings', () => ({ key: 'shopName', value: 42 })],
  ['shopName of 41 characters', 'settings', () => ({ key: 'shopName', value: '店'.repeat(41) })],
  ['a chase ladder of negative minutes', 'settings', () => ({ key: 'chaseLadder', value: [-15] })],
  ['a chase ladder as text', 'settings', () => ({ key: 'chaseLadder', value: '15, 1440' })],
  ['shifts without times', 'settings', () => ({ key: 'shifts', value: [{ id: 'day', name: '白班' }] })],
  ['a wait limit of 2 seconds', 'settings', () => ({ key: 'waitLimitSec', value: 2 })],
  ['enabled sites that are no pattern', 'settings', () => ({ key: 'enabledSites', value: ['javascript:alert(1)'] })],
  ['an installed team pack without phrase ids', 'settings', () => ({ key: 'teamPack:x', value: { id: 'x', name: 'X', version: 1 } })],
  ['an install mark as text', 'settings', () => ({ key: 'installedPack:default', value: 'yes' })],
  ['a rules revision as a number', 'settings', () => ({ key: 'rulesRevision:default', value: 7 })],
  ['a quarantine row without its reason', 'settings', () => ({ key: `${QUARANTINE_PREFIX}notes:x`, value: { table: 'notes', row: {} } })],
];

/** The backup with one hostile row: replacing the same key's row, or added to its table. */
function withRow(name: TableName, make: (first: Row) => unknown): string {
  const file = JSON.parse(valid) as { tables: Record<TableName, unknown[]> };
  const table = file.tables[name];
  const bad = make((table[0] ?? {}) as Row);
  const key = bad && typeof bad === 'object' && !Array.isArray(bad) ? (bad as Row)[name === 'settings' ? 'key' : 'id'] : undefined;
  const at = table.findIndex((r) => (r as Row)[name === 'settings' ? 'key' : 'id'] === key);
  if (at >= 0 && key !== undefined) table[at] = bad;
  else table.push(bad);
  return JSON.stringify(file);
}

describe('a backup with one hostile row', () => {
  it(`takes ${HOSTILE.length} kinds of row`, () => expect(HOSTILE.length).toBeGreaterThanOrEqual(45));

  it.each(HOSTILE)('%s: the row is named and kept aside, every other row restored, the app still reads its data', async (_label, name, make) => {
    const text = withRow(name, make);
    const parsed = parseBackup(text);
    if (!parsed.ok) throw new Error(parsed.error);
    expect(parsed.rejected).toHaveLength(1);
    expect(parsed.rejected[0]!.table).toBe(name);
    clear(parsed.rejected[0]!.reason);
    const expected = JSON.parse(text) as { tables: Record<TableName, unknown[]> };
    await Promise.all(TABLE_NAMES.map((n) => db.table(n).clear()));
    await applyRestore(db, parsed.backup, parsed.rejected);
    // Every other table is the file's, row for row.
    for (const other of TABLE_NAMES.filter((n) => n !== name && n !== 'settings')) {
      expect((await db.table(other).count())).toBe(expected.tables[other].length);
    }
    expect(await db.table(name).count()).toBe(expected.tables[name].length - 1 + (name === 'settings' ? 1 : 0));
    expect(await db.settings.where('key').startsWith(QUARANTINE_PREFIX).count()).toBe(1);
    // The app reads what was restored, and a new backup restores whole.
    expect(SettingsSchema.safeParse(await getSettings(db)).success).toBe(true);
    await expect(recordConsultOnce(db, '小王', '2026-12-07', 'day', 'demo|b2')).resolves.toBe(true);
    expect(parseBackup(await exportBackup(db))).toMatchObject({ ok: true, rejected: [] });
  });
});

/** A small deterministic generator (the same cases every run). */
function prng(seed: number) {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s ^ (s >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0) / 2 ** 32);
}
const WEIRD: unknown[] = [null, -1, 1.5, 2 ** 53, '', '　', 'x'.repeat(6000), '__proto__', [], {}, [null], { __proto__: { polluted: true } }, true, '2026-13-45', -62_000_000_000_000];

describe('random damage to random fields', () => {
  it('120 backups, each with a few fields replaced by hostile values: never a throw, the rest restored, no pollution', async () => {
    const rand = prng(30);
    const base = JSON.parse(valid) as { tables: Record<TableName, Row[]> };
    for (let round = 0; round < 120; round++) {
      const file = structuredClone(base);
      for (let k = 0; k < 3; k++) {
        const name = TABLE_NAMES[Math.floor(rand() * TABLE_NAMES.length)]!;
        const table = file.tables[name];
        if (!table.length) continue;
        const row = table[Math.floor(rand() * table.length)]!;
        const fields = Object.keys(row);
        row[fields[Math.floor(rand() * fields.length)]!] = WEIRD[Math.floor(rand() * WEIRD.length)];
      }
      const parsed = parseBackup(JSON.stringify(file));
      if (!parsed.ok) {
        clear(parsed.error);
        continue;
      }
      for (const r of parsed.rejected) clear(r.reason);
      if (round % 30 === 0) {
        await applyRestore(db, parsed.backup, parsed.rejected);
        expect(SettingsSchema.safeParse(await getSettings(db)).success).toBe(true);
        expect(parseBackup(await exportBackup(db))).toMatchObject({ ok: true, rejected: [] });
      }
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(await rows('phrases')).not.toBe('[]');
  }, 60_000);
});

describe('a backup of a newer version', () => {
  it.each([
    ['rows of shapes unknown here', (f: Row) => ({ ...f, schemaVersion: 99, tables: { ...(f.tables as Row), notes: [{ id: 'v', kind: 'voice-memo' }] } })],
    ['a table unknown here', (f: Row) => ({ ...f, schemaVersion: 99, tables: { ...(f.tables as Row), macros: [{}] } })],
    ['a future file version', (f: Row) => ({ ...f, version: 2 })],
  ])('with %s says 来自更新的版本, and nothing is written', async (_label, mutate) => {
    const before = await rows('phrases');
    const parsed = parseBackup(JSON.stringify(mutate(JSON.parse(valid) as Row)));
    expect(parsed).toMatchObject({ ok: false, error: expect.stringContaining('来自更新的版本') });
    expect(await rows('phrases')).toBe(before);
  });
});
