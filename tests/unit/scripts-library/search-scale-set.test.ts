/**
 * The shop-scale labelled set (tests/fixtures/search-queries/scale.tsv, #36 item 3) is sound: enough queries of
 * each kind, and every query has a right answer in the smallest library it is scored on (1k ⊂ 10k ⊂ 100k).
 */
import { describe, expect, it } from 'vitest';
import pack from '../../../scripts-library/packs/default.json';
import { syntheticPhrases } from '../../bench/corpus';
import { answerableRows, answersScale, scaleQueries, scoreScale } from '../../fixtures/search-queries/scale-score';

const rows = scaleQueries();
const count = (kind: string) => rows.filter((r) => r.kind === kind).length;

describe('the shop-scale labelled set', () => {
  it('has ≥ 40 product + topic, ≥ 40 typo and ≥ 30 multi-word queries, and some pinyin, initials and Chinese parts', () => {
    expect(count('product-topic')).toBeGreaterThanOrEqual(40);
    expect(count('typo')).toBeGreaterThanOrEqual(40);
    expect(count('multi-word')).toBeGreaterThanOrEqual(30);
    for (const kind of ['pinyin', 'initials', 'chinese-part']) expect(count(kind)).toBeGreaterThanOrEqual(10);
  });

  it('has a right answer for every query in the 1k library', () => {
    const titles = syntheticPhrases(1000, 7, true).map((p) => p.title);
    expect(rows.filter((r) => !titles.some((t) => answersScale(t, r))).map((r) => r.query)).toEqual([]);
  });

  it('counts a hit right only when it starts with the expected title and holds the named product', () => {
    const row = { query: '补货茶叶', expected: 'stock-no-restock', product: '茶叶', kind: 'product-topic' };
    expect(answersScale('缺货补货中·礼盒装茶叶', row)).toBe(true);
    expect(answersScale('缺货补货中', row)).toBe(false);
    expect(answersScale('到货通知·茶叶', row)).toBe(false);
    const s = scoreScale([row, { ...row, product: undefined }], () => ['缺货补货中', '缺货补货中·茶叶']);
    expect([s.top1, s.top5]).toEqual([0.5, 1]);
  });

  it('scores a size only on the queries its library can answer (a product it lacks is no engine\'s miss)', () => {
    const tea = { query: '补货茶叶', expected: 'stock-no-restock', product: '茶叶', kind: 'product-topic' };
    const shoes = { ...tea, query: '补货跑鞋', product: '跑鞋' };
    expect(answerableRows([tea, shoes], ['缺货补货中·礼盒装茶叶', '缺货补货中']).map((r) => r.query)).toEqual(['补货茶叶']);
  });

  it('keeps every other phrase\'s variants when a pack phrase is added (each draws from its own stream)', () => {
    const added = { id: 'order-pay-later', stageId: 'order', title: '先用后付', body: '亲，付款方式以付款页显示为准。', code: 'xyhf', tags: ['支付'] };
    const key = (p: { title: string; body: string }) => `${p.title}\n${p.body}`;
    const before = syntheticPhrases(3000, 7, true);
    const after = new Set(syntheticPhrases(3000 + 30, 7, true, [...pack.phrases, added]).map(key));
    // All of `before` is still there but the last round's tail (n grows by the new phrase's own ≈ 21 variants); one
    // shared stream kept none.
    const lost = before.filter((p) => !after.has(key(p)));
    expect(lost.length).toBeLessThanOrEqual(20);
  });
});

