/**
 * Team sync against the real team server (server/, Hocuspocus on 127.0.0.1, #35 items 3–4): three browsers'
 * databases (lead, agent, night shift) synced by TeamSync, nothing mocked at the sync layer. What each sees is read
 * from its own database, as the panel reads it.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';
import { Dexie } from 'dexie';
import { startServer, issueToken, type RunningServer } from '../../../server/index.mjs';
import { KefuDB } from '../../../storage/db';
import { ensureDefaultPacks } from '../../../storage/repositories/packs';
import { deletePhrase, savePhrase } from '../../../storage/repositories/phrase-writes';
import { addHandover, listHandovers, addProblem } from '../../../storage/repositories/notes';
import { increment } from '../../../storage/repositories/tally';
import { teamTallyForDays } from '../../../storage/repositories/team';
import { pullLibrary, pushLibrary } from '../../../storage/repositories/team-library';
import { TeamSync, type TeamStatus } from '../../../storage/team-sync';
import { deleteRule, ensureDefaultRules, saveRule } from '../../../storage/repositories/rules';
import { teamRuleEdited } from '../../../scripts-library/team/bridge';
import { RuleSchema } from '../../../scripts-library/shared/schema';
import { teamPackId, type TeamConfig } from '../../../scripts-library/team/team-config';

let server: RunningServer;
let dataDir: string;
const dbs: KefuDB[] = [];
const syncs: TeamSync[] = [];
const tokens: Record<string, string> = {};

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'kefu-team-'));
  tokens.lead = issueToken(dataDir, { team: 'shop1', role: 'lead', agent: 'zhang' }).token;
  tokens.agent = issueToken(dataDir, { team: 'shop1', role: 'agent', agent: 'xiaomei' }).token;
  tokens.night = issueToken(dataDir, { team: 'shop1', role: 'agent', agent: 'aliang' }).token;
  tokens.outsider = issueToken(dataDir, { team: 'shop2', role: 'lead', agent: 'spy' }).token;
  server = await startServer({ dataDir, quiet: true, debounce: 200 });
});
// Each test's browsers go offline after it (the next one starts its own).
afterEach(() => {
  for (const s of syncs) s.destroy();
});
afterAll(async () => {
  for (const s of syncs) s.destroy();
  await server?.stop();
  for (const db of dbs) {
    db.close();
    await Dexie.delete(db.name);
  }
  rmSync(dataDir, { recursive: true, force: true });
});

async function browser(who: 'lead' | 'agent' | 'night' | 'outsider', agent: string, role: 'lead' | 'agent', team = 'shop1') {
  const db = new KefuDB(`team-srv-${who}-${Math.random().toString(36).slice(2)}`);
  await db.open();
  await ensureDefaultPacks(db);
  dbs.push(db);
  const config: TeamConfig = { team, role, agent, server: server.httpUrl, token: tokens[who]!, joinedAt: Date.now() };
  let status: TeamStatus = { state: 'offline', pending: 0 };
  const refused: string[] = [];
  const sync = new TeamSync(db, config, { WebSocketPolyfill: WebSocket, onStatus: (s) => (status = s), onRefused: (d) => refused.push(d), library: { pull: pullLibrary, push: pushLibrary } });
  syncs.push(sync);
  await sync.open();
  return { db, config, sync, status: () => status, refused };
}

async function until(what: string, fn: () => Promise<boolean> | boolean, ms = 10_000) {
  const t0 = Date.now();
  while (Date.now() - t0 < ms) {
    if (await fn()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe('team sync through the real server', () => {
  it("the lead's phrase reaches the agent; the agent's tally reaches the lead; a handover reaches the night shift", async () => {
    const lead = await browser('lead', 'zhang', 'lead');
    const agent = await browser('agent', 'xiaomei', 'agent');
    const night = await browser('night', 'aliang', 'agent');
    for (const b of [lead, agent, night]) b.sync.live();
    await until('all online', () => [lead, agent, night].every((b) => b.status().state === 'online'));

    await savePhrase(lead.db, { id: 'team-sf', stageId: 'logistics', title: '顺丰加价', body: '亲，顺丰需要补5元运费差价哦', code: 'sfjj', tags: [] });
    await pushLibrary(lead.db, lead.sync.documents().get('shop1/library')!, lead.config, { publishAll: true });
    await until('the team phrase at the agent', async () => (await agent.db.phrases.toArray()).some((p) => p.title === '顺丰加价' && p.pack?.id === teamPackId('shop1')));
    // the lead edits it in the panel: the live sync carries it
    await savePhrase(lead.db, { ...(await lead.db.phrases.get('team-sf'))!, body: '亲，顺丰需要补8元运费差价哦' });
    await until('the edit at the agent', async () => (await agent.db.phrases.toArray()).some((p) => p.body === '亲，顺丰需要补8元运费差价哦'));

    const t0 = Date.now();
    await addHandover(agent.db, { shift: 'day', day: '2026-12-07', inProgress: '买家小美退款中', urgent: '', potential: '', text: '' });
    await until('the handover at the night shift', async () => (await listHandovers(night.db)).some((h) => h.inProgress === '买家小美退款中' && !h.read));
    expect(Date.now() - t0).toBeLessThan(5000);

    await increment(agent.db, 'xiaomei', '2026-12-07', 'day', 'consults', 4);
    await until('the tally at the lead', async () => (await teamTallyForDays(lead.db, ['2026-12-07'])).some((r) => r.agent === 'xiaomei' && r.consults === 4));
    expect(agent.refused).toEqual([]);
  });

  it("the lead's rules reach every seat: a new rule and the lead's edit of it; an agent's own change stays theirs (团队 · 已改)", async () => {
    const lead = await browser('lead', 'zhang', 'lead');
    const agent = await browser('agent', 'xiaomei', 'agent');
    const night = await browser('night', 'aliang', 'agent');
    for (const b of [lead, agent, night]) await ensureDefaultRules(b.db);
    for (const b of [lead, agent, night]) b.sync.live();
    await until('all online', () => [lead, agent, night].every((b) => b.status().state === 'online'));

    const rule = RuleSchema.parse({ id: 'shop-no-wechat', terms: ['加我v信'], category: 'off-platform', severity: 'block', suggestion: '有问题在这里说就可以哦' });
    await saveRule(lead.db, rule);
    await lead.sync.publish();
    const teamRule = async (b: { db: KefuDB }) => b.db.rules.get('shop-no-wechat');
    for (const b of [agent, night]) await until('the team rule at a seat', async () => (await teamRule(b))?.team?.id === teamPackId('shop1'));
    expect(await teamRule(agent)).toMatchObject({ terms: ['加我v信'], severity: 'block' });
    // the default rules were published too: a seat's own copies are now the team's
    expect((await agent.db.rules.toArray()).every((r) => r.team?.id === teamPackId('shop1'))).toBe(true);

    // the night shift changes its copy; then the lead edits the rule in the panel (live sync carries it)
    await saveRule(night.db, { ...(await teamRule(night))!, severity: 'warn' });
    await saveRule(lead.db, { ...(await teamRule(lead))!, terms: ['加我v信', '加个v'] });
    await until('the lead edit at the agent', async () => (await teamRule(agent))?.terms.length === 2);
    expect(teamRuleEdited((await teamRule(agent))!)).toBe(false);
    await new Promise((r) => setTimeout(r, 800));
    const nights = (await teamRule(night))!;
    expect(nights).toMatchObject({ terms: ['加我v信'], severity: 'warn' });
    expect(teamRuleEdited(nights)).toBe(true);
    // the lead's copy never takes an agent's change
    expect(await teamRule(lead)).toMatchObject({ severity: 'block', terms: ['加我v信', '加个v'] });
    expect([agent.refused, night.refused]).toEqual([[], []]);
  });

  it("a team rule and a team phrase the lead deletes leave every seat; an agent's own edited copy stays, as theirs", async () => {
    const lead = await browser('lead', 'zhang', 'lead');
    const agent = await browser('agent', 'xiaomei', 'agent');
    const night = await browser('night', 'aliang', 'agent');
    for (const b of [lead, agent, night]) b.sync.live();
    await until('all online', () => [lead, agent, night].every((b) => b.status().state === 'online'));

    await saveRule(lead.db, RuleSchema.parse({ id: 'shop-del-rule', terms: ['删掉的词'], category: 'service-taboo', severity: 'warn' }));
    await savePhrase(lead.db, { id: 'team-del', stageId: 'logistics', title: '要删的团队短语', body: '亲，这条之后会被组长删掉', tags: [] });
    await lead.sync.publish();
    const phraseAt = async (b: { db: KefuDB }) => (await b.db.phrases.toArray()).find((p) => p.title === '要删的团队短语' || p.body.startsWith('亲，这条之后会被组长删掉'));
    for (const b of [agent, night]) {
      await until('the team rule at a seat', async () => (await b.db.rules.get('shop-del-rule'))?.team?.id === teamPackId('shop1'));
      await until('the team phrase at a seat', async () => (await phraseAt(b))?.pack?.id === teamPackId('shop1'));
    }
    // the night shift makes both its own; then the lead deletes both
    await saveRule(night.db, { ...(await night.db.rules.get('shop-del-rule'))!, severity: 'block' });
    const nightPhrase = (await phraseAt(night))!;
    await savePhrase(night.db, { ...nightPhrase, body: '亲，这条之后会被组长删掉（夜班改过）' });
    await new Promise((r) => setTimeout(r, 500));
    await deleteRule(lead.db, 'shop-del-rule');
    await deletePhrase(lead.db, 'team-del');

    await until('the rule gone at the agent', async () => !(await agent.db.rules.get('shop-del-rule')));
    await until('the phrase gone at the agent', async () => !(await phraseAt(agent)));
    await until('the night copy no longer the team\'s', async () => !(await night.db.rules.get('shop-del-rule'))?.team && !(await phraseAt(night))?.pack);
    // the edited copies stay, as the night shift's own (no 团队 mark), with its wording
    expect(await night.db.rules.get('shop-del-rule')).toMatchObject({ terms: ['删掉的词'], severity: 'block' });
    expect(await phraseAt(night)).toMatchObject({ body: '亲，这条之后会被组长删掉（夜班改过）', origin: 'user' });
    // the documents no longer hold them, and the lead's deletion is not undone by the next sync
    await lead.sync.sync();
    expect(lead.sync.documents().get('shop1/rules')!.getMap('rules').has('shop-del-rule')).toBe(false);
    expect(await lead.db.rules.get('shop-del-rule')).toBeUndefined();
    expect([agent.refused, night.refused]).toEqual([[], []]);
  });

  it('a note or tally change does not re-plan the library; a change of the library doc does', async () => {
    const lead = await browser('lead', 'zhang', 'lead');
    const db = new KefuDB(`team-srv-count-${Math.random().toString(36).slice(2)}`);
    await db.open();
    await ensureDefaultPacks(db);
    dbs.push(db);
    const config: TeamConfig = { team: 'shop1', role: 'agent', agent: 'xiaomei', server: server.httpUrl, token: tokens.agent!, joinedAt: Date.now() };
    let pulls = 0;
    let state: TeamStatus = { state: 'offline', pending: 0 };
    const agent = new TeamSync(db, config, { WebSocketPolyfill: WebSocket, onStatus: (s) => (state = s), library: { pull: (...a) => (pulls++, pullLibrary(...a)), push: pushLibrary } });
    syncs.push(agent);
    await agent.open();
    lead.sync.live();
    agent.live();
    await until('online', () => state.state === 'online' && lead.status().state === 'online');
    await new Promise((r) => setTimeout(r, 800));
    const settled = pulls;
    expect(settled).toBeGreaterThan(0);
    await addProblem(db, '只改笔记，不动短语库', '');
    await increment(db, 'xiaomei', '2026-12-07', 'day', 'consults', 1);
    await until('the note at the lead', async () => (await lead.db.notes.toArray()).some((n) => n.question === '只改笔记，不动短语库'));
    await new Promise((r) => setTimeout(r, 500));
    expect(pulls).toBe(settled);
    await savePhrase(lead.db, { id: 'team-new', stageId: 'logistics', title: '新团队短语', body: '亲，这是新加的团队短语', tags: [] });
    await lead.sync.publish();
    await until('the new phrase at the agent', async () => (await db.phrases.toArray()).some((p) => p.title === '新团队短语'));
    expect(pulls).toBeGreaterThan(settled);
  });

  it('an outsider (another team) is refused and reads nothing', async () => {
    const spy = await browser('outsider', 'spy', 'lead', 'shop1');
    spy.sync.live();
    await until('refused', () => spy.status().state === 'refused');
    await new Promise((r) => setTimeout(r, 300));
    expect((await spy.db.notes.toArray()).length).toBe(0);
    expect((await spy.db.phrases.toArray()).some((p) => p.pack)).toBe(false);
    expect(spy.status().reason).toBeTruthy();
  });

  it('an edit made offline waits in Dexie and reaches the team when the browser is back (a one-shot catch-up)', async () => {
    const agent = await browser('agent', 'xiaomei', 'agent');
    const night = await browser('night', 'aliang', 'agent');
    // offline: no connection; the edit goes into the stored doc
    await addProblem(agent.db, '断网时登记的问题', '');
    await agent.sync.sync();
    expect(agent.sync.status()).toMatchObject({ state: 'offline' });
    expect(agent.sync.status().pending).toBeGreaterThan(0);
    agent.sync.destroy();
    // later, another sync object on the same database (the worker's alarm) sends what waited
    const later = new TeamSync(agent.db, agent.config, { WebSocketPolyfill: WebSocket });
    syncs.push(later);
    await later.open();
    const status = await later.once(10_000);
    expect(status).toMatchObject({ state: 'online', pending: 0 });
    const catchUp = new TeamSync(night.db, night.config, { WebSocketPolyfill: WebSocket });
    syncs.push(catchUp);
    await catchUp.open();
    await catchUp.once(10_000);
    expect((await night.db.notes.toArray()).some((n) => n.question === '断网时登记的问题')).toBe(true);

    // A catch-up that changes no document writes none of them whole again (a 10k library doc is megabytes).
    const quiet = new TeamSync(night.db, night.config, { WebSocketPolyfill: WebSocket });
    syncs.push(quiet);
    await quiet.open();
    const puts: string[] = [];
    night.db.teamDocs.hook('creating', (key) => void puts.push(String(key)));
    night.db.teamDocs.hook('updating', (mods, key) => void ('update' in (mods as object) && puts.push(String(key))));
    await quiet.once(10_000);
    expect(puts.filter((n) => n !== 'shop1/notebooks')).toEqual([]);
  });
});
