/**
 * Ranking that survives a large shop's library (#36 item 1): the pack's titles copied for many products
 * (`<pack title>·<kind><product>`, tests/bench/corpus.ts), searched through the panel's path. A product named
 * in the query must be in the title, the topic then ranks within it, whatever the order of the words and
 * whether the topic is typed with a slip or a character of the same sound.
 */
import { describe, expect, it } from 'vitest';
import pack from '../../../scripts-library/packs/default.json';
import keys from '../../../scripts-library/packs/keys/default.json';
import { panelSearch, PhraseIndex, type SearchablePhrase } from '../../../scripts-library/search/search';
import { compileSynonyms, DEFAULT_SYNONYMS } from '../../../scripts-library/search/search-words';
import { questionFallback } from '../../../scripts-library/search/search-question';
import { phrasePinyin, type PinyinKeys } from '../../../scripts-library/shared/pinyin';
import { syntheticPhrases } from '../../bench/corpus';
import { scaleQueries, scoreScale } from '../../fixtures/search-queries/scale-score';

const phrases: SearchablePhrase[] = syntheticPhrases(1000, 7, true).map((p) => ({
  ...p,
  pinyin: (keys as Record<string, PinyinKeys | undefined>)[p.id] ?? phrasePinyin([p.title, p.body, ...p.tags]),
}));
const index = new PhraseIndex(phrases, 0);
const options = { stages: pack.stages, synonyms: compileSynonyms(DEFAULT_SYNONYMS), pinyinOf: (text: string) => phrasePinyin([text]).full, suggest: questionFallback(phrases) };
const first = (q: string) => panelSearch(index, phrases, q, options)[0]?.phrase.title;

describe('search in a shop of many products (1k phrases)', () => {
  it.each([
    // The product in the title, even when the topic is typed with a slip (the pack's own 退货流程 has no product).
    ['运动鞋 tihuoliucheng', '退货流程·', '运动鞋'],
    ['保温杯 sechhashuoming', '色差说明·', '保温杯'],
    // The topic in the title beats a title holding the product while the body holds the topic.
    ['尾款 面膜', '双11尾款提醒·', '面膜'],
    // A title that starts with a word beats one that holds it further in (双11发货时间·…).
    ['发货时间 卫衣', '发货时间·', '卫衣'],
    // A character of the same sound (包油 for 包邮) next to the product: the title holds all but that one.
    ['羽绒服包油说明', '包邮说明·', '羽绒服'],
    ['围巾差评回方', '差评回访·', '围巾'],
  ])('%s → a title starting %s and holding %s', (query, start, product) => {
    const title = first(query);
    expect(title?.startsWith(start) && title.includes(product) ? 'right' : title).toBe('right');
  });

  it('puts a right phrase first for ≥ 97 % of the shop-scale set, ≥ 95 % of its product + topic and multi-word queries', () => {
    const s = scoreScale(scaleQueries(), (q) => panelSearch(index, phrases, q, options).slice(0, 5).map((h) => h.phrase.title));
    expect(s.top1).toBeGreaterThanOrEqual(0.97);
    for (const kind of ['product-topic', 'multi-word']) {
      const k = s.byKind.get(kind)!;
      expect(k.top1 / k.n).toBeGreaterThanOrEqual(0.95);
    }
  });
});

describe('a product named by its initials (10k phrases)', () => {
  const big: SearchablePhrase[] = syntheticPhrases(10_000, 7, true).map((p) => ({
    ...p,
    pinyin: (keys as Record<string, PinyinKeys | undefined>)[p.id] ?? phrasePinyin([p.title, p.body, ...p.tags]),
  }));
  const bigIndex = new PhraseIndex(big, 0);
  const bigOptions = { ...options, suggest: questionFallback(big) };

  // The initials must be a whole part of the title: 退货流程·运动鞋 holds "cy" only across 程|运, and 升级版 of
  // 升级版拖鞋 (老顾客回访·升级版拖鞋) is "sjb" only as the start of a longer part.
  it.each([
    ['cy 退货流程', '退货流程·', '茶叶'],
    ['sjb 老顾客回访', '老顾客回访·', '双肩包'],
  ])('%s → a title starting %s and holding %s', (query, start, product) => {
    const title = panelSearch(bigIndex, big, query, bigOptions)[0]?.phrase.title;
    expect(title?.startsWith(start) && title.includes(product) ? 'right' : title).toBe('right');
  }, 60_000);
});
