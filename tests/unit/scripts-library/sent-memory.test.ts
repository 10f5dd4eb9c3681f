import { describe, expect, it } from 'vitest';
import { pickWording, SentMemory, SENT_WINDOW_MS } from '../../../scripts-library/phrases/sent-memory';

describe('what this page sent to each buyer lately', () => {
  it('knows a reply sent to this buyer, whatever its white space, and only within the window', () => {
    const m = new SentMemory();
    m.remember('pdd|u1', '亲，今天发货哦', 1_000);
    expect(m.sentAgo('pdd|u1', ' 亲，今天 发货哦\n', 61_000)).toBe(60_000);
    expect(m.sentAgo('pdd|u2', '亲，今天发货哦', 61_000)).toBeUndefined(); // another buyer
    expect(m.sentAgo('pdd|u1', '亲，明天发货哦', 61_000)).toBeUndefined();
    expect(m.sentAgo('pdd|u1', '亲，今天发货哦', 1_000 + SENT_WINDOW_MS)).toBeUndefined();
  });

  it('the latest send of a repeated reply counts; old buyers are forgotten first', () => {
    const m = new SentMemory();
    m.remember('b', '好的', 0);
    m.remember('b', '好的', 100_000);
    expect(m.sentAgo('b', '好的', 160_000)).toBe(60_000);
    for (let i = 0; i < 201; i++) m.remember(`buyer${i}`, '在的', 200_000);
    expect(m.sentAgo('b', '好的', 200_000)).toBeUndefined();
    expect(m.sentAgo('buyer200', '在的', 200_000)).toBe(0);
  });

  it('an empty reply is nothing to remember', () => {
    const m = new SentMemory();
    m.remember('b', '  \n', 0);
    expect(m.sentAgo('b', '', 0)).toBeUndefined();
  });
});

describe('which wording of a phrase goes in', () => {
  const phrase = (useCount: number) => ({ body: '亲，在的', variants: ['您好，在的呢', '在的亲，请说'], useCount });

  it('takes turns with each use', () => {
    expect([0, 1, 2, 3].map((n) => pickWording(phrase(n), () => false))).toEqual(['亲，在的', '您好，在的呢', '在的亲，请说', '亲，在的']);
  });

  it('skips a wording the buyer just got, compared as it would be inserted', () => {
    const sent = new Set(['您好小美，在的呢']);
    const fill = (w: string) => w.replace('您好', '您好小美');
    expect(pickWording(phrase(1), (t) => sent.has(t), fill)).toBe('在的亲，请说');
  });

  it('when every wording went out lately, the one whose turn it is; a phrase without variants is its body', () => {
    expect(pickWording(phrase(2), () => true)).toBe('在的亲，请说');
    expect(pickWording({ body: '好的', useCount: 5 }, () => true)).toBe('好的');
  });
});
