/**
 * Team packs against the real default library (#29 item 3, #30 m5 N4 N5 N6): a lead's pack is made of the default
 * phrases plus the team's own, so nearly every phrase of it shares an id, a code and a title with a phrase a fresh
 * agent already has.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { KefuDB } from '../../../storage/db';
import { freshDbPerTest } from '../../helpers/db';
import { applyImport, applyPackUpdate, deletePhrase, getInstalledPack, savePhrase } from '../../../storage/repositories/phrase-writes';
import { ensureDefaultPacks, isPristineDefault } from '../../../storage/repositories/packs';
import { listStages } from '../../../storage/repositories/phrases';
import { planPackUpdate, storedId, teamPackFile, type PackUpdatePlan, type TeamPackInfo } from '../../../scripts-library/files/team-pack';
import { planImport, readImportFile } from '../../../scripts-library/files/phrase-io';
import { shortHash } from '../../../scripts-library/shared/hash';
import type { PhrasePack } from '../../../scripts-library/shared/schema';
import defaultPack from '../../../scripts-library/packs/default.json';

const freshDb = freshDbPerTest();
let lead: KefuDB;
let agent: KefuDB;
beforeEach(async () => {
  agent = freshDb();
  await ensureDefaultPacks(agent);
});

async function planFor(db: KefuDB, pack: PhrasePack): Promise<PackUpdatePlan> {
  const r = planPackUpdate(pack, await db.phrases.toArray(), await listStages(db), await getInstalledPack(db, pack.id), { pristine: isPristineDefault });
  if (!r.ok) throw new Error(r.error);
  return r.plan;
}
const info = (version: number): TeamPackInfo => ({ id: 'team-abc', name: '售前组', author: '组长', version });
/** The lead's library: the defaults with 发货时间 reworded and two phrases of the team's own. */
async function leadLibrary(db: KefuDB) {
  const ship = (await db.phrases.get('logistics-ship-time'))!;
  await savePhrase(db, { ...ship, body: '亲，今天16点前拍下当天发出，之后的次日发出哦' });
  await savePhrase(db, { id: 'user-a', stageId: 'logistics', title: '顺丰加价', body: '亲，顺丰需要补5元运费差价哦', code: 'sfjj', tags: [] });
  await savePhrase(db, { id: 'user-b', stageId: 'product', title: '面料成分', body: '亲，面料是95%棉5%氨纶，亲肤透气', code: 'mlcf', tags: [] });
}
const packOf = async (db: KefuDB, version: number) => teamPackFile(info(version), await listStages(db), await db.phrases.toArray());

