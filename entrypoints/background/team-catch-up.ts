/**
 * The team catch-up itself (#35): the one entry point the service worker calls for team mode's sync code, which
 * brings Yjs, the Hocuspocus provider and the phrase writes (pinyin-pro included) with it. team.ts reaches it
 * only through one dynamic import, when a team is joined and its alarm rings, so this module (and everything it
 * imports) can be split out of the worker's start-up as one chunk.
 */
import type { KefuDB } from '../../storage/db';
import type { TeamConfig } from '../../scripts-library/team/team-config';
import { TeamSync, type TeamStatus, type TeamSyncOptions } from '../../storage/team-sync';
import { pullLibrary, pushLibrary } from '../../storage/repositories/team-library';

/**
 * One catch-up: open the team's documents, connect, sync both ways (the team library into the phrases too, so an
 * agent whose panel stays closed still gets the lead's phrases), wait for the server to confirm, disconnect.
 */
export async function runTeamCatchUp(db: KefuDB, config: TeamConfig, sync: Pick<TeamSyncOptions, 'WebSocketPolyfill'> = {}, timeoutMs = 20_000): Promise<TeamStatus> {
  const catchUp = new TeamSync(db, config, { ...sync, library: { pull: pullLibrary, push: pushLibrary } });
  await catchUp.open();
  return catchUp.once(timeoutMs);
}
