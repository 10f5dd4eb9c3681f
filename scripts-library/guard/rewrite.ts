/**
 * What 替换 does to a draft. A rule's suggestion is usually a whole sentence ("请在平台内沟通和付款，交易更有保障"):
 * swapped in for the matched words it makes broken Chinese (「加我vx聊」 → 「加我请在平台内沟通和付款，交易更有保障聊」).
 * So a hit is rewritten at the size its fix has:
 * - the rule's `replacement` (a word-level substitute) replaces just the hit's span;
 * - a sentence suggestion replaces the whole clause the hit sits in (between ，。！？；… or line breaks);
 * - advice in （…） (「（删除这句，保持礼貌）」) has no automatic rewrite: the agent reads it and edits.
 * The badge shows the result before it is applied. Pure, for the content script and tests.
 */

import type { GuardHit } from '../shared/protocol';

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
/**
 * A note in brackets is for the agent, not the buyer (「欢迎您分享真实感受（不以奖励换评价）」): it never goes into
 * the draft, wherever the suggestion holds it (at the end, or before more of the sentence).
 */
const AGENT_NOTE = /\s*[（(][^（）()]*[）)]\s*/g;

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

/** A hit as the rewrite needs it (GuardHit and the matcher's Hit both fit). */
export interface RewriteHit {
  start: number;
  end: number;
  text?: string;
  ruleId?: string;
  category?: string;
  severity?: string;
  suggestion: string;
  replacement?: string;
}

interface Span {
  start: number;
  end: number;
}

/** The clauses of a draft in order (delimiters and edge spaces left out), empty ones skipped. */
export function clauseSpans(draft: string): Span[] {
  const out: Span[] = [];
  let at = 0;
  while (at < draft.length) {
    if (CLAUSE_END.test(draft[at]!)) {
      at++;
      continue;
    }
    const c = clauseAround(draft, at, at);
    if (c.end > c.start) out.push(c);
    let next = Math.max(c.end, at + 1);
    while (next < draft.length && !CLAUSE_END.test(draft[next]!)) next++;
    at = next;
  }
  return out;
}

/** A clause that is only a contact handle, ID or number (kefu888, 13812345678): what the contact words were for. */
const BARE_HANDLE = /^[A-Za-z0-9][\w.@-]{3,}$/;
/** A clause that only promises the contact itself (稍后发你, 私聊你, 记得通过一下): dangling once the contact is gone. */
const CONTACT_TAIL = /^(?:稍后|等下|等会儿?|一会儿?|回头|马上|晚点|待会儿?)?再?(?:发|给|推|拉|加|私聊|私信|私|告诉|联系)给?(?:你|您)(?:一下)?[吧哦哈啊呀了呢]*$|^(?:记得)?(?:通过|同意)(?:一?下)?(?:好友|验证)?[吧哦哈啊呀了呢]*$/;
/** Where one sentence ends (a clause mark such as ，does not end one). */
const SENTENCE_MARK = /[。．.！!？?\n\r]/;

/** Whether the neighbouring clause `c` goes with a rewrite of a hit of `category`. */
function goesWith(draft: string, c: Span, between: string, category: string | undefined, others: readonly RewriteHit[]): boolean {
  const words = draft.slice(c.start, c.end);
  if (category === 'off-platform' && BARE_HANDLE.test(words) && /\d|.{5,}/.test(words)) return true;
  if (SENTENCE_MARK.test(between)) return false;
  if (category === 'off-platform' && CONTACT_TAIL.test(words)) return true;
  // Another hit of the same intent in it (好评返现5元，五星好评再返5元): one rewrite takes both.
  return others.some((h) => h.category === category && h.severity !== 'hint' && h.start >= c.start && h.end <= c.end);
}

/** The clause(s) a sentence rewrite of `hit` replaces: its own, and the neighbours that go with it. */
export function rewriteSpan(draft: string, hit: RewriteHit, others: readonly RewriteHit[] = [], extra?: Span): Span {
  let span = clauseAround(draft, hit.start, hit.end);
  if (extra) span = { start: Math.min(span.start, extra.start), end: Math.max(span.end, extra.end) };
  const cs = clauseSpans(draft);
  for (let grew = true; grew; ) {
    grew = false;
    const before = [...cs].reverse().find((c) => c.end <= span.start);
    const after = cs.find((c) => c.start >= span.end);
    if (after && goesWith(draft, after, draft.slice(span.end, after.start), hit.category, others)) {
      span = { start: span.start, end: after.end };
      grew = true;
    }
    if (before && !BARE_HANDLE.test(draft.slice(before.start, before.end)) && goesWith(draft, before, draft.slice(before.end, span.start), hit.category, others)) {
      span = { start: before.start, end: span.end };
      grew = true;
    }
  }
  return span;
}

