/**
 * Team mode's bridge against real Dexie databases (#35 item 2): three browsers (lead, agent, night shift) whose
 * Y.Docs exchange updates in process, as the server would relay them. What each agent sees is read from its own
 * database, as the panel reads it.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { KefuDB } from '../../../storage/db';
import { Dexie } from 'dexie';
import { afterEach } from 'vitest';
import { ensureDefaultPacks } from '../../../storage/repositories/packs';
import { deletePhrase, savePhrase } from '../../../storage/repositories/phrase-writes';
import { addHandover, addProblem, answerProblem, listHandovers, markHandoverRead, saveBuyerNote } from '../../../storage/repositories/notes';
import { addSale, increment } from '../../../storage/repositories/tally';
import { saveSettings } from '../../../storage/repositories/settings';
import { startChase } from '../../../storage/repositories/reminders';
import { pullLibrary, pushLibrary } from '../../../storage/repositories/team-library';
import { deviceId, loadDoc, pushOwnTally, storeAgentTally, storeDoc, syncNotebooks, teamAgents, teamTallyForDays } from '../../../storage/repositories/team';
import { teamPackId, type TeamConfig } from '../../../scripts-library/team/team-config';
import { editedHere } from '../../../scripts-library/files/team-pack';
import { deleteRule, saveRule } from '../../../storage/repositories/rules';
import { leaveTeam } from '../../../storage/repositories/team-config';
import { pullRules, pushRules } from '../../../storage/repositories/team-rules';
import { RuleSchema } from '../../../scripts-library/shared/schema';

const TEAM = 'shop1';
const cfg = (agent: string, role: 'lead' | 'agent'): TeamConfig => ({ team: TEAM, role, agent, server: 'http://127.0.0.1:1', token: `kft_${'x'.repeat(32)}`, joinedAt: 1 });
const lead = cfg('zhang', 'lead');
const agent = cfg('xiaomei', 'agent');
const night = cfg('aliang', 'agent');

/** One browser: its database and its copy of each team document. */
interface Browser { db: KefuDB; docs: Map<string, Y.Doc> }
let browsers: Browser[] = [];
async function browserOf(): Promise<Browser> {
  const db = new KefuDB(`team-${Math.random().toString(36).slice(2)}`);
  await db.open();
  await ensureDefaultPacks(db);
  const b = { db, docs: new Map<string, Y.Doc>() };
  browsers.push(b);
  return b;
}
afterEach(async () => {
  for (const b of browsers) {
    b.db.close();
    await Dexie.delete(b.db.name);
  }
  browsers = [];
});
const doc = (b: Browser, name: string) => b.docs.get(name) ?? b.docs.set(name, new Y.Doc()).get(name)!;
/** What the server does between two browsers: both end with both states. */
function relay(a: Browser, b: Browser, name: string) {
  const da = doc(a, name);
  const db_ = doc(b, name);
  Y.applyUpdate(db_, Y.encodeStateAsUpdate(da, Y.encodeStateVector(db_)), 'remote');
  Y.applyUpdate(da, Y.encodeStateAsUpdate(db_, Y.encodeStateVector(da)), 'remote');
}

let L: Browser;
let A: Browser;
let N: Browser;
beforeEach(async () => {
  L = await browserOf();
  A = await browserOf();
  N = await browserOf();
});

const LIB = `${TEAM}/library`;
const NB = `${TEAM}/notebooks`;

