/**
 * The rules a check runs with: the stored rule pack (or the defaults before it is installed) plus the agent's
 * personal allows (不再提示). One home for it, used by the background (page checks) and the side panel (the
 * flags on library phrases), so the two never disagree.
 */
import type { Rule, Settings } from '../shared/schema';
import { RULE_CATEGORIES } from '../shared/rule-categories';
import { ALL_RULES, MODEL_PREFIX } from './draft-state';

export { ALL_RULES };

/**
 * A record's own value for a key. Rule ids come from files and pages: `constructor` or `toString` must find
 * nothing rather than Object.prototype's functions (which made every check throw and every send go through).
 */
export function own<T>(record: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}

/** Rules with the agent's personal allows merged in (a new array when any apply, so the matcher recompiles). */
export function effectiveRules(rules: readonly Rule[], allows: Settings['guardAllows']): readonly Rule[] {
  if (!Object.keys(allows).length) return rules;
  const everyRule = own(allows, ALL_RULES) ?? [];
  return rules.map((r) => {
    const extra = [...(own(allows, r.id) ?? []), ...everyRule];
    return extra.length ? { ...r, allow: [...r.allow, ...extra] } : r;
  });
}

/** The allows judgeDraft reads for the model's hits: each model-<category> id also gets the sentences for every rule. */
export function judgeAllows(allows: Settings['guardAllows']): Settings['guardAllows'] {
  const everyRule = own(allows, ALL_RULES);
  if (!everyRule?.length) return allows;
  const out: Record<string, string[]> = { ...allows };
  for (const category of RULE_CATEGORIES) {
    const id = `${MODEL_PREFIX}${category}`;
    out[id] = [...(own(allows, id) ?? []), ...everyRule];
  }
  return out;
}
