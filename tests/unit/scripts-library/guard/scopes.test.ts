/**
 * #31 item 2: scopes for every category, and the console's own platform. What the shop says to refuse, warn or
 * decline is what an agent should say; the platform's own name, payment methods and features are no other channel.
 * Each case is a sentence an agent would send; the positives beside them keep the same words harmful.
 */
import { describe, expect, it } from 'vitest';
import { judgeDraft } from '../../../../scripts-library/guard/judge';
import { PLATFORM_FEATURES } from '../../../../scripts-library/guard/platforms';

const warned = (draft: string, site?: string) => judgeDraft(draft, undefined, site ? { site } : {}).filter((h) => h.severity !== 'hint');
const held = (draft: string, site?: string) => judgeDraft(draft, undefined, site ? { site } : {}).filter((h) => h.severity === 'block');

describe('refusal, warning, decline, quotation and question scopes, per category', () => {
  it.each([
    ['off-platform', '您说的加微信我们不支持', '加我微信，我发您图'],
    ['off-platform', '如果有人让您加微信，那是骗子', '您加我微信吧'],
    ['review-inducement', '本店从不刷单', '帮我们刷单，佣金八块'],
    ['review-inducement', '我们没有返现这种活动', '好评返现五元'],
    // The shop saying what it has not, with the shop named any way (店里 / 这边 / 平台上), and a refusal carried on
    // after another (…不做刷单，也不会请人…).
    ['review-inducement', '店里没有好评返现，有人这么说都是假的', '店里有好评返现，五元'],
    ['review-inducement', '我们不做这种，也不会请别人帮忙拍单冲销量', '请别人帮忙拍单冲销量'],
    ['off-platform', '这边没有微信号，有事就在这里说', '这边有微信号，加一下'],
    // A refusal between the two words of a near rule (五星好评 … 红包) excuses it too.
    ['review-inducement', '五星好评我们不会送红包的，您如实评价就好', '五星好评我们送红包'],
    ['privacy', '本店从不索要银行卡密码', '把银行卡密码发我'],
    ['privacy', '索要验证码是违规的', '验证码发我一下'],
    ['privacy', '亲，付款验证码是您个人的，任何人问都不要给', '把付款验证码发我，任何人问都不要给'],
    // Cautioning the buyer about data they sent (为了您的隐私安全，建议撤回), when nothing is asked for.
    ['privacy', '您发来的照片里有您的身份证号码，为了您的隐私安全，建议您撤回一下', '照片里有您的身份证号码，为了您的隐私安全，把身份证号码发我核对'],
    ['abuse', '我这边帮您申请催件，稍等我操作一下', '我操，又是你'],
    ['abuse', '骂人是不对的，我们不会说傻逼这种话', '你是傻逼吗'],
    ['abuse', '如果有人冒充我们找您，那是骗子', '你个骗子'],
    ['service-taboo', '我们从来不说我不知道', '我不知道'],
    ['absolute-claim', '不敢说全网最低，但性价比很高', '全网最低价'],
    ['false-promise', '不能保证百分百不过敏，建议先试用', '保证百分百不过敏'],
  ])('%s: 「%s」 passes, 「%s」 does not', (_category, clean, harmful) => {
    expect(warned(clean)).toEqual([]);
    expect(warned(harmful).length).toBeGreaterThan(0);
  });

  it('friendly openings are never held or warned as abuse', () => {
    for (const d of ['宝子你好呀，有什么可以帮您', '姐妹你好，在的哦', '亲爱的你好，欢迎光临']) expect([d, warned(d)]).toEqual([d, []]);
  });

  it('a review request without a reward is not held; with one it is', () => {
    expect(held('满意的话给个五星好评哦')).toEqual([]);
    expect(held('给个五星，好评有奖').length).toBeGreaterThan(0);
    expect(held('给个好评就送您赠品').length).toBeGreaterThan(0);
  });

  it("the shop's own coupons are no other channel", () => {
    expect(warned('发你优惠券，下单时用')).toEqual([]);
  });
});

describe("the console's own platform (a table per site)", () => {
  it.each([
    ['pinduoduo', '拼多多先用后付可以用的，也支持多多支付'],
    ['pinduoduo', '打开拼多多，点个人中心就能看到'],
    ['doudian', '用抖音支付就行，抖音月付也可以'],
    ['jd', '京东白条也能用，京东物流发货，京豆可以抵扣'],
    ['jd', '去京东我们店首页领券'],
    ['kuaishou', '快手小店下单就行'],
    ['taobao', '可以用花呗分期，支付宝付款也行，天猫超市也有卖'],
  ])('on %s: 「%s」 passes', (site, draft) => {
    expect(warned(draft, site)).toEqual([]);
  });

  it('another platform on a known console is still another store', () => {
    expect(held('去拼多多搜我们店，那边更便宜', 'taobao').length).toBeGreaterThan(0);
    expect(held('快手小店下单就行', 'taobao').length).toBeGreaterThan(0);
    expect(held('去京东那家拍，更便宜', 'pinduoduo').length).toBeGreaterThan(0);
  });

  it('a payment method is the platform, a transfer through it is not', () => {
    expect(held('支付宝转账给我就行', 'taobao').length).toBeGreaterThan(0);
    expect(held('淘宝外交易更便宜', 'taobao').length).toBeGreaterThan(0);
  });

  it("without a site, every console's words are own, unless the sentence sends the buyer there", () => {
    expect(warned('快手小店下单就行')).toEqual([]);
    expect(warned('拼多多先用后付可以用的')).toEqual([]);
    expect(held('拼多多上同款更便宜，去那边拍').length).toBeGreaterThan(0);
    // The agent calling the platform "here" is the console, though 找我 elsewhere sends the buyer away.
    expect(held('如果超过五天还没到，您在京东这边找我，我帮您催')).toEqual([]);
    expect(held('京东那边找我，便宜点').length).toBeGreaterThan(0);
  });

  it('names every console the chat script has an adapter for, and 快手', () => {
    expect(Object.keys(PLATFORM_FEATURES).sort()).toEqual(['doudian', 'jd', 'kuaishou', 'pinduoduo', 'taobao']);
  });
});
