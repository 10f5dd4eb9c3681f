import { SettingsSchema } from '../../../scripts-library/shared/schema';
import { beforeEach, describe, expect, it } from 'vitest';
import { KefuDB } from '../../../storage/db';
import { freshDbPerTest } from '../../helpers/db';
import { DEFAULT_PACK_ID, defaultPackInstalled, listPhrases, listStages, recordPhraseUse } from '../../../storage/repositories/phrases';
import { ensureDefaultPacks, installPackWith } from '../../../storage/repositories/packs';
import { getSettings, saveSettings } from '../../../storage/repositories/settings';
import starter from '../../../scripts-library/packs/default.json';
import { browse } from '../../../scripts-library/search/search';

const freshDb = freshDbPerTest();
let db: KefuDB;
beforeEach(async () => {
  db = freshDb();
});

describe('default library', () => {
  it('a new library lists each stage in the pack\'s own order (发货时间 first in 物流), not by id', async () => {
    await ensureDefaultPacks(db);
    const logistics = browse(await listPhrases(db), { stageId: 'logistics' }).map((h) => h.phrase.title);
    expect(logistics.slice(0, 3)).toEqual(['发货时间', '当天发货', '快递时效']);
  });

  it('fills an empty library with every starter phrase and stage, in stage order', async () => {
    expect(await ensureDefaultPacks(db)).toBe(starter.phrases.length);
    expect(await db.phrases.count()).toBe(starter.phrases.length);
    const stages = await listStages(db);
    expect(stages.map((s) => s.name).slice(0, 3)).toEqual(['欢迎', '商品导购', '议价']);
    const greeting = await listPhrases(db, 'greeting');
    expect(greeting.every((p) => p.stageId === 'greeting' && p.useCount === 0 && p.origin === 'default' && p.pinyin !== undefined)).toBe(true);
  });

  it('is installed once: a deleted or edited phrase stays deleted or edited on the next start', async () => {
    await ensureDefaultPacks(db);
    await db.phrases.delete('greeting-hello');
    await db.phrases.update('stock-yes', { body: '有货的亲，放心拍' });
    expect(await ensureDefaultPacks(db)).toBe(0);
    expect(await db.phrases.get('greeting-hello')).toBeUndefined();
    expect((await db.phrases.get('stock-yes'))?.body).toBe('有货的亲，放心拍');
  });

  it('tells the panel cheaply whether the default library is in (the id matches the bundled pack)', async () => {
    expect(DEFAULT_PACK_ID).toBe(starter.id);
    expect(await defaultPackInstalled(db)).toBe(false);
    await ensureDefaultPacks(db);
    expect(await defaultPackInstalled(db)).toBe(true);
  });

  it('rejects a malformed pack and writes nothing', async () => {
    const broken = { ...starter, phrases: [{ ...starter.phrases[0], stageId: 'nope' }] };
    await expect(installPackWith(db, broken, () => undefined)).rejects.toThrow(/unknown stage/);
    expect(await db.phrases.count()).toBe(0);
    expect(await db.stages.count()).toBe(0);
    expect(await db.settings.count()).toBe(0);
  });
});

describe('recordPhraseUse', () => {
  it('never loses a count when many inserts land at once', async () => {
    await ensureDefaultPacks(db);
    await Promise.all(Array.from({ length: 50 }, (_, i) => recordPhraseUse(db, 'greeting-hello', 1000 + i)));
    const p = await db.phrases.get('greeting-hello');
    expect(p?.useCount).toBe(50);
    expect(p?.lastUsedAt).toBeGreaterThanOrEqual(1000);
  });
});

describe('settings', () => {
  it('gives defaults on an empty database and round-trips saved values', async () => {
    expect(await getSettings(db)).toEqual(SettingsSchema.parse({}));
    expect(await getSettings(db)).toMatchObject({ shopName: '', agentName: '', shipDays: '2', autoConsult: false, dailyGoal: 0, chaseLadder: [15, 1440, 2880, 4320] });
    expect((await getSettings(db)).shifts.map((s) => `${s.name} ${s.start}–${s.end}`)).toEqual(['白班 09:00–17:30', '晚班 17:30–22:30']);
    await saveSettings(db, { shopName: '小美服饰', agentName: '小王' });
    expect(await getSettings(db)).toMatchObject({ shopName: '小美服饰', agentName: '小王', shipDays: '2' });
  });

  it('refuses an invalid value and keeps what was stored', async () => {
    await saveSettings(db, { agentName: '小王' });
    await expect(saveSettings(db, { agentName: 'x'.repeat(50) })).rejects.toThrow();
    expect((await getSettings(db)).agentName).toBe('小王');
  });

  it('falls back per key when one stored value is bad', async () => {
    await db.settings.bulkPut([{ key: 'shopName', value: 42 }, { key: 'agentName', value: '小李' }]);
    expect(await getSettings(db)).toEqual({ ...SettingsSchema.parse({}), agentName: '小李' });
  });
});
