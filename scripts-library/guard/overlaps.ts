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

let counts = new Int32Array(1024);
/**
 * The candidates by start, the longer first, ties in the order found (what a stable sort with that comparator
 * gives): a counting sort by start (a draft's starts are a small range), then the few candidates of one start
 * put longest first by insertion, which keeps the order found among equals.
 */
export function byStartLongest(found: readonly Candidate[]): Candidate[] {
  const n = found.length;
  if (n < 2) return found.slice();
  let last = 0;
  for (let i = 0; i < n; i++) if (found[i]!.start > last) last = found[i]!.start;
  if (counts.length < last + 2) counts = new Int32Array(Math.max(last + 2, counts.length * 2));
  counts.fill(0, 0, last + 2);
  for (let i = 0; i < n; i++) counts[found[i]!.start + 1]!++;
  for (let s = 1; s <= last + 1; s++) counts[s]! += counts[s - 1]!;
  const out = new Array<Candidate>(n);
  for (let i = 0; i < n; i++) {
    const c = found[i]!;
    out[counts[c.start]!++] = c;
  }
  for (let i = 1; i < n; i++) {
    const c = out[i]!;
    const length = c.end - c.start;
    let j = i - 1;
    for (; j >= 0 && out[j]!.start === c.start && out[j]!.end - out[j]!.start < length; j--) out[j + 1] = out[j]!;
    out[j + 1] = c;
  }
  return out;
}
