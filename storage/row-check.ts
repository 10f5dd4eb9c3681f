/**
 * Each table's record schema, and what to do with a row today's schema refuses (#30 N9): it is not restored or
 * kept in its table, but set aside verbatim as a settings row `quarantine:<table>:<key>` with the reason, so
 * nothing is lost, a backup carries it, and it never again makes a backup unrestorable.
 */
import { issueText } from '../scripts-library/files/issue-text';
import {
  NoteSchema,
  PhraseSchema,
  QUARANTINE_PREFIX,
  ReminderSchema,
  ResponseSchema,
  RuleSchema,
  SettingRowSchema,
  StageSchema,
  TallySchema,
  type SettingRow,
} from '../scripts-library/shared/schema';

export const ROW_SCHEMAS = {
  phrases: PhraseSchema,
  stages: StageSchema,
  rules: RuleSchema,
  tally: TallySchema,
  notes: NoteSchema,
  reminders: ReminderSchema,
  responses: ResponseSchema,
  settings: SettingRowSchema,
} as const;
export type TableName = keyof typeof ROW_SCHEMAS;
export const TABLE_NAMES = Object.keys(ROW_SCHEMAS) as TableName[];

/** A row's key: its id, or a settings row's key; '' when it has none a table could use. */
export function rowKey(name: TableName, row: unknown): string {
  const key = row && typeof row === 'object' ? (row as Record<string, unknown>)[name === 'settings' ? 'key' : 'id'] : undefined;
  return typeof key === 'string' ? key : '';
}

export type RowCheck = { ok: true; row: Record<string, unknown> } | { ok: false; reason: string };

/** A row as today's schema reads it, or why it refuses it (in Chinese, with the field). */
export function checkRow(name: TableName, row: unknown): RowCheck {
  const parsed = ROW_SCHEMAS[name].safeParse(row);
  if (parsed.success) return { ok: true, row: parsed.data as Record<string, unknown> };
  return { ok: false, reason: issueText(parsed.error.issues[0]!) };
}

/** The settings row that keeps a refused row aside. */
export function quarantineRow(table: TableName, key: string, index: number, row: unknown, reason: string, at: number): SettingRow {
  return { key: `${QUARANTINE_PREFIX}${table}:${(key || `#${index}`).slice(0, 200)}`, value: { table, row, reason: reason.slice(0, 400), at } };
}
