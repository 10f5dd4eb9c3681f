/**
 * The draft guard's matcher: `checkDraft(draft, rules)` → hits with offsets in the ORIGINAL draft.
 *
 * Drafts are normalised into two views (normalize.ts). Off-platform, review-inducement and abuse rules run on
 * the compact view (separators and emoji removed: "微 信", "薇❤信"); the rest on the plain view, where
 * stripping separators would mostly add false alarms. Latin terms need ASCII word boundaries ("vx" must not hit
 * "VX520"). A hit inside one of its rule's `allow` contexts is dropped. Overlaps resolve leftmost-longest, so
 * "加微信" wins over "微信" and "我不知道" over "不知道". Rules are compiled once per rule set (cached).
 * No rule pack here: the service worker's check runs this module without the bundled pack (index.ts adds it).
 */
import type { Rule, RuleCategory, Severity } from '../shared/schema';
import { Matches } from './aho-corasick';
import { bothViews, createScratch, endOf, type View } from './normalize';
import { foldNumerals } from './numerals';
import { contextOf } from './context';
import { endsInsideWord, startsInsideWord } from './words';
import { GUARD_WINDOW } from './chunks';
import { compileRules, type CompiledRules } from './compile';
import { clearNear, resolveNear } from './near';
import { runPatterns, scan } from './scan';
import { leftmostLongest, type Candidate } from './overlaps';
import type { Ruling } from './ruling';

export { compileRules, type CompiledRules } from './compile';
export { covers } from './bounds';
export { PATTERN_AHEAD, PATTERN_BEHIND, PATTERN_LOOKAHEAD, PATTERN_SLICE, PATTERN_STEP, patternSlices } from './scan';
export type { Ruling } from './ruling';

export interface Hit {
  /** Offsets in the original draft (end exclusive). */
  start: number;
  end: number;
  /** The original text of the hit, as the agent typed it. */
  text: string;
  ruleId: string;
  category: RuleCategory;
  severity: Severity;
  suggestion: string;
  /** The rule's word-level substitute, when it has one (see rewrite.ts). */
  replacement?: string;
  /** A hit of the intent model (judge.ts): how likely it found harm (0–1). Rule hits have none. */
  confidence?: number;
}

const cache = new WeakMap<readonly Rule[], CompiledRules>();
const scratch = createScratch();
/** The matches of each view, kept from check to check, with room for the longest window the chat page sends. */
const plainMatches = new Matches(2 * GUARD_WINDOW);
const compactMatches = new Matches(2 * GUARD_WINDOW);

/**
 * The rule set compiled, once per rule array (the form to keep between service-worker wakes: compiled-form.ts).
 */
export function compiledFor(rules: readonly Rule[]): CompiledRules {
  let compiled = cache.get(rules);
  if (!compiled) {
    compiled = compileRules(rules);
    cache.set(rules, compiled);
  }
  return compiled;
}

/** Check with `compiled` (a kept form of exactly these rules, revived) from now on, instead of compiling them. */
export function checkWithCompiled(rules: readonly Rule[], compiled: CompiledRules): void {
  cache.set(rules, compiled);
}

/**
 * Every match of every rule in the draft, before overlaps are resolved, in the order found (offsets in the
 * draft). `plain` and `compact` are the draft's views.
 */
function collect(draft: string, compiled: CompiledRules, plain: View, compact: View): Candidate[] {
  const found: Candidate[] = [];
  const adder = (view: View) => (rule: Ruling, start: number, end: number) => {
    found.push({ rule, start: view.from[start]!, end: endOf(view, end - 1) });
  };
  const near = compiled.near;
  clearNear(near);
  scan(draft, plain, compiled.plain, plainMatches, adder(plain), near);
  scan(draft, compact, compiled.compact, compactMatches, adder(compact));
  if (near.foundCount) resolveNear(draft, plain, near, plainMatches, compiled.plain.entries.length, compiled.plain.automaton.lengths, adder(plain));
  const addCompact = adder(compact);
  runPatterns(compiled.patterns, compact.text, addCompact);
  // Numbers written in Chinese numerals (一三八…, 幺三八…) read again as digits; only matches that hold a folded
  // numeral are new.
  const folded = compiled.patterns.length ? foldNumerals(compact.text) : undefined;
  if (folded !== undefined) {
    runPatterns(compiled.patterns, folded, (rule, start, end) => {
      if (folded.slice(start, end) !== compact.text.slice(start, end)) addCompact(rule, start, end);
    });
  }
  return found;
}

/** The candidates of a draft in the order found, before overlaps are resolved (for tests of that order). */
export function draftCandidates(draft: string, rules: readonly Rule[]): Candidate[] {
  if (!draft) return [];
  const { plain, compact } = bothViews(draft, scratch);
  return collect(draft, compiledFor(rules), plain, compact);
}

/**
 * Check a draft. Returns the hits, ordered by position, non-overlapping.
 * @param rules the rule set (default: the bundled default rules); compiled once and cached per array.
 */
/** The rules of sound-alikes: a hit only where the span stands as its own words (words.ts; 期间人多 holds 间人). */
const SOUND_RULE = /-sound(?:-|$)/;

/** A clause or list mark inside a term's span: the compact view pieced it together across clauses (可以做，单价). */
const ACROSS = /[，,、；;：:]/;
/**
 * A term whose last character is pieced on across a clause mark and begins a longer everyday word (做，单价: 单 begins
 * 单价) is those words, not the term. A separator inside one word (加，微信), a pronoun after the mark (先转账，我: the
 * act's direction) and a near rule's longer second piece (拍一单，拍下后我全额退) still are.
 */
const piecedAcross = (draft: string, c: Candidate) => ACROSS.test(draft[c.end - 2] ?? '') && !/[我你您]/.test(draft[c.end - 1]!) && endsInsideWord(draft, c.start, c.end);

export function checkDraft(draft: string, rules: readonly Rule[]): Hit[] {
  if (!draft) return [];
  const { plain, compact } = bothViews(draft, scratch);
  const found = collect(draft, compiledFor(rules), plain, compact);
  if (!found.length) return [];
  const context = contextOf(draft, plain);
  const keep = (c: Candidate) => !(SOUND_RULE.test(c.rule.id) && startsInsideWord(draft, c.start, c.end)) && !piecedAcross(draft, c) && !context.excuses(c.start, c.end, c.rule.category, c.rule.cleanNear);
  return leftmostLongest(found, keep).map((c) => {
    const hit: Hit = { start: c.start, end: c.end, text: draft.slice(c.start, c.end), ruleId: c.rule.id, category: c.rule.category, severity: c.rule.severity, suggestion: c.rule.suggestion };
    if (c.rule.replacement !== undefined) hit.replacement = c.rule.replacement;
    return hit;
  });
}
