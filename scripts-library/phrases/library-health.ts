/**
 * Library health (#13): what the use counts and the 仍要发送 counts say about a phrase library, for 管理 — the
 * phrases used most, the ones nobody sent in 30 days, and the guard rules agents override most.
 */
import type { Phrase, Rule } from '../shared/schema';

export const UNUSED_DAYS = 30;
const DAY = 86_400_000;

export interface RuleOverride {
  ruleId: string;
  /** The rule's first words, to name it (a rule has no title). */
  label: string;
  count: number;
}

export interface LibraryHealth {
  /** By use count, then the latest use; phrases never used are left out. */
  mostUsed: Phrase[];
  /** Not used in the last UNUSED_DAYS days (or never), oldest use first; phrases made in that time are left out. */
  unused: Phrase[];
  /** Rules by how often 仍要发送 overrode them, most first. */
  overridden: RuleOverride[];
}

export function libraryHealth(
  phrases: readonly Phrase[],
  overrides: Readonly<Record<string, number>>,
  rules: readonly Rule[],
  now = Date.now(),
  top = 10,
): LibraryHealth {
  const since = now - UNUSED_DAYS * DAY;
  const mostUsed = phrases
    .filter((p) => p.useCount > 0)
    .sort((a, b) => b.useCount - a.useCount || (b.lastUsedAt ?? 0) - (a.lastUsedAt ?? 0))
    .slice(0, top);
  const unused = phrases
    .filter((p) => (p.lastUsedAt ?? 0) < since && p.createdAt < since)
    .sort((a, b) => (a.lastUsedAt ?? 0) - (b.lastUsedAt ?? 0) || a.title.localeCompare(b.title, 'zh'));
  const byId = new Map(rules.map((r) => [r.id, r]));
  const overridden = Object.entries(overrides)
    .filter(([, count]) => count > 0)
    .map(([ruleId, count]) => ({ ruleId, count, label: labelOf(byId.get(ruleId), ruleId) }))
    .sort((a, b) => b.count - a.count || a.ruleId.localeCompare(b.ruleId))
    .slice(0, top);
  return { mostUsed, unused, overridden };
}

/** A rule named by its first terms, or its first near words joined by …, or its id. */
function labelOf(rule: Rule | undefined, id: string): string {
  if (!rule) return id;
  if (rule.terms.length) return rule.terms.slice(0, 3).join('、');
  if (rule.near?.length) return rule.near.map((g) => g[0]).join('…');
  return id;
}
