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
import { RulePackSchema, type Rule, type RuleCategory, type Severity } from '../shared/schema';
import { AhoCorasick, Matches } from './aho-corasick';
import { bothViews, createScratch, endOf, normalizeTerm, type View } from './normalize';
import { passes } from './numbers';
import { foldNumerals } from './numerals';
import { contextOf } from './context';
import { GUARD_WINDOW } from './chunks';
import { patternProblem } from '../shared/pattern-safety';

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

const COMPACT_CATEGORIES = new Set<RuleCategory>(['off-platform', 'review-inducement', 'abuse']);
const LATIN_TERM = /^[a-z0-9.%]+$/;
const LATIN_CHAR = /[a-z0-9]/;

export const DEFAULT_RULES: readonly Rule[] = RulePackSchema.parse(rulePack).rules;

/**
 * An allow context holding a plain term, `back` characters before where the term stands in it; `probeAt` and
 * `probe`: one of its characters outside the term (relative to the term's start) and its code, compared before
 * the whole context is (a long draft's term matches tried some 1,500 contexts; nearly all fail on that one).
 */
interface AllowAt {
  allow: string;
  back: number;
  probeAt: number;
  probe: number;
}

/**
 * A rule as the matcher reads it while checking: every rule in one shape. Rules parsed from a pack, made in the
 * editor or read back from IndexedDB carry their optional fields or not, so reads on the raw rules met many
 * shapes, and a shape first met in the middle of a long draft threw the optimised check away (seen with
 * --trace-deopt). `cleanNear` is normalised here, once per compile.
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
const toRuling = (rule: Rule): Ruling => ({
  id: rule.id,
  category: rule.category,
  severity: rule.severity,
  suggestion: rule.suggestion,
  replacement: rule.replacement,
  // Most rules have none: one shared empty list, not two new arrays a rule on every compile.
  cleanNear: rule.cleanNear?.length ? rule.cleanNear.map((w) => normalizeTerm(w, false)).filter(Boolean) : NO_WORDS,
});

interface Entry {
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
interface ViewMatcher {
  automaton: AhoCorasick;
  entries: Entry[];
}

export interface CompiledRules {
  plain: ViewMatcher;
  compact: ViewMatcher;
  patterns: { rule: Ruling; check: Rule['check']; regex: RegExp }[];
  near: NearRules;
}

/**
 * The near rules. Each distinct near word (id − entries.length in the plain automaton) is one pattern however
 * many rules and groups hold it (我 is in several). The scan only marks the words it saw; a rule's groups are
 * put together from the plain view's matches (kept in their buffer) only when every group has a word seen.
 * Common words made most near matches, and a push per (rule, group) for each in the scan was a quarter of a
 * 5,000-character check at 2,000 rules.
 */
interface NearRules {
  /**
   * Per distinct word: every (rule, group) that holds it, as pairs in one flat array (word w's are
   * uses[useStart[w] … useStart[w + 1]), rule then group): two allocations a compile, not one per word.
   */
  useStart: Int32Array;
  uses: Int32Array;
  /** `allow`: the rule's allow contexts in plain form (假一赔三 leaves 假一 … 赔 alone); `words`: each group's word ids. */
  rules: { rule: Ruling; groups: number; within: number; ordered: boolean; allow: string[]; words: number[][] }[];
  /**
   * Scratch of one check (checks are synchronous), emptied at the start of each: a mark per word seen and the
   * words seen (the first foundCount of found), the matches per rule and group (filled only for a rule whose
   * every group has a word seen), the rules that hold a word seen, a mark per such rule, and a mark per rule
   * whose every group has one.
   */
  seen: Uint8Array;
  /** Per word: 1 when it starts with a Latin letter or digit, 2 when it ends with one, 3 both (boundaries, as terms). */
  latin: Uint8Array;
  found: Int32Array;
  foundCount: number;
  matches: NearMatches;
  touched: number[];
  marked: Uint8Array;
  complete: Uint8Array;
}
const NEAR_WITHIN = 10;

