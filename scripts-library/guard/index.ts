/**
 * The draft guard's matcher: `checkDraft(draft, rules)` → hits with offsets in the ORIGINAL draft.
 *
 * Drafts are normalised into two views (normalize.ts). Off-platform, review-inducement and abuse rules run on
 * the compact view (separators and emoji removed: "微 信", "薇❤信"); the rest on the plain view, where
 * stripping separators would mostly add false alarms. Latin terms need ASCII word boundaries ("vx" must not hit
 * "VX520"). A hit inside one of its rule's `allow` contexts is dropped. Overlaps resolve leftmost-longest, so
 * "加微信" wins over "微信" and "我不知道" over "不知道". Rules are compiled once per rule set (cached).
 */
import rulePack from '../packs/rules-default.json';
import { RulePackSchema, type Rule, type RuleCategory, type Severity } from '../schema';
import { AhoCorasick } from './aho-corasick';
import { bothViews, createScratch, normalizeTerm, type View } from './normalize';
import { passes } from './numbers';
import { contextOf } from './context';

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
}

const COMPACT_CATEGORIES = new Set<RuleCategory>(['off-platform', 'review-inducement', 'abuse']);
const LATIN_TERM = /^[a-z0-9.%]+$/;
const LATIN_CHAR = /[a-z0-9]/;

export const DEFAULT_RULES: readonly Rule[] = RulePackSchema.parse(rulePack).rules;

interface Entry {
  rule: Rule;
  latin: boolean;
  allow: string[];
  /** A gap term (`好评…返`): the automaton finds its first piece, this sticky regex the rest right after it. */
  rest?: RegExp;
}

interface ViewMatcher {
  automaton: AhoCorasick;
  entries: Entry[];
}

export interface CompiledRules {
  plain: ViewMatcher;
  compact: ViewMatcher;
  patterns: { rule: Rule; regex: RegExp }[];
  near: NearMatcher;
}

/** Every `near` group word of every rule in one automaton over the plain view: id → (rule, group). */
interface NearMatcher {
  automaton: AhoCorasick;
  words: { rule: number; group: number }[];
  rules: { rule: Rule; groups: number; within: number; ordered: boolean }[];
}
const NEAR_WITHIN = 10;

/** How a term marks a gap of up to GAP_MAX characters of the same sentence: `好评…返` finds 好评后联系客服领返现. */
const GAP = /…|\.\.\./;
const GAP_MAX = 8;
const CLAUSE_MARKS = '。！!？?；;\n';
const CLAUSE_CODES = new Set([...CLAUSE_MARKS].map((c) => c.charCodeAt(0)));
const escapeRegex = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Compile a rule set (disabled rules are left out). */
export function compileRules(rules: readonly Rule[]): CompiledRules {
  const build = (compact: boolean): ViewMatcher => {
    const terms: string[] = [];
    const entries: Entry[] = [];
    for (const rule of rules) {
      if (!rule.enabled) continue;
      // A rule's plain terms run on its own view; its gap terms always on the plain one (a gap must not cross a
      // sentence, and the compact view has no sentence marks).
      const ownView = COMPACT_CATEGORIES.has(rule.category) === compact;
      if (!ownView && (compact || !rule.terms.some((t) => GAP.test(t)))) continue; // nothing of it runs here
      const allow = rule.allow.map((a) => normalizeTerm(a, compact)).filter(Boolean);
      for (const term of rule.terms) {
        const gap = GAP.test(term);
        if (gap ? compact : !ownView) continue;
        if (gap) {
          const [first, ...others] = term.split(GAP).map((piece) => normalizeTerm(piece, false));
          if (!first || others.some((p) => !p)) continue;
          const rest = new RegExp(others.map((p) => `[^${CLAUSE_MARKS}]{0,${GAP_MAX}}?${escapeRegex(p)}`).join(''), 'y');
          terms.push(first);
          entries.push({ rule, latin: false, allow, rest }); // compact is false here: allow is in plain form
          continue;
        }
        const norm = normalizeTerm(term, compact);
        if (!norm) continue;
        terms.push(norm);
        entries.push({ rule, latin: LATIN_TERM.test(norm), allow });
      }
    }
    return { automaton: new AhoCorasick(terms), entries };
  };
  return {
    plain: build(false),
    compact: build(true),
    near: buildNear(rules),
    patterns: rules
      .filter((r) => r.enabled)
      .flatMap((rule) => (rule.patterns ?? []).map((p) => ({ rule, regex: new RegExp(p, 'g') }))),
  };
}

