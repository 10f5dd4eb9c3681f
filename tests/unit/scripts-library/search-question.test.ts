/**
 * #32 item 4: a buyer's question pasted into the search that finds nothing by its words falls back to the
 * replies suggested for it (suggest.ts), on the panel's own search path.
 */
import { describe, expect, it } from 'vitest';
import pack from '../../../scripts-library/packs/default.json';
import { panelSearch, PhraseIndex } from '../../../scripts-library/search/search';
import { compileSynonyms, DEFAULT_SYNONYMS } from '../../../scripts-library/search/search-words';
import { looksLikeQuestion, questionFallback } from '../../../scripts-library/search/search-question';
import { suggestReplies } from '../../../scripts-library/suggest/suggest';
import { packPhrases } from '../../fixtures/search-queries/score';

const phrases = packPhrases();
const index = new PhraseIndex(phrases, 0);
const options = { stages: pack.stages, synonyms: compileSynonyms(DEFAULT_SYNONYMS), suggest: questionFallback(phrases) };
const search = (q: string) => panelSearch(index, phrases, q, options);
const suggested = (q: string) => suggestReplies(q, phrases).flatMap((s) => (s.kind === 'phrase' ? [s.phrase.id] : []));

describe('a pasted buyer question', () => {
  it.each(['今天下单什么时候能到呀', '你们家衣服质量怎么样'])('%s: nothing holds its words, so the replies suggested for it lead, marked as such', (q) => {
    const want = suggested(q);
    expect(want.length).toBeGreaterThan(0);
    const hits = search(q);
    expect(hits.slice(0, want.length).map((h) => h.phrase.id)).toEqual(want);
    expect(hits.slice(0, want.length).every((h) => h.by === 'suggestion')).toBe(true);
  });

  it('a question the suggestions are not sure of lists them as 可能是, never as the lead a key inserts (可以用红包吗)', () => {
    const hits = search('可以用红包吗');
    expect(hits.length).toBeGreaterThan(0);
    expect(hits[0]?.by).toBe('maybe');
  });

  it('another query that found nothing lists their likely guesses as 可能是, never as a lead a key inserts (改价格 拍下)', () => {
    const hits = search('改价格 拍下');
    expect(hits.length).toBeGreaterThan(0);
    expect(hits.every((h) => h.by === 'maybe')).toBe(true);
  });

  it('any other query they are not sure of gets none of their guesses (xyz不存在)', () => {
    expect(search('xyz不存在').filter((h) => h.by === 'suggestion' || h.by === 'maybe')).toEqual([]);
  });

  it('a question whose words a phrase holds is answered by the words (这个可以机洗吗 → 能否机洗)', () => {
    const [first] = search('这个可以机洗吗');
    // 能否机洗 and 面料洗涤 (#32's new care phrases) and 洗涤保养 all answer it.
    expect(['product-machine-wash', 'product-care-fabric', 'product-care']).toContain(first?.phrase.id);
    expect(first?.by).toBe('words');
  });

  it('a query that is no question keeps the search\'s own hits (发火时间 is a typo, not a question)', () => {
    expect(search('发火时间')[0]?.phrase.id).toBe('logistics-ship-time');
    expect(search('发火时间')[0]?.by).toBeUndefined();
  });

  it('tells a question from a title or a typo', () => {
    for (const q of ['能便宜点吗', '什么时候发货', '这个多少钱？', '有没有优惠券', '为啥还不发货']) expect(looksLikeQuestion(q)).toBe(true);
    for (const q of ['发货时间', '发火时间', '退货 地址', 'huanying', '优惠卷']) expect(looksLikeQuestion(q)).toBe(false);
  });
});
