/**
 * The team's rules in the database (#35): `<team>/rules` applied to the guard rules here (team rules marked as the
 * team's, an agent's own change kept as 团队 · 已改), and the lead's team rules written to it. No phrase writes or
 * pinyin here, so the service worker's catch-up runs it as it is.
 */
import type * as Y from 'yjs';
import type { KefuDB } from '../db';
import { RuleSchema, TeamRulesAppliedSchema, type Rule } from '../../scripts-library/shared/schema';
import { teamPackId, type TeamConfig } from '../../scripts-library/team/team-config';
import { pullTeamRules, pushLeadRules } from '../../scripts-library/team/bridge';

/** The team rules this browser holds (a settings row), so a team rule the lead deletes here is known as deleted. */
const appliedKey = (set: string) => `teamRulesApplied:${set}`;

async function recordApplied(db: KefuDB, set: string, rules: Iterable<Rule>, deletedHere: readonly string[] = []): Promise<void> {
  const ids = [...[...rules].filter((r) => r.team?.id === set).map((r) => r.id), ...deletedHere];
  const before = (await db.settings.get(appliedKey(set)))?.value;
  // Written only when it changed: a settings write wakes every panel view that follows settings.
  if (JSON.stringify(before) !== JSON.stringify(ids)) await db.settings.put({ key: appliedKey(set), value: ids });
}

/**
 * The rules doc → the rules here: the team's rules added or updated, a team rule the lead deleted removed (an
 * agent's own changed copy stays, as theirs). @returns rules written and removed
 */
export async function pullRules(db: KefuDB, doc: Y.Doc, team: string, lead = false): Promise<number> {
  const set = teamPackId(team);
  return db.transaction('rw', db.rules, db.settings, async () => {
    const local = await db.rules.toArray();
    const applied = TeamRulesAppliedSchema.safeParse((await db.settings.get(appliedKey(set)))?.value);
    const { put, remove, deletedHere } = pullTeamRules(doc, local, set, lead && applied.success ? applied.data : []);
    const rows = put.map((r) => RuleSchema.parse(r));
    if (rows.length) await db.rules.bulkPut(rows);
    if (remove.length) await db.rules.bulkDelete(remove);
    const after = new Map(local.map((r) => [r.id, r]));
    for (const r of rows) after.set(r.id, r);
    for (const id of remove) after.delete(id);
    await recordApplied(db, set, after.values(), deletedHere);
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
    const applied = TeamRulesAppliedSchema.safeParse((await db.settings.get(appliedKey(set)))?.value);
    const local = await db.rules.toArray();
    const pushed = pushLeadRules(doc, set, local, {
      by: config.agent,
      now: opts.now ?? Date.now(),
      publish: opts.publishAll,
      applied: applied.success ? applied.data : [],
    });
    if (pushed.restamp.length) await db.rules.bulkPut(pushed.restamp);
    const after = new Map(local.map((r) => [r.id, r]));
    for (const r of pushed.restamp) after.set(r.id, r);
    await recordApplied(db, set, after.values());
    return pushed.written.length + pushed.removed.length;
  });
}
