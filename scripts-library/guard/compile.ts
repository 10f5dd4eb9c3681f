/**
 * Compiling a rule set: one Aho–Corasick automaton per view (plain, compact) with each term's entry, the near
 * rules' tables and the pattern rules' regexes.
 */
import type { Rule, RuleCategory } from '../shared/schema';
import { AhoCorasick } from './aho-corasick';
import { normalizeTerm } from './normalize';
import { patternProblem } from '../shared/pattern-safety';
import { LATIN_CHAR } from './bounds';
import { NearList, nearRules, type NearRules } from './near';
import { toRuling, type Ruling } from './ruling';

const COMPACT_CATEGORIES = new Set<RuleCategory>(['off-platform', 'review-inducement', 'abuse']);
const LATIN_TERM = /^[a-z0-9.%]+$/;

/**
 * An allow context holding a plain term, `back` characters before where the term stands in it; `probeAt` and
 * `probe`: one of its characters outside the term (relative to the term's start) and its code, compared before
 * the whole context is (nearly every context fails on that one character).
 */
export interface AllowAt {
  allow: string;
  back: number;
  probeAt: number;
  probe: number;
}


export interface Entry {
  rule: Ruling;
  /**
   * The term starts / ends with a Latin letter or digit: a Latin letter or digit must not stand right before /
   * after it in the draft (vx is no hit in VX520, 加v none in 加vip, v信 none in kv信), nor, after it, a hyphen or
   * an underscore and a digit (WX-300, SB-200: a model code).
   */
  latinStart: boolean;
  latinEnd: boolean;
  /**
   * A term of a plain-view rule also run on the compact view: a hit there only where separators or emoji were
   * taken out inside it (一、定、不、会, 验 证 码, 顶🌹级), and never across a clause mark (the plain view found the rest).
   */
  sepOnly: boolean;
  allow: string[];
  /**
   * For a plain term: each allow context that holds the term, with where in it the term stands (one test per
   * context at the one place it could start, instead of every place in a window).
   */
  allowAt?: AllowAt[];
  /** A gap term (`好评…返`): the automaton finds its first piece, gapEnd the others right after it. */
  rest?: string[];
}

/**
 * One automaton per view. The plain view's also holds every distinct `near` group word of every rule: ids from
 * `entries.length` on are near words (one pass over the plain view finds both).
 */
export interface ViewMatcher {
  automaton: AhoCorasick;
  /** Each term's entry, by id. A form revived from its kept form (compiled-form.ts) has none until entryOf made it. */
  entries: (Entry | undefined)[];
  /** A revived form's: the entry of term `id`, made from the kept numbers. */
  entryOf?: (id: number) => Entry;
}

export interface CompiledRules {
  plain: ViewMatcher;
  compact: ViewMatcher;
  patterns: { rule: Ruling; check: Rule['check']; regex: RegExp }[];
  near: NearRules;
}

/** How a term marks a gap of up to GAP_MAX characters of the same sentence: `好评…返` finds 好评后联系客服领返现. */
export const GAP = /…|\.\.\./;
export const GAP_MAX = 8;

/** Compile a rule set (disabled rules are left out). */
export function compileRules(rules: readonly Rule[]): CompiledRules {
  // Each rule's Ruling, by its index (not a Map keyed by the rule objects: slower to build).
  const rulings = rules.map((r) => (r.enabled ? toRuling(r) : undefined));
  const near = nearRules(rules, rulings);
  const build = (compact: boolean): ViewMatcher => {
    const terms: string[] = [];
    const entries: Entry[] = [];
    for (let index = 0; index < rules.length; index++) {
      const rule = rules[index]!;
      const ruling = rulings[index];
      if (!ruling) continue;
      // A rule's plain terms run on its own view; its gap terms always on the plain one (a gap must not cross a
      // sentence, and the compact view has no sentence marks).
      const ownView = COMPACT_CATEGORIES.has(rule.category) === compact;
      // A plain-view rule's terms also run on the compact view, for separators inside them (sepOnly).
      const sepOnly = compact && !ownView;
      if (!ownView && !sepOnly && !rule.terms.some((t) => GAP.test(t))) continue; // nothing of it runs here
      const allow = rule.allow.map((a) => normalizeTerm(a, compact)).filter(Boolean);
      for (const term of rule.terms) {
        const gap = GAP.test(term);
        if (gap ? compact : !ownView && !sepOnly) continue;
        if (gap) {
          const [first, ...others] = term.split(GAP).map((piece) => normalizeTerm(piece, false));
          if (!first || others.some((p) => !p)) continue;
          terms.push(first);
          entries.push({ rule: ruling, latinStart: false, latinEnd: false, sepOnly: false, allow, rest: others }); // compact is false here: allow is in plain form
          continue;
        }
        const norm = normalizeTerm(term, compact);
        if (!norm || (sepOnly && (norm.length < 2 || LATIN_TERM.test(norm)))) continue;
        terms.push(norm);
        const allowAt = allow.flatMap((a) => {
          const at: AllowAt[] = [];
          for (let k = a.indexOf(norm); k >= 0; k = a.indexOf(norm, k + 1)) {
            // The character before the term in the context, else the one after it (none: the context is the term).
            const probeAt = k > 0 ? -1 : a.length > norm.length ? norm.length : 0;
            at.push({ allow: a, back: k, probeAt, probe: a.charCodeAt(k + probeAt) });
          }
          return at;
        });
        entries.push({ rule: ruling, latinStart: LATIN_CHAR.test(norm[0]!), latinEnd: LATIN_CHAR.test(norm[norm.length - 1]!), sepOnly, allow, allowAt });
      }
    }
    if (!compact) terms.push(...near.terms);
    return { automaton: new AhoCorasick(terms), entries };
  };
  return {
    plain: build(false),
    compact: build(true),
    near: {
      useStart: near.useStart,
      uses: near.uses,
      rules: near.rules,
      seen: new Uint8Array(near.terms.length),
      latin: Uint8Array.from(near.terms, (w) => (LATIN_CHAR.test(w[0]!) ? 1 : 0) | (LATIN_CHAR.test(w[w.length - 1]!) ? 2 : 0)),
      found: new Int32Array(near.terms.length),
      foundCount: 0,
      matches: near.rules.map((r) => Array.from({ length: r.groups }, () => new NearList())),
      touched: [],
      marked: new Uint8Array(near.rules.length),
      complete: new Uint8Array(near.rules.length),
    },
    // A pattern the safety check refuses (a stored rule from before it, or one restored) is never run.
    patterns: rules.flatMap((rule, index) => {
      const ruling = rulings[index];
      const safe = (rule.patterns ?? []).filter((p) => patternProblem(p) === undefined);
      return ruling ? safe.map((p) => ({ rule: ruling, check: rule.check, regex: new RegExp(p, 'g') })) : [];
    }),
  };
}