/** Text without marks and spaces, for comparing wordings. */
const bare = (s: string) => s.replace(/[\s，,。．.！!？?；;：:~～…、“”"'‘’（）()]/g, '');

/** Whether `a` and `b` share a run of at least `n` characters (随时联系我们 in two wordings). */
function sharesRun(a: string, b: string, n = 6): boolean {
  if (a.length < n || b.length < n) return false;
  for (let i = 0; i + n <= a.length; i++) if (b.includes(a.slice(i, i + n))) return true;
  return false;
}

/**
 * The suggestion's clauses that the rest of the draft does not already say: a rewrite never repeats a sentence
 * (…随时联系我们 three times). Empty when all of it is there already.
 */
export function newClauses(suggestion: string, rest: string): string {
  const restClauses = clauseSpans(rest).map((c) => bare(rest.slice(c.start, c.end)));
  const parts = suggestion.split(/(?<=[，,；;])/);
  const kept = parts.filter((p) => {
    const b = bare(p);
    return b && !restClauses.some((r) => r.includes(b) || (r.length >= 2 && b.includes(r)) || sharesRun(b, r));
  });
  return kept.join('').replace(/[，,；;]+$/, '');
}

/**
 * The rewrite of one hit. `others` are the draft's other hits (a neighbouring clause of the same intent goes
 * with the rewrite); `extra` a span the rewrite must also cover (planRewrite's second look).
 */
export function rewriteFor(draft: string, hit: RewriteHit, others: readonly RewriteHit[] = [], extra?: Span): Rewrite | undefined {
  const make = (start: number, end: number, text: string, kind: Rewrite['kind']): Rewrite => ({
    start,
    end,
    text,
    kind,
    result: draft.slice(0, start) + text + draft.slice(end),
  });
  if (hit.replacement !== undefined && !extra) return make(hit.start, hit.end, hit.replacement, 'word');
  const suggestion = hit.suggestion.trim();
  if (!suggestion || /^[（(]/.test(suggestion)) return undefined;
  const span = rewriteSpan(draft, hit, others, extra);
  // What the rest of the draft already says is not said again; when that is all of it, the clause just goes.
  let text = newClauses(suggestion.replace(AGENT_NOTE, ''), `${draft.slice(0, span.start)}\n${draft.slice(span.end)}`);
  if (!text) {
    const cut = deletion(draft, span);
    return make(cut.start, cut.end, '', 'clause');
  }
  // The draft's own punctuation after the clause stays: drop the suggestion's final mark when one follows.
  if (span.end < draft.length && CLAUSE_END.test(draft[span.end]!)) text = text.replace(/[。.！!？?；;，,]+$/, '');
  return make(span.start, span.end, text, 'clause');
}

/**
 * A clause removed with one of the marks around it (「亲，加我vx，好的」 → 「亲，好的」, 「加我vx，好的」 → 「好的」);
 * a sentence that would keep no more than a form of address (「亲。」) goes whole.
 */
function deletion(draft: string, span: Span): Span {
  let from = span.start;
  while (from > 0 && !SENTENCE_MARK.test(draft[from - 1]!)) from--;
  let to = span.end;
  while (to < draft.length && !SENTENCE_MARK.test(draft[to]!)) to++;
  if (bare(draft.slice(from, span.start) + draft.slice(span.end, to)).length <= 2) {
    while (to < draft.length && (SENTENCE_MARK.test(draft[to]!) || /\s/.test(draft[to]!))) to++;
    return { start: from, end: to };
  }
  let s = span.start;
  while (s > 0 && /\s/.test(draft[s - 1]!)) s--;
  if (s > 0 && /[，,；;：:、~～]/.test(draft[s - 1]!)) return { start: s - 1, end: span.end };
  let e = span.end;
  while (e < draft.length && /\s/.test(draft[e]!)) e++;
  if (e < draft.length && CLAUSE_END.test(draft[e]!)) {
    e++;
    while (e < draft.length && /\s/.test(draft[e]!)) e++;
    return { start: span.start, end: e };
  }
  return span;
}

/** A hit as the re-check reports it and the preview lists it. */
export type PlanHit = Pick<GuardHit, 'start' | 'end' | 'text' | 'ruleId' | 'category' | 'severity' | 'suggestion'> & { replacement?: string };

export interface PlannedRewrite extends Rewrite {
  /**
   * What the re-check of the result still finds that the draft's untouched hits do not explain: the hit meant
   * to go, a new one, or a contact handle left behind. Empty: the rewrite removes what it flags.
   */
  remaining: PlanHit[];
}

/** The rule id of a contact handle left after its contact words were rewritten (flagged by the rewrite itself). */
export const HANDLE_RULE = 'contact-handle';

/** A handle, ID or number right after an off-platform hit's contact words (加我vx：kefu888 → kefu888). */
export function handleAfter(draft: string, hit: Pick<PlanHit, 'end' | 'category'>): string | undefined {
  if (hit.category !== 'off-platform') return undefined;
  const m = /^[\s：:，,是为号码]*([A-Za-z0-9][\w.@-]{3,})/.exec(draft.slice(hit.end));
  return m && /\d|.{5,}/.test(m[1]!) ? m[1] : undefined;
}

/** A handle left in `text` as a hit of its own. */
export function handleHit(text: string, handle: string): PlanHit | undefined {
  const at = text.indexOf(handle);
  if (at < 0) return undefined;
  return { start: at, end: at + handle.length, text: handle, ruleId: HANDLE_RULE, category: 'off-platform', severity: 'block', suggestion: '' };
}

/**
 * A rewrite checked before it is applied: the result goes through the same check as the draft (`check`, the
 * judge). A hit of the same intent the re-check finds in the clause next to the rewrite (the model reads the
 * new sentence with its neighbour) is taken into the rewrite too, up to twice; what still holds is reported.
 */
export async function planRewrite(
  draft: string,
  hit: PlanHit,
  hits: readonly PlanHit[],
  check: (text: string) => Promise<readonly PlanHit[]> | readonly PlanHit[],
): Promise<PlannedRewrite | undefined> {
  const handle = handleAfter(draft, hit);
  let extra: Span | undefined;
  for (let round = 0; ; round++) {
    const rw = rewriteFor(draft, hit, hits, extra);
    if (!rw) return undefined;
    const after = await check(rw.result);
    // A hit of the result is explained by a hit the rewrite left alone when it sits where that one sat (its rule
    // may differ: the words around it changed); anything else is what the rewrite did not fix, or made.
    const delta = rw.text.length - (rw.end - rw.start);
    const newEnd = rw.start + rw.text.length;
    const untouched = hits.filter((h) => h !== hit && (h.end <= rw.start || h.start >= rw.end)).map((h) => (h.start >= rw.end ? { start: h.start + delta, end: h.end + delta } : h));
    const remaining = after.filter((h) => {
      if (h.severity === 'hint') return false;
      if (h.start < newEnd && h.end > rw.start) return true;
      return !untouched.some((u) => u.start < h.end && u.end > h.start);
    });
    const left = handle !== undefined && !remaining.some((h) => h.text.includes(handle)) ? handleHit(rw.result, handle) : undefined;
    if (left) remaining.push(left);
    const next = round < 2 && hit.replacement === undefined ? neighbourOf(draft, rw, remaining, hit.category) : undefined;
    if (!next) return { ...rw, remaining };
    extra = next;
  }
}

/** The span covering the rewrite and the clause next to it that holds a remaining hit of `category`, if any. */
function neighbourOf(draft: string, rw: Rewrite, remaining: readonly PlanHit[], category: string): Span | undefined {
  const delta = rw.text.length - (rw.end - rw.start); // the result's offsets after the rewrite, back to the draft's
  const newEnd = rw.start + rw.text.length;
  const cs = clauseSpans(draft);
  const before = [...cs].reverse().find((c) => c.end <= rw.start);
  const after = cs.find((c) => c.start >= rw.end);
  for (const h of remaining) {
    if (h.category !== category || h.ruleId === HANDLE_RULE) continue;
    const at = h.start >= newEnd ? { start: h.start - delta, end: h.end - delta } : h.end <= rw.start ? h : undefined;
    if (!at) continue;
    for (const c of [before, after]) {
      if (c && at.start >= c.start && at.end <= c.end && !SENTENCE_MARK.test(draft.slice(Math.min(c.end, rw.end), Math.max(c.start, rw.start)))) {
        return { start: Math.min(c.start, rw.start), end: Math.max(c.end, rw.end) };
      }
    }
  }
  return undefined;
}
