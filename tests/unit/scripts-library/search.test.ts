import { describe, expect, it } from 'vitest';
import { filterPhrases } from '../../../scripts-library/search';
import type { Phrase } from '../../../scripts-library/schema';

const p = (id: string, over: Partial<Phrase>): Phrase => ({
  id, stageId: 'greeting', title: id, body: '', tags: [], pinned: false, useCount: 0, createdAt: 0, updatedAt: 0, origin: 'user', ...over,
});
const phrases = [
  p('a', { title: '快递时效', body: '江浙沪2-3天', stageId: 'logistics', code: 'kd', useCount: 3 }),
  p('b', { title: '发货时间', body: '48小时内发出', stageId: 'logistics', tags: ['快递'], useCount: 9 }),
  p('c', { title: '欢迎', body: '您好，欢迎光临', pinned: true }),
  p('d', { title: '暂时离开', body: '稍后回复您', stageId: 'away' }),
];

describe('filterPhrases', () => {
  it.each([
    ['title', '欢迎', ['c']],
    ['body', '48小时', ['b']],
    ['shortcut code, any case', 'KD', ['a']],
    ['tag', '快递', ['b', 'a']],
    ['all words', '快递 江浙沪', ['a']],
    ['nothing', '退款', []],
  ])('matches by %s', (_label, text, ids) => {
    expect(filterPhrases(phrases, { text }).map((x) => x.id)).toEqual(ids);
  });

  it('orders pinned first, then most used', () => {
    expect(filterPhrases(phrases, {}).map((x) => x.id)).toEqual(['c', 'b', 'a', 'd']);
  });

  it('filters by stage', () => {
    expect(filterPhrases(phrases, { stageId: 'logistics' }).map((x) => x.id)).toEqual(['b', 'a']);
  });
});