describe('library: the lead writes, agents get team-pack rows', () => {
  it("the lead's edited phrase reaches the agent as a team row; the agent's own edit stays 已改 and local", async () => {
    const ship = (await L.db.phrases.get('logistics-ship-time'))!;
    await savePhrase(L.db, { id: 'team-new', stageId: 'logistics', title: '顺丰加价', body: '亲，顺丰需要补5元运费差价哦', code: 'sfjj', tags: [] });
    await pushLibrary(L.db, doc(L, LIB), lead, { publishAll: true });
    relay(L, A, LIB);
    await pullLibrary(A.db, doc(A, LIB), TEAM);
    const got = (await A.db.phrases.toArray()).filter((p) => p.pack?.id === teamPackId(TEAM));
    expect(got.map((p) => p.title)).toContain('顺丰加价');
    // a default phrase both have stays one phrase (the agent's pristine default took the team's wording in place)
    expect((await A.db.phrases.where('code').equals(ship.code!).count())).toBe(1);

    // the lead edits a team phrase: it reaches the agent
    const leadRow = (await L.db.phrases.get('team-new'))!;
    expect(leadRow.pack?.id).toBe(teamPackId(TEAM));
    expect(editedHere(leadRow)).toBe(false);
    await savePhrase(L.db, { ...leadRow, body: '亲，顺丰需要补8元运费差价哦' });
    expect(await pushLibrary(L.db, doc(L, LIB), lead)).toBe(1);
    relay(L, A, LIB);
    await pullLibrary(A.db, doc(A, LIB), TEAM);
    const agentRow = (await A.db.phrases.toArray()).find((p) => p.title === '顺丰加价')!;
    expect(agentRow.body).toBe('亲，顺丰需要补8元运费差价哦');
    expect(editedHere(agentRow)).toBe(false);

    // the agent edits it: kept here as 已改, and the agent's push writes nothing to the doc
    await savePhrase(A.db, { ...agentRow, body: '我自己的说法' });
    expect(await pushLibrary(A.db, doc(A, LIB), agent)).toBe(0);
    await savePhrase(L.db, { ...(await L.db.phrases.get('team-new'))!, body: '亲，顺丰需要补10元运费差价哦' });
    await pushLibrary(L.db, doc(L, LIB), lead);
    relay(L, A, LIB);
    await pullLibrary(A.db, doc(A, LIB), TEAM);
    const kept = (await A.db.phrases.get(agentRow.id))!;
    expect(kept.body).toBe('我自己的说法');
    expect(editedHere(kept)).toBe(true);
    expect([...doc(L, LIB).getMap('phrases').values()].map((p) => (p as { body: string }).body)).not.toContain('我自己的说法');
  });

  it("the lead's change of a team phrase's guards alone (intents, when it may lead) reaches the seats", async () => {
    await savePhrase(L.db, { id: 'team-guard', stageId: 'logistics', title: '延迟致歉', body: '亲，实在抱歉让您久等了', tags: [] });
    await pushLibrary(L.db, doc(L, LIB), lead, { publishAll: true });
    relay(L, A, LIB);
    await pullLibrary(A.db, doc(A, LIB), TEAM);
    const before = (await A.db.phrases.toArray()).find((p) => p.title === '延迟致歉')!;
    expect(before.lead).toBeUndefined();
    // the lead says it may lead only when the buyer complains of a delay, and what it answers; wording unchanged
    await savePhrase(L.db, { ...(await L.db.phrases.get('team-guard'))!, intents: ['ship-urge'], lead: { intents: ['ship-urge'], says: ['慢'] } });
    expect(await pushLibrary(L.db, doc(L, LIB), lead)).toBe(1);
    relay(L, A, LIB);
    await pullLibrary(A.db, doc(A, LIB), TEAM);
    const after = (await A.db.phrases.get(before.id))!;
    expect(after.lead).toEqual({ intents: ['ship-urge'], says: ['慢'] });
    expect(after.intents).toEqual(['ship-urge']);
    expect(editedHere(after)).toBe(false);
    // nothing changed since: the next push writes nothing
    expect(await pushLibrary(L.db, doc(L, LIB), lead)).toBe(0);
  });

  it('a team phrase the lead deletes goes from the agent unless the agent edited it', async () => {
    await savePhrase(L.db, { id: 'p1', stageId: 'logistics', title: '甲', body: '甲的话', tags: [] });
    await savePhrase(L.db, { id: 'p2', stageId: 'logistics', title: '乙', body: '乙的话', tags: [] });
    await pushLibrary(L.db, doc(L, LIB), lead, { publishAll: true });
    await pullLibrary(L.db, doc(L, LIB), TEAM);
    relay(L, A, LIB);
    await pullLibrary(A.db, doc(A, LIB), TEAM);
    const p2 = (await A.db.phrases.toArray()).find((p) => p.title === '乙')!;
    await savePhrase(A.db, { ...p2, body: '乙，我改过' });
    await deletePhrase(L.db, 'p1');
    await deletePhrase(L.db, 'p2');
    expect(await pushLibrary(L.db, doc(L, LIB), lead)).toBe(2);
    relay(L, A, LIB);
    await pullLibrary(A.db, doc(A, LIB), TEAM);
    const titles = (await A.db.phrases.toArray()).map((p) => p.title);
    expect(titles).not.toContain('甲');
    expect(titles).toContain('乙');
    // the edited copy is the agent's own now: no 团队 mark, so it no longer reads as the team's
    const mine = (await A.db.phrases.get(p2.id))!;
    expect(mine).toMatchObject({ body: '乙，我改过', origin: 'user' });
    expect(mine.pack).toBeUndefined();

    // the lead brings 乙 back: the agent's copy is found (not refused, not doubled) and reads 团队 · 已改 again
    await savePhrase(L.db, { id: 'p2', stageId: 'logistics', title: '乙', body: '乙的话', tags: [] });
    await pushLibrary(L.db, doc(L, LIB), lead, { publishAll: true });
    relay(L, A, LIB);
    expect(await pullLibrary(A.db, doc(A, LIB), TEAM)).not.toHaveProperty('error');
    const back = (await A.db.phrases.toArray()).filter((p) => p.title === '乙');
    expect(back).toHaveLength(1);
    expect(back[0]).toMatchObject({ body: '乙，我改过', pack: { id: teamPackId(TEAM) } });
    expect(editedHere(back[0]!)).toBe(true);
  });

  it('the lead deleting every team phrase empties the team library at the seats; an empty doc never written removes none', async () => {
    await savePhrase(L.db, { id: 'p1', stageId: 'logistics', title: '甲', body: '甲的话', tags: [] });
    await pushLibrary(L.db, doc(L, LIB), lead, { publishAll: true });
    await pullLibrary(L.db, doc(L, LIB), TEAM);
    relay(L, A, LIB);
    await pullLibrary(A.db, doc(A, LIB), TEAM);
    const team = async (b: Browser) => (await b.db.phrases.toArray()).filter((p) => p.pack?.id === teamPackId(TEAM)).length;
    const had = await team(A);
    expect(had).toBeGreaterThan(1);
    expect(await pullLibrary(A.db, new Y.Doc(), TEAM)).toEqual({ written: 0 });
    expect(await team(A)).toBe(had);
    for (const p of (await L.db.phrases.toArray()).filter((x) => x.pack?.id === teamPackId(TEAM))) await deletePhrase(L.db, p.id);
    await pushLibrary(L.db, doc(L, LIB), lead);
    expect(doc(L, LIB).getMap('phrases').size).toBe(0);
    relay(L, A, LIB);
    await pullLibrary(A.db, doc(A, LIB), TEAM);
    expect(await team(A)).toBe(0);
  });
});