/** How a term marks a gap of up to GAP_MAX characters of the same sentence: `好评…返` finds 好评后联系客服领返现. */
const GAP = /…|\.\.\./;
const GAP_MAX = 8;
const CLAUSE_MARKS = '。！!？?；;\n';

/** Compile a rule set (disabled rules are left out). */
export function compileRules(rules: readonly Rule[]): CompiledRules {
  // Each rule's Ruling, by its index (a Map keyed by the rule objects doubled the compile time in the bench).
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

function nearRules(rules: readonly Rule[], rulings: readonly (Ruling | undefined)[]): Pick<NearRules, 'useStart' | 'uses' | 'rules'> & { terms: string[] } {
  const ids = new Map<string, number>();
  const wordUses: number[][] = [];
  const out: NearRules['rules'] = [];
  rules.forEach((rule, at) => {
    const ruling = rulings[at];
    if (!ruling || !rule.near?.length) return;
    const allow = rule.allow.map((a) => normalizeTerm(a, false)).filter(Boolean);
    const index = out.length;
    const words = rule.near.map((group, g) => {
      const inGroup = new Set<number>();
      for (const word of group) {
        const norm = normalizeTerm(word, false);
        if (!norm) continue;
        let id = ids.get(norm);
        if (id === undefined) {
          ids.set(norm, (id = ids.size));
          wordUses.push([]);
        }
        if (inGroup.has(id)) continue;
        inGroup.add(id);
        wordUses[id]!.push(index, g);
      }
      return [...inGroup];
    });
    out.push({ rule: ruling, groups: rule.near.length, within: rule.nearWithin ?? NEAR_WITHIN, ordered: rule.nearOrdered ?? false, allow, words });
  });
  const useStart = new Int32Array(wordUses.length + 1);
  wordUses.forEach((u, w) => (useStart[w + 1] = useStart[w]! + u.length));
  return { terms: [...ids.keys()], useStart, uses: Int32Array.from(wordUses.flat()), rules: out };
}

/**
 * Near-word matches of one check, of one rule and group, each packed in one number: start × 256 + (255 − length),
 * so a numeric sort orders them by start, the longer first. A typed array kept from check to check (an array
 * emptied with length = 0 gives up its storage: most of what a check allocated).
 */
class NearList {
  items = new Int32Array(16);
  n = 0;
  push(m: number): void {
    if (this.n === this.items.length) {
      const more = new Int32Array(this.n * 2);
      more.set(this.items);
      this.items = more;
    }
    this.items[this.n++] = m;
  }
  /** Room for `size` items (the list is empty when this is called). */
  reserve(size: number): void {
    if (this.items.length < size) this.items = new Int32Array(size);
  }
  /** In order (found in order of end, so nearly always already; a group of several words needs the sort). */
  sort(): void {
    const { items, n } = this;
    for (let i = 1; i < n; i++) if (items[i - 1]! > items[i]!) return void items.subarray(0, n).sort();
  }
}
type NearMatches = NearList[][];
const packNear = (start: number, end: number) => start * 256 + (255 - Math.min(255, end - start));
const nearStart = (m: number) => m >> 8;
const nearEnd = (m: number) => (m >> 8) + 255 - (m & 255);

/** Code units that end a clause, for the near rules' "same clause" (a table: this runs for every pairing). */
const CLAUSE_END = new Uint8Array(65536);
for (const c of CLAUSE_MARKS) CLAUSE_END[c.charCodeAt(0)] = 1;
const sameClause = (text: string, from: number, to: number) => {
  for (let i = from; i < to; i++) if (CLAUSE_END[text.charCodeAt(i)]) return false;
  return true;
};

/**
 * Where the pieces of a gap term from `pieces[k]` on end, each after a gap of at most GAP_MAX characters of the
 * same clause, starting at `at`; −1 when they do not all follow. The shortest gaps first, a longer gap tried when
 * the pieces after fail (what the regex [^marks]{0,8}?piece… did, without running a regex per match: a long
 * draft had a hundred of them).
 */
function gapEnd(text: string, pieces: readonly string[], k: number, at: number): number {
  if (k === pieces.length) return at;
  const piece = pieces[k]!;
  const first = piece.charCodeAt(0);
  // Every index read is inside the text: a read past its end (NaN) threw the optimised code away.
  for (let gap = 0; gap <= GAP_MAX; gap++) {
    const p = at + gap;
    if (p >= text.length || (gap > 0 && CLAUSE_END[text.charCodeAt(p - 1)])) return -1;
    if (text.charCodeAt(p) === first && text.startsWith(piece, p)) {
      const end = gapEnd(text, pieces, k + 1, p + piece.length);
      if (end >= 0) return end;
    }
  }
  return -1;
}

/**
 * Near rules on the plain view: for each rule, the first place where one word of every group stands in the same
 * clause within its distance; the hit spans them all. The scan marked the words it saw; only a rule with a word
 * seen in every group has its groups' places gathered (one pass over the plain view's matches), and each word
 * is paired only with its neighbours.
 */
function resolveNear(draft: string, view: View, near: NearRules, found: Matches, terms: number, lengths: Int32Array, add: (rule: Ruling, start: number, end: number) => void): void {
  const text = view.text;
  const { useStart, uses, marked, touched, complete, seen } = near;
  for (let k = 0; k < near.foundCount; k++) {
    const w = near.found[k]!;
    for (let u = useStart[w]!; u < useStart[w + 1]!; u += 2) {
      const r = uses[u]!;
      if (marked[r]) continue;
      marked[r] = 1;
      touched.push(r);
    }
  }
  let any = false;
  for (const r of touched) {
    const { words } = near.rules[r]!;
    if (!words.every((group) => group.some((w) => seen[w] !== 0))) continue;
    complete[r] = 1;
    any = true;
    // Its words are the ones whose places are wanted (seen 2); the rest of the seen words are passed over.
    for (const group of words) for (const w of group) if (seen[w]) seen[w] = 2;
  }
  if (!any) return;
  gatherNear(draft, view, near, found, terms, lengths);
  // In rule order: hits that tie keep it.
  for (const r of touched.sort((a, b) => a - b)) if (complete[r]) pairNear(text, near, r, add);
}

/**
 * The places of the words of the rules that can fire, from the plain view's matches, into their groups. Each
 * group's list is given room for every match first (no group can take more), so the lists grow here, on short
 * drafts too, and never inside push: a list first outgrowing its room on a long draft threw the optimised code of
 * this and its callers away in the middle of a paste (seen with --trace-deopt).
 */
function gatherNear(draft: string, view: View, near: NearRules, found: Matches, terms: number, lengths: Int32Array): void {
  const { seen, complete, useStart, uses, matches, touched, latin } = near;
  const { ids, ends, n } = found;
  for (const r of touched) if (complete[r]) for (const list of matches[r]!) list.reserve(n);
  for (let i = 0; i < n; i++) {
    const id = ids[i]!;
    if (id < terms || seen[id - terms] !== 2) continue;
    if (latin[id - terms] && !latinBounded(draft, view, latin[id - terms]!, ends[i]! - lengths[id]!, ends[i]!)) continue;
    for (let u = useStart[id - terms]!, e = useStart[id - terms + 1]!; u < e; u += 2) {
      if (complete[uses[u]!]) matches[uses[u]!]![uses[u + 1]!]!.push(packNear(ends[i]! - lengths[id]!, ends[i]!));
    }
  }
}

function clearNear(near: NearRules): void {
  for (let k = 0; k < near.foundCount; k++) near.seen[near.found[k]!] = 0;
  near.foundCount = 0;
  for (const r of near.touched) {
    for (const g of near.matches[r]!) g.n = 0;
    near.marked[r] = 0;
    near.complete[r] = 0;
  }
  near.touched.length = 0;
}

function pairNear(text: string, near: NearRules, r: number, add: (rule: Ruling, start: number, end: number) => void): void {
  const groups = near.matches[r]!;
  const { rule, groups: count, within, ordered, allow } = near.rules[r]!;
  for (const g of groups) g.sort();
  const first = groups[0]!;
  for (let i = 0; i < first.n; i++) {
    const a = first.items[i]!;
    let start = nearStart(a);
    let end = nearEnd(a);
    let ok = true;
    for (let g = 1; g < count && ok; g++) {
      const b = nearest(groups[g]!, start, end, within, ordered);
      if (b === undefined || !sameClause(text, Math.min(start, nearStart(b)), Math.max(end, nearEnd(b)))) ok = false;
      else {
        start = Math.min(start, nearStart(b));
        end = Math.max(end, nearEnd(b));
      }
    }
    if (!ok) continue;
    // The hit takes in the rule's further words right after it (打到我银行卡: the card too), so 替换 rewrites all.
    for (const g of groups) {
      for (let j = 0; j < g.n; j++) {
        const x = g.items[j]!;
        const xs = nearStart(x);
        const xe = nearEnd(x);
        if (xs >= start && xs <= end + 1 && xe > end && sameClause(text, end, xe)) end = xe;
      }
    }
    if (allow.some((a) => covers(text, a, start, end))) continue;
    add(rule, start, end);
    return; // one hit per rule
  }
}

/** The first match of a sorted list within `within` of [start, end) (after it when `ordered`). */
function nearest(list: NearList, start: number, end: number, within: number, ordered: boolean): number | undefined {
  // Skip what ends too far before; the list is sorted by start, and words are short, so this is a short walk.
  const { items, n } = list;
  let lo = 0;
  let hi = n;
  const from = ordered ? end : start - within - 12;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (nearStart(items[mid]!) < from) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo; i < n; i++) {
    const xs = nearStart(items[i]!);
    if (xs - end > within) break;
    if (Math.max(xs, start) - Math.min(nearEnd(items[i]!), end) <= within) return items[i]!;
  }
  return undefined;
}

