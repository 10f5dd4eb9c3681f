/**
 * Backup and restore of everything the extension stores (phrases, stages, rules, tally, notes, reminders,
 * response times, settings) as one versioned JSON file. Restore validates every row with its zod schema, shows what
 * will change, and replaces the data in ONE transaction. A row today's schemas refuse (an older version let it
 * through) costs only itself: it is named in the preview and kept aside (row-check.ts), every other row is
 * restored (#30 N9). Restoring the same file twice changes nothing.
 */
import { issueText } from '../scripts-library/files/issue-text';
import { z } from 'zod';
import type { KefuDB } from './db';
import { CURRENT_VERSION } from './schema-versions';
import type { Note, Phrase, Reminder, ResponseRecord, Rule, SettingRow, Stage, Tally } from '../scripts-library/shared/schema';
import { parseJsonFile, type FileResult } from '../scripts-library/files/file-result';
import { checkRow, quarantineRow, rowKey, TABLE_NAMES, type TableName } from './row-check';
import { TEAM_DEVICE_KEY, TEAM_KEY } from '../scripts-library/team/team-config';
import { fileText } from '../scripts-library/files/file-text';

export { TABLE_NAMES, type TableName } from './row-check';

const rows = z.array(z.unknown()).max(2_000_000);
/** The file's frame; its rows are checked one by one (parseBackup). */
const BackupFileSchema = z.object({
  format: z.literal('kefu-backup'),
  version: z.literal(1),
  exportedAt: z.number(),
  schemaVersion: z.number().int().positive(),
  tables: z.object({
    phrases: rows,
    stages: rows,
    rules: rows,
    tally: rows,
    notes: rows,
    reminders: rows,
    /** Response times (schema v5): a backup from before has none, and restoring it leaves none. */
    responses: rows.default([]),
    settings: rows,
  }),
});

export interface Backup {
  format: 'kefu-backup';
  version: 1;
  exportedAt: number;
  schemaVersion: number;
  tables: { phrases: Phrase[]; stages: Stage[]; rules: Rule[]; tally: Tally[]; notes: Note[]; reminders: Reminder[]; responses: ResponseRecord[]; settings: SettingRow[] };
}

/** A row of the file that is not restored: where it is, its id, and why. */
export interface RejectedRow {
  table: TableName;
  index: number;
  key: string;
  reason: string;
  row: unknown;
}

const table = (db: KefuDB, name: TableName) => db.table(name);

/** JSON with sorted keys and without undefined values: equal rows compare equal whatever their key order. */
export function stable(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).filter(([, x]) => x !== undefined).sort(([a], [b]) => (a < b ? -1 : 1)))
      : v,
  );
}
const keyOf = (name: TableName, row: Record<string, unknown>) => String(name === 'settings' ? row.key : row.id);

/**
 * Settings rows of this browser only (team mode, #35): the joined team with its invite token, and the device id a
 * tally row is kept under. A backup never carries them, a restore never takes them from a file (restoring never
 * joins a team, nor makes two browsers one device) and keeps this browser's own.
 */
const BROWSER_ONLY = new Set<unknown>([TEAM_KEY, TEAM_DEVICE_KEY]);
const browserOnly = (name: TableName, row: unknown) => name === 'settings' && !!row && typeof row === 'object' && BROWSER_ONLY.has((row as { key?: unknown }).key);
/** A table's rows as a backup sees them (without this browser's own settings rows). */
const rowsOf = async (db: KefuDB, name: TableName): Promise<Record<string, unknown>[]> =>
  ((await table(db, name).toArray()) as Record<string, unknown>[]).filter((r) => !browserOnly(name, r));

export async function exportBackup(db: KefuDB, now = Date.now()): Promise<string> {
  const tables = await db.transaction('r', TABLE_NAMES.map((n) => table(db, n)), async () => {
    const out: Record<string, unknown[]> = {};
    for (const name of TABLE_NAMES) out[name] = await rowsOf(db, name);
    return out;
  });
  return JSON.stringify({ format: 'kefu-backup', version: 1, exportedAt: now, schemaVersion: CURRENT_VERSION, tables });
}

export type ParsedBackup = FileResult<{ backup: Backup; rejected: RejectedRow[] }>;

const NEWER = (v: number) => fileText('fileBackupNewer', v);

/**
 * Read a backup file. A file of a newer version is refused as such before its rows are read (they may have
 * shapes this version does not know, #30 m2). Otherwise every row is checked on its own: the valid ones make the
 * backup, the others (and a second row with a key already seen) are listed in `rejected`.
 */
