/**
 * The team's rules in the database (#35): `<team>/rules` applied to the guard rules here (team rules marked as the
 * team's, an agent's own change kept as 团队 · 已改), and the lead's team rules written to it. No phrase writes or
 * pinyin here, so the service worker's catch-up runs it as it is.
 */
import type * as Y from 'yjs';
import type { KefuDB } from '../db';
import { RuleSchema } from '../../scripts-library/shared/schema';
import { teamPackId, type TeamConfig } from '../../scripts-library/team/team-config';
import { pullTeamRules, pushLeadRules } from '../../scripts-library/team/bridge';

/** The rules doc → the rules here. @returns rules written */
export async function pullRules(db: KefuDB, doc: Y.Doc, team: string): Promise<number> {
  return db.transaction('rw', db.rules, async () => {
    const { put } = pullTeamRules(doc, await db.rules.toArray(), teamPackId(team));
    if (put.length) await db.rules.bulkPut(put.map((r) => RuleSchema.parse(r)));
    return put.length;
  });
}

/** The lead's team rules (every rule with `publishAll`) → the rules doc, then restamped here as the team's. */
export async function pushRules(db: KefuDB, doc: Y.Doc, config: TeamConfig, opts: { publishAll?: boolean; now?: number } = {}): Promise<number> {
  if (config.role !== 'lead') return 0;
  const pushed = pushLeadRules(doc, teamPackId(config.team), await db.rules.toArray(), { by: config.agent, now: opts.now ?? Date.now(), publish: opts.publishAll });
  if (pushed.restamp.length) await db.rules.bulkPut(pushed.restamp);
  return pushed.written.length;
}
