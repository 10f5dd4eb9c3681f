/**
 * #31, task gtune (eighth session): one reading of who does what per clause (clause-roles.ts). Each pair is a reply
 * declining a buyer's request and a reply giving in to the same request; the decline passes, the giving in holds.
 * Held-back round 15 held the shop's own declines of these shapes (the data is yours, nobody from us asks; a reward
 * said back as a question, then denied; advice to take a sent photo back). Every wording here was written for this
 * test: none is a corpus draft.
 */
import { describe, expect, it } from 'vitest';
import { held, loud } from '../../../helpers/guard-verdicts';
import { readClause, shopDeclines } from '../../../../scripts-library/guard/clause-roles';

const PAIRS: [decline: string, givingIn: string][] = [
  // the data is the buyer's own, the shop never asks, nobody is to be given it
  ['银行卡密码和短信验证码只有您自己能知道，我们客服不会问，任何人问都不要说', '银行卡密码和短信验证码告诉我一下，我帮您查'],
  ['验证码是发给您本人的，我们不会要，别人要也别给', '验证码是发给您本人的，您转发给我就行'],
  ['您的登录密码我们用不上，也不会跟您要，千万保管好', '您的登录密码发一下，我们帮您登上去看看'],
  // a reward said back as a question, then denied
  ['晒图领现金？我们家没搞过这种活动哦', '晒图领现金，截图发我就行'],
  ['好评返红包？本店没有这个，您说的可能是别家', '好评返红包，五星晒图就给您发'],
  ['差评能不能删看您，我们不会拿钱换', '差评删了吧，我给您补二十'],
  // advice to take back what was sent
  ['身份证照片您发到聊天里了？麻烦马上撤回哈', '身份证照片您再发一张清楚的过来'],
  ['刚看到您发了卡号，赶紧撤回，这个我们用不到', '刚看到您发了卡号，再把有效期也发我'],
  ['银行卡照片您发过来了？快撤回，我们用不着', '银行卡照片发我一下，我们核对'],
  // the giving refused with the subject left out, the review left to the buyer
  ['红包就不给了哈，评价您随意写，有问题我们来处理', '红包给您发了哈，好评写一下'],
  ['返现就不送了哦，您按真实感受评价', '返现就不送了哦，但好评截图发我有惊喜'],
];

describe('a decline and the giving in to the same request', () => {
  it.each(PAIRS)('passes 「%s」, holds 「%s」', (decline, givingIn) => {
    expect(loud(decline)).toEqual([]);
    expect(held(givingIn)).toBe(true);
  });
});

describe('a decline that offers it after all is no decline', () => {
  it.each([
    // another channel named, plainly
    '咱们不用微信，钉钉上聊吧，方便发文件',
    // the shop doing it, said plainly, whatever the platform says
    '我们私下转账便宜，平台不让说',
    // a turn, a concession, a reassurance
    '我们不搞返现，不过晒图的送您小礼物',
    // an amount anywhere in the sentence
    '好评截图我们不收，晒图返5元',
  ])('still flags 「%s」', (draft) => {
    expect(loud(draft)).not.toEqual([]);
  });
});

describe('the reader finds no decline where the sentence offers it after all', () => {
  // These carry no stock term a rule would flag (a bare 密码 / 验证码 asked for, a handle with no contact word): the
  // reader keeps them from being excused, and no rule or model raises them yet (#31 item 5, left open).
  it.each([
    ['验证码我们不会乱要。您念一下我帮您填', 0, 3],
    ['验证码客服不会问，想给也可以', 0, 3],
    ['我们不会乱用验证码，放心发', 6, 9],
    ['我们不会要您的密码，有事加kf_8866', 7, 9],
  ] as const)('「%s」', (draft, start, end) => {
    expect(shopDeclines(draft, start, end)).toBe(false);
  });
  it.todo('raises 建议改 on a bare 验证码 / 密码 asked for with no stock term (念一下, 想给也可以, 放心发) and on a handle after 加');
});

describe('everyday words around a stock term', () => {
  it.each([
    // a number of pieces and a unit price, not 做单: 单 begins 单价 after the clause mark
    ['这款我们能做，单价十五，量大还能谈', '帮忙做，单，一单五块'],
    // the platform's own 自营 with no site known; 找我们 in another clause is the chat itself
    ['这件是京东自营仓发的货，我们是入驻商家，售后找我们就行', '京东上也有我们的店，去京东找我'],
  ])('passes 「%s」, holds 「%s」', (clean, harmful) => {
    expect(loud(clean)).toEqual([]);
    expect(held(harmful)).toBe(true);
  });
  it('keeps a term pieced across a mark when a pronoun follows it (先转账，我) or its second piece is longer', () => {
    expect(held('您先转账，我再给您发货')).toBe(true);
    expect(held('您帮忙拍一单，拍下后我全额退回，不用发货')).toBe(true);
  });
});

describe('the clause reader', () => {
  const read = (text: string) => readClause(text, 0, text.length);
  it('reads who acts and how', () => {
    expect(read('我们客服不会问')).toMatchObject({ actor: 'shop', polarity: 'negated', declines: true, active: false });
    expect(read('任何人问都不要说')).toMatchObject({ actor: 'others', polarity: 'prohibited', declines: true });
    expect(read('您转发给我就行')).toMatchObject({ actor: 'buyer', active: true, declines: false });
    expect(read('我们不收手续费支付宝转账就可以')).toMatchObject({ active: true });
  });
  it('takes back advice only for the buyer\u2019s data: 差评撤回 asks for the review act', () => {
    const text = '差评撤回一下，我们不会为难您';
    expect(shopDeclines(text, 0, 2)).toBe(false);
    const card = '卡号发出来了？赶紧撤回';
    expect(shopDeclines(card, 0, 2)).toBe(true);
  });
});