const cache = new WeakMap<readonly Rule[], CompiledRules>();
const scratch = createScratch();
/** The matches of each view, kept from check to check, with room for the longest window the chat page sends. */
const plainMatches = new Matches(2 * GUARD_WINDOW);
const compactMatches = new Matches(2 * GUARD_WINDOW);

/**
 * The budget of rule patterns (#30 N8): a regex has no time limit, and one that backtracks costs a power of its
 * input's length, so a long draft is given to the patterns in slices of at most PATTERN_SLICE characters: each
 * owns PATTERN_STEP characters (the matches that start there) and sees PATTERN_BEHIND before them (lookbehinds)
 * and PATTERN_AHEAD after (a match of up to PATTERN_AHEAD − PATTERN_LOOKAHEAD characters ends inside, its
 * lookahead read). A pattern hit is a number or a short phrase; a match longer than that is not looked for.
 */
export const PATTERN_STEP = 256;
export const PATTERN_BEHIND = 32;
export const PATTERN_LOOKAHEAD = 32;
export const PATTERN_AHEAD = 96;
export const PATTERN_SLICE = PATTERN_BEHIND + PATTERN_STEP + PATTERN_AHEAD;

/** The slices of a text of `n` characters: one (the whole) when it fits. */
export function patternSlices(n: number): { from: number; to: number; own: number; ownEnd: number; upTo: number }[] {
  if (n <= PATTERN_SLICE) return [{ from: 0, to: n, own: 0, ownEnd: n, upTo: n }];
  const out = [];
  for (let own = 0; own < n; own += PATTERN_STEP) {
    const to = Math.min(n, own + PATTERN_STEP + PATTERN_AHEAD);
    out.push({ from: Math.max(0, own - PATTERN_BEHIND), to, own, ownEnd: own + PATTERN_STEP, upTo: to === n ? n : to - PATTERN_LOOKAHEAD });
  }
  return out;
}

