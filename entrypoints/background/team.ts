/**
 * Team mode in the service worker (#35 item 3): a one-shot catch-up every few minutes on an alarm (connect, sync,
 * write Dexie, disconnect), so the team's edits arrive and this browser's wait in no queue for long while the side
 * panel (which syncs live) is closed — the team library included: the lead's phrases reach an agent's library
 * (Dexie) from the alarm alone. An MV3 worker must not hold a socket open, so it never does for longer than one
 * catch-up. The sync code sits behind one function (team-catch-up.ts runTeamCatchUp), imported only when team
 * mode is on and its alarm rings.
 */
import type { KefuDB } from '../../storage/db';
import { getTeamConfig } from '../../storage/repositories/team-config';
import type { TeamSyncOptions } from '../../storage/team-sync';

export const TEAM_ALARM = 'kefu-team-sync';
/** Minutes between catch-ups. */
export const TEAM_PERIOD_MIN = 2;

interface AlarmsApi {
  create(name: string, info: { periodInMinutes: number; delayInMinutes?: number }): Promise<void> | void;
  clear(name: string): Promise<boolean>;
}

/** `sync`: Node tests pass their WebSocket (the worker has its own). */
export function createTeamCatchUp(db: KefuDB, alarms: AlarmsApi, sync: Pick<TeamSyncOptions, 'WebSocketPolyfill'> = {}) {
  let running: Promise<unknown> | undefined;
  return {
    /** Keep the alarm while a team is joined, none otherwise. */
    async schedule(): Promise<void> {
      if (await getTeamConfig(db)) await alarms.create(TEAM_ALARM, { periodInMinutes: TEAM_PERIOD_MIN, delayInMinutes: 0.1 });
      else await alarms.clear(TEAM_ALARM);
    },
    async onAlarm(name: string): Promise<void> {
      if (name !== TEAM_ALARM || running) return;
      const config = await getTeamConfig(db);
      if (!config) return void (await alarms.clear(TEAM_ALARM));
      running = (async () => {
        // The one way into the sync code (team-catch-up.ts), loaded only when a team is joined and an alarm rings.
        const { runTeamCatchUp } = await import('./team-catch-up');
        await runTeamCatchUp(db, config, sync);
      })().finally(() => (running = undefined));
      await running;
    },
  };
}
