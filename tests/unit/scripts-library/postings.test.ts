import { describe, expect, it } from 'vitest';
import { GRAM_KEYS, latinCode, PostingsBuilder, TRIGRAM_KEYS } from '../../../scripts-library/search/postings';

const gram = (s: string) => latinCode(s.charCodeAt(0)) * 36 + latinCode(s.charCodeAt(1));

describe('PostingsBuilder', () => {
  it('lists each key\'s phrases once each, ascending, whatever order the keys came in', () => {
    const b = new PostingsBuilder(0x10000, 2);
    expect(b.addCjk('退款退款', 0)).toBe(2);
    expect(b.addCjk('发货', 1)).toBe(2);
    expect(b.addCjk('退货，快递', 3)).toBe(4);
    expect(b.addCjk('快', 3)).toBe(0);
    const p = b.build();
    expect([...p.of('退'.charCodeAt(0))]).toEqual([0, 3]);
    expect([...p.of('货'.charCodeAt(0))]).toEqual([1, 3]);
    expect([...p.of('款'.charCodeAt(0))]).toEqual([0]);
    expect(p.count('，'.charCodeAt(0))).toBe(0);
    expect(p.count('好'.charCodeAt(0))).toBe(0);
  });

  it('grows past the capacity it was given without losing a pair', () => {
    const b = new PostingsBuilder(GRAM_KEYS, 1);
    const texts = ['fahuo shijian', 'kuaidi', 'tuikuan fahuo', '', 'kd fh'];
    texts.forEach((t, i) => b.addGrams(t, i));
    const p = b.build();
    expect([...p.of(gram('fa'))]).toEqual([0, 2]);
    expect([...p.of(gram('ku'))]).toEqual([1, 2]);
    expect([...p.of(gram('kd'))]).toEqual([4]);
    // "o s" is not a bigram: a space breaks the run.
    expect(p.count(gram('os'))).toBe(0);
  });

  it('counts trigrams of unbroken runs only', () => {
    const b = new PostingsBuilder(TRIGRAM_KEYS);
    expect(b.addTrigrams('tui kuan', 0)).toBe(3);
    const p = b.build();
    const tri = (s: string) => (latinCode(s.charCodeAt(0)) * 36 + latinCode(s.charCodeAt(1))) * 36 + latinCode(s.charCodeAt(2));
    expect([...p.of(tri('kua'))]).toEqual([0]);
    expect(p.count(tri('uik'))).toBe(0);
  });

  it('mixes single keys and runs of one phrase, and refuses phrases out of order', () => {
    const b = new PostingsBuilder(GRAM_KEYS);
    b.add(5, 2);
    b.addGrams('ab', 2);
    expect(b.add(5, 2)).toBe(false);
    expect(() => b.add(5, 1)).toThrow(/ascending/);
    const p = b.build();
    expect([...p.of(5)]).toEqual([2]);
    expect([...p.of(gram('ab'))]).toEqual([2]);
  });

  it('refuses more keys than 16 bits hold', () => {
    expect(() => new PostingsBuilder(0x10001)).toThrow(RangeError);
  });
});
