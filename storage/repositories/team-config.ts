/**
 * Team mode's settings in the database (#35): the joined team (a settings row of this browser only: the token never
 * goes anywhere but to its server), the device id, and the lead's table of agents' tallies. No Yjs here, so the
 * panel reads these without loading the sync code.
 */
import type { KefuDB } from '../db';
import { DeviceIdSchema, newDeviceId, TEAM_DEVICE_KEY, TEAM_KEY, TeamConfigSchema, type TeamConfig, type TeamTally } from '../../scripts-library/team/team-config';

/** The joined team, or undefined (team mode off). A stored row that does not parse counts as off. */
export async function getTeamConfig(db: KefuDB): Promise<TeamConfig | undefined> {
  const parsed = TeamConfigSchema.safeParse((await db.settings.get(TEAM_KEY))?.value);
  return parsed.success ? parsed.data : undefined;
}

export async function saveTeamConfig(db: KefuDB, config: TeamConfig): Promise<void> {
  await db.settings.put({ key: TEAM_KEY, value: TeamConfigSchema.parse(config) });
}

/**
 * Leave the team: the token, the documents' state and the record of the team rules held here go; every row the team brought (team phrases, notes, the
 * lead's team tally) stays here as the local copy.
 */
export async function leaveTeam(db: KefuDB): Promise<void> {
  await db.transaction('rw', db.settings, db.teamDocs, async () => {
    await db.settings.delete(TEAM_KEY);
    await db.teamDocs.clear();
    // Which team rules this browser held: a record of that team's documents, gone with them.
    await db.settings.where('key').startsWith('teamRulesApplied:').delete();
  });
}

/** This browser's device id, made once. */
export async function deviceId(db: KefuDB): Promise<string> {
  return db.transaction('rw', db.settings, async () => {
    const parsed = DeviceIdSchema.safeParse((await db.settings.get(TEAM_DEVICE_KEY))?.value);
    if (parsed.success) return parsed.data;
    const id = newDeviceId();
    await db.settings.put({ key: TEAM_DEVICE_KEY, value: id });
    return id;
  });
}

/** The lead's table of every agent's rows for these days. */
export async function teamTallyForDays(db: KefuDB, days: readonly string[]): Promise<TeamTally[]> {
  return db.teamTally.where('day').anyOf([...days]).toArray();
}
