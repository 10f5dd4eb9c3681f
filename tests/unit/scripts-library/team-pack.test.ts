import { describe, expect, it } from 'vitest';
import { planPackUpdate, storedId, teamPackFile, wordingHash, editedHere, type PackUpdatePlan } from '../../../scripts-library/files/team-pack';
import { readImportFile } from '../../../scripts-library/files/phrase-io';
import type { InstalledPack, Phrase, PhrasePack, Stage } from '../../../scripts-library/shared/schema';

const stages: Stage[] = [{ id: 'logistics', name: '物流', order: 10, color: '#0f766e', builtin: true }];

function pack(version: number, phrases: { id: string; title: string; body: string; code?: string; stageId?: string; intents?: string[]; lead?: Phrase['lead'] }[], extraStages: Stage[] = []): PhrasePack {
  return {
    format: 'kefu-phrase-pack',
    version: 1,
    id: 'team-a',
    name: '售前组话术',
    packVersion: version,
    author: '组长小王',
    stages: [...stages, ...extraStages],
    phrases: phrases.map((p) => ({ stageId: 'logistics', tags: [], ...p })),
  };
}

/** What the library holds after a plan is applied (the repository does the same, in a transaction). */
function apply(library: Phrase[], plan: PackUpdatePlan, removeGone = false): Phrase[] {
  const byId = new Map(library.map((p) => [p.id, p]));
  for (const { phrase, existing, ref, hash } of [...plan.added, ...plan.updated]) {
    byId.set(phrase.id, { pinned: false, useCount: 0, createdAt: 0, ...existing, ...phrase, updatedAt: 1, origin: plan.pack.id, pack: { id: plan.pack.id, ref, version: plan.pack.version, hash } });
  }
  for (const k of [...plan.unchanged, ...plan.kept.filter((x) => x.reason === 'edited')]) {
    const p = byId.get(k.id)!;
    byId.set(k.id, { ...p, pack: { ...p.pack!, version: plan.pack.version, hash: k.hash } });
  }
  if (removeGone) for (const r of plan.removed) byId.delete(r.id);
  return [...byId.values()];
}
const record = (plan: PackUpdatePlan): InstalledPack => ({ ...plan.record, updatedAt: 1 });
const planOf = (p: PhrasePack, library: Phrase[], installed?: InstalledPack) => {
  const r = planPackUpdate(p, library, stages, installed);
  if (!r.ok) throw new Error(r.error);
  return r.plan;
};

const personal: Phrase = { id: 'user-1', stageId: 'logistics', title: '我的发货话术', body: '今天发', code: 'fh', tags: [], pinned: true, useCount: 9, createdAt: 0, updatedAt: 0, origin: 'user' };
const v1 = pack(1, [
  { id: 'ship', title: '发货时间', body: '亲，下单后48小时内发货', code: 'fhsj' },
  { id: 'late', title: '延迟致歉', body: '亲，实在抱歉发货晚了' },
  { id: 'old', title: '旧话术', body: '这一条下个版本会删掉' },
]);

describe('team packs: first import', () => {
  it('adds every phrase under ids of the pack’s own, never touching a personal phrase', () => {
    const plan = planOf(v1, [personal]);
    expect(plan.added.map((a) => a.phrase.id)).toEqual([storedId('team-a', 'ship'), storedId('team-a', 'late'), storedId('team-a', 'old')]);
    expect(plan.updated).toEqual([]);
    expect(plan.record).toMatchObject({ id: 'team-a', version: 1, author: '组长小王', phraseIds: ['ship', 'late', 'old'] });
    const after = apply([personal], plan);
    expect(after.find((p) => p.id === 'user-1')).toEqual(personal);
  });

  it('refuses a pack phrase whose code a personal phrase already has, and says whose', () => {
    const plan = planOf(pack(1, [{ id: 'x', title: '发货', body: '今天发', code: 'FH' }]), [personal]);
    expect(plan.added).toEqual([]);
    expect(plan.invalid[0]!.problems).toEqual([{ code: 'duplicate-code', shortcut: 'fh', otherTitle: '我的发货话术' }]);
  });
});

