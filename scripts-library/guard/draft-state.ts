/**
 * The guard badge's state for one reply box, pure (the badge in the chat page draws it): the last check, what
 * the agent ignored for this draft, and whether a send must be held.
 */
import type { GuardHit } from '../shared/protocol';

export const SEVERITIES = ['block', 'warn', 'hint'] as const;

/** The rule id of an intent-model hit begins so (judge.ts): model-abuse, model-off-platform… */
export const MODEL_PREFIX = 'model-';

/**
 * The key under which 不再提示 stores a sentence for every rule and the model at once (one click silences that
 * wording in that sentence, whichever rules and model read it). Here, not in effective-rules.ts: the chat page
 * must not pull the schemas (zod) in with it.
 */
export const ALL_RULES = '*';

/** What to do with a send (Enter or the send button). */
export type SendDecision =
  /** Let it go. */
  | 'pass'
  /** Hold it and ask the agent (修改 / 仍要发送). */
  | 'hold'
  /** The last check is of other text: hold, check again, then send or ask. */
  | 'recheck';

export class DraftState {
  /** `failed`: the check itself did not answer (background gone, a broken reply): fail closed, and say so. */
  checked: { text: string; hits: readonly GuardHit[]; failed: boolean } = { text: '', hits: [], failed: false };
  private ignored = new Set<string>();
  /**
   * Sentences silenced by 不再提示 (stored as personal allows; kept here too, so no check that raced the store
   * shows them again). A hit is silenced where one of them covers it, in whatever draft.
   */
  private silenced: string[] = [];
  /** Set by 仍要发送: the next send of exactly this text passes. */
  private bypass: string | null = null;

  /** A check finished for `text` (`hits` undefined: it failed). An emptied draft forgets what was ignored. */
  record(text: string, hits: readonly GuardHit[] | undefined): void {
    if (!text.trim()) this.ignored.clear();
    this.checked = { text, hits: hits ?? [], failed: hits === undefined };
  }

  /** The hits the agent has not dismissed with 忽略 / 不再提示. */
  visible(): GuardHit[] {
    return this.checked.hits.filter((h) => !this.ignored.has(keyOf(h)) && !this.isSilenced(h));
  }

  /**
   * 忽略 is offered on 建议改 and 提示 only. Ignoring a 必改 hit for one draft would be 仍要发送 without the count
   * (the next Enter sent the draft): a false 必改 goes with 仍要发送 (counted per rule, so the rules agents
   * override show in 短语库体检) or with 不再提示 (a lasting, personal allow).
   */
  canIgnore(hit: GuardHit): boolean {
    return hit.severity !== 'block';
  }

  ignore(hit: GuardHit): void {
    if (this.canIgnore(hit)) this.ignored.add(keyOf(hit));
  }

  /** 不再提示 on a hit: every hit inside `sentence` (the hit's sentence) is silenced, rules and model alike. */
  silence(sentence: string): void {
    if (sentence && !this.silenced.includes(sentence)) this.silenced.push(sentence);
  }

  private isSilenced(h: GuardHit): boolean {
    return this.silenced.some((s) => covers(this.checked.text, s, h.start, h.end));
  }

  /** The 必改 hits that hold a send: all but those silenced by 不再提示 (忽略 never releases one). */
  private blockers(): GuardHit[] {
    return this.checked.hits.filter((h) => h.severity === 'block' && !this.isSilenced(h));
  }

  /** Whether sending needs the agent's say: a must-change hit, or a check that could not be done. */
  blocking(hits: readonly GuardHit[] = this.blockers()): boolean {
    return this.checked.failed || hits.some((h) => h.severity === 'block' && !this.isSilenced(h));
  }

  /** Hits per severity, for the badge (severities without hits left out). */
  counts(): { severity: (typeof SEVERITIES)[number]; count: number }[] {
    const hits = this.visible();
    return SEVERITIES.map((severity) => ({ severity, count: hits.filter((h) => h.severity === severity).length })).filter((c) => c.count > 0);
  }

  /** Whether the badge shows at all. */
  shows(held: boolean): boolean {
    return held || this.checked.failed || this.visible().length > 0;
  }

  /**
   * A send of `text`. A stale check holds only when a send button can complete the send afterwards; otherwise
   * the send goes rather than be swallowed.
   */
  decide(text: string, canSendLater: boolean): SendDecision {
    if (this.bypass !== null && this.bypass === text) {
      this.bypass = null;
      return 'pass';
    }
    if (text !== this.checked.text) return canSendLater ? 'recheck' : 'pass';
    return this.blocking() ? 'hold' : 'pass';
  }

  /** 仍要发送: the rules overridden (to count), and the next send of this text passes. */
  sendAnyway(text: string): string[] {
    this.bypass = text;
    return this.blockers().map((h) => h.ruleId);
  }
}

const keyOf = (h: GuardHit) => `${h.ruleId}|${h.text}`;

/** Does an occurrence of `context` in `text` cover [start, end)? (The matcher's own test, without its tables.) */
function covers(text: string, context: string, start: number, end: number): boolean {
  if (end - start > context.length) return false;
  for (let at = Math.max(0, end - context.length); at <= start; at++) if (text.startsWith(context, at)) return true;
  return false;
}

/** Where a sentence ends (a clause mark such as ，or ： does not end one). */
const SENTENCE_END = /[。．！!？?\n\r]/;
/** The longest context a personal allow holds (guard/allow). */
export const ALLOW_MAX = 60;

/**
 * The sentence around [start, end): what one 不再提示 silences, for every rule and the model. Cut to ALLOW_MAX
 * characters around the hit when longer; spaces at its edges left out.
 */
export function sentenceAround(text: string, start: number, end: number): { start: number; end: number } {
  let s = start;
  while (s > 0 && !SENTENCE_END.test(text[s - 1]!)) s--;
  let e = Math.max(start, end);
  while (e < text.length && !SENTENCE_END.test(text[e]!)) e++;
  while (s < start && /\s/.test(text[s]!)) s++;
  while (e > end && /\s/.test(text[e - 1]!)) e--;
  if (e - s <= ALLOW_MAX) return { start: s, end: e };
  if (end - start >= ALLOW_MAX) return { start, end: start + ALLOW_MAX };
  const room = ALLOW_MAX - (end - start);
  const from = Math.max(s, Math.min(start - Math.floor(room / 2), e - ALLOW_MAX));
  return { start: from, end: from + ALLOW_MAX };
}

/** A model hit at least this sure of 辱骂 is sure abuse: no 不再提示 on it. */
export const SURE_ABUSE = 0.9;

const sureAbuse = (h: GuardHit) =>
  h.category === 'abuse' && h.severity !== 'hint' && (!h.ruleId.startsWith(MODEL_PREFIX) || (h.confidence ?? 1) >= SURE_ABUSE);

/**
 * Whether 不再提示 is offered on `hit`: not on a sure 辱骂 hit, and not on any hit whose sentence holds one
 * (silencing that sentence would silence the abuse too).
 */
export function offersNeverAgain(text: string, hit: GuardHit, hits: readonly GuardHit[]): boolean {
  if (sureAbuse(hit)) return false;
  const sentence = sentenceAround(text, hit.start, hit.end);
  return !hits.some((h) => sureAbuse(h) && h.start < sentence.end && h.end > sentence.start);
}

/** A context of the hit and two characters either side: the narrowest allow a rule can hold. */
export function allowContext(text: string, hit: Pick<GuardHit, 'start' | 'end'>): string {
  return text.slice(Math.max(0, hit.start - 2), Math.min(text.length, hit.end + 2));
}
