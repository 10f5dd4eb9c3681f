/** A bounded min-heap: the k best candidates of a query, in one pass over the phrases it touched. */

export type Ranked = { i: number; rank: number; coverage: number; density: number; key: number };

/**
 * The k highest entries by key (the rank unless given), in a bounded min-heap kept in parallel typed arrays: a
 * two-letter query offers thousands of phrases, and an object per offer was a good part of the search's garbage.
 */
export class TopK {
  private readonly idx: Int32Array;
  private readonly rank: Float64Array;
  private readonly coverage: Float64Array;
  private readonly density: Float64Array;
  private readonly key: Float64Array;
  private size = 0;
  constructor(private readonly k: number) {
    this.idx = new Int32Array(k);
    this.rank = new Float64Array(k);
    this.coverage = new Float64Array(k);
    this.density = new Float64Array(k);
    this.key = new Float64Array(k);
  }

  /** Whether an entry of this rank would be kept now. */
  admits(rank: number): boolean {
    return this.size < this.k || rank > this.key[0]!;
  }

  /** @param key what the heap orders by (default: rank) */
  offer(i: number, rank: number, coverage: number, density: number, key = rank): void {
    if (this.size < this.k) {
      let c = this.size++;
      this.put(c, i, rank, coverage, density, key);
      while (c > 0) {
        const p = (c - 1) >> 1;
        if (this.key[p]! <= this.key[c]!) break;
        this.swap(p, c);
        c = p;
      }
    } else if (key > this.key[0]!) {
      this.put(0, i, rank, coverage, density, key);
      const h = this.key;
      for (let p = 0; ; ) {
        const l = 2 * p + 1;
        const r = l + 1;
        let m = p;
        if (l < this.size && h[l]! < h[m]!) m = l;
        if (r < this.size && h[r]! < h[m]!) m = r;
        if (m === p) break;
        this.swap(p, m);
        p = m;
      }
    }
  }

  private put(at: number, i: number, rank: number, coverage: number, density: number, key: number): void {
    this.idx[at] = i;
    this.rank[at] = rank;
    this.coverage[at] = coverage;
    this.density[at] = density;
    this.key[at] = key;
  }

  private swap(a: number, b: number): void {
    const i = this.idx[a]!;
    this.idx[a] = this.idx[b]!;
    this.idx[b] = i;
    swapAt(this.rank, a, b);
    swapAt(this.coverage, a, b);
    swapAt(this.density, a, b);
    swapAt(this.key, a, b);
  }

  /** The entries, highest key first (equal keys in heap order, as a stable sort leaves them). */
  sorted(): Ranked[] {
    const out: Ranked[] = [];
    for (let at = 0; at < this.size; at++) out.push({ i: this.idx[at]!, rank: this.rank[at]!, coverage: this.coverage[at]!, density: this.density[at]!, key: this.key[at]! });
    return out.sort((a, b) => b.key - a.key);
  }
}

function swapAt(arr: Float64Array, a: number, b: number): void {
  const t = arr[a]!;
  arr[a] = arr[b]!;
  arr[b] = t;
}
