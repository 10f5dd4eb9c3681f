/**
 * The sentence (or clause) around a place in a draft, shared by the guard's scopes: walked out to the nearest mark on
 * each side, at most `reach` characters, so a paste with no marks is not walked whole per hit.
 */
export const SENTENCE_END = /[。！!？?；;\n]/;

/** Where the span holding `at` starts. */
export function spanStart(text: string, at: number, reach: number, marks: RegExp = SENTENCE_END): number {
  let i = at;
  while (i > 0 && at - i < reach && !marks.test(text[i - 1]!)) i--;
  return i;
}

/** Where the span holding `at` ends (the mark's place, or the text's end). */
export function spanEnd(text: string, at: number, reach: number, marks: RegExp = SENTENCE_END): number {
  let i = at;
  while (i < text.length && i - at < reach && !marks.test(text[i]!)) i++;
  return i;
}

/** The text of the span around [start, end). */
export const spanAround = (text: string, start: number, end: number, reach: number, marks: RegExp = SENTENCE_END): string =>
  text.slice(spanStart(text, start, reach, marks), spanEnd(text, end, reach, marks));