/** A hit before it is judged: its rule and its span in the original draft. */
interface Candidate {
  rule: Ruling;
  start: number;
  end: number;
}

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
  if (!found.length) return [];
  const context = contextOf(draft, plain);
  return leftmostLongest(found, (c) => !context.excuses(c.start, c.end, c.rule.category, c.rule.cleanNear)).map((c) => {
    const hit: Hit = { start: c.start, end: c.end, text: draft.slice(c.start, c.end), ruleId: c.rule.id, category: c.rule.category, severity: c.rule.severity, suggestion: c.rule.suggestion };
    if (c.rule.replacement !== undefined) hit.replacement = c.rule.replacement;
    return hit;
  });
}

/** The pattern rules over a compact text, each match into `add` (offsets in that text). */
function runPatterns(patterns: CompiledRules['patterns'], compactText: string, addCompact: (rule: Ruling, start: number, end: number) => void): void {
  const slices = patternSlices(compactText.length);
  // Each slice's text cut once for every pattern (one slice, the text itself, on any keystroke-sized draft).
  const sliceTexts = slices.length === 1 ? [compactText] : slices.map(({ from, to }) => compactText.slice(from, to));
  for (const { rule, check, regex } of patterns) {
    // A zero-length match is no words to change: never a hit (a stored pattern that can match nothing must not
    // hold every send). A number must pass its rule's check digit (an order number is no bank card).
    for (let i = 0; i < slices.length; i++) {
      const { from, own, ownEnd, upTo } = slices[i]!;
      const text = sliceTexts[i]!;
      regex.lastIndex = 0;
      for (const m of text.matchAll(regex)) {
        const start = from + m.index;
        const end = start + m[0].length;
        // Each match once, by the slice that owns its start; one longer than a slice reaches is not looked for.
        if (start < own || start >= ownEnd || end > upTo) continue;
        if (m[0] && (!check || passes(check, m[0]))) addCompact(rule, start, end);
      }
    }
  }
}

