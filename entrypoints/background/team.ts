/**
 * Team mode in the service worker (#35 item 3): a one-shot catch-up every few minutes on an alarm (connect, sync,
 * write Dexie, disconnect), so the team's edits arrive and this browser's wait in no queue for long while the side
 * panel (which syncs live) is closed. An MV3 worker must not hold a socket open, so it never does for longer than
 * one catch-up. The sync code is loaded only when team mode is on.
 */
import type { KefuDB } from '../../storage/db';
import { getTeamConfig } from '../../storage/repositories/team-config';

export const TEAM_ALARM = 'kefu-team-sync';
/** Minutes between catch-ups. */
export const TEAM_PERIOD_MIN = 2;

interface AlarmsApi {
  create(name: string, info: { periodInMinutes: number; delayInMinutes?: number }): Promise<void> | void;
  clear(name: string): Promise<boolean>;
}

export function createTeamCatchUp(db: KefuDB, alarms: AlarmsApi) {
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
        const { TeamSync } = await import('../../storage/team-sync');
        const sync = new TeamSync(db, config);
        await sync.open();
        await sync.once(20_000);
      })().finally(() => (running = undefined));
      await running;
    },
  };
}
