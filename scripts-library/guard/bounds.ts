/** The matcher's boundary tests: Latin word edges, model codes, clause marks, separators, allow contexts. */
import { endOf, type View } from './normalize';

export const LATIN_CHAR = /[a-z0-9]/;
export const CLAUSE_MARKS = '。！!？?；;\n';

/** Code units that end a clause, for the near rules' "same clause" (a table: this runs for every pairing). */
export const CLAUSE_END = new Uint8Array(65536);
for (const c of CLAUSE_MARKS) CLAUSE_END[c.charCodeAt(0)] = 1;
export const sameClause = (text: string, from: number, to: number) => {
  for (let i = from; i < to; i++) if (CLAUSE_END[text.charCodeAt(i)]) return false;
  return true;
};

export const latinAt = (draft: string, k: number) => k >= 0 && k < draft.length && LATIN_CHAR.test(draft[k]!.normalize('NFKC').toLowerCase());
/** A near word's match [start, end) of the view with its Latin ends (`latin`: 1 start, 2 end) bounded in the draft. */
export function latinBounded(draft: string, view: View, latin: number, start: number, end: number): boolean {
  if (latin & 1 && latinAt(draft, view.from[start]! - 1)) return false;
  const after = endOf(view, end - 1);
  return !(latin & 2 && (latinAt(draft, after) || modelCodeAt(draft, after)));
}
/** A hyphen or underscore and then a digit at k: the Latin term before it is part of a model code (WX-300). */
export const modelCodeAt = (draft: string, k: number) => (draft[k] === '-' || draft[k] === '_' || draft[k] === '－') && /[0-9０-９]/.test(draft[k + 1] ?? '');
/**
 * The draft's [from, to) holds more than the `units` characters matched (separators were taken out inside the
 * term) and no clause or list mark (a term must not be pieced together across clauses or list items: 收货人、电话).
 */
const LIST_MARKS = '，,、：:';
export function separatedInside(draft: string, from: number, to: number, units: number): boolean {
  if (to - from <= units) return false;
  for (let i = from; i < to; i++) if (CLAUSE_END[draft.charCodeAt(i)] || LIST_MARKS.includes(draft[i]!)) return false;
  return true;
}

/**
 * Does an occurrence of `allow` in `text` cover [start, end)? Only where such an occurrence could start is
 * tried, in place (a search to the end of a long draft for every hit made long checks quadratic).
 */
export function covers(text: string, allow: string, start: number, end: number): boolean {
  if (end - start > allow.length) return false;
  for (let at = Math.max(0, end - allow.length); at <= start; at++) if (text.startsWith(allow, at)) return true;
  return false;
}