/**
 * One view's term matches, judged, into `add`; the near words seen (ids from entries.length on) marked in
 * `near`. A loop over the automaton's collected matches (left in `matches`), not a callback per match.
 */
function scan(
  draft: string,
  view: View,
  matcher: ViewMatcher,
  matches: Matches,
  add: (rule: Ruling, start: number, end: number) => void,
  near?: NearRules,
): void {
  const text = view.text;
  const { entries, automaton } = matcher;
  const terms = entries.length;
  const { ids, ends, n } = automaton.collect(view.codes, matches);
  const lengths = automaton.lengths;
  for (let i = 0; i < n; i++) {
    const id = ids[i]!;
    const firstEnd = ends[i]!;
    const start = firstEnd - lengths[id]!;
    if (id >= terms) {
      if (near && near.latin[id - terms] && !latinBounded(draft, view, near.latin[id - terms]!, start, firstEnd)) continue;
      if (near && !near.seen[id - terms]) {
        near.seen[id - terms] = 1;
        near.found[near.foundCount++] = id - terms;
      }
      continue;
    }
    const entry = entries[id]!;
    let end = firstEnd;
    if (entry.rest) {
      end = gapEnd(text, entry.rest, 0, firstEnd);
      if (end < 0) continue;
    }
    // Word boundaries are judged on the original neighbours: in the compact view "ＶＸ：abc" reads "vxabc".
    if (entry.latinStart && latinAt(draft, view.from[start]! - 1)) continue;
    if (entry.latinEnd && (latinAt(draft, endOf(view, end - 1)) || modelCodeAt(draft, endOf(view, end - 1)))) continue;
    if (entry.sepOnly && !separatedInside(draft, view.from[start]!, endOf(view, end - 1), end - start)) continue;
    if (allowed(text, entry, start, end)) continue;
    add(entry.rule, start, end);
  }
}

const latinAt = (draft: string, k: number) => k >= 0 && k < draft.length && LATIN_CHAR.test(draft[k]!.normalize('NFKC').toLowerCase());
/** A near word's match [start, end) of the view with its Latin ends (`latin`: 1 start, 2 end) bounded in the draft. */
function latinBounded(draft: string, view: View, latin: number, start: number, end: number): boolean {
  if (latin & 1 && latinAt(draft, view.from[start]! - 1)) return false;
  const after = endOf(view, end - 1);
  return !(latin & 2 && (latinAt(draft, after) || modelCodeAt(draft, after)));
}
/** A hyphen or underscore and then a digit at k: the Latin term before it is part of a model code (WX-300). */
const modelCodeAt = (draft: string, k: number) => (draft[k] === '-' || draft[k] === '_' || draft[k] === '－') && /[0-9０-９]/.test(draft[k + 1] ?? '');
/**
 * The draft's [from, to) holds more than the `units` characters matched (separators were taken out inside the
 * term) and no clause or list mark (a term must not be pieced together across clauses or list items: 收货人、电话).
 */