describe('team packs: a newer version', () => {
  const lib1 = apply([personal], planOf(v1, [personal]));
  const installed = record(planOf(v1, [personal]));
  const v2 = pack(2, [
    { id: 'ship', title: '发货时间', body: '亲，下单后24小时内发货', code: 'fhsj' }, // reworded by the lead
    { id: 'late', title: '延迟致歉', body: '亲，实在抱歉发货晚了，已为您催促仓库' }, // reworded, but edited here
    { id: 'new', title: '催促仓库', body: '已经帮您催促仓库了' }, // new
  ]);

  it('updates unedited phrases in place, keeps the agent’s edit (shown as changed), adds new ones, asks before removing', () => {
    const id = (ref: string) => storedId('team-a', ref);
    const edited = lib1.map((p) => (p.id === id('late') ? { ...p, body: '亲，抱歉晚了，我这就去催', useCount: 3 } : p));
    const plan = planOf(v2, edited, installed);
    expect(plan.from).toBe(1);
    expect(plan.updated.map((u) => u.phrase.id)).toEqual([id('ship')]);
    expect(plan.added.map((a) => a.phrase.id)).toEqual([id('new')]);
    expect(plan.kept).toMatchObject([{ id: id('late'), reason: 'edited', packChanged: true }]);
    expect(plan.removed).toEqual([{ id: id('old'), title: '旧话术', edited: false }]);

    const kept = apply(edited, plan); // removal not agreed
    expect(kept.find((p) => p.id === id('ship'))!.body).toBe('亲，下单后24小时内发货');
    expect(kept.find((p) => p.id === id('late'))!.body).toBe('亲，抱歉晚了，我这就去催');
    expect(kept.find((p) => p.id === id('old'))).toBeDefined();
    expect(kept.find((p) => p.id === 'user-1')).toEqual(personal);
    expect(apply(edited, plan, true).find((p) => p.id === id('old'))).toBeUndefined();
  });

  it('keeps use counts and pins of an updated phrase', () => {
    const used = lib1.map((p) => (p.id === storedId('team-a', 'ship') ? { ...p, useCount: 12, pinned: true } : p));
    const plan = planOf(v2, used, installed);
    const ship = apply(used, plan).find((p) => p.id === storedId('team-a', 'ship'))!;
    expect([ship.useCount, ship.pinned, ship.body]).toEqual([12, true, '亲，下单后24小时内发货']);
    expect(editedHere(ship)).toBe(false);
  });

  it('a phrase the agent deleted stays deleted', () => {
    const without = lib1.filter((p) => p.id !== storedId('team-a', 'ship'));
    const plan = planOf(v2, without, installed);
    expect(plan.kept).toContainEqual(expect.objectContaining({ id: storedId('team-a', 'ship'), reason: 'deleted' }));
    expect(plan.added.map((a) => a.ref)).toEqual(['new']);
  });

  it('an edit stays the agent’s through later versions; the same version again changes nothing', () => {
    const id = storedId('team-a', 'late');
    const edited = lib1.map((p) => (p.id === id ? { ...p, body: '我的说法' } : p));
    const lib2 = apply(edited, planOf(v2, edited, installed));
    const inst2 = record(planOf(v2, edited, installed));
    expect(editedHere(lib2.find((p) => p.id === id)!)).toBe(true);
    const again = planOf(v2, lib2, inst2);
    expect([again.added.length, again.updated.length]).toEqual([0, 0]);
    expect(again.kept).toMatchObject([{ id, reason: 'edited', packChanged: false }]);
    expect(again.unchanged.length).toBe(2); // ship and new
  });

  it('refuses an older version than the one installed, with the two versions named', () => {
    const r = planPackUpdate(v1, lib1, stages, { ...installed, version: 2 });
    expect(r).toEqual({ ok: false, error: expect.stringContaining('v1') });
    expect(!r.ok && r.error).toContain('v2');
  });

  it('a stage of the pack with the name of a stage here goes there; an unknown one is created', () => {
    const p = pack(1, [{ id: 'a', title: '退款', body: '亲，已为您退款', stageId: 'refund' }, { id: 'b', title: '物流', body: '亲，在路上了', stageId: 'ship2' }], [
      { id: 'refund', name: '退款', order: 1, color: '#000000', builtin: false },
      { id: 'ship2', name: '物流', order: 2, color: '#000000', builtin: false },
    ]);
    const plan = planOf(p, [], undefined);
    expect(plan.added.map((a) => a.phrase.stageId)).toEqual(['refund', 'logistics']);
    expect(plan.newStages.map((s) => s.id)).toEqual(['refund']);
  });
});

