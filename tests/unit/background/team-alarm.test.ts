import { describe, expect, it } from 'vitest';
import { freshDbPerTest } from '../../helpers/db';
import { createTeamCatchUp, TEAM_ALARM } from '../../../entrypoints/background/team';
import { leaveTeam, saveTeamConfig } from '../../../storage/repositories/team';

const freshDb = freshDbPerTest();

describe('team catch-up alarm', () => {
  it('exists only while a team is joined', async () => {
    const db = freshDb();
    const alarms = new Map<string, unknown>();
    const api = { create: (name: string, info: unknown) => void alarms.set(name, info), clear: async (name: string) => alarms.delete(name) };
    const team = createTeamCatchUp(db, api);
    await team.schedule();
    expect(alarms.has(TEAM_ALARM)).toBe(false);
    await saveTeamConfig(db, { team: 'shop1', role: 'agent', agent: 'xiaomei', server: 'http://127.0.0.1:9', token: `kft_${'a'.repeat(32)}`, joinedAt: 1 });
    await team.schedule();
    expect(alarms.get(TEAM_ALARM)).toMatchObject({ periodInMinutes: 2 });
    await leaveTeam(db);
    await team.schedule();
    expect(alarms.has(TEAM_ALARM)).toBe(false);
    // an alarm that rings after leaving does nothing but clear itself
    alarms.set(TEAM_ALARM, {});
    await team.onAlarm(TEAM_ALARM);
    expect(alarms.has(TEAM_ALARM)).toBe(false);
  });
});
