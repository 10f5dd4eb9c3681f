/**
 * The draft guard's matcher (check.ts) with the bundled default rules: `checkDraft(draft)` checks against them
 * when no rule set is given. What runs without the pack (the service worker's check) imports check.ts.
 */
import rulePack from '../packs/rules-default.json';
import type { Rule } from '../shared/schema';
import { bundledRules } from './bundled-rules';
import { checkDraft as checkWith, draftCandidates as candidatesWith, type Hit } from './check';
import type { Candidate } from './overlaps';

export { compiledFor, checkWithCompiled, compileRules, covers, PATTERN_AHEAD, PATTERN_BEHIND, PATTERN_LOOKAHEAD, PATTERN_SLICE, PATTERN_STEP, patternSlices } from './check';
export type { CompiledRules, Hit, Ruling } from './check';

/** The bundled pack's rules: held to RulePackSchema by a test, not parsed at every start (bundled-rules.ts). */
export const DEFAULT_RULES: readonly Rule[] = bundledRules(rulePack);

/** The candidates of a draft in the order found, before overlaps are resolved (for tests of that order). */
export function draftCandidates(draft: string, rules: readonly Rule[] = DEFAULT_RULES): Candidate[] {
  return candidatesWith(draft, rules);
}

/**
 * Check a draft. Returns the hits, ordered by position, non-overlapping.
 * @param rules the rule set (default: the bundled default rules); compiled once and cached per array.
 */
export function checkDraft(draft: string, rules: readonly Rule[] = DEFAULT_RULES): Hit[] {
  return checkWith(draft, rules);
}
