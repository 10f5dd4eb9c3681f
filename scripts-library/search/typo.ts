/**
 * Typo admission: how nearly a typed Latin token (pinyin with a letter wrong, missed, added or two swapped) holds
 * to a phrase's pinyin. The narrowing re-ranks long tokens by these, and a title one typo away is a match.
 */

/** Least in-order share of a long token's trigrams for a candidate to be a hit. */
export const MIN_ORDER = 0.6;
/** A long token one typo from the title's pinyin (tuikaun for tuikuan…) is a match. */
export const MIN_TITLE_TYPO = 0.8;

/**
 * Share of `token`'s trigrams that occur in `hay` at positions consistent with one placement of the token
 * (± one character, so a missing, extra or swapped letter still aligns). 1 = the token occurs as is.
 */
export function alignedShare(hay: string, token: string): number {
  // The token as is (the usual case for a correctly typed pinyin) aligns every trigram: no need to count.
  if (hay.includes(token)) return 1;
  const count = token.length - 2;
  if (count <= 0) return 0;
  // votes[start + 1] counts trigrams consistent with the token starting at `start` (start may be -1); one array
  // reused by every call (the re-rank aligns four dozen candidates' long pinyin per token), zeroed up to its use.
  if (votesOf.length < hay.length + 3) votesOf = new Uint8Array(2 * (hay.length + 3));
  const votes = votesOf;
  votes.fill(0, 0, hay.length + 3);
  let best = 0;
  for (let k = 0; k < count; k++) {
    const t = token.slice(k, k + 3);
    let marked = -2; // highest slot already voted for by this trigram (occurrences come in increasing order)
    for (let p = hay.indexOf(t); p >= 0; p = hay.indexOf(t, p + 1)) {
      for (let slot = Math.max(0, p - k, marked + 1); slot <= p - k + 2; slot++) {
        const v = ++votes[slot]!;
        if (v > best) best = v;
        marked = slot;
      }
    }
  }
  return best / count;
}
let votesOf = new Uint8Array(1024);

/**
 * 1 − (the fewest edits that turn `token` into some stretch of `hay`) / the token's length, where an edit is a
 * letter typed wrong, missed, added, or two swapped ("tuikaun" is one swap from the "tuikuan" of
 * tuikuanshixiao: 0.86). Optimal string alignment over a free start and end; `hay` is a title's pinyin, short.
 */
export function typoShare(hay: string, token: string): number {
  const m = token.length;
  if (!m) return 0;
  // Held as typed: no edit (the table's least is 0).
  if (hay.includes(token)) return 1;
  const w = hay.length + 1;
  if (rowsOf.length < 3 * w) rowsOf = new Int32Array(3 * w * 2);
  // Rows i − 2, i − 1 and i of the table, kept in one reused array: d[i][j] = fewest edits of token[0, i) ending
  // at hay[j − 1]. Row 0 is zeros: a match may start anywhere.
  let before = 0;
  let prev = w;
  let cur = 2 * w;
  rowsOf.fill(0, 0, 3 * w);
  const d = rowsOf;
  for (let i = 1; i <= m; i++) {
    d[cur] = i;
    const a = token.charCodeAt(i - 1);
    const a1 = i > 1 ? token.charCodeAt(i - 2) : -1;
    for (let j = 1; j < w; j++) {
      const b = hay.charCodeAt(j - 1);
      let x = d[prev + j]! + 1;
      const left = d[cur + j - 1]! + 1;
      if (left < x) x = left;
      const diag = d[prev + j - 1]! + (a === b ? 0 : 1);
      if (diag < x) x = diag;
      if (j > 1 && a === hay.charCodeAt(j - 2) && a1 === b) {
        const swap = d[before + j - 2]! + 1;
        if (swap < x) x = swap;
      }
      d[cur + j] = x;
    }
    const t = before;
    before = prev;
    prev = cur;
    cur = t;
  }
  let best = m;
  for (let j = 0; j < w; j++) if (d[prev + j]! < best) best = d[prev + j]!;
  return 1 - best / m;
}
let rowsOf = new Int32Array(256);

/** Whether `a` and `b` differ by one letter wrong, missed or added, or two neighbours swapped. */
export function oneEditApart(a: string, b: string): boolean {
  if (a === b || Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  const rest = (x: string, y: string) => x.slice(i + 1) === y.slice(i + 1);
  if (a.length === b.length) return rest(a, b) || (a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2));
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}