const LIST_MARKS = '，,、：:';
function separatedInside(draft: string, from: number, to: number, units: number): boolean {
  if (to - from <= units) return false;
  for (let i = from; i < to; i++) if (CLAUSE_END[draft.charCodeAt(i)] || LIST_MARKS.includes(draft[i]!)) return false;
  return true;
}

/** Whether one of the entry's allow contexts covers [start, end) of the view's text. */
function allowed(text: string, entry: Entry, start: number, end: number): boolean {
  // Loops, not allow.some(a => …): a closure over start and end made every match allocate its own context.
  if (entry.allowAt) {
    for (const { allow, back, probeAt, probe } of entry.allowAt) {
      const at = start + probeAt; // inside the text, or the context cannot fit (a read past the end deoptimised this)
      if (start >= back && at < text.length && text.charCodeAt(at) === probe && text.startsWith(allow, start - back)) return true;
    }
    return false;
  }
  for (const a of entry.allow) if (covers(text, a, start, end)) return true;
  return false;
}

/**
 * Does an occurrence of `allow` in `text` cover [start, end)? Only where such an occurrence could start is
 * tried, in place (a search to the end of a long draft for every hit made long checks quadratic).
 */
export function covers(text: string, allow: string, start: number, end: number): boolean {
  if (end - start > allow.length) return false;
  for (let at = Math.max(0, end - allow.length); at <= start; at++) if (text.startsWith(allow, at)) return true;
  return false;
}

/**
 * Leftmost-longest among the candidates that `stands` (the context does not excuse them). The context is asked
 * only of a candidate that would be taken: one inside a taken hit is dropped either way, so asking it first
 * changes nothing but the cost (most candidates of a long draft are the shorter terms inside a longer one).
 */
function leftmostLongest(found: Candidate[], stands: (c: Candidate) => boolean): Candidate[] {
  const out: Candidate[] = [];
  let end = -1;
  const sorted = byStartLongest(found);
  for (let i = 0; i < sorted.length; i++) {
    const c = sorted[i]!;
    if (c.start < end) continue;
    // A hint gives way to a harder hit that starts inside it (给个五星，好评有奖: the reward, not the request).
    if (c.rule.severity === 'hint' && harderInside(sorted, i, stands)) continue;
    if (!stands(c)) continue;
    out.push(c);
    end = c.end;
  }
  return out;
}

function harderInside(sorted: readonly Candidate[], i: number, stands: (c: Candidate) => boolean): boolean {
  const { end } = sorted[i]!;
  for (let j = i + 1; j < sorted.length && sorted[j]!.start < end; j++) if (sorted[j]!.rule.severity !== 'hint' && stands(sorted[j]!)) return true;
  return false;
}

const LONGEST = 0xffff;
let sortKeys = new Float64Array(256);
/**
 * The candidates by start, the longer first, ties in the order found (what a stable sort with that comparator
 * gives), sorted as numbers: start × 2³⁶ + (65,535 − length) × 2²⁰ + index, a typed array's native sort instead of
 * a comparator called some 2,000 times for a long draft's few hundred candidates.
 */
function byStartLongest(found: Candidate[]): Candidate[] {
  const n = found.length;
  if (n < 2) return found;
  if (n >= 1 << 20 || found.some((c) => c.start >= 1 << 16)) {
    return found.sort((a, b) => a.start - b.start || b.end - b.start - (a.end - a.start));
  }
  if (sortKeys.length < n) sortKeys = new Float64Array(Math.max(n, sortKeys.length * 2));
  const keys = sortKeys.subarray(0, n);
  for (let i = 0; i < n; i++) {
    const c = found[i]!;
    keys[i] = c.start * 2 ** 36 + (LONGEST - Math.min(LONGEST, c.end - c.start)) * 2 ** 20 + i;
  }
  keys.sort();
  const out = new Array<Candidate>(n);
  for (let i = 0; i < n; i++) out[i] = found[keys[i]! % 2 ** 20]!;
  return out;
}