describe('rules: the lead writes, agents get team rules', () => {
  const RULES = `${TEAM}/rules`;
  const rule = (id: string, term: string) => RuleSchema.parse({ id, terms: [term], category: 'service-taboo', severity: 'warn' });

  it("a team rule the lead deletes goes from the seats; an agent's changed copy stays as the agent's own rule", async () => {
    await saveRule(L.db, rule('r1', '甲词'));
    await saveRule(L.db, rule('r2', '乙词'));
    await pushRules(L.db, doc(L, RULES), lead, { publishAll: true });
    for (const b of [A, N]) {
      relay(L, b, RULES);
      await pullRules(b.db, doc(b, RULES), TEAM);
    }
    await saveRule(N.db, { ...(await N.db.rules.get('r2'))!, severity: 'block' });
    await deleteRule(L.db, 'r1');
    await deleteRule(L.db, 'r2');
    expect(await pushRules(L.db, doc(L, RULES), lead)).toBe(2);
    for (const b of [A, N]) {
      relay(L, b, RULES);
      await pullRules(b.db, doc(b, RULES), TEAM);
    }
    expect(await A.db.rules.bulkGet(['r1', 'r2'])).toEqual([undefined, undefined]);
    expect(await N.db.rules.get('r1')).toBeUndefined();
    const kept = (await N.db.rules.get('r2'))!;
    expect(kept).toMatchObject({ terms: ['乙词'], severity: 'block' });
    expect(kept.team).toBeUndefined();
    // the lead's next sync does not bring them back
    await pullRules(L.db, doc(L, RULES), TEAM);
    expect(await pushRules(L.db, doc(L, RULES), lead)).toBe(0);
    expect(await L.db.rules.bulkGet(['r1', 'r2'])).toEqual([undefined, undefined]);
  });

  it('a rule the lead deletes between the push and the pull of one sync pass stays deleted; a seat gets the team rule back', async () => {
    await saveRule(L.db, rule('r1', '甲词'));
    await pushRules(L.db, doc(L, RULES), lead, { publishAll: true });
    relay(L, A, RULES);
    await pullRules(A.db, doc(A, RULES), TEAM);
    // the lead's pass has pushed (nothing to do); the lead deletes the rule; the same pass pulls
    await deleteRule(L.db, 'r1');
    await pullRules(L.db, doc(L, RULES), TEAM, true);
    expect(await L.db.rules.get('r1')).toBeUndefined();
    // the next pass takes it out of the doc, and the seat drops it
    expect(await pushRules(L.db, doc(L, RULES), lead)).toBe(1);
    relay(L, A, RULES);
    await pullRules(A.db, doc(A, RULES), TEAM);
    expect(await A.db.rules.get('r1')).toBeUndefined();
    // a seat is given the team's rule again (the editor offers agents no 删除 for it): a seat never holds a
    // deletion that would take the rule from everyone should that browser lead later
    await saveRule(L.db, rule('r2', '乙词'));
    await pushRules(L.db, doc(L, RULES), lead, { publishAll: true });
    relay(L, A, RULES);
    await pullRules(A.db, doc(A, RULES), TEAM);
    expect((await A.db.rules.get('r2'))?.team?.id).toBe(teamPackId(TEAM));
    await deleteRule(A.db, 'r2');
    await pullRules(A.db, doc(A, RULES), TEAM);
    expect((await A.db.rules.get('r2'))?.team?.id).toBe(teamPackId(TEAM));
    // leaving the team forgets which team rules were held here (the rules themselves stay, as the local copy)
    expect(await A.db.settings.get(`teamRulesApplied:${teamPackId(TEAM)}`)).toBeDefined();
    await leaveTeam(A.db);
    expect(await A.db.settings.get(`teamRulesApplied:${teamPackId(TEAM)}`)).toBeUndefined();
    expect(await A.db.rules.get('r2')).toBeDefined();
  });

  it('a rules doc the lead never wrote (a seat that rejoined, not synced yet) removes no team rule', async () => {
    await saveRule(L.db, rule('r1', '甲词'));
    await pushRules(L.db, doc(L, RULES), lead, { publishAll: true });
    relay(L, A, RULES);
    await pullRules(A.db, doc(A, RULES), TEAM);
    expect((await A.db.rules.get('r1'))?.team?.id).toBe(teamPackId(TEAM));
    // left and rejoined: the team's documents start empty here
    expect(await pullRules(A.db, new Y.Doc(), TEAM)).toBe(0);
    expect((await A.db.rules.get('r1'))?.team?.id).toBe(teamPackId(TEAM));
    // a lead on a browser of its own that never held a team rule removes none from the doc
    const L2 = await browserOf();
    relay(L, L2, RULES);
    await pushRules(L2.db, doc(L2, RULES), lead);
    expect(doc(L2, RULES).getMap('rules').has('r1')).toBe(true);
  });
});

