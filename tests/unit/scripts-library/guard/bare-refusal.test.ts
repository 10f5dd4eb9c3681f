/**
 * #31, task gtune (sixth session): a send is held only on evidence of an act aimed at the buyer. The shop's own
 * refusals and warnings pass whatever their grammar — the subject left out, a bare 咱, a modal or potential negation,
 * a rhetorical question, advice not to hand something over with the object first, the scam named — while a sentence
 * carrying evidence (a handle, 加我 / 发我, a request, a reward offered) still holds. Every wording here was written for
 * this test: none is a corpus draft.
 */
import { describe, expect, it } from 'vitest';
import { held, loud } from '../../../helpers/guard-verdicts';


describe('the shop refusing or warning, whatever its grammar, is neither held nor warned', () => {
  it.each([
    // the subject left out, or a bare 咱
    '私下交易咱不走的哈',
    '不走私下转账哦亲，平台付款有保障',
    '不用加微信的，在这里留言就行',
    '不需要加QQ哈',
    '刷好评这种事咱可不干',
    '好评返现违规的，咱不搞',
    '加好友返红包那种咱没有',
    'QQ就不加了哈，有事直接这里找我',
    // a modal or potential negation
    '微信加不了的亲，有事在这里说',
    '加QQ这个不太方便哦',
    '没法加微信哈，平台不让',
    '传照片加微信这个确实不方便，您直接发这里',
    '这边不方便留手机号和微信哈，有事直接在店铺里问',
    // a rhetorical question, a question answered no
    '怎么可能让您加微信呢，平台里聊就好',
    '哪能私下转账呢，都走平台',
    '站外付款？那肯定不行的',
    // advice not to hand it over, the object first
    '银行卡号谁要都不要给',
    '验证码谁问也别说',
    '陌生人要验证码一律别给',
    '登录密码、支付密码、动态码，这几样谁要都别给',
    // the scam named
    '给好评返现金那是骗人的，我们没有',
    '让您把验证码念给他听的，都是诈骗',
    '说好评返钱的都是骗子哦',
    '任何让您转账到“安全账户”的都是骗子',
    '客服绝对不会这样操作，请放心',
    // the buyer's words quoted, then turned down
    '“加我QQ传图吧”——不用加的亲，图片直接发这里就行',
    // the gift not tied to the review
    '小样是满两件就送的，跟好评没关系哦',
    // the reward itself denied
    '喜欢的话欢迎晒个图，没有奖励哈，就是想看看效果',
  ])('「%s」', (draft) => {
    expect(loud(draft)).toEqual([]);
  });
});

describe('evidence of an act aimed at the buyer still holds the send', () => {
  it.each([
    '平台不让私聊，加我vx：abc123',
    '不方便在这说，加我微信吧',
    '咱不走平台，直接转我支付宝',
    '验证码发我一下，别给别人',
    '把验证码发我，谁问都不要给',
    '不要给差评，给你返10块',
    '加不了微信的话加我QQ 12345678',
    '不走平台，私下转账给我打八折',
    '不用走平台，加我微信直接转账',
    '别默认好评，手动打五星返现',
    '不方便的话vx聊也行',
    '能不能帮忙拍几单？钱我提前转你，货不用发',
    '刷单不违规的，咱放心做',
    '你就是骗子',
    // a refusal first, then the handle in the next clause
    '不能加微信，你加我小号 kefu888 吧',
    '微信不方便，加我扣扣 kf2024 就行',
  ])('「%s」 is held', (draft) => {
    expect(held(draft)).toBe(true);
  });
});

describe('a stock term named in a negated clause with no evidence is 建议改 at most', () => {
  it.each(['没听说过什么好评返现', '从没见过谁私下交易', '那个网址是另一家店的，跟我们无关'])('「%s」 is not held', (draft) => {
    expect(held(draft)).toBe(false);
  });
});
