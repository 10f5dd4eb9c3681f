/** Overlapping candidates resolved leftmost-longest (a hint giving way to a harder hit inside it). */
import type { Ruling } from './ruling';

/** A hit before it is judged: its rule and its span in the original draft. */
export interface Candidate {
  rule: Ruling;
  start: number;
  end: number;
}

/**
 * Leftmost-longest among the candidates that `stands` (the context does not excuse them). The context is asked
 * only of a candidate that would be taken: one inside a taken hit is dropped either way, so asking it first
 * changes nothing but the cost (most candidates of a long draft are the shorter terms inside a longer one).
 */
export function leftmostLongest(found: Candidate[], stands: (c: Candidate) => boolean): Candidate[] {
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
export function byStartLongest(found: Candidate[]): Candidate[] {
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
