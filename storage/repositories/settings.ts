/** Settings repository: one row per key, read back through SettingsSchema so missing keys get defaults. */
import type { KefuDB } from '../db';
import { QUARANTINE_PREFIX, QuarantineSchema, SettingsSchema, type Settings } from '../../scripts-library/shared/schema';

export async function getSettings(db: KefuDB): Promise<Settings> {
  const rows = await db.settings.toArray();
  const raw = Object.fromEntries(rows.map((r) => [r.key, r.value]));
  const parsed = SettingsSchema.safeParse(raw);
  // A bad stored value (e.g. written by a future version) must not lock the agent out: fall back key by key.
  if (parsed.success) return parsed.data;
  const defaults = SettingsSchema.parse({});
  const out: Record<string, unknown> = { ...defaults };
  for (const key of Object.keys(defaults) as (keyof Settings)[]) {
    const one = SettingsSchema.shape[key].safeParse(raw[key]);
    if (one.success) out[key] = one.data;
  }
  return out as Settings;
}

/** Validate and save some settings; nothing is written when any value is invalid. */
export async function saveSettings(db: KefuDB, patch: Partial<Settings>): Promise<Settings> {
  return updateSettings(db, () => patch);
}

/**
 * Read-modify-write in ONE transaction: two contexts (panel, background) changing the same key at once both
 * land, because IndexedDB runs overlapping read-write transactions one after the other.
 */
export async function updateSettings(db: KefuDB, change: (current: Settings) => Partial<Settings>): Promise<Settings> {
  return db.transaction('rw', db.settings, async () => {
    const current = await getSettings(db);
    const patch = change(current);
    const next = SettingsSchema.parse({ ...current, ...patch });
    const keys = Object.keys(patch) as (keyof Settings)[];
    if (keys.length) await db.settings.bulkPut(keys.map((key) => ({ key, value: next[key] })));
    return next;
  });
}

/** The rows set aside because today's schemas refuse them (a restore or an upgrade put them there, #30 N9). */
export async function listQuarantined(db: KefuDB): Promise<{ key: string; table: string; reason: string; row: unknown }[]> {
  const rows = await db.settings.where('key').startsWith(QUARANTINE_PREFIX).toArray();
  return rows.flatMap((r) => {
    const v = QuarantineSchema.safeParse(r.value);
    return v.success ? [{ key: r.key.slice(QUARANTINE_PREFIX.length + v.data.table.length + 1), table: v.data.table, reason: v.data.reason, row: v.data.row }] : [];
  });
}

const LAST_TEAM_PACK_EXPORT = 'teamPackExported';

/** What the last team pack export here was called (name, author, version), for the next one; undefined before any. */
export async function lastTeamPackExport(db: KefuDB): Promise<{ name: string; author: string; version: number } | undefined> {
  const v = (await db.settings.get(LAST_TEAM_PACK_EXPORT))?.value as { name?: unknown; author?: unknown; version?: unknown } | undefined;
  return typeof v?.name === 'string' && typeof v.version === 'number' ? { name: v.name, author: String(v.author ?? ''), version: v.version } : undefined;
}

export async function recordTeamPackExport(db: KefuDB, info: { name: string; author: string; version: number }): Promise<void> {
  await db.settings.put({ key: LAST_TEAM_PACK_EXPORT, value: info });
}
