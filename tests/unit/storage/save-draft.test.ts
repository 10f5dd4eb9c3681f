import { beforeEach, describe, expect, it } from 'vitest';
import type { KefuDB } from '../../../storage/db';
import { freshDbPerTest } from '../../helpers/db';
import { ensureDefaultPacks } from '../../../storage/repositories/packs';
import { saveDraftPhrase } from '../../../storage/repositories/phrases';
import { addMissingSearchKeys } from '../../../storage/repositories/phrase-writes';
import { stageHint } from '../../../scripts-library/suggest/stage-hint';

const freshDb = freshDbPerTest();
let db: KefuDB;
beforeEach(async () => {
  db = freshDb();
  await ensureDefaultPacks(db);
});

describe('存为短语 from the chat page', () => {
  it('stores the draft as the agent’s own phrase, titled from its words, in the stage they point to', async () => {
    const saved = await saveDraftPhrase(db, '  亲，您的包裹今天下午发出，快递单号稍后同步给您 ');
    expect(saved).toMatchObject({ title: '您的包裹今天下午发出', body: '亲，您的包裹今天下午发出，快递单号稍后同步给您', stageId: 'logistics', origin: 'user', useCount: 0 });
    expect((await db.phrases.get(saved.id))?.pinyin).toBeUndefined();
    expect(await addMissingSearchKeys(db)).toBe(1);
    const keyed = (await db.phrases.get(saved.id))!;
    expect(keyed.pinyin?.full).toContain('baoguo');
    expect(keyed.updatedAt).toBe(saved.updatedAt);
    expect(await addMissingSearchKeys(db)).toBe(0);
  });

  it('words that point to no stage go to the first; a draft the phrase rules refuse is not stored', async () => {
    const first = (await db.stages.toArray()).sort((a, b) => a.order - b.order)[0]!;
    expect(stageHint('今天天气不错呀')).toBeUndefined();
    expect((await saveDraftPhrase(db, '今天天气不错呀')).stageId).toBe(first.id);
    const before = await db.phrases.count();
    await expect(saveDraftPhrase(db, '亲，{卖家}会联系您')).rejects.toThrow('unknown-placeholder');
    expect(await db.phrases.count()).toBe(before);
  });
});
