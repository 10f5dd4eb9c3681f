/**
 * Backup and restore of everything the extension stores (phrases, stages, rules, tally, notes, reminders,
 * response times, settings) as one versioned JSON file. Restore validates every row with its zod schema, shows what will change,
 * and replaces the data in ONE transaction: all of it or nothing. Restoring the same file twice changes nothing.
 */
import { issueText } from '../scripts-library/issue-text';
import { z } from 'zod';
import type { KefuDB } from './db';
import { CURRENT_VERSION } from './schema-versions';
import { NoteSchema, PhraseSchema, ReminderSchema, ResponseSchema, RuleSchema, SettingRowSchema, StageSchema, TallySchema } from '../scripts-library/schema';
import { parseJsonFile } from '../scripts-library/phrase-io';

const TABLES = {
  phrases: PhraseSchema,
  stages: StageSchema,
  rules: RuleSchema,
  tally: TallySchema,
  notes: NoteSchema,
  reminders: ReminderSchema,
  responses: ResponseSchema,
  settings: SettingRowSchema,
} as const;
export type TableName = keyof typeof TABLES;
export const TABLE_NAMES = Object.keys(TABLES) as TableName[];

export const BackupSchema = z.object({
  format: z.literal('kefu-backup'),
  version: z.literal(1),
  exportedAt: z.number(),
  schemaVersion: z.number().int().positive(),
  tables: z.object({
    phrases: z.array(PhraseSchema),
    stages: z.array(StageSchema),
    rules: z.array(RuleSchema),
    tally: z.array(TallySchema),
    notes: z.array(NoteSchema),
    reminders: z.array(ReminderSchema),
    /** Response times (schema v5): a backup from before has none, and restoring it leaves none. */
    responses: z.array(ResponseSchema).default([]),
    settings: z.array(SettingRowSchema),
  }),
});
export type Backup = z.infer<typeof BackupSchema>;

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

export async function exportBackup(db: KefuDB, now = Date.now()): Promise<string> {
  const tables = await db.transaction('r', TABLE_NAMES.map((n) => table(db, n)), async () => {
    const out: Record<string, unknown[]> = {};
    for (const name of TABLE_NAMES) out[name] = await table(db, name).toArray();
    return out;
  });
  return JSON.stringify({ format: 'kefu-backup', version: 1, exportedAt: now, schemaVersion: CURRENT_VERSION, tables });
}

export type ParsedBackup = { ok: true; backup: Backup } | { ok: false; error: string };

export function parseBackup(text: string): ParsedBackup {
  const json = parseJsonFile(text);
  if (!json.ok) return json;
  const parsed = BackupSchema.safeParse(json.json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return { ok: false, error: `不是有效的备份文件：${issueText(issue)}` };
  }
  // Two rows with one key: the restore would keep one silently and its preview would count both.
  for (const name of TABLE_NAMES) {
    const seen = new Set<string>();
    for (const [i, row] of (parsed.data.tables[name] as Record<string, unknown>[]).entries()) {
      const key = keyOf(name, row);
      if (seen.has(key)) return { ok: false, error: `不是有效的备份文件：tables.${name}.${i} 的 id “${key.slice(0, 40)}” 重复` };
      seen.add(key);
    }
  }
  if (parsed.data.schemaVersion > CURRENT_VERSION) {
    return { ok: false, error: `备份来自更新的版本（数据版本 ${parsed.data.schemaVersion}），请先更新扩展` };
  }
  return { ok: true, backup: parsed.data };
}

export type RestorePlan = Record<TableName, { added: number; changed: number; removed: number; unchanged: number }>;

/** What restoring would change, table by table. */
export async function planRestore(db: KefuDB, backup: Backup): Promise<RestorePlan> {
  const plan = {} as RestorePlan;
  for (const name of TABLE_NAMES) {
    const current = new Map((await table(db, name).toArray()).map((r: Record<string, unknown>) => [keyOf(name, r), stable(r)]));
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

export const isNoop = (plan: RestorePlan) => TABLE_NAMES.every((n) => !plan[n].added && !plan[n].changed && !plan[n].removed);

/** Replace every table with the backup's rows, in one transaction (Dexie rolls back on any error). */
export async function applyRestore(db: KefuDB, backup: Backup): Promise<void> {
  await db.transaction('rw', TABLE_NAMES.map((n) => table(db, n)), async () => {
    for (const name of TABLE_NAMES) {
      await table(db, name).clear();
      await table(db, name).bulkAdd(backup.tables[name]);
    }
  });
}
