import { describe, expect, it } from 'vitest';
import { checkDraft } from '../../../../scripts-library/guard';
import { judgeDraft } from '../../../../scripts-library/guard/judge';
import { idCard, luhn } from '../../../../scripts-library/guard/numbers';
import { normalizeTerm } from '../../../../scripts-library/guard/normalize';

const sev = (draft: string) => checkDraft(draft).map((h) => [h.text, h.severity]);

describe('numbers: check digits and context', () => {
  it.each(['4111111111111111', '6222020200112233446', '5500000000000004'])('Luhn accepts the test card %s', (n) => {
    expect(luhn(n)).toBe(true);
  });
  it('Luhn refuses a random order number and non-digits', () => {
    expect(luhn('3456789012345678902')).toBe(false);
    expect(luhn('2311230001234567890')).toBe(false);
    expect(luhn('abc')).toBe(false);
  });
  it('GB 11643: a correct check character and a real birth date', () => {
    expect(idCard('110101199003077571')).toBe(true);
    expect(idCard('110101199003077574')).toBe(false); // wrong check character
    expect(idCard('110101199013077571')).toBe(false); // month 13
    expect(idCard('11010120230229001X')).toBe(false); // 2023-02-29 does not exist
  });

  it.each([
    ['an order number', '您的订单号 3456789012345678901 已经发货了'],
    ['a Luhn-valid number after 订单号', '订单号：6222020200112233446，麻烦核对'],
    ['a valid-looking ID after 会员号', '会员号 110101199003077571'],
    ['a mobile-shaped product code', '货号 13812345678，这款是新款'],
    ['a mobile-shaped staff number', '快递员的工号 13500001234'],
  ])('%s never blocks, with or without the intent model', (_label, draft) => {
    expect(checkDraft(draft).filter((h) => h.severity === 'block')).toEqual([]);
    expect(judgeDraft(draft).filter((h) => h.severity === 'block')).toEqual([]);
  });

  it.each([
    ['a bank card', '打款到 6222020200112233446', '6222020200112233446'],
    ['an ID card', '身份证 110101199003077571 对吗', '110101199003077571'],
    ['a spaced mobile number', '打我 138 1234 5678', '138 1234 5678'],
  ])('%s with no clean context blocks', (_label, draft, text) => {
    expect(sev(draft)).toContainEqual([text, 'block']);
  });
});

describe('context: negation, quoted buyer words, gaps, look-alikes', () => {
  it.each(['平台不允许加微信，有问题在这里找我', '我们不做好评返现', '验证码不要告诉任何人', '请勿私下转账', '本店不支持微信转账'])(
    'saying what is NOT done is fine: %s',
    (draft) => {
      expect(checkDraft(draft).filter((h) => h.severity !== 'hint')).toEqual([]);
      expect(judgeDraft(draft).filter((h) => h.severity !== 'hint')).toEqual([]);
    },
  );
  it('a negation in another clause does not excuse: 不能便宜了，加我微信', () => {
    expect(sev('不能便宜了，加我微信')).toContainEqual(['加我微信', 'block']);
  });
  it('quoted buyer words are repeated, not said', () => {
    expect(checkDraft('您说“我不知道尺码”，我帮您推荐')).toEqual([]);
    expect(sev('我不知道尺码')).toContainEqual(['我不知道', 'warn']);
  });
  it('quoted words are told from the quote mark up to 40 characters back, and no further', () => {
    const filler = '这件衣服的面料摸起来怎么样会不会起球洗了以后缩不缩水颜色正不正还有呢'; // no taboo in it
    expect(`${filler}我不知道尺码`).toHaveLength(40);
    // The taboo words end the 40 quoted characters: still quoted.
    expect(checkDraft(`您说“${filler}我不知道尺码”，我帮您推荐`)).toEqual([]);
    // Past 40 characters the quote is no longer the buyer's words (QUOTE reads at most 40): the agent said it.
    expect(sev(`您说“${filler}就是我不知道尺码”，我帮您推荐`)).toContainEqual(['我不知道', 'warn']);
    // A closed quote before the words does not cover them.
    expect(sev('您说“好的”，我不知道尺码')).toContainEqual(['我不知道', 'warn']);
  });
  it('gap terms find words in order within a sentence, not across sentences', () => {
    expect(checkDraft('好评后联系客服领现金')).toMatchObject([{ start: 0, severity: 'block', category: 'review-inducement' }]);
    expect(sev('感谢您的好评。领取优惠券请看首页').filter(([, s]) => s === 'block')).toEqual([]);
  });
  it('Cyrillic and Greek look-alikes fold to Latin (vх with a Cyrillic х, ν with a Greek nu)', () => {
    expect(normalizeTerm('vх', true)).toBe('vx');
    expect(sev('联系νx')).toContainEqual(['νx', 'block']);
  });
  it('a dot between letters is a separator, between digits it is kept', () => {
    expect(normalizeTerm('v.x', true)).toBe('vx');
    expect(normalizeTerm('NO.1', true)).toBe('no.1');
  });
});

describe("the courier's number is no channel of the shop's (task gtune)", () => {
  it('a mobile number given as the courier’s passes; the agent’s own still holds', () => {
    expect(judgeDraft('快递员的电话是13812345678，您可以直接联系他').filter((h) => h.severity === 'block')).toEqual([]);
    expect(judgeDraft('配送骑手手机13912345678，到了会打给您').filter((h) => h.severity === 'block')).toEqual([]);
    expect(judgeDraft('我的电话是13812345678，加我微信也行').filter((h) => h.severity === 'block').length).toBeGreaterThan(0);
  });
});