describe('notebooks and tally', () => {
  it('a handover written by the day shift is unread for the night shift; read stays read; a later answer wins', async () => {
    await addHandover(A.db, { shift: 'day', day: '2026-12-07', inProgress: '买家小美退款中', urgent: '', potential: '', text: '' });
    await syncNotebooks(A.db, doc(A, NB), agent);
    relay(A, N, NB);
    await syncNotebooks(N.db, doc(N, NB), night);
    const got = await listHandovers(N.db);
    expect(got).toHaveLength(1);
    expect(got[0]!.read).toBe(false);
    await markHandoverRead(N.db, got[0]!.id);
    await syncNotebooks(N.db, doc(N, NB), night);
    relay(A, N, NB);
    await syncNotebooks(A.db, doc(A, NB), agent);
    expect((await listHandovers(A.db))[0]!.read).toBe(true);

    const q = await addProblem(A.db, '能开专票吗', '');
    await syncNotebooks(A.db, doc(A, NB), agent);
    relay(A, N, NB);
    await syncNotebooks(N.db, doc(N, NB), night);
    await answerProblem(N.db, q.id, '可以，下单备注税号');
    await syncNotebooks(N.db, doc(N, NB), night);
    relay(A, N, NB);
    await syncNotebooks(A.db, doc(A, NB), agent);
    expect((await A.db.notes.get(q.id))!.answer).toBe('可以，下单备注税号');
  });

  it("the agent's tally reaches the lead per device as absolute totals (two browsers of one agent both count)", async () => {
    const A2 = await browserOf();
    await increment(A.db, 'xiaomei', '2026-12-07', 'day', 'consults', 3);
    await addSale(A.db, 'xiaomei', '2026-12-07', 'day', 99);
    await increment(A2.db, 'xiaomei', '2026-12-07', 'day', 'consults', 2);
    const T = `${TEAM}/tally/xiaomei`;
    await pushOwnTally(A.db, doc(A, T), await deviceId(A.db));
    await pushOwnTally(A2.db, doc(A2, T), await deviceId(A2.db));
    relay(A, A2, T);
    // pushing again with nothing new writes nothing (no increments are ever re-added)
    expect(await pushOwnTally(A.db, doc(A, T), await deviceId(A.db))).toBe(0);
    relay(A, L, T);
    await storeAgentTally(L.db, doc(L, T), 'xiaomei');
    const rows = await teamTallyForDays(L.db, ['2026-12-07']);
    expect(rows).toHaveLength(2);
    expect(rows.reduce((n, r) => n + r.consults, 0)).toBe(5);
    expect(rows.reduce((n, r) => n + r.amount, 0)).toBe(99);
  });

  it('the lead learns who is in the team from the notebooks doc', async () => {
    await syncNotebooks(A.db, doc(A, NB), agent);
    await syncNotebooks(N.db, doc(N, NB), night);
    relay(A, N, NB);
    relay(N, L, NB);
    expect(teamAgents(doc(L, NB)).sort()).toEqual(['aliang', 'xiaomei']);
  });
});

