/** What the narrowing (narrow.ts) and its count from the previous keystroke (keystroke.ts) share. */

/** Least share of the query's units (by weight, or in the title) for a phrase to be a candidate. */
export const MIN_COVERAGE = 0.5;

/** One unit of the query: the phrases holding it, and those whose title does. */
export interface Unit {
  postings: Int32Array | undefined;
  title: Int32Array | undefined;
}

/** Per-phrase counters, allocated once per index; all but the bits of the kept count are left zeroed after a query. */
export class Scratch {
  readonly counter: Float64Array;
  readonly titleHits: Uint16Array;
  readonly trigramHits: Uint16Array;
  /** Phrases the current query touched (the first `count`): T, kept for the next keystroke. */
  readonly touched: Int32Array;
  count = 0;
  /** For each phrase of T, one bit per unit of `keys` it holds; and per unit its title holds. */
  readonly mask: Uint32Array;
  readonly titleMask: Uint32Array;
  /** The units counted last (their keys, in the query's order). */
  keys: number[] = [];
  /** Bits of the units whose every holder is in T. */
  core = 0;
  /** How the last query was counted (for the tests). */
  last: 'full' | 'filter' | 'extend' | 'plain' = 'full';
  constructor(n: number) {
    this.counter = new Float64Array(n);
    this.titleHits = new Uint16Array(n);
    this.trigramHits = new Uint16Array(n);
    this.touched = new Int32Array(n);
    this.mask = new Uint32Array(n);
    this.titleMask = new Uint32Array(n);
  }
}