export function parseBackup(text: string): ParsedBackup {
  const json = parseJsonFile(text);
  if (!json.ok) return json;
  const head = z.object({ format: z.literal('kefu-backup'), version: z.number(), schemaVersion: z.number() }).safeParse(json.json);
  if (head.success && (head.data.schemaVersion > CURRENT_VERSION || head.data.version > 1)) return { ok: false, error: NEWER(head.data.schemaVersion) };
  const parsed = BackupFileSchema.safeParse(json.json);
  if (!parsed.success) return { ok: false, error: fileText('fileNotBackup', issueText(parsed.error.issues[0]!)) };
  const rejected: RejectedRow[] = [];
  const tables = {} as Record<TableName, unknown[]>;
  for (const name of TABLE_NAMES) {
    const seen = new Set<string>();
    tables[name] = [];
    for (const [index, raw] of parsed.data.tables[name].entries()) {
      if (browserOnly(name, raw)) continue;
      const key = rowKey(name, raw);
      const checked = checkRow(name, raw);
      if (!checked.ok) rejected.push({ table: name, index, key, reason: checked.reason, row: raw });
      else if (seen.has(key)) rejected.push({ table: name, index, key, reason: fileText('fileRowDuplicate', key.slice(0, 40)), row: raw });
      else {
        seen.add(key);
        tables[name].push(checked.row);
      }
    }
  }
  const { format, version, exportedAt, schemaVersion } = parsed.data;
  return { ok: true, backup: { format, version, exportedAt, schemaVersion, tables: tables as unknown as Backup['tables'] }, rejected };
}

export type RestorePlan = Record<TableName, { added: number; changed: number; removed: number; unchanged: number }>;

/** What restoring would change, table by table. */
export async function planRestore(db: KefuDB, backup: Backup): Promise<RestorePlan> {
  const plan = {} as RestorePlan;
  for (const name of TABLE_NAMES) {
    const current = new Map((await rowsOf(db, name)).map((r) => [keyOf(name, r), stable(r)]));
    const incoming = backup.tables[name] as Record<string, unknown>[];
    const counts = { added: 0, changed: 0, removed: 0, unchanged: 0 };
    const seen = new Set<string>();
    for (const row of incoming) {
      const key = keyOf(name, row);
      seen.add(key);
      const old = current.get(key);
      if (old === undefined) counts.added++;
      else if (old === stable(row)) counts.unchanged++;
      else counts.changed++;
    }
    for (const key of current.keys()) if (!seen.has(key)) counts.removed++;
    plan[name] = counts;
  }
  return plan;
}

/** What a restore would take from the data as it is now: rows deleted and rows reverted, by kind. */
export const LOSS_GROUPS = ['tally', 'handover', 'problem', 'buyer', 'reminders', 'responses', 'phrases', 'stages', 'rules', 'settings'] as const;
export type LossGroup = (typeof LOSS_GROUPS)[number];
export type RestoreLosses = Record<LossGroup, { removed: number; changed: number }>;

/** The group a row is counted in: its table, or for notes its kind (问题登记, 交接记录, 买家备注). */
export function lossGroup(name: TableName, row: unknown): LossGroup {
  if (name !== 'notes') return name;
  const kind = row && typeof row === 'object' ? (row as { kind?: unknown }).kind : undefined;
  return kind === 'handover' || kind === 'buyer' ? kind : 'problem';
}

/**
 * The rows of this machine a restore would delete (the backup has no row with their key) or revert (it has an
 * older one): what was done after the backup, named in the preview before anything is written (#29 item 5).
 */
export async function planLosses(db: KefuDB, backup: Backup, tables: readonly TableName[] = TABLE_NAMES): Promise<RestoreLosses> {
  const losses = Object.fromEntries(LOSS_GROUPS.map((g) => [g, { removed: 0, changed: 0 }])) as RestoreLosses;
  for (const name of tables) {
    const incoming = new Map((backup.tables[name] as Record<string, unknown>[]).map((r) => [keyOf(name, r), stable(r)]));
    for (const row of await rowsOf(db, name)) {
      const theirs = incoming.get(keyOf(name, row));
      if (theirs === undefined) losses[lossGroup(name, row)].removed++;
      else if (theirs !== stable(row)) losses[lossGroup(name, row)].changed++;
    }
  }
  return losses;
}

/** The tables 仅还原短语库 restores. */
export const PHRASE_TABLES: readonly TableName[] = ['phrases', 'stages'];

export const isNoop = (plan: RestorePlan) => TABLE_NAMES.every((n) => !plan[n].added && !plan[n].changed && !plan[n].removed);

/**
 * Replace every table (or the tables `only` names) with the backup's rows, in one transaction (Dexie rolls back on any error). The rows the
 * file had and today's schemas refuse (`rejected`) are kept aside as quarantine rows of the settings.
 */
export async function applyRestore(db: KefuDB, backup: Backup, rejected: readonly RejectedRow[] = [], now = Date.now(), only?: readonly TableName[]): Promise<void> {
  const tables = only ?? TABLE_NAMES;
  const aside = rejected.filter((r) => tables.includes(r.table)).map((r) => quarantineRow(r.table, r.key, r.index, r.row, r.reason, now));
  const settings = tables.includes('settings') ? [...backup.tables.settings] : [];
  const keys = new Set(settings.map((r) => r.key));
  const extra = aside.filter((r) => !keys.has(r.key) && (keys.add(r.key), true));
  const touched = [...new Set<TableName>([...tables, ...(extra.length ? (['settings'] as const) : [])])];
  await db.transaction('rw', touched.map((n) => table(db, n)), async () => {
    for (const name of tables) {
      const kept = name === 'settings' ? (await db.settings.bulkGet([...BROWSER_ONLY] as string[])).filter((r) => r !== undefined) : [];
      await table(db, name).clear();
      await table(db, name).bulkAdd(name === 'settings' ? [...settings.filter((r) => !browserOnly(name, r)), ...kept] : backup.tables[name]);
    }
    if (extra.length) await db.settings.bulkPut(extra);
  });
}
