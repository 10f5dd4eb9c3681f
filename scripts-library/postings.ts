/**
 * Posting lists in typed arrays (compressed rows): every key's phrase numbers, ascending, in one Int32Array.
 * Built in one pass that records (key, phrase) pairs and then places them by a counting sort, so building a 10k
 * library allocates a few large arrays instead of thousands of growing ones (the garbage collector was most of
 * the index's build time).
 */
/** Keys of Latin bigrams: two of [a-z0-9] as 36 × first + second. */
export const GRAM_KEYS = 36 * 36;

/** Keys of Latin trigrams: three of [a-z0-9] as 36² × first + 36 × second + third. */
export const TRIGRAM_KEYS = 36 * 36 * 36;

/** [a-z] → 0–25, [0-9] → 26–35, anything else → -1. */
export function latinCode(c: number): number {
  if (c >= 97 && c <= 122) return c - 97;
  if (c >= 48 && c <= 57) return c - 22;
  return -1;
}

/** A Chinese character (CJK unified ideographs, extension A, compatibility ideographs). */
export function isCjkCode(c: number): boolean {
  return (c >= 0x3400 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff);
}

export class Postings {
  constructor(
    private readonly start: Int32Array,
    private readonly post: Int32Array,
  ) {}

  /** How many phrases hold `key`. */
  count(key: number): number {
    return key < 0 || key + 1 >= this.start.length ? 0 : this.start[key + 1]! - this.start[key]!;
  }

  /** The phrases holding `key` (a view, not a copy). */
  of(key: number): Int32Array {
    return this.post.subarray(this.start[key]!, this.start[key + 1]!);
  }
}

export class PostingsBuilder {
  private keys: Int32Array;
  private owners: Int32Array;
  private n = 0;
  private readonly counts: Int32Array;
  /** The last phrase each key was recorded for: a key is recorded once per phrase. */
  private readonly stamp: Int32Array;

  /**
   * @param size keys are 0 … size − 1
   * @param capacity how many (key, phrase) pairs to expect (the arrays grow past it, by copying)
   */
  constructor(
    private readonly size: number,
    capacity = 1 << 14,
  ) {
    this.keys = new Int32Array(Math.max(16, capacity));
    this.owners = new Int32Array(Math.max(16, capacity));
    this.counts = new Int32Array(size);
    this.stamp = new Int32Array(size).fill(-1);
  }

  /** Record that phrase `i` holds `key` (phrases in ascending order); false if it was recorded already. */
  add(key: number, i: number): boolean {
    if (this.stamp[key] === i) return false;
    this.stamp[key] = i;
    this.counts[key]!++;
    if (this.n === this.keys.length) {
      const keys = new Int32Array(this.n * 2);
      keys.set(this.keys);
      this.keys = keys;
      const owners = new Int32Array(this.n * 2);
      owners.set(this.owners);
      this.owners = owners;
    }
    this.keys[this.n] = key;
    this.owners[this.n++] = i;
    return true;
  }

  /** Record every Chinese character of `s` (char code as key) for phrase `i`; returns how many were new. */
  addCjk(s: string, i: number): number {
    let added = 0;
    for (let k = 0; k < s.length; k++) {
      const c = s.charCodeAt(k);
      if (isCjkCode(c) && this.add(c, i)) added++;
    }
    return added;
  }

  /** Record every bigram of adjacent [a-z0-9] in `s` (as 36 × first + second) for phrase `i`; returns how many were new. */
  addGrams(s: string, i: number): number {
    let added = 0;
    let prev = -1;
    for (let k = 0; k < s.length; k++) {
      const cur = latinCode(s.charCodeAt(k));
      if (prev >= 0 && cur >= 0 && this.add(prev * 36 + cur, i)) added++;
      prev = cur;
    }
    return added;
  }

  /** Record every trigram of adjacent [a-z0-9] in `s` for phrase `i`; returns how many were new. */
  addTrigrams(s: string, i: number): number {
    let added = 0;
    let a = -1;
    let b = -1;
    for (let k = 0; k < s.length; k++) {
      const c = latinCode(s.charCodeAt(k));
      if (a >= 0 && b >= 0 && c >= 0 && this.add((a * 36 + b) * 36 + c, i)) added++;
      a = b;
      b = c;
    }
    return added;
  }

  build(): Postings {
    const start = new Int32Array(this.size + 1);
    for (let k = 0; k < this.size; k++) start[k + 1] = start[k]! + this.counts[k]!;
    const fill = start.slice(0, this.size);
    const post = new Int32Array(this.n);
    for (let k = 0; k < this.n; k++) post[fill[this.keys[k]!]!++] = this.owners[k]!;
    return new Postings(start, post);
  }
}
