/**
 * #31 item 2 (task gtune): the shop's own refusals and warnings are what an agent should say, and must not be held
 * or warned; the same sentences with a real channel or a request left in them still are. Sentences written for
 * this test, of the kinds round 11 held (the shop's refusals, warnings, a quoted scam, a buyer's request refused).
 */
import { describe, expect, it } from 'vitest';
import { judgeDraft } from '../../../../scripts-library/guard/judge';
import { refusalScope } from '../../../../scripts-library/guard/refusal';

const warned = (draft: string) => judgeDraft(draft).filter((h) => h.severity !== 'hint');
const held = (draft: string) => judgeDraft(draft).filter((h) => h.severity === 'block');
const at = (text: string, words: string) => refusalScope(text, text.indexOf(words), text.indexOf(words) + words.length);

describe('the shop refusing or warning: no 建议改, no 必改', () => {
  it.each([
    // The shop (or the platform) as the one refusing, the negation reaching the hit, a refusal carried on (也不…).
    '我们店从来不刷单，也不找人刷单，有人自称是我们店的请别相信',
    '平台规定不允许站外交易，所以我这边没法给您发微信',
    '退款都在订单页自动处理，我们不需要您提供任何验证码、银行卡号或者支付密码',
    '本店不搞好评返现，您按真实感受评价就行',
    // An imperative warning to the buyer.
    '请勿相信让您加QQ办理退款的短信，那是骗子',
    '千万别把银行卡号和验证码告诉陌生人哦',
    // The buyer's request reported, then refused in the same sentence or the next.
    '您问能不能直接支付宝转账便宜一点，这个真的不行哦',
    '您说想先付定金，剩下的用微信转账。这个我们没法接受，所有款项都要在平台支付。',
    '亲，您说想先付一部分，尾款走支付宝转账。这样我们没法做，请都在平台下单。',
    '您说要我的微信，不好意思平台不允许',
    // What other shops do, disowned; the words as a topic the shop refuses (X我们做不了).
    '有些店会搞好评返现，我们不搞，您放心评价',
    '别的店可能会让您私下转账，我们这边只走平台',
    '不好意思哈，站外交易我们做不了',
    // A quoted scam, disowned after the quote.
    '包裹里那张卡片写着“五星好评返10元，加微信领取”，这不是我们放的，请不要加。',
    '您收到的短信「退款请添加客服QQ办理」不是我们发的，直接删掉就好',
    // The model's clause holding its own refusal; a list continuing the warning (比如…); 给我们 refused.
    '我们是正规店铺，不会私下加买家微信，有问题就在这里说',
    '请不要把订单以外的信息发在聊天里，比如身份证号和银行卡号',
    '亲，不用给我们五星好评换礼品，我们不搞这种',
    // Cautioning the buyer about data they sent: taken back for them, told not to send it.
    '您发来的身份证照片我先帮您撤回了，聊天里别发证件照哦，有泄露风险',
    // The shop saying it will not let the buyer do it, referring back.
    '私下转账出了问题没有任何保障，所以我们不会让您这样做的',
  ])('「%s」 passes', (draft) => {
    expect(warned(draft)).toEqual([]);
  });
});

describe('a real channel or a request inside such a sentence still counts', () => {
  it.each([
    '平台不让加微信，你加我vx kefu888吧',
    '我们这边不走平台直接支付宝转账吧',
    '我们不做刷单，但是五星好评返5元',
    '平台不允许，私下加我微信就行',
    '我们不需要您提供验证码，把银行卡号发我就行',
    '您发来的身份证照片我先帮您撤回了，把身份证号码发我就行',
    '我们这单不走平台，比如银行卡号发我就行',
    '我们这单是补单，不用付款',
    '别的店要30，我们这边加我微信给您25',
    '有的店要加微信，您加我vx kefu888就行',
    // A quote the shop does not disown is an offer.
    '卡片上写着“五星好评返10元，加微信领取”，活动到月底',
    // A handle inside a quoted scam is still a handle.
    '短信“退款请加客服vx kefu888”不是我们发的',
  ])('「%s」 is held', (draft) => {
    expect(held(draft).length).toBeGreaterThan(0);
  });

  it('asking the buyer not to give a bad review is no warning to them', () => {
    expect(warned('千万别给差评，给您返20').length).toBeGreaterThan(0);
  });

  it('evidence in the clause is never excused, a negation elsewhere in the sentence does not reach a hit', () => {
    expect(at('平台不让加微信，你加我vx kefu888吧', 'vx kefu888')).toBe(false);
    expect(at('我们不收运费，好评返现5元', '好评返现')).toBe(false);
    expect(at('别犹豫了好评返现5元', '好评返现')).toBe(false);
    expect(at('不好意思，我们好评返现5元', '好评返现')).toBe(false);
    expect(at('加微信领红包，这个活动不会很久', '加微信')).toBe(false);
    expect(at('本店从不刷单，也不找人刷单', '刷单')).toBe(true);
  });
});

describe('a brush-off word inside a scam warning (service taboo)', () => {
  it('is no brush-off when the sentence warns of a scam or of trading off the platform, and stays one otherwise', () => {
    expect(warned('有顾客收到“加微信返现”的卡片，那是别人塞的，跟我们没关系')).toEqual([]);
    expect(warned('私下转账出了问题谁都管不了，所以我们不会让您这样做的')).toEqual([]);
    expect(warned('快递丢了跟我们没关系，您找快递吧').length).toBeGreaterThan(0);
    expect(warned('这个问题我们管不了，您自己看着办').length).toBeGreaterThan(0);
  });
});