describe('team pack files', () => {
  it('a lead’s export of v2 carries the ids of v1, so agents’ copies update instead of doubling', () => {
    const lib = apply([], planOf(v1, []));
    const file = teamPackFile({ id: 'team-a', name: '售前组话术', author: '组长小王', version: 2 }, stages, lib);
    expect(file.phrases.map((p) => p.id)).toEqual(['ship', 'late', 'old']);
    const read = readImportFile(new TextEncoder().encode(JSON.stringify(file)));
    expect(read.ok && read.team?.packVersion).toBe(2);
    const again = planOf(read.ok ? read.team! : v1, lib, record(planOf(v1, [])));
    expect(again.unchanged.length).toBe(3);
  });

  it('carries what each phrase answers and when it may lead; a new version changing only a guard updates it (#32)', () => {
    const late = { intents: ['ship-urge'], lead: { intents: ['ship-urge'], says: ['还没发', '催'] } };
    const guarded = pack(1, v1.phrases.map((p) => (p.id === 'late' ? { ...p, ...late } : p)));
    const lib = apply([], planOf(guarded, []));
    expect(lib.find((p) => p.pack?.ref === 'late')).toMatchObject(late);
    const file = teamPackFile({ id: 'team-a', name: '售前组话术', author: '组长小王', version: 2 }, stages, lib);
    expect(file.phrases.find((p) => p.id === 'late')).toMatchObject(late);
    const read = readImportFile(new TextEncoder().encode(JSON.stringify(file)));
    expect(read.ok && read.team?.phrases.find((p) => p.id === 'late')).toMatchObject(late);
    const narrower = { ...file, phrases: file.phrases.map((p) => (p.id === 'late' ? { ...p, lead: { ...late.lead, notSays: ['预售'] } } : p)) };
    const plan = planOf(narrower, lib, record(planOf(guarded, [])));
    expect(plan.updated.map((u) => [u.ref, u.phrase.lead])).toEqual([['late', { ...late.lead, notSays: ['预售'] }]]);
    expect(plan.unchanged.length).toBe(2);
  });

  it('a plain export (no packVersion) is not a team pack', () => {
    const read = readImportFile(new TextEncoder().encode(JSON.stringify({ ...v1, packVersion: undefined })));
    expect(read.ok && read.team).toBeUndefined();
  });

  it('the wording hash changes with each field an edit can change, not with use counts', () => {
    const base = { stageId: 's', title: 't', body: 'b', code: 'c', tags: ['x'] };
    const h = wordingHash(base);
    for (const change of [{ stageId: 's2' }, { title: 't2' }, { body: 'b2' }, { code: undefined }, { tags: [] }]) expect(wordingHash({ ...base, ...change })).not.toBe(h);
  });
});

describe('sha256 (team-pack ids and content hashes)', () => {
  it('equals Node’s SHA-256 at block boundaries and on Chinese text', async () => {
    const { sha256 } = await import('../../../scripts-library/shared/hash');
    const { createHash } = await import('node:crypto');
    for (const s of ['', 'abc', '发货时间'.repeat(50), 'x'.repeat(55), 'x'.repeat(56), 'x'.repeat(64), 'y'.repeat(1000)]) {
      expect(sha256(s)).toBe(createHash('sha256').update(s).digest('hex'));
    }
  });

  it('the native digest (crypto.subtle) gives the same hash, so a pack planned either way has one content hash', async () => {
    const { sha256, sha256Async } = await import('../../../scripts-library/shared/hash');
    for (const s of ['', 'abc', '发货时间'.repeat(50), 'x'.repeat(64), '😀 emoji 与 中文'.repeat(300)]) expect(await sha256Async(s)).toBe(sha256(s));
    const { packContentHash, packContentHashAsync } = await import('../../../scripts-library/files/team-pack');
    const pack = { stages: [{ id: 's', name: '售前', order: 1, color: '#000', builtin: false }], phrases: [{ id: 'p1', stageId: 's', title: '甲', body: '甲的话', tags: ['t'] }] };
    expect(await packContentHashAsync(pack)).toBe(packContentHash(pack));
  });
});
