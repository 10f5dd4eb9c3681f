/**
 * bitap.ts answers as Fuse.js's own bitap does — match, score to the last bit and match positions — for every
 * query the ranking gives it and any text: the pack's fields against typed queries (Chinese, pinyin, typos,
 * several words, a pasted question longer than Fuse's 32-character chunks), and random strings over a small
 * alphabet (so near matches at every error level are common).
 */
import Fuse from 'fuse.js';
import { describe, expect, it } from 'vitest';
import pack from '../../../scripts-library/packs/default.json';
import { phrasePinyin } from '../../../scripts-library/shared/pinyin';
import { CodeUnitBitap } from '../../../scripts-library/search/bitap';

const fuses = (includeMatches: boolean) => ({ ignoreLocation: true, threshold: 0.45, minMatchCharLength: 1, includeMatches });

function same(pattern: string, text: string, includeMatches: boolean): void {
  const options = fuses(includeMatches);
  // Fuse.match without the flag is Fuse's BitapSearch.
  const theirs = Fuse.match(pattern, text, options);
  const ours = new CodeUnitBitap(pattern, { ...Fuse.config, ...options, codeUnitBitap: true }).searchIn(text);
  expect(ours, `${pattern} | ${text}`).toEqual(theirs);
}

const QUERIES = ['退款', '发火时间', 'kd', 'tuikaun', '包油说明', 'fahuo shijian', '优惠卷', 'cf24', '尺码 缺货', 'huanyign', '蓝牙耳机 facouhuo', '面膜 shuang11huodongjiesshao',
  'hebingfukuan chuangpinsijiantao', '今天下单什么时候能到', '你好请问这个衣服今天下单的话大概什么时候能发货到上海呢谢谢', 'xlx 双11活动', 'h', '物流', 'Tuihuo DiZhi'];

describe('bitap.ts', () => {
  it('is Fuse.js bitap on the pack’s fields', () => {
    let compared = 0;
    for (const p of pack.phrases.slice(0, 60)) {
      const py = phrasePinyin([p.title]);
      const texts = [p.title, p.body, ...p.tags, py.full, py.initials, p.code ?? ''];
      for (const q of QUERIES) for (const t of texts) for (const m of [true, false]) {
        same(q, t, m);
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(10_000);
  });

  it('is Fuse.js bitap on random strings at every error level', () => {
    let seed = 11;
    const next = (n: number) => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) % n;
    const alphabet = 'abc退款发货 A';
    const word = (n: number) => Array.from({ length: n }, () => alphabet[next(alphabet.length)]).join('');
    let matches = 0;
    for (let k = 0; k < 4000; k++) {
      const pattern = word(1 + next(next(4) ? 12 : 70));
      const text = next(3) ? word(next(120)) : `${word(next(20))}${pattern}${word(next(20))}`;
      same(pattern, text, k % 2 === 0);
      if (Fuse.match(pattern, text, fuses(false)).isMatch) matches++;
    }
    expect(matches).toBeGreaterThan(1000);
  });

  it('leaves Fuse instances without the flag to Fuse', () => {
    expect(CodeUnitBitap.condition('x', { ...Fuse.config, ignoreLocation: true })).toBe(false);
    expect(CodeUnitBitap.condition('x', { ...Fuse.config, ignoreLocation: false, codeUnitBitap: true })).toBe(false);
  });
});
