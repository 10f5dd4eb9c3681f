/**
 * #32 item 4: the synonym table a shop can edit (scripts-library/packs/synonyms.json, a pack's `synonyms`, the
 * agent's own table in settings) and placeholder values, through the panel's own search path.
 */
import { describe, expect, it } from 'vitest';
import pack from '../../../scripts-library/packs/default.json';
import synonymsFile from '../../../scripts-library/packs/synonyms.json';
import { PhrasePackSchema, SettingsSchema, SynonymFileSchema } from '../../../scripts-library/shared/schema';
import { panelSearch, PhraseIndex, type SearchablePhrase } from '../../../scripts-library/search/search';
import { compileSynonyms, DEFAULT_SYNONYMS, mergeSynonyms, shopSynonyms } from '../../../scripts-library/search/search-words';
import { phrasePinyin } from '../../../scripts-library/shared/pinyin';
import { packPhrases } from '../../fixtures/search-queries/score';

const phrases = packPhrases();
const index = new PhraseIndex(phrases, 0);
const synonyms = compileSynonyms(DEFAULT_SYNONYMS);
const top = (q: string, s = synonyms) => panelSearch(index, phrases, q, { stages: pack.stages, synonyms: s })[0]?.phrase;

describe('the default synonym table', () => {
  it('is a valid synonyms file', () => {
    expect(SynonymFileSchema.safeParse(synonymsFile).success).toBe(true);
    expect(DEFAULT_SYNONYMS.length).toBeGreaterThanOrEqual(50);
  });

  it.each([
    // 机洗 is in the words of 能否机洗 (#32's new default phrase); the table's 机洗 → 洗涤 finds 洗涤保养 too.
    ['水洗', 'product-care'],
    ['顺丰', 'logistics-courier'],
    ['中通', 'logistics-courier'],
    ['极兔', 'logistics-courier'],
    ['断码', 'stock-size-out'],
    ['七天无理由', 'aftersales-policy'],
    ['砍价', 'pricing-decline'],
    ['退钱', 'aftersales-refund-time'],
    ['白条', 'order-pay-other'],
  ])('%s → %s first', (q, id) => {
    expect(top(q)?.id).toBe(id);
  });

  it('便宜 and 少点 find a phrase about 优惠 or 价格', () => {
    for (const q of ['便宜', '少点']) expect(`${top(q)?.title}${top(q)?.body}`).toMatch(/优惠|价格|议价/);
  });

  it('without the table, 极兔 and 顺丰 find nothing (what the table adds)', () => {
    expect(top('极兔', compileSynonyms([]))).toBeUndefined();
    expect(top('顺丰', compileSynonyms([]))).toBeUndefined();
  });
});

describe('a shop\'s own table', () => {
  it('a row of the settings replaces the defaults; a pack\'s rows extend them', () => {
    const own = [{ words: ['小样'], means: ['赠品'] }];
    expect(shopSynonyms({ synonyms: own })).toEqual(own);
    expect(shopSynonyms({})).toBe(DEFAULT_SYNONYMS);
    expect(top('小样', compileSynonyms(own))?.id).toBe('product-gift');
    const merged = mergeSynonyms(DEFAULT_SYNONYMS, [{ words: ['机洗'], means: ['洗衣机'] }, ...own]);
    expect(merged).toHaveLength(DEFAULT_SYNONYMS.length + 1);
    expect(merged.find((r) => r.words.includes('机洗'))!.means).toContain('洗衣机');
  });

  it('the pack file and the settings take a table (zod); a bad row is refused', () => {
    const file = { format: 'kefu-phrase-pack', version: 1, id: 'team', name: 'T', stages: pack.stages, phrases: pack.phrases.slice(0, 1) };
    expect(PhrasePackSchema.safeParse({ ...file, synonyms: [{ words: ['小样'], means: ['赠品'] }] }).success).toBe(true);
    expect(PhrasePackSchema.safeParse({ ...file, synonyms: [{ words: [], means: ['赠品'] }] }).success).toBe(false);
    expect(SettingsSchema.parse({}).synonyms).toBeUndefined();
    expect(SettingsSchema.safeParse({ synonyms: [{ words: ['x'.repeat(21)], means: ['a'] }] }).success).toBe(false);
  });
});

describe('placeholder values', () => {
  it('a phrase with {快递公司=顺丰/中通} is found by 顺丰 and by 中通, before the phrases the synonym finds', () => {
    const own: SearchablePhrase = { id: 'own-sf', stageId: 'logistics', title: '指定快递', body: '亲，我们可以发{快递公司=顺丰/中通}，您选一个就好', tags: [], pinned: false, useCount: 0 };
    own.pinyin = phrasePinyin([own.title, own.body]);
    const lib = [...phrases, own];
    const idx = new PhraseIndex(lib, 0);
    for (const q of ['顺丰', '中通']) expect(panelSearch(idx, lib, q, { stages: pack.stages, synonyms })[0]?.phrase.id).toBe('own-sf');
    expect(panelSearch(idx, lib, '顺丰', { stages: pack.stages })[0]?.phrase.id).toBe('own-sf');
  });
});
