/**
 * How hard a hit may be: one policy, per category and per kind of evidence (#31 item 1).
 *
 * A send is held (必改, block) only on explicit evidence: a rule's term (加微信), its words that go together in one
 * clause (加 … 我), or a pattern with its check (a mobile number, a bank card that passes Luhn). The intent model reads
 * meaning, not evidence: alone it may say 建议改 (warn) or 提示 (hint), never 必改, however sure it is; it may still
 * lower a rule's hit (the veto in judge.ts).
 *
 * A rule's own severity (the default pack's, or the one a team chose) is kept for rule evidence, and capped by the
 * policy: the default pack is held to the table by a test (policy.test.ts).
 */
import type { RuleCategory, Severity } from '../shared/schema';

export type Evidence = 'term' | 'near' | 'pattern' | 'model';

const RANK: Record<Severity, number> = { hint: 1, warn: 2, block: 3 };

/** The most a hit may be, per category and evidence. */
export const SEVERITY_POLICY: Readonly<Record<RuleCategory, Readonly<Record<Evidence, Severity>>>> = {
  'off-platform': { term: 'block', near: 'block', pattern: 'block', model: 'warn' },
  'review-inducement': { term: 'block', near: 'block', pattern: 'block', model: 'warn' },
  abuse: { term: 'block', near: 'block', pattern: 'block', model: 'warn' },
  privacy: { term: 'block', near: 'block', pattern: 'block', model: 'warn' },
  'service-taboo': { term: 'block', near: 'block', pattern: 'block', model: 'warn' },
  'absolute-claim': { term: 'block', near: 'block', pattern: 'block', model: 'warn' },
  'false-promise': { term: 'block', near: 'block', pattern: 'block', model: 'warn' },
};

/** What the default pack gives a rule of this category (the 规则 editor proposes it too). */
export const DEFAULT_SEVERITY: Readonly<Record<RuleCategory, Severity>> = {
  'off-platform': 'block',
  'review-inducement': 'block',
  abuse: 'block',
  privacy: 'block',
  'service-taboo': 'warn',
  'absolute-claim': 'warn',
  'false-promise': 'warn',
};

/** The lower of two severities. */
export const lower = (a: Severity, b: Severity): Severity => (RANK[a] <= RANK[b] ? a : b);

/**
 * The severity of a hit: what its source asks (a rule's severity; for the model, its category's default), capped
 * by the policy for its category and evidence.
 */
export function severityFor(category: RuleCategory, evidence: Evidence, asked: Severity = DEFAULT_SEVERITY[category]): Severity {
  return lower(asked, SEVERITY_POLICY[category][evidence]);
}

/** Whether a hit of this severity holds the send. */
export const holdsSend = (severity: Severity): boolean => severity === 'block';
