/** One check's matching: each view's automaton matches judged into candidates, and the pattern rules. */
import type { Matches } from './aho-corasick';
import { endOf, type View } from './normalize';
import { passes } from './numbers';
import { CLAUSE_END, covers, latinAt, latinBounded, modelCodeAt, separatedInside } from './bounds';
import { GAP_MAX, type CompiledRules, type Entry, type ViewMatcher } from './compile';
import type { NearRules } from './near';
import type { Ruling } from './ruling';

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

/** The pattern rules over a compact text, each match into `add` (offsets in that text). */
export function runPatterns(patterns: CompiledRules['patterns'], compactText: string, addCompact: (rule: Ruling, start: number, end: number) => void): void {
  const slices = patternSlices(compactText.length);
  // Each slice's text cut once for every pattern (one slice, the text itself, on any keystroke-sized draft).
  const sliceTexts = slices.length === 1 ? [compactText] : slices.map(({ from, to }) => compactText.slice(from, to));
  for (const { rule, check, regex } of patterns) {
    // A zero-length match is no words to change: never a hit (a stored pattern that can match nothing must not
    // hold every send). A number must pass its rule's check digit (an order number is no bank card).
    for (let i = 0; i < slices.length; i++) {
      const { from, own, ownEnd, upTo } = slices[i]!;
      const text = sliceTexts[i]!;
      // exec with lastIndex, as matchAll iterates (a zero-length match steps one code unit on; no pattern is
      // unicode), without the RegExp clone and iterator matchAll makes per call: a paste makes a thousand calls.
      regex.lastIndex = 0;
      for (let m = regex.exec(text); m !== null; m = regex.exec(text)) {
        const found = m[0];
        if (!found) {
          regex.lastIndex++;
          continue;
        }
        const start = from + m.index;
        const end = start + found.length;
        // Each match once, by the slice that owns its start; one longer than a slice reaches is not looked for.
        if (start < own || start >= ownEnd || end > upTo) continue;
        if (!check || passes(check, found)) addCompact(rule, start, end);
      }
    }
  }
}

/**
 * One view's term matches, judged, into `add`; the near words seen (ids from entries.length on) marked in
 * `near`. A loop over the automaton's collected matches (left in `matches`), not a callback per match.
 */
export function scan(
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
    const entry = entries[id] ?? (entries[id] = matcher.entryOf!(id));
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
