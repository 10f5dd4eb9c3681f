/**
 * The library's index kept across keystrokes: rebuilt only when the library's text changes. Index build and
 * refresh figures: tests/bench/HISTORY.md.
 */
import { PhraseIndex } from './phrase-index';
import type { SearchablePhrase } from './types';

/**
 * The version of a library's text: how many phrases, and the latest edit time. Every write that changes a
 * phrase's text, stage or code stamps `updatedAt = now` (phrase-writes.ts, imports, packs), a delete changes the
 * count, and an undo puts back the old row and count; use counts and pins change neither. Two numbers, read
 * in one pass over numbers, not a signature built over every id on every insert.
 */
export function libraryVersion(phrases: readonly { updatedAt: number }[]): { count: number; latest: number } {
  let latest = 0;
  for (let i = 0; i < phrases.length; i++) {
    const t = phrases[i]!.updatedAt;
    if (t > latest) latest = t;
  }
  return { count: phrases.length, latest };
}

/**
 * Keeps one index per phrase library: rebuilt only when the library's text version changes, while use counts
 * and pins, which change on every insert, are refreshed in place.
 */
export class PhraseSearchCache<P extends SearchablePhrase & { updatedAt: number }> {
  private version = { count: -1, latest: -1 };
  private index: PhraseIndex<P> | undefined;
  private last: readonly P[] | undefined;

  /**
   * The index for this library. The panel and the picker call it on every keystroke with the same array (a live
   * query hands out a new array only when the library changed): that returns at once. A new array of the same
   * version (only use counts or pins changed) refreshes them; a new version rebuilds the index.
   */
  get(phrases: readonly P[]): PhraseIndex<P> {
    if (this.index && phrases === this.last) return this.index;
    this.last = phrases;
    const version = libraryVersion(phrases);
    if (this.index && version.count === this.version.count && version.latest === this.version.latest) this.index.refreshStats(phrases);
    else {
      // One index at a time: the old one is let go before the new one is built (a 100k library's index is
      // large, and its build allocates as much again while it runs).
      this.index = undefined;
      this.index = new PhraseIndex(phrases);
    }
    this.version = version;
    return this.index;
  }
}