function buildNear(rules: readonly Rule[]): NearMatcher {
  const terms: string[] = [];
  const words: NearMatcher['words'] = [];
  const out: NearMatcher['rules'] = [];
  for (const rule of rules) {
    if (!rule.enabled || !rule.near?.length) continue;
    const index = out.push({ rule, groups: rule.near.length, within: rule.nearWithin ?? NEAR_WITHIN, ordered: rule.nearOrdered ?? false }) - 1;
    rule.near.forEach((group, g) => {
      for (const word of group) {
        const norm = normalizeTerm(word, false);
        if (!norm) continue;
        terms.push(norm);
        words.push({ rule: index, group: g });
      }
    });
  }
  return { automaton: new AhoCorasick(terms), words, rules: out };
}

/**
 * Near rules on the plain view: for each rule, the first place where one word of every group stands in the same
 * clause within its distance; the hit spans them all. Found in one pass of one automaton, whatever the rules; the
 * matches are kept per rule and group in text order, so each is paired only with its neighbours.
 */
function scanNear(view: View, near: NearMatcher, add: (view: View, rule: Rule, start: number, end: number) => void): void {
  if (!near.rules.length) return;
  const text = view.text;
  type Match = { start: number; end: number };
  let byRule: Match[][][] | undefined;
  near.automaton.scan(text, (id, start, end) => {
    const { rule, group } = near.words[id]!;
    byRule ??= [];
    const groups = (byRule[rule] ??= []);
    (groups[group] ??= []).push({ start, end });
  });
  if (!byRule) return;
  // Sentence marks before each position, so "same clause" is one subtraction (counted only when a rule needs it).
  let clause: Uint32Array | undefined;
  const sameClause = (from: number, to: number) => {
    if (!clause) {
      clause = new Uint32Array(text.length + 1);
      for (let i = 0; i < text.length; i++) clause[i + 1] = clause[i]! + (CLAUSE_CODES.has(text.charCodeAt(i)) ? 1 : 0);
    }
    return clause[to] === clause[from];
  };
  byRule.forEach((groups, r) => {
    const { rule, groups: count, within, ordered } = near.rules[r]!;
    for (let g = 0; g < count; g++) if (!groups[g]) return;
    for (const g of groups) g.sort((x, y) => x.start - y.start || y.end - x.end);
    for (const a of groups[0]!) {
      let start = a.start;
      let end = a.end;
      let ok = true;
      for (let g = 1; g < count && ok; g++) {
        const b = nearest(groups[g]!, start, end, within, ordered);
        if (!b || !sameClause(Math.min(start, b.start), Math.max(end, b.end))) ok = false;
        else {
          start = Math.min(start, b.start);
          end = Math.max(end, b.end);
        }
      }
      if (!ok) continue;
      // The hit takes in the rule's further words right after it (打到我银行卡: the card too), so 替换 rewrites all.
      for (const g of groups) for (const x of g) if (x.start >= start && x.start <= end + 1 && x.end > end && sameClause(end, x.end)) end = x.end;
      add(view, rule, start, end);
      return; // one hit per rule
    }
  });
}

/** The first match of a sorted list within `within` of [start, end) (after it when `ordered`). */
function nearest(list: { start: number; end: number }[], start: number, end: number, within: number, ordered: boolean) {
  // Skip what ends too far before; the list is sorted by start, and words are short, so this is a short walk.
  let lo = 0;
  let hi = list.length;
  const from = ordered ? end : start - within - 12;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid]!.start < from) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo; i < list.length; i++) {
    const x = list[i]!;
    if (x.start - end > within) break;
    if (Math.max(x.start, start) - Math.min(x.end, end) <= within) return x;
  }
  return undefined;
}

