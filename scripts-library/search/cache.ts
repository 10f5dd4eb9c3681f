/**
 * The library's index kept across keystrokes: rebuilt only when the library's text changes. Index build and
 * refresh figures: tests/bench/HISTORY.md.
 */
import { PhraseIndex } from './phrase-index';
import type { SearchablePhrase } from './types';

/**
 * The version of a library's text: how many phrases, the latest edit time, and how many have their search keys.
 * Every write that changes a phrase's text, stage or code stamps `updatedAt = now` (phrase-writes.ts, imports,
 * packs), a delete changes the count, and an undo puts back the old row and count; use counts and pins change
 * none. Search keys are added without an edit time (team phrases are pulled without them and the panel adds them,
 * addMissingSearchKeys): the keyed count tells the index to take them in. Three numbers, read in one pass, not a
 * signature built over every id on every insert.
 */
export function libraryVersion(phrases: readonly { updatedAt: number; pinyin?: unknown }[]): { count: number; latest: number; keyed: number } {
  let latest = 0;
  let keyed = 0;
  for (let i = 0; i < phrases.length; i++) {
    const p = phrases[i]!;
    if (p.updatedAt > latest) latest = p.updatedAt;
    if (p.pinyin) keyed++;
  }
  return { count: phrases.length, latest, keyed };
}

/**
 * Keeps one index per phrase library: rebuilt only when the library's text version changes, while use counts
 * and pins, which change on every insert, are refreshed in place.
 */
export class PhraseSearchCache<P extends SearchablePhrase & { updatedAt: number }> {
  private version = { count: -1, latest: -1, keyed: -1 };
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
    const same = version.count === this.version.count && version.latest === this.version.latest && version.keyed === this.version.keyed;
    if (this.index && same) this.index.refreshStats(phrases);
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
