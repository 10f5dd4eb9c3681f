/**
 * Bringing an installed rule set up to a new default pack. The default rules are installed once and are then the
 * agent's (edit, disable, delete); a new revision of the pack (a round of guard work) must still reach them,
 * without undoing what the agent did:
 * - a stored default rule whose content is as some revision shipped it (never edited here) takes the new content,
 *   keeping whether it is enabled;
 * - an edited one stays as the agent left it;
 * - a default rule that is not stored although an earlier revision shipped it was deleted by the agent: it stays
 *   deleted; one no revision shipped before is new: it is added;
 * - a stored, never-edited rule the new revision no longer has goes.
 * The history (packs/history/rules-default.json) holds each revision's content hash per rule; the database keeps
 * the id of the revision it was last brought to.
 */
import { z } from 'zod';
import type { Rule } from '../shared/schema';
import { shortHash } from '../shared/hash';

/** The fields that make a rule what it is (not `enabled`: the agent's switch), empty ones left out. */
const CONTENT: (keyof Rule)[] = ['terms', 'patterns', 'category', 'severity', 'suggestion', 'replacement', 'allow', 'cleanNear', 'near', 'nearWithin', 'nearOrdered', 'check', 'note', 'source'];

/**
 * A hash of a rule's content, the same whichever schema defaults it was stored with (an empty list, an empty
 * string and a missing field are one).
 */
export function ruleContentHash(rule: Partial<Rule>): string {
  const kept = CONTENT.flatMap((k) => {
    const v = rule[k];
    if (v === undefined || v === '' || (Array.isArray(v) && v.length === 0)) return [];
    return [[k, v]];
  });
  return shortHash(JSON.stringify(kept));
}

/** Revision number → rule id → content hash, for every revision shipped (the current one included). */
export const RuleHistorySchema = z.object({
  format: z.literal('kefu-rule-history'),
  pack: z.string(),
  about: z.string(),
  revisions: z.record(z.string(), z.record(z.string(), z.string())),
});
export type RuleHistory = z.infer<typeof RuleHistorySchema>;

export interface RuleUpgradePlan {
  /** New content for stored rules, and new rules. */
  put: Rule[];
  /** Ids of stored, never-edited rules the pack no longer has. */
  remove: string[];
  /** Edited rules left as they are (their ids), for the record. */
  kept: string[];
}

/** A revision's id: a hash of its rules' content hashes, in pack order. */
export function revisionId(hashes: Readonly<Record<string, string>>): string {
  return shortHash(Object.entries(hashes).map(([id, hash]) => `${id}:${hash}`).join('|'));
}

export function contentHashes(rules: readonly Partial<Rule>[]): Record<string, string> {
  return Object.fromEntries(rules.map((r) => [r.id!, ruleContentHash(r)]));
}

/**
 * @param installed the revision id the rules were last brought to; unknown (installed before revisions were kept):
 *   the revision the stored rules match best.
 */
export function planRuleUpgrade(stored: readonly Rule[], current: readonly Rule[], history: RuleHistory, installed?: string): RuleUpgradePlan {
  const revisions = Object.values(history.revisions);
  const shipped = new Map<string, Set<string>>();
  for (const revision of revisions) {
    for (const [id, hash] of Object.entries(revision)) {
      let set = shipped.get(id);
      if (!set) shipped.set(id, (set = new Set()));
      set.add(hash);
    }
  }
  const storedHashes = new Map(stored.map((r) => [r.id, ruleContentHash(r)]));
  const matches = (rev: Record<string, string>) => Object.entries(rev).filter(([id, hash]) => storedHashes.get(id) === hash).length;
  // The rules the agent was given: a rule of that revision that is not stored was deleted here.
  const base = revisions.find((rev) => revisionId(rev) === installed) ?? revisions.reduce<Record<string, string> | undefined>((best, rev) => (!best || matches(rev) >= matches(best) ? rev : best), undefined) ?? {};
  const byId = new Map(stored.map((r) => [r.id, r]));
  const currentIds = new Set(current.map((r) => r.id));
  const put: Rule[] = [];
  const kept: string[] = [];
  for (const rule of current) {
    const mine = byId.get(rule.id);
    if (!mine) {
      if (!Object.hasOwn(base, rule.id)) put.push(rule); // new to this agent; otherwise they deleted it
      continue;
    }
    const hash = storedHashes.get(rule.id)!;
    if (hash === ruleContentHash(rule)) continue;
    if (shipped.get(rule.id)?.has(hash)) put.push({ ...rule, enabled: mine.enabled });
    else kept.push(rule.id);
  }
  const remove = stored.filter((r) => !currentIds.has(r.id) && shipped.get(r.id)?.has(storedHashes.get(r.id)!)).map((r) => r.id);
  return { put, remove, kept };
}
