/**
 * #32 item 4: search that understands agents. Words in any order (AND over the query's words, each matched by
 * text, pinyin or initials), on the default library through the panel's own search path.
 */
import { describe, expect, it } from 'vitest';
import pack from '../../../scripts-library/packs/default.json';
import { panelSearch, PhraseIndex } from '../../../scripts-library/search/search';
import { coverPieces, queryWords } from '../../../scripts-library/search/search-words';
import { packPhrases } from '../../fixtures/search-queries/score';

const phrases = packPhrases();
const index = new PhraseIndex(phrases, 0);
const titles = (q: string, n = 3) => panelSearch(index, phrases, q, { stages: pack.stages }).slice(0, n).map((h) => h.phrase.title);
/** The first hit's stage and text. */
const first = (q: string) => {
  const p = panelSearch(index, phrases, q, { stages: pack.stages })[0]?.phrase;
  return p && { stageId: p.stageId, text: `${p.title}${p.body}` };
};
const holdsBoth = (q: string) => {
  const top = first(q);
  expect(top?.text).toContain('感谢');
  expect(top?.text).toContain('光临');
  expect(top?.stageId).not.toBe('greeting');
};

describe('words in any order', () => {
  it('感谢光临 finds a farewell that holds 感谢 and 光临 apart (not a 欢迎光临 greeting)', () => {
    holdsBoth('感谢光临');
  });

  it('words typed apart, in another order than the phrase has them', () => {
    holdsBoth('光临 感谢');
    expect(titles('地址 退货', 1)).toEqual(['退货地址']);
  });

  it('a phrase that holds every word comes before one that holds only some', () => {
    // 欢迎光临 greetings hold 光临 but not 感谢: they may follow, never lead.
    const top = panelSearch(index, phrases, '感谢 光临', { stages: pack.stages }).map((h) => `${h.phrase.title}${h.phrase.body}`);
    expect(top.length).toBeGreaterThan(0);
    const firstPartial = top.findIndex((t) => !(t.includes('感谢') && t.includes('光临')));
    const lastFull = top.map((t) => t.includes('感谢') && t.includes('光临')).lastIndexOf(true);
    expect(firstPartial === -1 || lastFull < firstPartial).toBe(true);
  });

  it('each word may be text or pinyin: ganxie guanglin, 感谢 guanglin', () => {
    holdsBoth('ganxie guanglin');
    holdsBoth('感谢 guanglin');
  });

  it('a typo\'d character is no word: 发火时间 is still the fuzzy search\'s (发货时间 first)', () => {
    expect(titles('发火时间', 1)).toEqual(['发货时间']);
  });
});

describe('queryWords and coverPieces', () => {
  it('splits Latin tokens and Chinese runs; trims a question\'s 请问 … 吗', () => {
    expect(queryWords('退货 dizhi')).toEqual([{ kind: 'chunk', text: '退货' }, { kind: 'latin', text: 'dizhi' }]);
    expect(queryWords('请问可以退货吗')).toEqual([{ kind: 'chunk', text: '退货' }]);
  });

  it('covers a run by pieces of two characters or more the text holds', () => {
    expect(coverPieces('感谢光临', '感谢您…期待您的下次光临')).toBe(2);
    expect(coverPieces('发货时间', '发货时间说明')).toBe(1);
    expect(coverPieces('发火时间', '发货时间，火速')).toBe(0);
    expect(coverPieces('abcd', 'xxabx cdx bcd')).toBe(2);
  });
});

describe('typo tolerance never ranks an unrelated phrase first', () => {
  const panel = (q: string) => panelSearch(index, phrases, q, { stages: pack.stages }).slice(0, 3).map((h) => h.phrase.id);
  it.each([
    ['huanyign', 'huanying'],
    ['huanyng', 'huanying'],
    ['kucnu', 'kucun'],
    ['wuilu', 'wuliu'],
  ])('%s lists what %s lists (the stage named, not a phrase that merely shares letters)', (typo, right) => {
    expect(panel(typo)).toEqual(panel(right));
  });

  it('a word one letter from a stage name that phrases hold is that word, not the stage (shouhuo is 收货, not 售后)', () => {
    expect(panelSearch(index, phrases, 'shouhuo', { stages: pack.stages })[0]!.phrase.pinyin?.full).toContain('shouhuo');
  });
});
