/**
 * The team's rules in the database (#35): `<team>/rules` applied to the guard rules here (team rules marked as the
 * team's, an agent's own change kept as 团队 · 已改), and the lead's team rules written to it. No phrase writes or
 * pinyin here, so the service worker's catch-up runs it as it is.
 */
import type * as Y from 'yjs';
import { z } from 'zod';
import type { KefuDB } from '../db';
import { RuleSchema } from '../../scripts-library/shared/schema';
import { teamPackId, type TeamConfig } from '../../scripts-library/team/team-config';
import { pullTeamRules, pushLeadRules } from '../../scripts-library/team/bridge';

/** The team rules this browser holds (a settings row), so a team rule the lead deletes here is known as deleted. */
const appliedKey = (set: string) => `teamRulesApplied:${set}`;
const AppliedSchema = z.array(z.string().min(1).max(200)).max(100_000);

async function recordApplied(db: KefuDB, set: string): Promise<void> {
  const ids = (await db.rules.toArray()).filter((r) => r.team?.id === set).map((r) => r.id);
  const before = (await db.settings.get(appliedKey(set)))?.value;
  // Written only when it changed: a settings write wakes every panel view that follows settings.
  if (JSON.stringify(before) !== JSON.stringify(ids)) await db.settings.put({ key: appliedKey(set), value: ids });
}

/**
 * The rules doc → the rules here: the team's rules added or updated, a team rule the lead deleted removed (an
 * agent's own changed copy stays, as theirs). @returns rules written and removed
 */
export async function pullRules(db: KefuDB, doc: Y.Doc, team: string): Promise<number> {
  const set = teamPackId(team);
  return db.transaction('rw', db.rules, db.settings, async () => {
    const { put, remove } = pullTeamRules(doc, await db.rules.toArray(), set);
    if (put.length) await db.rules.bulkPut(put.map((r) => RuleSchema.parse(r)));
    if (remove.length) await db.rules.bulkDelete(remove);
    await recordApplied(db, set);
    return put.length + remove.length;
  });
}

/**
 * The lead's team rules (every rule with `publishAll`) → the rules doc, then restamped here as the team's; a team
 * rule deleted here since the last sync is removed from the doc. @returns rules written and removed
 */
export async function pushRules(db: KefuDB, doc: Y.Doc, config: TeamConfig, opts: { publishAll?: boolean; now?: number } = {}): Promise<number> {
  if (config.role !== 'lead') return 0;
  const set = teamPackId(config.team);
  return db.transaction('rw', db.rules, db.settings, async () => {
    const applied = AppliedSchema.safeParse((await db.settings.get(appliedKey(set)))?.value);
    const pushed = pushLeadRules(doc, set, await db.rules.toArray(), {
      by: config.agent,
      now: opts.now ?? Date.now(),
      publish: opts.publishAll,
      applied: applied.success ? applied.data : [],
    });
    if (pushed.restamp.length) await db.rules.bulkPut(pushed.restamp);
    await recordApplied(db, set);
    return pushed.written.length + pushed.removed.length;
  });
}