describe('a lead’s pack over a fresh agent’s default library (#29 item 3)', () => {
  beforeEach(async () => {
    lead = new (agent.constructor as new (name: string) => KefuDB)(`lead-${Math.random().toString(36).slice(2)}`);
    await lead.open();
    await ensureDefaultPacks(lead);
    await leadLibrary(lead);
  });

  it('brings the lead’s wording and the 2 new phrases; nothing is refused, nothing doubled', async () => {
    const pack = await packOf(lead, 1);
    expect(pack.phrases).toHaveLength(defaultPack.phrases.length + 2);
    const plan = await planFor(agent, pack);
    expect(plan.invalid).toEqual([]);
    expect(plan.added.map((a) => a.phrase.title).sort()).toEqual(['面料成分', '顺丰加价']);
    expect(plan.updated.map((u) => [u.phrase.id, u.phrase.body])).toEqual([['logistics-ship-time', '亲，今天16点前拍下当天发出，之后的次日发出哦']]);
    await applyPackUpdate(agent, plan, false);
    expect(await agent.phrases.count()).toBe(defaultPack.phrases.length + 2);
    expect((await agent.phrases.get('logistics-ship-time'))?.body).toBe('亲，今天16点前拍下当天发出，之后的次日发出哦');
    expect((await agent.phrases.where('code').equals('cp').toArray()).map((p) => p.title)).toEqual(['差评回访']);
    lead.close();
  });

  it('the next version never says the agent deleted what they did not; a real deletion stays deleted', async () => {
    await applyPackUpdate(agent, await planFor(agent, await packOf(lead, 1)), false);
    await deletePhrase(agent, 'greeting-hello');
    const farewell = (await lead.phrases.where('code').equals('cp').first())!;
    await savePhrase(lead, { ...farewell, body: '亲，看到您的评价了，非常抱歉，我们马上为您处理' });
    const plan = await planFor(agent, await packOf(lead, 2));
    expect(plan.kept.filter((k) => k.reason === 'deleted').map((k) => k.title)).toEqual([(await lead.phrases.get('greeting-hello'))!.title]);
    expect(plan.updated.map((u) => u.phrase.id)).toEqual([farewell.id]);
    expect(plan.invalid).toEqual([]);
    lead.close();
  });

  it('a default phrase the agent edited keeps the agent’s wording, and the team’s is offered (taken when chosen)', async () => {
    const ship = (await agent.phrases.get('logistics-ship-time'))!;
    await savePhrase(agent, { ...ship, body: '亲，我们一般当天发货' });
    const plan = await planFor(agent, await packOf(lead, 1));
    expect(plan.kept).toMatchObject([{ id: 'logistics-ship-time', reason: 'edited', packChanged: true }]);
    await applyPackUpdate(agent, plan, false);
    expect((await agent.phrases.get('logistics-ship-time'))?.body).toBe('亲，我们一般当天发货');

    const again = await planFor(agent, await packOf(lead, 2));
    // The lead did not reword it since v1: still the agent's, still offered.
    expect(again.kept).toMatchObject([{ id: 'logistics-ship-time', reason: 'edited', packChanged: false, wording: { body: '亲，今天16点前拍下当天发出，之后的次日发出哦' } }]);
    await applyPackUpdate(agent, again, false, Date.now(), { takeTeamWording: true });
    expect((await agent.phrases.get('logistics-ship-time'))?.body).toBe('亲，今天16点前拍下当天发出，之后的次日发出哦');
    lead.close();
  });
});

const teamPack = (version: number, phrases: PhrasePack['phrases'], over: Partial<PhrasePack> = {}): PhrasePack => ({
  format: 'kefu-phrase-pack',
  version: 1,
  id: 'team-x',
  name: '售后组',
  packVersion: version,
  author: '组长',
  stages: [{ id: 'aftersales', name: '售后', order: 90, color: '#0f766e', builtin: true }],
  phrases,
  ...over,
});
const row = (id: string, title: string, body: string, code?: string) => ({ id, stageId: 'aftersales', title, body, ...(code ? { code } : {}), tags: [] });

