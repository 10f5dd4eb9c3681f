/**
 * Team server figures (#35): server/bench.mjs starts the real team server as a child process and drives real
 * providers (10,000 phrases lead → agent Y.Doc, 20 agents × 500 tally increments seen by the lead, server RSS with
 * 200 agents' tally documents). It runs in its own Node process so the server package resolves its own
 * node_modules (server/ is a separate package).
 * Then the whole way into Dexie (fake-indexeddb in Node): the real server in this process, a lead's 10,000 phrases
 * published by TeamSync, an agent's TeamSync (live, as the panel runs it) writing them as team phrases; and the
 * search keys the panel adds after (addMissingSearchKeys). Target: lead → agent's Dexie ≤ 5 s. Lead and agent share
 * this one process (and its CPU), so the lead's publish and the agent's apply add up here; the agent's own part
 * is given apart. inChromium: the same in real Chromium (two extension profiles), what an agent experiences.
 */
import 'fake-indexeddb/auto';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';
import { Dexie } from 'dexie';
import { issueToken, startServer } from '../../server/index.mjs';
import { KefuDB } from '../../storage/db';
import { ensureDefaultPacks } from '../../storage/repositories/packs';
import { addMissingSearchKeys, getInstalledPack, withSearchKeys } from '../../storage/repositories/phrase-writes';
import { pullLibrary, pushLibrary } from '../../storage/repositories/team-library';
import { TeamSync } from '../../storage/team-sync';
import { teamPackId, type TeamConfig } from '../../scripts-library/team/team-config';
import type { Phrase } from '../../scripts-library/shared/schema';
import { syntheticPhrases } from './corpus';
import type { Page } from 'playwright-core';
import { launchWithExtension } from '../e2e/browser.mjs';
import { putPhrasesInPage } from '../e2e/idb';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function intoDexie(): Promise<Record<string, number>> {
  const dir = mkdtempSync(join(tmpdir(), 'kefu-team-dexie-bench-'));
  const server = await startServer({ dataDir: dir, quiet: true });
  const dbs: KefuDB[] = [];
  const syncs: TeamSync[] = [];
  try {
    const seat = async (role: 'lead' | 'agent', agent: string) => {
      const db = new KefuDB(`bench-team-${agent}-${Date.now()}`);
      await db.open();
      await ensureDefaultPacks(db);
      dbs.push(db);
      const config: TeamConfig = { team: 'shop1', role, agent, server: server.httpUrl, token: issueToken(dir, { team: 'shop1', role, agent }).token, joinedAt: 1 };
      const sync = new TeamSync(db, config, { WebSocketPolyfill: WebSocket, library: { pull: pullLibrary, push: pushLibrary } });
      syncs.push(sync);
      await sync.open();
      return { db, sync };
    };
    const lead = await seat('lead', 'zhang');
    const agent = await seat('agent', 'xiaomei');
    // The lead's library: 10,000 phrases of its own (with their search keys, as saved), not timed.
    const rows: Phrase[] = syntheticPhrases(10_000, 5).map((p, i) => withSearchKeys({ id: `lead-${i}`, stageId: p.stageId, title: p.title, body: p.body, tags: p.tags ?? [], pinned: false, useCount: 0, createdAt: 1, updatedAt: 1, origin: 'user' }) as Phrase);
    await lead.db.phrases.bulkPut(rows);
    lead.sync.connect();
    agent.sync.live();
    const agentDoc = agent.sync.documents().get('shop1/library')!;
    let docHad: number | undefined;
    agentDoc.on('update', () => {
      if (docHad === undefined && agentDoc.getMap('phrases').size >= 10_000) docHad = performance.now();
    });
    const t0 = performance.now();
    await lead.sync.publish();
    const published = performance.now();
    const packId = teamPackId('shop1');
    // the pack's record is written in the same transaction as its phrases: a cheap thing to poll
    while (((await getInstalledPack(agent.db, packId))?.phraseIds.length ?? 0) < 10_000) {
      if (performance.now() - t0 > 300_000) throw new Error('bench: the agent never had the 10,000 team phrases');
      await sleep(20);
    }
    const inDexie = performance.now();
    const stored = await agent.db.phrases.filter((p) => p.pack?.id === packId && p.id.includes('lead-')).count();
    if (stored !== 10_000) throw new Error(`bench: ${stored} team phrases at the agent, not 10,000`);
    await addMissingSearchKeys(agent.db);
    const keyed = performance.now();
    return {
      'team.library_10k.lead_publish_ms': Math.round(published - t0),
      'team.library_10k.lead_to_agent_dexie_ms': Math.round(inDexie - t0),
      // the agent's own part: from its library doc holding the 10,000 phrases to them in its Dexie
      'team.library_10k.agent_doc_to_dexie_ms': Math.round(inDexie - (docHad ?? inDexie)),
      'team.library_10k.agent_search_keys_ms': Math.round(keyed - inDexie),
      'team.bench.load_average_1min': Math.round(loadavg()[0]! * 10) / 10,
    };
  } finally {
    for (const s of syncs) s.destroy();
    await server.stop();
    for (const db of dbs) {
      db.close();
      await Dexie.delete(db.name);
    }
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Waits until `fn` is true (polled every 50 ms), or throws naming `what`. */
async function until(what: string, fn: () => Promise<boolean>, ms = 60_000): Promise<void> {
  const t0 = performance.now();
  while (!(await fn())) {
    if (performance.now() - t0 > ms) throw new Error(`bench: timed out waiting for ${what}`);
    await sleep(50);
  }
}

/** A seat in Chromium: the built e2e extension in its own profile, its side panel open. */
async function chromiumSeat() {
  const { context, extensionId } = await launchWithExtension();
  context.setDefaultTimeout(60_000);
  const panel = await context.newPage();
  await panel.goto(`chrome-extension://${extensionId}/sidepanel.html`);
  await panel.waitForSelector('[data-phrase-id]');
  return { context, panel };
}

/** ⚙ → 团队 in the panel, as an agent joins (team.e2e.ts), then waits for 已连接 and closes the settings. */
async function joinInPanel(panel: Page, server: string, token: string): Promise<void> {
  const form = panel.locator('form[aria-label="团队"]');
  await panel.click('button[aria-label="设置"]');
  await form.getByLabel('服务器地址').fill(server);
  await form.getByLabel('邀请码').fill(token);
  await form.getByRole('button', { name: '查看' }).click();
  await form.getByRole('button', { name: '加入团队' }).click();
  await until('the seat online', async () => (await panel.locator('section[aria-label="团队"] [role="status"]').textContent()) === '已连接');
}

/** The settings row of an installed team pack, read in the page from the extension's own IndexedDB. */
function installedCount(panel: Page, packId: string): Promise<number> {
  return panel.evaluate(async (key) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open('kefu-assistant');
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    const row = await new Promise<{ value?: { phraseIds?: unknown[] } } | undefined>((resolve, reject) => {
      const req = db.transaction('settings').objectStore('settings').get(key);
      req.onsuccess = () => resolve(req.result as { value?: { phraseIds?: unknown[] } } | undefined);
      req.onerror = () => reject(req.error);
    });
    db.close();
    return row?.value?.phraseIds?.length ?? 0;
  }, `teamPack:${packId}`);
}

/**
 * The same 10,000 phrases lead → agent, in real Chromium: two profiles with the built e2e extension (lead and
 * agent, each its own browser, as on two machines but sharing this machine's CPU), the real server started here on
 * 127.0.0.1, both joined through ⚙ → 团队. The lead's library is written into its IndexedDB with its search keys
 * (as saved) before the panel is reloaded, not timed; then 把我的短语库发布到团队 is clicked and the agent's
 * database is read until the pack's record (written in the same transaction as its phrases) lists 10,000.
 */
export async function inChromium(): Promise<Record<string, number>> {
  const dir = mkdtempSync(join(tmpdir(), 'kefu-team-chromium-bench-'));
  const server = await startServer({ dataDir: dir, quiet: true });
  const seats: Awaited<ReturnType<typeof chromiumSeat>>[] = [];
  try {
    const lead = await chromiumSeat();
    seats.push(lead);
    const agent = await chromiumSeat();
    seats.push(agent);
    const now = Date.now();
    const rows = syntheticPhrases(10_000, 5).map((p, i) => withSearchKeys({ id: `lead-${i}`, stageId: p.stageId, title: p.title, body: p.body, tags: p.tags ?? [], pinned: false, useCount: 0, createdAt: now, updatedAt: now, origin: 'user' }));
    await lead.panel.evaluate(putPhrasesInPage, rows);
    await lead.panel.reload();
    await lead.panel.waitForSelector('[data-phrase-id]');
    await joinInPanel(lead.panel, server.httpUrl, issueToken(dir, { team: 'shop1', role: 'lead', agent: 'zhang' }).token);
    await joinInPanel(agent.panel, server.httpUrl, issueToken(dir, { team: 'shop1', role: 'agent', agent: 'xiaomei' }).token);
    await sleep(2_000); // the joins' first syncs (the default library) settle
    const packId = teamPackId('shop1');
    const notice = lead.panel.locator('[data-testid="notice"]');
    const t0 = performance.now();
    await lead.panel.getByRole('button', { name: '把我的短语库发布到团队' }).click();
    let published: number | undefined;
    await until('the 10,000 team phrases in the agent\'s database', async () => {
      if (published === undefined && /^已发布 \d+ 条短语到团队$/.test((await notice.textContent()) ?? '')) published = performance.now();
      return (await installedCount(agent.panel, packId)) >= 10_000;
    }, 300_000);
    const inDexie = performance.now();
    return {
      'team.chromium.library_10k.lead_to_agent_dexie_ms': Math.round(inDexie - t0),
      ...(published !== undefined ? { 'team.chromium.library_10k.lead_publish_ms': Math.round(published - t0) } : {}),
      'team.chromium.bench.load_average_1min': Math.round(loadavg()[0]! * 10) / 10,
    };
  } finally {
    for (const s of seats) await s.context.close();
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function run(): Promise<Record<string, number>> {
  const root = process.env.KEFU_ROOT ?? process.cwd();
  const json = execFileSync(process.execPath, [join(root, 'server', 'bench.mjs')], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], timeout: 600_000 });
  return { ...(JSON.parse(json) as Record<string, number>), ...(await intoDexie()), ...(await inChromium()) };
}
