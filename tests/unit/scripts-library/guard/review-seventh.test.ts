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
import { held, loud } from '../../../helpers/guard-verdicts';


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

describe('bypasses the old guard had too, closed by the same structure', () => {
  it.each([
    '为了您的账户安全，请把验证码发我帮您核实',
    '验证码谁问都别给，我这边核实用一下没关系',
    '银行卡号不用告诉我们，填到我发的表格里',
    '银行卡密码不用发给客服，填到退款表里',
    '私下转账我们不收，支付宝也行',
    '加微信领券的短信不是我们发的，不过您加了也能领',
    '返现？没有。好评截图发我就行，你懂的。',
    '“晒图给红包吗”——没错，给10元',
    '“刷单给佣金吗”——不多，一单5块',
    // written for this test
    '为了安全起见，麻烦把验证码发我核对一下',
    '验证码别告诉别人，我这边登记用一下就好',
    '银行卡号不用发给我们，写在我发的表格里',
    '私下交易我们不做，微信转账也可以',
    '加微信返现的短信不是我们发的，不过加一下也能领',
    '返现？没有的。晒图截图发我就行，您懂的。',
    '“晒图有红包吗”——没错，给8元',
    '“私下交易能便宜吗”——没问题，一单便宜20元',
  ])('「%s」 is held', (draft) => {
    expect(held(draft)).toBe(true);
  });
  it.todo('密码只有您自己知道，所以麻烦您告诉我一下 — no rule names a bare 密码; only the model reads it, as a hint');
  it.todo('密码？不用告诉我。在我发的链接里输入就行。 / 密码？不用给我们的。您登录后把页面截图发来。 — bare 密码, no rule hit to keep');
  it.todo('“密码是多少呢”——不着急，您告诉我就行 — bare 密码 again: nothing but the model sees it');
  it.todo('微信付款？不用付给我们。直接转给店长支付宝就行。 — no rule names 微信付款 or 转给店长; the model reads it as a hint');
  it.todo('截图别打码，卡号密码都要看得清 — no rule hit on 卡号密码 (a negated covering word now keeps a 银行卡号 hit)');
  it.todo('刷单我们不做这个，只做补单，一单给您10块 — no rule hits 刷单 alone here; the refusal-then-pay check waits for one');
  it.todo('温馨提醒，退款一律是加微信办理 — 提醒 in WARNED excuses it; taking it out needs a look at the drafts that rely on it');
});

describe('innocent replies the reviewer found held, when the structure says so', () => {
  it.each([
    '您说的那个微信号不是我们的，千万别加，可能是骗子',
    '那个加微信的是骗子，您别理，我们从来不会让您加微信',
    '之前有人给您发短信说退款要验证码，那都是诈骗，请不要回复',
    '验证码？千万别给任何人，包括自称客服的',
    '加微信？不好意思，我们只在平台内沟通哈',
    '要加QQ？我们没有QQ的，有问题这里留言就行',
    '之前那个让您加QQ的消息不是我发的，请以平台消息为准',
    // written for this test
    '那个自称客服的微信号不是我们的，千万别加，八成是骗子',
    '那个发链接的是骗子，您别理，我们不会发这种链接',
    '之前有人给您发短信要验证码，那都是诈骗，请别理会',
    '验证码？千万不要告诉任何人，包括自称平台的',
    '加QQ？抱歉，我们只在店铺里沟通哦',
    '要加微信？我们没有微信的，有事这里留言就好',
    '那条让您加微信的短信不是我发的，请以平台通知为准',
  ])('「%s」 is neither held nor warned', (draft) => {
    expect(loud(draft)).toEqual([]);
  });
  it.each(['那条让您加微信的短信不是我发的，不过加了也没事', '验证码？千万别给任何人，除了我', '加QQ？我们只在平台沟通，不过可以加我小号'])('「%s」 is held', (draft) => {
    expect(held(draft)).toBe(true);
  });
  it.todo('亲，返现活动我们没有，赠品是下单就送的，跟评价没关系 — 返 in the refused clause counts as an offer (OFFERS); needs the refused clause taken out first');
  it.todo('您是问能不能保证明天到吗？这个我不敢打包票，一般2-3天 — a promise rule on a reported question is not read by the refusal scopes');
  it.todo('不存在的，我们家没有隐藏优惠券，页面上的就是全部了 — the model\'s absolute-claim read, no structure to excuse it');
  it.todo('这个真没办法，系统限制，抱歉 — arguably a brush-off; left as a warning');
});