const cache = new WeakMap<readonly Rule[], CompiledRules>();
const scratch = createScratch();

/**
 * Check a draft. Returns the hits, ordered by position, non-overlapping.
 * @param rules the rule set (default: the bundled default rules); compiled once and cached per array.
 */
export function checkDraft(draft: string, rules: readonly Rule[] = DEFAULT_RULES): Hit[] {
  if (!draft) return [];
  let compiled = cache.get(rules);
  if (!compiled) {
    compiled = compileRules(rules);
    cache.set(rules, compiled);
  }
  const { plain, compact } = bothViews(draft, scratch);
  const found: Hit[] = [];
  const add = (view: View, rule: Rule, start: number, end: number) => {
    const s = view.from[start]!;
    const e = view.to[end - 1]!;
    found.push({ start: s, end: e, text: draft.slice(s, e), ruleId: rule.id, category: rule.category, severity: rule.severity, suggestion: rule.suggestion, ...(rule.replacement === undefined ? {} : { replacement: rule.replacement }) });
  };
  scan(draft, plain, compiled.plain, add);
  scan(draft, compact, compiled.compact, add);
  scanNear(plain, compiled.near, add);
  for (const { rule, regex } of compiled.patterns) {
    regex.lastIndex = 0;
    // A zero-length match is no words to change: never a hit (a stored pattern that can match nothing must not
    // hold every send). A number must pass its rule's check digit (an order number is no bank card).
    for (const m of compact.text.matchAll(regex)) {
      if (m[0] && (!rule.check || passes(rule.check, m[0]))) add(compact, rule, m.index, m.index + m[0].length);
    }
  }
  if (found.length) {
    const context = contextOf(draft, plain);
    return leftmostLongest(found.filter((h) => !context.excuses(h, rulesById(compiled, rules).get(h.ruleId))));
  }
  return leftmostLongest(found);
}

function scan(
  draft: string,
  view: View,
  matcher: ViewMatcher,
  add: (view: View, rule: Rule, start: number, end: number) => void,
): void {
  const text = view.text;
  // Word boundaries are judged on the original neighbours: in the compact view "ＶＸ：abc" reads "vxabc".
  const latinAt = (k: number) => k >= 0 && k < draft.length && LATIN_CHAR.test(draft[k]!.normalize('NFKC').toLowerCase());
  matcher.automaton.scan(text, (id, start, firstEnd) => {
    const entry = matcher.entries[id]!;
    let end = firstEnd;
    if (entry.rest) {
      entry.rest.lastIndex = firstEnd;
      const m = entry.rest.exec(text);
      if (!m) return;
      end = firstEnd + m[0].length;
    }
    if (entry.latin && (latinAt(view.from[start]! - 1) || latinAt(view.to[end - 1]!))) return;
    if (entry.allow.some((a) => covers(text, a, start, end))) return;
    add(view, entry.rule, start, end);
  });
}

/**
 * Does an occurrence of `allow` in `text` cover [start, end)? Only the window where such an occurrence could
 * start is searched (a search to the end of a long draft for every hit made long checks quadratic).
 */
function covers(text: string, allow: string, start: number, end: number): boolean {
  if (end - start > allow.length) return false;
  const from = Math.max(0, end - allow.length);
  const window = text.slice(from, start + allow.length);
  for (let at = window.indexOf(allow); at >= 0 && from + at <= start; at = window.indexOf(allow, at + 1)) {
    if (from + at + allow.length >= end) return true;
  }
  return false;
}

function leftmostLongest(hits: Hit[]): Hit[] {
  hits.sort((a, b) => a.start - b.start || b.end - b.start - (a.end - a.start));
  const out: Hit[] = [];
  let end = -1;
  for (const h of hits) {
    if (h.start < end) continue;
    out.push(h);
    end = h.end;
  }
  return out;
}

const byId = new WeakMap<CompiledRules, Map<string, Rule>>();
function rulesById(compiled: CompiledRules, rules: readonly Rule[]): Map<string, Rule> {
  let map = byId.get(compiled);
  if (!map) byId.set(compiled, (map = new Map(rules.map((r) => [r.id, r]))));
  return map;
}
