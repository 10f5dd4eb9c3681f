/**
 * What the worker's core reads for a check, without the repositories' schemas (rules.ts, settings.ts build theirs
 * when imported, and the core must not): the stored rules, and the agent's 不再提示 contexts (settings.guardAllows)
 * read alone — one row, held to the shape SettingsSchema gives it (its default, {}, when the stored value is
 * refused), not every setting.
 */
import * as z from 'zod/mini';
import type { KefuDB } from '../db';
import type { Rule } from '../../scripts-library/shared/schema';

/** SettingsSchema's guardAllows (a test holds the two to the same answers). */
const GuardAllowsSchema = z.record(z.string(), z.array(z.string().check(z.maxLength(60))));

export async function readGuardAllows(db: KefuDB): Promise<Record<string, string[]>> {
  const row = await db.settings.get('guardAllows');
  const parsed = GuardAllowsSchema.safeParse(row?.value ?? {});
  return parsed.success ? parsed.data : {};
}

/** Every stored rule (as rules.ts listRules). */
export async function readRules(db: KefuDB): Promise<Rule[]> {
  return db.rules.toArray();
}
