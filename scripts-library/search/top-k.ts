/** A bounded min-heap: the k best candidates of a query, in one pass over the phrases it touched. */

export type Ranked = { i: number; rank: number; coverage: number; density: number; key: number };

/** The k highest entries by key (the rank unless given), in a bounded min-heap. */
export class TopK {
  private readonly items: Ranked[] = [];
  constructor(private readonly k: number) {}

  /** Whether an entry of this rank would be kept now. */
  admits(rank: number): boolean {
    return this.items.length < this.k || rank > this.items[0]!.key;
  }

  /** @param key what the heap orders by (default: rank) */
  offer(i: number, rank: number, coverage: number, density: number, key = rank): void {
    const h = this.items;
    if (h.length < this.k) {
      h.push({ i, rank, coverage, density, key });
      let c = h.length - 1;
      while (c > 0) {
        const p = (c - 1) >> 1;
        if (h[p]!.key <= h[c]!.key) break;
        [h[p], h[c]] = [h[c]!, h[p]!];
        c = p;
      }
    } else if (key > h[0]!.key) {
      h[0] = { i, rank, coverage, density, key };
      let p = 0;
      for (;;) {
        const l = 2 * p + 1;
        const r = l + 1;
        let m = p;
        if (l < h.length && h[l]!.key < h[m]!.key) m = l;
        if (r < h.length && h[r]!.key < h[m]!.key) m = r;
        if (m === p) break;
        [h[p], h[m]] = [h[m]!, h[p]!];
        p = m;
      }
    }
  }

  sorted(): Ranked[] {
    return [...this.items].sort((a, b) => b.key - a.key);
  }
}
