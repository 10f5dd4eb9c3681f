/** A rule as the matcher reads it while checking (compile.ts makes one per enabled rule). */
import type { Rule, RuleCategory, Severity } from '../shared/schema';
import { normalizeTerm } from './normalize';

/**
 * A rule as the matcher reads it while checking: every rule in one shape. Rules parsed from a pack, made in the
 * editor or read back from IndexedDB carry their optional fields or not, so reads on the raw rules met many
 * shapes, and a shape first met in the middle of a long draft would throw the optimised check away. `cleanNear`
 * is normalised here, once per compile.
 */
export interface Ruling {
  id: string;
  category: RuleCategory;
  severity: Severity;
  suggestion: string;
  replacement: string | undefined;
  cleanNear: string[];
}

const NO_WORDS: string[] = [];
export const toRuling = (rule: Rule): Ruling => ({
  id: rule.id,
  category: rule.category,
  severity: rule.severity,
  suggestion: rule.suggestion,
  replacement: rule.replacement,
  // Most rules have none: one shared empty list, not two new arrays a rule on every compile.
  cleanNear: rule.cleanNear?.length ? rule.cleanNear.map((w) => normalizeTerm(w, false)).filter(Boolean) : NO_WORDS,
});
