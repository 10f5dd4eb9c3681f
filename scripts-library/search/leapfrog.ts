/**
 * The phrases held in every one of several ascending posting lists, read one at a time in ascending order (a
 * leapfrog join: each list galloped forward to the current phrase). A query's words are checked for at most a
 * thousand phrases (phrase-index.ts), so when the lists share tens of thousands — a long pinyin token's bigrams in
 * a 100k library — only the first thousand are found, instead of every list intersected in full.
 */
export class Intersection {
  private readonly lists: Int32Array[];
  private readonly at: Int32Array;
  /** At most this many phrases can come out (the shortest list's length). */
  readonly bound: number;

  constructor(lists: readonly Int32Array[]) {
    this.lists = [...lists].sort((a, b) => a.length - b.length);
    this.at = new Int32Array(this.lists.length);
    this.bound = this.lists.length ? this.lists[0]!.length : 0;
  }

  /** The next phrase every list holds, or -1 when there is none. */
  next(): number {
    const { lists, at } = this;
    if (!lists.length) return -1;
    const first = lists[0]!;
    while (at[0]! < first.length) {
      const x = first[at[0]!]!;
      let k = 1;
      for (; k < lists.length; k++) {
        const list = lists[k]!;
        const p = seek(list, at[k]!, x);
        at[k] = p;
        if (p >= list.length) {
          at[0] = first.length;
          return -1;
        }
        if (list[p] !== x) break;
      }
      if (k === lists.length) {
        for (let j = 0; j < lists.length; j++) at[j]!++;
        return x;
      }
      // lists[k] holds nothing from x up to its current phrase: the shortest list goes on from there.
      at[0] = seek(first, at[0]!, lists[k]![at[k]!]!);
    }
    return -1;
  }
}

/** The first place at or after `from` whose phrase is ≥ x (list.length if none): a doubling step, then halving. */
function seek(list: Int32Array, from: number, x: number): number {
  if (from >= list.length || list[from]! >= x) return from;
  let lo = from;
  let step = 1;
  let hi = from + 1;
  while (hi < list.length && list[hi]! < x) {
    lo = hi;
    hi += step;
    step *= 2;
  }
  hi = Math.min(hi, list.length);
  // list[lo] < x; the answer is in (lo, hi].
  while (lo + 1 < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid]! < x) lo = mid;
    else hi = mid;
  }
  return hi;
}
