/** What the narrowing (narrow.ts) shares with the index that keeps its counters. */

/** Least share of the query's units (by weight, or in the title) for a phrase to be a candidate. */
export const MIN_COVERAGE = 0.5;

/** One unit of the query: the phrases holding it, and those whose title does. */
export interface Unit {
  postings: Int32Array | undefined;
  title: Int32Array | undefined;
}

/** Per-phrase counters, allocated once per index and left zeroed after every query. */
export class Scratch {
  readonly counter: Float64Array;
  readonly titleHits: Uint16Array;
  readonly trigramHits: Uint16Array;
  /** Phrases the current query touched. */
  readonly touched: Int32Array;
  constructor(n: number) {
    this.counter = new Float64Array(n);
    this.titleHits = new Uint16Array(n);
    this.trigramHits = new Uint16Array(n);
    this.touched = new Int32Array(n);
  }
}
