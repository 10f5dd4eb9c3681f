/** Guard rules in the database: installed once from the default pack, then the agent's to view, edit and disable. */
import type { KefuDB } from '../db';
import { RulePackSchema, RuleSchema, type Rule, type RuleCategory } from '../../scripts-library/schema';
import type { RuleImportPlan } from '../../scripts-library/rule-io';
import rulePack from '../../scripts-library/packs/rules-default.json';

export async function ensureDefaultRules(db: KefuDB): Promise<number> {
  const mark = `installedRules:${rulePack.id}`;
  // Every panel open asks: answer from one read, without parsing the pack or taking a write lock.
  if (await db.settings.get(mark)) return 0;
  const pack = RulePackSchema.parse(rulePack);
  return db.transaction('rw', db.rules, db.settings, async () => {
    if (await db.settings.get(mark)) return 0;
    const existing = new Set(await db.rules.toCollection().primaryKeys());
    const fresh = pack.rules.filter((r) => !existing.has(r.id));
    await db.rules.bulkAdd(fresh);
    await db.settings.put({ key: mark, value: Date.now() });
    return fresh.length;
  });
}

export async function listRules(db: KefuDB): Promise<Rule[]> {
  return db.rules.toArray();
}

export async function saveRule(db: KefuDB, rule: Rule): Promise<Rule> {
  const valid = RuleSchema.parse(rule);
  await db.rules.put(valid);
  return valid;
}

export async function setRuleEnabled(db: KefuDB, id: string, enabled: boolean): Promise<void> {
  await db.rules.update(id, { enabled });
}

/** Enable or disable a whole category at once (one transaction). */
export async function setCategoryEnabled(db: KefuDB, category: RuleCategory, enabled: boolean): Promise<void> {
  await db.rules.where('category').equals(category).modify({ enabled });
}

/** Apply a rule import in one transaction: all of it or nothing. */
export async function applyRuleImport(db: KefuDB, plan: RuleImportPlan): Promise<number> {
  const rows = [...plan.added, ...plan.updated].map((r) => RuleSchema.parse(r));
  return db.transaction('rw', db.rules, async () => {
    await db.rules.bulkPut(rows);
    return rows.length;
  });
}
