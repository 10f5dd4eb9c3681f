/**
 * The guard badge's state for one reply box, pure (the badge in the chat page draws it): the last check, what
 * the agent ignored for this draft, and whether a send must be held.
 */
import type { GuardHit } from '../protocol';

export const SEVERITIES = ['block', 'warn', 'hint'] as const;

/** The rule id of an intent-model hit begins so (judge.ts): model-abuse, model-off-platform… */
export const MODEL_PREFIX = 'model-';

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
  /** Set by 仍要发送: the next send of exactly this text passes. */
  private bypass: string | null = null;

  /** A check finished for `text` (`hits` undefined: it failed). An emptied draft forgets what was ignored. */
  record(text: string, hits: readonly GuardHit[] | undefined): void {
    if (!text.trim()) this.ignored.clear();
    this.checked = { text, hits: hits ?? [], failed: hits === undefined };
  }

  /** The hits the agent has not dismissed with 忽略 / 不再提示. */
  visible(): GuardHit[] {
    return this.checked.hits.filter((h) => !this.ignored.has(keyOf(h)));
  }

  ignore(hit: GuardHit): void {
    this.ignored.add(keyOf(hit));
  }

  /** Whether sending needs the agent's say: a must-change hit, or a check that could not be done. */
  blocking(hits: readonly GuardHit[] = this.visible()): boolean {
    return this.checked.failed || hits.some((h) => h.severity === 'block');
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
    return this.visible().filter((h) => h.severity === 'block').map((h) => h.ruleId);
  }
}

const keyOf = (h: GuardHit) => `${h.ruleId}|${h.text}`;

/** The context a personal allow (不再提示) is stored with: the hit and two characters either side. */
export function allowContext(text: string, hit: Pick<GuardHit, 'start' | 'end'>): string {
  return text.slice(Math.max(0, hit.start - 2), Math.min(text.length, hit.end + 2));
}
