/**
 * What 替换 does to a draft. A rule's suggestion is usually a whole sentence ("请在平台内沟通和付款，交易更有保障"):
 * swapped in for the matched words it makes broken Chinese (「加我vx聊」 → 「加我请在平台内沟通和付款，交易更有保障聊」).
 * So a hit is rewritten at the size its fix has:
 * - the rule's `replacement` (a word-level substitute) replaces just the hit's span;
 * - a sentence suggestion replaces the whole clause the hit sits in (between ，。！？；… or line breaks);
 * - advice in （…） (「（删除这句，保持礼貌）」) has no automatic rewrite: the agent reads it and edits.
 * The badge shows the result before it is applied. Pure, for the content script and tests.
 */

export interface Rewrite {
  /** The span of the draft to replace (end exclusive) and what goes there. */
  start: number;
  end: number;
  text: string;
  kind: 'word' | 'clause';
  /** The whole draft after the rewrite (for the preview). */
  result: string;
}

const CLAUSE_END = /[，,。．.！!？?；;：:~～…\n\r]/;
/** A trailing note in brackets is for the agent, not the buyer: 「欢迎您分享真实感受（不以奖励换评价）」. */
const TRAILING_NOTE = /\s*[（(][^（）()]*[）)][。.！!]*\s*$/;

/** Where the clause around [start, end) begins and ends (delimiters excluded). */
export function clauseAround(draft: string, start: number, end: number): { start: number; end: number } {
  let s = start;
  while (s > 0 && !CLAUSE_END.test(draft[s - 1]!)) s--;
  let e = Math.max(end, start);
  while (e < draft.length && !CLAUSE_END.test(draft[e]!)) e++;
  // Spaces at the clause's edges stay where they are.
  while (s < e && /\s/.test(draft[s]!)) s++;
  while (e > s && /\s/.test(draft[e - 1]!)) e--;
  return { start: s, end: e };
}

export function rewriteFor(
  draft: string,
  hit: { start: number; end: number; suggestion: string; replacement?: string },
): Rewrite | undefined {
  const make = (start: number, end: number, text: string, kind: Rewrite['kind']): Rewrite => ({
    start,
    end,
    text,
    kind,
    result: draft.slice(0, start) + text + draft.slice(end),
  });
  if (hit.replacement !== undefined) return make(hit.start, hit.end, hit.replacement, 'word');
  const suggestion = hit.suggestion.trim();
  if (!suggestion) return undefined;
  const clause = clauseAround(draft, hit.start, hit.end);
  if (/^[（(]/.test(suggestion)) return undefined;
  let text = suggestion.replace(TRAILING_NOTE, '');
  // The draft's own punctuation after the clause stays: drop the suggestion's final mark when one follows.
  if (clause.end < draft.length && CLAUSE_END.test(draft[clause.end]!)) text = text.replace(/[。.！!？?；;，,]+$/, '');
  return make(clause.start, clause.end, text, 'clause');
}
