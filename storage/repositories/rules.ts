/**
 * Guard rules in the database: installed from the default pack, then the agent's to view, edit and disable; a new
 * revision of the pack reaches the rules the agent never edited.
 */
import type { KefuDB } from '../db';
import { RulePackSchema, RuleSchema, type Rule, type RuleCategory } from '../../scripts-library/shared/schema';
import type { RuleImportPlan } from '../../scripts-library/files/rule-io';
import rulePack from '../../scripts-library/packs/rules-default.json';
// The last revisions' hashes, as text parsed only when an installed set is upgraded (not at every worker wake).
import ruleHistoryText from '../../scripts-library/packs/history/rules-default.json?raw';
import { contentHashes, planRuleUpgrade, revisionId, RuleHistorySchema } from '../../scripts-library/guard/rule-upgrade';
import { patternProblem } from '../../scripts-library/shared/pattern-safety';

/** The current pack's revision: a hash of its rules' content (a new round of guard work changes it). */
let revision: string | undefined;
const currentRevision = () => (revision ??= revisionId(contentHashes(rulePack.rules as Partial<Rule>[])));

/**
 * Install the default rules once, and bring an installed set up to each new revision of the pack
 * (rule-upgrade.ts: never-edited rules take the new content, edited and deleted ones stay as the agent left them).
 * @returns how many rules were written
 */
export async function ensureDefaultRules(db: KefuDB): Promise<number> {
  await quarantineUnsafeRules(db);
  const mark = `installedRules:${rulePack.id}`;
  const revisionKey = `rulesRevision:${rulePack.id}`;
  // Every panel open asks: answer from one read, without parsing the pack or taking a write lock.
  const [installed, at] = await db.settings.bulkGet([mark, revisionKey]);
  if (installed && at?.value === currentRevision()) return 0;
  const pack = RulePackSchema.parse(rulePack);
  return db.transaction('rw', db.rules, db.settings, async () => {
    const [installedNow, atNow] = await db.settings.bulkGet([mark, revisionKey]);
    if (installedNow && atNow?.value === currentRevision()) return 0;
    let written: number;
    if (!installedNow) {
      const existing = new Set(await db.rules.toCollection().primaryKeys());
      const fresh = pack.rules.filter((r) => !existing.has(r.id));
      await db.rules.bulkAdd(fresh);
      written = fresh.length;
      await db.settings.put({ key: mark, value: Date.now() });
    } else {
      const plan = planRuleUpgrade(await db.rules.toArray(), pack.rules, RuleHistorySchema.parse(JSON.parse(ruleHistoryText)), typeof atNow?.value === 'string' ? atNow.value : undefined);
      await db.rules.bulkPut(plan.put);
      await db.rules.bulkDelete(plan.remove);
      written = plan.put.length + plan.remove.length;
    }
    await db.settings.put({ key: revisionKey, value: currentRevision() });
    return written;
  });
}

/** Raise this when pattern-safety.ts refuses more: stored rules are looked through again once. */
const PATTERN_CHECK = 2;

/**
 * Stored rules whose patterns the safety check refuses (written by an older version, which let them through):
 * the unsafe patterns are set aside (`quarantinedPatterns`, never run), the rule is switched off and says why.
 * Once per version of the check. @returns the ids of the rules quarantined
 */
export async function quarantineUnsafeRules(db: KefuDB): Promise<string[]> {
  const key = 'rulesPatternCheck';
  if ((await db.settings.get(key))?.value === PATTERN_CHECK) return [];
  return db.transaction('rw', db.rules, db.settings, async () => {
    const changed: Rule[] = [];
    for (const rule of await db.rules.toArray()) {
      const patterns = Array.isArray(rule.patterns) ? rule.patterns.map(String) : [];
      const unsafe = patterns.map((p) => [p, patternProblem(p)] as const).filter(([, problem]) => problem !== undefined);
      if (!unsafe.length) continue;
      changed.push({
        ...rule,
        patterns: patterns.filter((p) => !unsafe.some(([u]) => u === p)),
        quarantinedPatterns: [...(rule.quarantinedPatterns ?? []), ...unsafe.map(([p]) => p.slice(0, 1000))].slice(0, 20),
        quarantine: `规则式 ${unsafe[0]![0].slice(0, 40)} 已停用：${unsafe[0]![1]!}`.slice(0, 200),
        enabled: false,
      });
    }
    if (changed.length) await db.rules.bulkPut(changed);
    await db.settings.put({ key, value: PATTERN_CHECK });
    return changed.map((r) => r.id);
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

/** Delete a rule and return it (for 撤销). A team rule the lead deletes leaves the team's rules at the next sync. */
export async function deleteRule(db: KefuDB, id: string): Promise<Rule | undefined> {
  return db.transaction('rw', db.rules, async () => {
    const old = await db.rules.get(id);
    await db.rules.delete(id);
    return old;
  });
}
