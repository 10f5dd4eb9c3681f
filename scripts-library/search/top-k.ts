/**
 * A bounded min-heap: the k best candidates of a query, in one pass over the phrases it touched. Equal keys are
 * ordered by phrase number (the library's order), so the result does not depend on the order phrases are offered
 * in (narrowing from the previous keystroke offers them in another order than a full scan).
 */

export type Ranked = { i: number; rank: number; coverage: number; density: number; key: number };

/** Whether `a` ranks below (key, then a later phrase) `b`. */
const below = (a: Ranked, b: Ranked) => a.key < b.key || (a.key === b.key && a.i > b.i);

/** The k highest entries by key (the rank unless given), in a bounded min-heap. */
export class TopK {
  private readonly items: Ranked[] = [];
  constructor(private readonly k: number) {}

  /** Whether an entry of this key for phrase `i` would be kept now. */
  admits(key: number, i: number): boolean {
    if (this.items.length < this.k) return true;
    const worst = this.items[0]!;
    return key > worst.key || (key === worst.key && i < worst.i);
  }

  /** @param key what the heap orders by (default: rank) */
  offer(i: number, rank: number, coverage: number, density: number, key = rank): void {
    const h = this.items;
    const item = { i, rank, coverage, density, key };
    if (h.length < this.k) {
      h.push(item);
      let c = h.length - 1;
      while (c > 0) {
        const p = (c - 1) >> 1;
        if (!below(h[c]!, h[p]!)) break;
        [h[p], h[c]] = [h[c]!, h[p]!];
        c = p;
      }
    } else if (below(h[0]!, item)) {
      h[0] = item;
      let p = 0;
      for (;;) {
        const l = 2 * p + 1;
        const r = l + 1;
        let m = p;
        if (l < h.length && below(h[l]!, h[m]!)) m = l;
        if (r < h.length && below(h[r]!, h[m]!)) m = r;
        if (m === p) break;
        [h[p], h[m]] = [h[m]!, h[p]!];
        p = m;
      }
    }
  }

  sorted(): Ranked[] {
    return [...this.items].sort((a, b) => b.key - a.key || a.i - b.i);
  }
}