describe('refused rows, long ids, plain imports over team phrases (#30 N4 N5 N6)', () => {
  it('N4: a row refused once (its code taken) arrives on the next version once the code is free, never “deleted by you”', async () => {
    await savePhrase(agent, { id: 'user-1', stageId: 'aftersales', title: '我的运费话术', body: '运费我们出', code: 'yfpf', tags: [] });
    const v1 = teamPack(1, [row('a', '运费险', '亲，您下单时带了运费险，退货运费会自动赔付', 'yfpf'), row('b', '团队致歉', '非常抱歉给您添麻烦了')]);
    const p1 = await planFor(agent, v1);
    expect(p1.invalid.map((r) => r.title)).toEqual(['运费险']);
    await applyPackUpdate(agent, p1, false);
    await savePhrase(agent, { ...(await agent.phrases.get('user-1'))!, code: 'wdyf' });
    const p2 = await planFor(agent, teamPack(2, v1.phrases));
    expect(p2.invalid).toEqual([]);
    expect(p2.kept).toEqual([]);
    expect(p2.added.map((a) => a.phrase.title)).toEqual(['运费险']);
  });

  it('N5: two long refs whose 32-bit hashes collide are two phrases', async () => {
    const longPack = 'team-' + 'x'.repeat(70);
    // Found by trying r0, r1, …: the first two refs with the same 32-bit FNV-1a (the old fallback's hash).
    const pair = ['r66999', 'r916676'] as const;
    expect(shortHash(pair[0])).toBe(shortHash(pair[1]));
    expect(storedId(longPack, pair[0])).not.toBe(storedId(longPack, pair[1]));
    const plan = await planFor(agent, teamPack(1, [row(pair[0], '第一条', '第一条的内容'), row(pair[1], '第二条', '第二条的内容')], { id: longPack }));
    expect(plan.added).toHaveLength(2);
    await applyPackUpdate(agent, plan, false);
    expect(await agent.phrases.filter((p) => p.pack?.id === longPack).count()).toBe(2);
  });

  it('N6: a plain JSON import over a team phrase keeps its team link, so later versions still reach it', async () => {
    await applyPackUpdate(agent, await planFor(agent, teamPack(1, [row('a', '团队致歉', '非常抱歉给您添麻烦了', 'tdzq')])), false);
    const id = storedId('team-x', 'a');
    const plain = { format: 'kefu-phrase-pack', version: 1, id: 'export', name: '导出', stages: teamPack(1, []).stages, phrases: [row(id, '团队致歉', '非常抱歉，给您添麻烦了', 'tdzq')] };
    const read = readImportFile(new TextEncoder().encode(JSON.stringify(plain)));
    if (!read.ok) throw new Error(read.error);
    await applyImport(agent, planImport(read, await agent.phrases.toArray(), await listStages(agent), { newId: () => 'x' }));
    expect((await agent.phrases.get(id))?.pack).toMatchObject({ id: 'team-x', ref: 'a' });
    const p2 = await planFor(agent, teamPack(2, [row('a', '团队致歉', '非常抱歉给您添麻烦了，马上处理', 'tdzq')]));
    expect(p2.kept).toMatchObject([{ id, reason: 'edited', packChanged: true }]);
  });
});

describe('whose pack is it (#30 m5)', () => {
  it('the same version with different content is refused, naming the version', async () => {
    const v1 = teamPack(1, [row('a', '团队致歉', '非常抱歉给您添麻烦了')]);
    await applyPackUpdate(agent, await planFor(agent, v1), false);
    const other = teamPack(1, [row('a', '团队致歉', '加我微信给您返现')]);
    const r = planPackUpdate(other, await agent.phrases.toArray(), await listStages(agent), await getInstalledPack(agent, 'team-x'));
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error).toMatch(/v1.*内容不同/);
    const same = planPackUpdate(v1, await agent.phrases.toArray(), await listStages(agent), await getInstalledPack(agent, 'team-x'));
    expect(same.ok).toBe(true);
  });

  it('a pack of the same name by another author is warned about; a file whose content does not match its hash too', async () => {
    await applyPackUpdate(agent, await planFor(agent, teamPack(1, [row('a', '团队致歉', '非常抱歉给您添麻烦了')])), false);
    const foreign = await planFor(agent, teamPack(2, [row('a', '团队致歉', '别的团队的话术')], { author: '隔壁店组长' }));
    expect(foreign.warnings).toContainEqual({ kind: 'foreign-author', here: '组长', file: '隔壁店组长' });
    const file = teamPackFile({ id: 'team-x', name: '售后组', author: '组长', version: 3 }, await listStages(agent), await agent.phrases.filter((p) => p.pack?.id === 'team-x').toArray());
    expect(file.contentHash).toMatch(/^[0-9a-f]{64}$/);
    const tampered = { ...file, phrases: file.phrases.map((p) => ({ ...p, body: '改过的' })) };
    expect((await planFor(agent, tampered)).warnings).toContainEqual({ kind: 'hash-mismatch' });
    expect((await planFor(agent, file)).warnings).toEqual([]);
  });
});
