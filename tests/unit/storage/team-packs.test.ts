import { beforeEach, describe, expect, it } from 'vitest';
import type { KefuDB } from '../../../storage/db';
import { freshDbPerTest } from '../../helpers/db';
import { applyPackUpdate, getInstalledPack, savePhrase, StalePlanError } from '../../../storage/repositories/phrase-writes';
import { planPackUpdate, storedId, type PackUpdatePlan } from '../../../scripts-library/files/team-pack';
import type { PhrasePack, Stage } from '../../../scripts-library/shared/schema';

const freshDb = freshDbPerTest();
let db: KefuDB;
const stage: Stage = { id: 'logistics', name: '物流', order: 10, color: '#0f766e', builtin: true };
beforeEach(async () => {
  db = freshDb();
  await db.stages.put(stage);
});

const pack = (version: number, phrases: [string, string, string][]): PhrasePack => ({
  format: 'kefu-phrase-pack',
  version: 1,
  id: 'team-a',
  name: '售前组话术',
  packVersion: version,
  author: '组长',
  stages: [stage, { id: 'aftersale', name: '售后', order: 20, color: '#000000', builtin: false }],
  phrases: phrases.map(([id, title, body]) => ({ id, stageId: id === 'refund' ? 'aftersale' : 'logistics', title, body, tags: [] })),
});

async function plan(p: PhrasePack): Promise<PackUpdatePlan> {
  const r = planPackUpdate(p, await db.phrases.toArray(), await db.stages.toArray(), await getInstalledPack(db, p.id));
  if (!r.ok) throw new Error(r.error);
  return r.plan;
}
const v1 = pack(1, [['ship', '发货时间', '48小时内发货'], ['old', '旧话术', '要删的'], ['refund', '退款', '已退款']]);
const v2 = pack(2, [['ship', '发货时间', '24小时内发货'], ['refund', '退款', '已为您退款']]);
const id = (ref: string) => storedId('team-a', ref);

describe('applyPackUpdate', () => {
  it('v1 then v2: updates in place, keeps the edit, removes only when agreed, records the version', async () => {
    await savePhrase(db, { id: 'user-1', stageId: 'logistics', title: '我的', body: '个人话术', code: 'wd', tags: [] });
    expect(await applyPackUpdate(db, await plan(v1), false)).toBe(3);
    expect((await db.stages.get('aftersale'))?.name).toBe('售后');
    const refund = (await db.phrases.get(id('refund')))!;
    await savePhrase(db, { ...refund, body: '我改过的退款话术' });

    const p2 = await plan(v2);
    expect(await applyPackUpdate(db, p2, false)).toBe(1);
    expect((await db.phrases.get(id('ship')))?.body).toBe('24小时内发货');
    expect((await db.phrases.get(id('refund')))?.body).toBe('我改过的退款话术');
    expect(await db.phrases.get(id('old'))).toBeDefined();
    expect((await db.phrases.get('user-1'))?.body).toBe('个人话术');
    expect(await getInstalledPack(db, 'team-a')).toMatchObject({ version: 2, phraseIds: ['ship', 'refund'] });
    expect((await db.phrases.get(id('ship')))?.pinyin?.initials).toBeTruthy();
  });

  it('a new version restamps the phrases it left unchanged (团队包 v3 shows on them); the same version again writes none', async () => {
    await applyPackUpdate(db, await plan(v1), false);
    const v3 = pack(3, [['ship', '发货时间', '48小时内发货'], ['refund', '退款', '已退款']]);
    const p3 = await plan(v3);
    expect(p3.unchanged.map((u) => u.stamped)).toEqual([false, false]);
    await applyPackUpdate(db, p3, false);
    expect((await db.phrases.get(id('ship')))?.pack).toMatchObject({ version: 3 });
    expect((await db.phrases.get(id('refund')))?.pack).toMatchObject({ version: 3 });
    const before = (await db.phrases.get(id('ship')))!;
    const again = await plan({ ...v3, packVersion: 3 });
    expect(again.unchanged.every((u) => u.stamped)).toBe(true);
    await applyPackUpdate(db, again, false);
    expect(await db.phrases.get(id('ship'))).toEqual(before);
  });

  it('a pack\'s synonym rows extend the shop\'s table, in the same transaction (#32 item 4)', async () => {
    const { DEFAULT_SYNONYMS, shopSynonyms } = await import('../../../scripts-library/search/search-words');
    const { getSettings, saveSettings } = await import('../../../storage/repositories/settings');
    await applyPackUpdate(db, await plan({ ...v1, synonyms: [{ words: ['小样'], means: ['赠品'] }, { words: ['机洗'], means: ['洗衣机'] }] }), false);
    const table = shopSynonyms(await getSettings(db));
    expect(table).toHaveLength(DEFAULT_SYNONYMS.length + 1);
    expect(table).toContainEqual({ words: ['小样'], means: ['赠品'] });
    expect(table.find((r) => r.words.includes('机洗'))!.means).toContain('洗衣机');
    // A shop's own table is extended, not replaced; applying again adds nothing twice.
    await saveSettings(db, { synonyms: [{ words: ['顺丰'], means: ['快递'] }] });
    await applyPackUpdate(db, await plan({ ...v2, synonyms: [{ words: ['小样'], means: ['赠品'] }] }), false);
    await applyPackUpdate(db, await plan({ ...pack(3, [['ship', '发货时间', '24小时内发货']]), synonyms: [{ words: ['小样'], means: ['赠品'] }] }), false);
    expect(shopSynonyms(await getSettings(db))).toEqual([{ words: ['顺丰'], means: ['快递'] }, { words: ['小样'], means: ['赠品'] }]);
  });

  it('removes what the new version dropped when the agent agrees', async () => {
    await applyPackUpdate(db, await plan(v1), false);
    await applyPackUpdate(db, await plan(v2), true);
    expect(await db.phrases.get(id('old'))).toBeUndefined();
    expect(await db.phrases.count()).toBe(2);
  });

  it('a phrase edited in another panel after the preview: nothing is written, the library is as before', async () => {
    await applyPackUpdate(db, await plan(v1), false);
    const p2 = await plan(v2);
    await savePhrase(db, { ...(await db.phrases.get(id('ship')))!, body: '别的面板里改的' }, Date.now() + 5);
    const before = await db.phrases.toArray();
    await expect(applyPackUpdate(db, p2, true)).rejects.toBeInstanceOf(StalePlanError);
    expect(await db.phrases.toArray()).toEqual(before);
    expect((await getInstalledPack(db, 'team-a'))?.version).toBe(1);
  });

  it('the same preview applied twice writes once (the second finds the pack moved on)', async () => {
    const p1 = await plan(v1);
    await applyPackUpdate(db, p1, false);
    await expect(applyPackUpdate(db, p1, false)).rejects.toBeInstanceOf(StalePlanError);
    expect(await db.phrases.count()).toBe(3);
  });
});