describe('privacy', () => {
  it('after a full sync no document holds a personal phrase, a buyer note, a reminder, a remembered value or a setting', async () => {
    await savePhrase(A.db, { id: 'mine', stageId: 'logistics', title: '我的私房话', body: '私房话术ZZQ', tags: [] });
    await saveBuyerNote(A.db, 'taobao', 'buyer-1', '买家备注ZZQ');
    await saveSettings(A.db, { shopName: '店铺ZZQ', placeholderMemory: { 运单号: 'SF-ZZQ' } });
    await startChase(A.db, { site: 'taobao', buyerId: 'buyer-ZZQ', buyerName: '小美ZZQ' }, [15]);
    await addProblem(A.db, '公开问题', '');
    await increment(A.db, 'xiaomei', '2026-12-07', 'day', 'consults', 1);
    await savePhrase(L.db, { id: 'lead-personal', stageId: 'logistics', title: '组长私话', body: '组长ZZQ', tags: [] });
    for (const [b, c] of [[A, agent], [L, lead]] as const) {
      await pushLibrary(b.db, doc(b, LIB), c);
      await syncNotebooks(b.db, doc(b, NB), c);
      await pushOwnTally(b.db, doc(b, `${TEAM}/tally/${c.agent}`), await deviceId(b.db));
    }
    for (const b of [A, L]) {
      for (const d of b.docs.values()) {
        const text = JSON.stringify(Object.fromEntries([...d.share.keys()].map((k) => [k, d.getMap(k).toJSON()])));
        expect(text).not.toMatch(/ZZQ/);
      }
    }
    expect(JSON.stringify(doc(A, NB).getMap('notes').toJSON())).toMatch(/公开问题/);
  });

  it("a document's state is kept in Dexie and comes back (offline edits wait in it)", async () => {
    await addProblem(A.db, '断网时登记的问题', '');
    await syncNotebooks(A.db, doc(A, NB), agent);
    await storeDoc(A.db, NB, doc(A, NB), 1);
    const again = new Y.Doc();
    expect(await loadDoc(A.db, NB, again)).toBe(1);
    expect(JSON.stringify(again.getMap('notes').toJSON())).toMatch(/断网时登记的问题/);
  });
});
