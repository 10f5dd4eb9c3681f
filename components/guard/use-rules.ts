/** The rule list's data: every repository call of the rules view goes through here. */
import { useLiveQuery } from 'dexie-react-hooks';
import { applyRuleImport, deleteRule, listRules, saveRule, setCategoryEnabled, setRuleEnabled } from '../../storage/repositories/rules';
import type { Rule, RuleCategory } from '../../scripts-library/shared/schema';
import type { RuleImportPlan } from '../../scripts-library/files/rule-io';
import { useDb } from '../shared/db-context';
import { getTeamConfig } from '../../storage/repositories/team-config';

export function useRules() {
  const db = useDb();
  return {
    rules: useLiveQuery(() => listRules(db), [db]),
    /** The joined team's role here (team rules are the lead's to change), or undefined. */
    teamRole: useLiveQuery(async () => (await getTeamConfig(db))?.role, [db]),
    save: (rule: Rule) => saveRule(db, rule),
    /** Delete a rule (a team rule: the lead's, removed from the team's rules at the next sync). */
    remove: (id: string) => deleteRule(db, id),
    setEnabled: (id: string, enabled: boolean) => setRuleEnabled(db, id, enabled),
    setCategoryEnabled: (category: RuleCategory, enabled: boolean) => setCategoryEnabled(db, category, enabled),
    /** Resolves with how many rules were imported. */
    applyImport: (plan: RuleImportPlan) => applyRuleImport(db, plan),
  };
}
