/**
 * What the worker's core reads for a check, with IndexedDB itself (core-db.ts) and without the repositories'
 * schemas (rules.ts, settings.ts build theirs when imported, and the core must not): the stored rules and the
 * agent's 不再提示 contexts (settings.guardAllows) — one row, held to the shape SettingsSchema gives it (its
 * default, {}, when the stored value is refused), not every setting —, in one transaction.
 */
import * as z from 'zod/mini';
import type { Rule, Settings } from '../../scripts-library/shared/schema';

/** SettingsSchema's guardAllows (a test holds the two to the same answers). */
const GuardAllowsSchema = z.record(z.string(), z.array(z.string().check(z.maxLength(60))));

/** A stored guardAllows value as the settings read it. */
export function parseGuardAllows(value: unknown): Settings['guardAllows'] {
  const parsed = GuardAllowsSchema.safeParse(value ?? {});
  return parsed.success ? parsed.data : {};
}

export interface GuardReads {
  /** Every stored rule, in their key order (as rules.ts listRules); absent when not asked for. */
  rules?: Rule[];
  guardAllows: Settings['guardAllows'];
}

/** The agent's allows, and with `withRules` the stored rules, read in one transaction. */
export function readGuardReads(db: IDBDatabase, withRules: boolean): Promise<GuardReads> {
  return new Promise((resolve, reject) => {
    const tx = db.transaction(withRules ? ['rules', 'settings'] : ['settings'], 'readonly');
    const rules = withRules ? (tx.objectStore('rules').getAll() as IDBRequest<Rule[]>) : undefined;
    const allows = tx.objectStore('settings').get('guardAllows') as IDBRequest<{ value?: unknown } | undefined>;
    tx.oncomplete = () => resolve({ ...(rules ? { rules: rules.result } : {}), guardAllows: parseGuardAllows(allows.result?.value) });
    tx.onerror = () => reject(tx.error ?? new Error('guard reads'));
    tx.onabort = () => reject(tx.error ?? new Error('guard reads'));
  });
}
