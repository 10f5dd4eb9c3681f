/**
 * The service worker's catch-up against the real team server (#35 item 3): an agent whose panel is closed gets the
 * lead's new team phrase into its phrases (Dexie) from the alarm alone.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';
import { Dexie } from 'dexie';
import { startServer, issueToken, type RunningServer } from '../../../server/index.mjs';
import { KefuDB } from '../../../storage/db';
import { ensureDefaultPacks } from '../../../storage/repositories/packs';
import { savePhrase } from '../../../storage/repositories/phrase-writes';
import { saveTeamConfig } from '../../../storage/repositories/team';
import { pullLibrary, pushLibrary } from '../../../storage/repositories/team-library';
import { TeamSync } from '../../../storage/team-sync';
import { createTeamCatchUp, TEAM_ALARM } from '../../../entrypoints/background/team';
import { teamPackId, type TeamConfig } from '../../../scripts-library/team/team-config';

let server: RunningServer;
let dataDir: string;
const dbs: KefuDB[] = [];

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'kefu-team-alarm-'));
  server = await startServer({ dataDir, quiet: true, debounce: 200 });
});
afterAll(async () => {
  await server?.stop();
  for (const db of dbs) {
    db.close();
    await Dexie.delete(db.name);
  }
  rmSync(dataDir, { recursive: true, force: true });
});

async function browserDb(config: TeamConfig) {
  const db = new KefuDB(`team-alarm-${Math.random().toString(36).slice(2)}`);
  await db.open();
  await ensureDefaultPacks(db);
  await saveTeamConfig(db, config);
  dbs.push(db);
  return db;
}

it("the alarm's catch-up writes the lead's new team phrase into the phrases of an agent whose panel is closed", async () => {
  const leadConfig: TeamConfig = { team: 'shop1', role: 'lead', agent: 'zhang', server: server.httpUrl, token: issueToken(dataDir, { team: 'shop1', role: 'lead', agent: 'zhang' }).token, joinedAt: 1 };
  const agentConfig: TeamConfig = { team: 'shop1', role: 'agent', agent: 'xiaomei', server: server.httpUrl, token: issueToken(dataDir, { team: 'shop1', role: 'agent', agent: 'xiaomei' }).token, joinedAt: 1 };
  const leadDb = await browserDb(leadConfig);
  const agentDb = await browserDb(agentConfig);

  // The lead (panel open) adds a phrase and publishes it.
  await savePhrase(leadDb, { id: 'team-sf', stageId: 'logistics', title: '顺丰加价', body: '亲，顺丰需要补5元运费差价哦', code: 'sfjj', tags: [] });
  const lead = new TeamSync(leadDb, leadConfig, { WebSocketPolyfill: WebSocket, library: { pull: pullLibrary, push: pushLibrary } });
  await lead.open();
  lead.connect();
  await lead.publish();
  expect(await lead.once(10_000)).toMatchObject({ state: 'online', pending: 0 });

  // The agent's worker wakes on its alarm: no panel, no library option given by anyone.
  const alarms = { create: () => {}, clear: async () => true };
  await createTeamCatchUp(agentDb, alarms, { WebSocketPolyfill: WebSocket }).onAlarm(TEAM_ALARM);
  const phrase = (await agentDb.phrases.toArray()).find((p) => p.title === '顺丰加价');
  expect(phrase).toMatchObject({ body: '亲，顺丰需要补5元运费差价哦', pack: { id: teamPackId('shop1') } });
  // and it is found by its pinyin code like any phrase (the search keys were written with it)
  expect(phrase?.code).toBe('sfjj');
});
