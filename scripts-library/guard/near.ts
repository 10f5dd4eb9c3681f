/**
 * The near rules (words of every group in one clause within a distance): compiled with the rest (compile.ts),
 * the words marked by the plain view's scan (scan.ts), paired here.
 */
import type { Rule } from '../shared/schema';
import type { Matches } from './aho-corasick';
import { normalizeTerm, type View } from './normalize';
import type { Ruling } from './ruling';
import { covers, latinBounded, sameClause } from './bounds';

/**
 * The near rules. Each distinct near word (id − entries.length in the plain automaton) is one pattern however
 * many rules and groups hold it (我 is in several). The scan only marks the words it saw; a rule's groups are
 * put together from the plain view's matches (kept in their buffer) only when every group has a word seen:
 * common words make most near matches, and most of their rules cannot fire.
 */
export interface NearRules {
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

export function nearRules(rules: readonly Rule[], rulings: readonly (Ruling | undefined)[]): Pick<NearRules, 'useStart' | 'uses' | 'rules'> & { terms: string[] } {
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
export class NearList {
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
export type NearMatches = NearList[][];
const packNear = (start: number, end: number) => start * 256 + (255 - Math.min(255, end - start));
const nearStart = (m: number) => m >> 8;
const nearEnd = (m: number) => (m >> 8) + 255 - (m & 255);

/**
 * Near rules on the plain view: for each rule, the first place where one word of every group stands in the same
 * clause within its distance; the hit spans them all. The scan marked the words it saw; only a rule with a word
 * seen in every group has its groups' places gathered (one pass over the plain view's matches), and each word
 * is paired only with its neighbours.
 */
export function resolveNear(draft: string, view: View, near: NearRules, found: Matches, terms: number, lengths: Int32Array, add: (rule: Ruling, start: number, end: number) => void): void {
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
 * drafts too, and never inside push (a list first outgrowing its room in the middle of a long draft would throw
 * the optimised code of this and its callers away).
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

export function clearNear(near: NearRules): void {
  for (let k = 0; k < near.foundCount; k++) near.seen[near.found[k]!] = 0;
  near.foundCount = 0;
  for (const r of near.touched) {
    for (const g of near.matches[r]!) g.n = 0;
    near.marked[r] = 0;
    near.complete[r] = 0;
  }
  near.touched.length = 0;
}

/**
 * A bare 我 opening a clause after a comma is that clause's subject (数量可以再加，我帮您改; 加点钱，我给您换), not the object
 * of the word before the comma: it goes with no word of another group.
 */
const subjectAfterComma = (text: string, start: number, end: number) => end - start === 1 && text[start] === '我' && /[，,、]\s*$/.test(text.slice(Math.max(0, start - 2), start));

/** At most this many places per near rule, one per clause. */
const MAX_PLACES = 3;
const CLAUSE_MARK = /[，,。！!？?；;\n]/;

function pairNear(text: string, near: NearRules, r: number, add: (rule: Ruling, start: number, end: number) => void): void {
  const groups = near.matches[r]!;
  const { rule, groups: count, within, ordered, allow } = near.rules[r]!;
  for (const g of groups) g.sort();
  const first = groups[0]!;
  let placed = 0;
  let after = -1;
  for (let i = 0; i < first.n && placed < MAX_PLACES; i++) {
    const a = first.items[i]!;
    // A further place starts in a later clause than the last one (不能加微信，你加我小号 kefu888 吧: the refusal
    // excuses the first, the second offers the handle).
    if (after >= 0 && (nearStart(a) < after || !CLAUSE_MARK.test(text.slice(after, nearStart(a))))) continue;
    let start = nearStart(a);
    let end = nearEnd(a);
    // A first word inside an allow context is no such word (抖音同款 names a style, not a shop elsewhere).
    if (allow.length && allow.some((w) => covers(text, w, start, end))) continue;
    let ok = true;
    for (let g = 1; g < count && ok; g++) {
      const b = nearest(groups[g]!, start, end, within, ordered);
      if (b === undefined || !sameClause(text, Math.min(start, nearStart(b)), Math.max(end, nearEnd(b))) || subjectAfterComma(text, nearStart(b), nearEnd(b))) ok = false;
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
    // A further place stays inside its clause: it is the evidence the first place's scope did not reach, not a span
    // across the draft that would swallow the other hits.
    if (placed > 0 && CLAUSE_MARK.test(text.slice(start, end))) continue;
    add(rule, start, end);
    placed++;
    after = end;
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
