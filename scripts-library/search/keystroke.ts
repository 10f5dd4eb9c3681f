/**
 * Counting a query's units from the previous keystroke's count (#36 item 2). The panel searches at every
 * keystroke and a query mostly grows one character at a time (感 → 感谢 → 感谢光): the phrases holding the units
 * already counted (T, with one bit per unit held) are kept, and only the new units' postings are read.
 *
 * Why the result is the full scan's: every phrase holding a unit of the kept "core" is in T with its bits exact,
 * and every other unit's bits are exact for the phrases of T. A phrase outside T can then hold only the other
 * units; when those weigh under half the query (MIN_COVERAGE) and are under half its units, no phrase outside T
 * can be admitted, and T is filtered ("filter"). Otherwise the other units' postings are read whole and the
 * phrases they bring join T ("extend"). A query that dropped a core unit (a deletion, another word), or has more
 * units than a bit mask holds, is counted from scratch. Equal ranks are ordered by phrase number (top-k.ts), so
 * the order phrases are visited in does not matter. The unit test: tests/unit/scripts-library/search-keystroke.test.ts.
 */
import { MIN_COVERAGE, type Scratch, type Unit } from './narrow-types';

/** Sum of the weights of the units whose bits are set, in unit order (the full scan's order of additions). */
function sumBits(mask: number, weights: readonly number[]): number {
  let s = 0;
  for (let m = mask; m !== 0; m &= m - 1) s += weights[31 - Math.clz32(m & -m)]!;
  return s;
}

function popcount(mask: number): number {
  let n = 0;
  for (let m = mask; m !== 0; m &= m - 1) n++;
  return n;
}

/** Reads unit `k`'s postings: sets its bit for phrases of T (`grow`: and adds the others to T). */
function readUnit(s: Scratch, unit: Unit, k: number, grow: boolean): void {
  const { mask, titleMask, touched } = s;
  const bit = 1 << k;
  const list = unit.postings!;
  for (let j = 0; j < list.length; j++) {
    const i = list[j]!;
    if (mask[i] === 0) {
      if (!grow) continue;
      touched[s.count++] = i;
    }
    mask[i]! |= bit;
  }
  const title = unit.title;
  if (title) for (let j = 0; j < title.length; j++) if (mask[title[j]!] !== 0) titleMask[title[j]!]! |= bit;
}

/** Forgets the kept count (zeroes the bits of T). */
export function forget(s: Scratch): void {
  for (let t = 0; t < s.count; t++) {
    s.mask[s.touched[t]!] = 0;
    s.titleMask[s.touched[t]!] = 0;
  }
  s.count = 0;
  s.keys = [];
  s.core = 0;
}

/** Renumbers the bits of T from the previous units to this query's (`pos[b]`, −1 for a unit gone); drops phrases left without any. */
function renumber(s: Scratch, pos: readonly number[]): void {
  if (pos.every((p, b) => p === b)) return;
  const map = (m: number) => {
    let out = 0;
    for (let r = m; r !== 0; r &= r - 1) {
      const p = pos[31 - Math.clz32(r & -r)]!;
      if (p >= 0) out |= 1 << p;
    }
    return out;
  };
  let kept = 0;
  for (let t = 0; t < s.count; t++) {
    const i = s.touched[t]!;
    s.mask[i] = map(s.mask[i]!);
    s.titleMask[i] = map(s.titleMask[i]!);
    if (s.mask[i] !== 0) s.touched[kept++] = i;
    else s.titleMask[i] = 0;
  }
  s.count = kept;
  s.core = map(s.core);
}

/** Which way the count goes: from scratch, or from the kept one by filtering T or extending it. */
function plan(s: Scratch, keys: readonly number[], units: readonly Unit[], weights: readonly number[], total: number): { way: 'full' | 'filter' | 'extend'; pos: number[] } {
  const pos = s.keys.map((key) => keys.indexOf(key));
  if (!s.count || pos.some((p, b) => p < 0 && s.core & (1 << b))) return { way: 'full', pos };
  let core = 0;
  for (const [b, p] of pos.entries()) if (p >= 0 && s.core & (1 << b)) core |= 1 << p;
  let weight = 0;
  let inTitles = 0;
  for (const [k, unit] of units.entries()) {
    if (core & (1 << k) || !unit.postings) continue;
    weight += weights[k]!;
    if (unit.title?.length) inTitles++;
  }
  // A margin below the threshold, so rounding can never admit a phrase the bound leaves out.
  const bound = MIN_COVERAGE - 1e-9;
  return { way: weight / total < bound && inTitles / units.length < bound ? 'filter' : 'extend', pos };
}

/**
 * Counts the query's units into `counter` (weights) and `titleHits` (units in the title) for the phrases that may
 * be admitted, listed in `touched`; returns how many. Units: at most 31 (the caller counts longer queries plainly).
 */
export function countFromPrevious(s: Scratch, keys: readonly number[], units: readonly Unit[], weights: readonly number[], total: number): number {
  const { way, pos } = plan(s, keys, units, weights, total);
  const known = new Set(pos.filter((p) => p >= 0));
  if (way === 'full') forget(s);
  else renumber(s, pos);
  for (const [k, unit] of units.entries()) {
    if (!unit.postings) continue;
    if (way === 'full') readUnit(s, unit, k, true);
    else if (way === 'extend' && !(s.core & (1 << k))) readUnit(s, unit, k, true);
    else if (way === 'filter' && !known.has(k)) readUnit(s, unit, k, false);
  }
  if (way !== 'filter') s.core = units.length === 31 ? 0x7fffffff : (1 << units.length) - 1;
  s.keys = [...keys];
  s.last = way;
  const { counter, titleHits, touched, mask, titleMask } = s;
  for (let t = 0; t < s.count; t++) {
    const i = touched[t]!;
    counter[i] = sumBits(mask[i]!, weights);
    titleHits[i] = popcount(titleMask[i]!);
  }
  return s.count;
}
