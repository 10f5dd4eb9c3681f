/** The rule list's data: every repository call of the rules view goes through here. */
import { useLiveQuery } from 'dexie-react-hooks';
import { applyRuleImport, listRules, saveRule, setCategoryEnabled, setRuleEnabled } from '../../storage/repositories/rules';
import type { Rule, RuleCategory } from '../../scripts-library/shared/schema';
import type { RuleImportPlan } from '../../scripts-library/files/rule-io';
import { useDb } from '../shared/db-context';

export function useRules() {
  const db = useDb();
  return {
    rules: useLiveQuery(() => listRules(db), [db]),
    save: (rule: Rule) => saveRule(db, rule),
    setEnabled: (id: string, enabled: boolean) => setRuleEnabled(db, id, enabled),
    setCategoryEnabled: (category: RuleCategory, enabled: boolean) => setCategoryEnabled(db, category, enabled),
    /** Resolves with how many rules were imported. */
    applyImport: (plan: RuleImportPlan) => applyRuleImport(db, plan),
  };
}
