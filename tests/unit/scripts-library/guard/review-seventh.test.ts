/**
 * #31, task gfix (seventh session): the bypasses a reviewer found in the gtune7 refusal shapes. A refusal that refuses
 * only "to me / to us" does not close the case while the next clause or sentence hands the data over elsewhere; a
 * negated covering word (别打码, 不用遮) asks for the data whole; the shop paid "after receipt" by anyone but the platform,
 * or through an outside channel, is payment outside; a disowned message offered anyway keeps its hold; a quoted
 * question "declined" by 不急 / 没错 / 没问题 is agreed to; "the platform can't do this" after an offer is the offer's
 * contrast, not a refusal. Each group holds the reviewer's drafts (old guard's severity kept: block where it blocked)
 * and wordings written for this test; none is a corpus draft.
 */
import { describe, expect, it } from 'vitest';
import { judgeDraft } from '../../../../scripts-library/guard/judge';

const loud = (draft: string) => judgeDraft(draft).filter((h) => h.severity !== 'hint').map((h) => `${h.severity} ${h.ruleId}:${h.text}`);
const held = (draft: string) => judgeDraft(draft).some((h) => h.severity === 'block');

const groups: Record<string, { blocked: string[]; warned?: string[] }> = {
  'A. an answer refusing "to me", the next sentence asking again': {
    blocked: [
      '验证码？不用发给我。念出来我帮您填就行。',
      '验证码？不用告诉我。直接填在我发的链接里。',
      '验证码？不用发给我。报给来电的工作人员就行。',
      '银行卡号？不用给我们。写在纸上拍照发来。',
      '银行卡号？不用发我。发到下面这个邮箱。',
      '银行卡号？不需要报给我们。填一下这个表格就行。',
      '微信转账？不用转给我。转给店长就行。',
      '验证码？您自己留着。截个图给我看就行。',
      '验证码？谁要都别给。我这边核对一下就好，截图过来。',
      // written for this test
      '验证码？不用发给我。您输入到我发的网址里就行。',
      '银行卡号？不用告诉我们。写在备注里拍给我。',
      '支付密码？不用报给我。登录我发的页面填一下。',
    ],
    warned: ['身份证号？不用念给我。拍个照片过来。'],
  },
  'B. a hand-over to us refused, then routed elsewhere in the next clause': {
    blocked: [
      '身份证号不用发给我，拍照发到店长那边',
      '身份证号不用发给我，发给物流那边的同事',
      '验证码不用发给我，您念出来我记一下',
      '密码不用告诉我，直接在我发的网页上登录一下',
      // written for this test
      '验证码不用发给我，报给我们售后同事就行',
      '银行卡号不用告诉我，填在我发的链接里',
      '身份证号不用给我们，拍照传到这个网盘',
    ],
  },
  'C. a covering word negated: the data asked for whole': {
    blocked: [
      '密码不打码直接发我',
      '卡号别打码，完整发我',
      '验证码别遮，整张截图发我',
      '验证码不用遮，截图发过来',
      '密码别涂掉，整页拍给我',
      '银行卡号别马赛克，拍清楚发过来',
      // written for this test
      '银行卡号不要打码，拍清楚发过来',
      '身份证号不用遮，拍正反面发我',
    ],
    warned: ['身份证号码不要遮挡，正反面发我', '验证码别打马赛克，截个图发我'],
  },
  'D. "after receipt" payment to the shop with no platform paying, or through an outside channel': {
    blocked: [
      '确认收货后再打款给我们，直接转支付宝就行',
      '确认收货以后才转账给我们，走支付宝',
      '收到货后就付款给我们吧，转支付宝就行',
      '签收了就打款给我们，私下转更快',
      // written for this test
      '确认收货后再转账给我们，微信转就行',
      '签收以后再打款给我们，私下转就行',
      '收到货以后再打款给我们，微信转过来就行',
      '签收了就打款给我们，不走平台的担保交易',
    ],
  },
  'E. a message disowned, then offered anyway': {
    blocked: [
      '加微信的消息不是我发的，不过加了也行',
      '那条加vx的通知不是我发的，您加一下没关系',
      '刷单的链接不是我发的，但一单给您8块',
      '那个返现链接不是我发的，点进去填卡号就能领',
      // written for this test
      '加QQ的通知不是我发的，但加了也没关系',
      '那个刷单链接不是我发的，不过做一单给您5块',
      '返现的短信不是我们发的，但您加微信也能领',
    ],
  },
  'F. a quoted question "declined" by words that agree': {
    blocked: [
      '“验证码能发给你吗”——不急，您现在发我就行',
      '“银行卡号要发给你吗”——没错，发我一下',
      // written for this test
      '“支付密码能告诉你吗”——没问题，告诉我就行',
      '“验证码要发吗”——不用客气，发我一下',
    ],
    warned: ['“身份证号要给你吗”——不急，拍照发我'],
  },
  'G. an offer, then the platform or the price as the subject of "can\'t"': {
    blocked: [
      '私下给你便宜，平台上这样不行',
      '私下给您返20，平台上这个做不了',
      '私下给您便宜点，平台这个价不行',
      // written for this test
      '私下转账给您便宜，平台上这样不行',
      '加微信给您返现，平台上这个办不了',
      '私下交易给您优惠，平台这样不支持',
    ],
  },
  'one-off: "tell nobody" with an exception naming us further on': {
    blocked: ['验证码？谁问都别给，客服小王问除外', '验证码谁问都别说，店里客服小张除外', '验证码跟谁都别讲，我们客服专员问的除外'],
  },
};

for (const [name, { blocked, warned = [] }] of Object.entries(groups)) {
  describe(name, () => {
    it.each(blocked)('「%s」 is held', (draft) => {
      expect(held(draft)).toBe(true);
    });
    if (warned.length)
      it.each(warned)('「%s」 is at least 建议改 (the old guard warned)', (draft) => {
        expect(loud(draft).length).toBeGreaterThan(0);
      });
  });
}

describe('the refusals gtune7 made pass still pass', () => {
  it.each([
    '验证码？您自己留着，谁要都别给。',
    '银行卡号？不用报给我，退款原路返回。',
    '验证码不用报给我哈，下单用不到',
    '手机号不用发给我，下单时填的号码我们这边能看到',
    '发截图前麻烦把卡号遮一下',
    '亲，您的卡号截图里露出来了，建议您打码后再发',
    '这个价格是平台活动价，确认收货后平台才打款给我们',
    '您确认收货后平台才会打款给我们',
    '如果有顾虑，可以走平台的担保交易，货到了您确认才打款给我们',
    '之前那个加微信的消息不是我发的，您别加。',
    '“能保证后天一定到吗”——这个真不敢打包票。',
    '刷单？我们不做的，平台查到要封店的',
  ])('「%s」 is not held', (draft) => {
    expect(held(draft)).toBe(false);
  });
});
