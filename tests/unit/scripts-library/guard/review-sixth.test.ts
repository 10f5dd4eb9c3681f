/**
 * A reviewer's drafts against the "hold only on evidence of an act aimed at the buyer" change (#31, task gfix): a
 * reward or a channel offered in the same sentence as a disowning tail, a negation of the agent's honesty, a fallback
 * channel after a condition, "tell nobody — except us", the buyer's conduct called a scam, a rhetorical negation —
 * still held; a refusal with a "contact me here" clause or a denied reward is not.
 */
import { describe, expect, it } from 'vitest';
import { judgeDraft } from '../../../../scripts-library/guard/judge';

const worst = (d: string) => judgeDraft(d).reduce((w, h) => (h.severity === 'block' ? 'block' : h.severity === 'warn' && w !== 'block' ? 'warn' : w), 'none' as string);

describe('a tail clause excuses only what is reported or refused, not what the sentence offers', () => {
  it.each([
    '收到货给五星就送您一个红包，这个跟评价没关系哈',
    '好评晒图送您一张二十的无门槛红包，跟评价无关哈',
    '晒图五星返红包，跟好评没关系',
    '您加下店长微信领赠品，跟我们店没关系哈',
    '闲鱼上同款更便宜，跟咱们店没关系哈',
    '闲鱼搜我们店名更便宜，跟我们店无关哈',
    '拼多多上我们还有个店更便宜，跟本店无关的哦',
    '老板私人微信也能下单，跟我们店无关的',
    '下单后微信扫码付款，跟我们无关哈',
  ])('%s', (d) => {
    expect(worst(d)).toBe('block');
  });
});

describe('a negation of the agent\'s honesty or manner does not negate the act', () => {
  it.each([
    '不骗人好评返现马上到账',
    '真没骗您私下转账能省二十',
    '真没骗您微信转账能省二十',
    '没开玩笑好评返现真的有',
    '不麻烦您跑一趟把验证码念一下',
  ])('%s', (d) => {
    expect(worst(d)).toBe('block');
  });
});

describe('"no X, but Y" offers Y', () => {
  it.each([
    '没有好评返现这一说，不过晒图的宝宝会收到一份惊喜',
    '没有好评返现这回事，不过五星的宝宝有惊喜',
    '不敢说返现，懂的都懂，五星后联系客服',
  ])('%s', (d) => {
    expect(worst(d)).toBe('block');
  });
});

describe('a condition with a fallback channel is read before "cannot"', () => {
  it.each([
    '微信加不了的话，您搜手机号',
  ])('%s', (d) => {
    expect(worst(d)).toBe('block');
  });
  it.each([
    '不走私下交易的话就没这个价了',
    '不用线下交易的话价格要贵一倍哦',
  ])('%s is at least 建议改', (d) => {
    expect(['warn', 'block']).toContain(worst(d));
  });
});

describe('"tell nobody — except us" asks for it', () => {
  it.each([
    '验证码谁问都不要说，除了咱们客服',
    '验证码一律不要给外人，客服核对时报一下',
    '短信码谁问都别给，客服除外',
    '验证码别告诉别人，只告诉客服就行',
    '短信验证码千万不要转发别人，转发客服就行',
  ])('%s', (d) => {
    expect(worst(d)).toBe('block');
  });
});

describe('"…的都是骗子" about the buyer\'s own conduct insults buyers', () => {
  it.each([
    '给差评的都是骗子',
    '拿了货说没收到的人都是骗子吧',
  ])('%s', (d) => {
    expect(worst(d)).toBe('block');
  });
  it.each([
    '申请仅退款的都是骗子，懂？',
    '要退款不退货的都是骗子',
    '天天催物流的都是骗子',
    '说没收到货的都是骗子',
  ])('%s is at least 建议改', (d) => {
    expect(['warn', 'block']).toContain(worst(d));
  });
});

describe('您 as well as 你', () => {
  it('亲，您好，您这智商就别网购了 is at least 建议改', () => {
    expect(['warn', 'block']).toContain(worst('亲，您好，您这智商就别网购了'));
  });
});

describe('a double or rhetorical negation affirms', () => {
  it.each([
    '怎么会没有返现呢，好评截图留着',
    '好评哪能不返现呢',
    '哪有好评不返现的，亲放心',
    '怎么会不返现呢，晒图五星就行',
    '您不能不加微信哦，不然没法发货',
    '不可以不加微信的哦',
    '咱不能不给您返现呀',
  ])('%s is at least 建议改', (d) => {
    expect(['warn', 'block']).toContain(worst(d));
  });
});

describe('other gaps', () => {
  it('刷单是违规的，不过我们有渠道，放心 is at least 建议改', () => {
    expect(['warn', 'block']).toContain(worst('刷单是违规的，不过我们有渠道，放心'));
  });
  // Once open (no rule's term in them, the model alone read them clean or excused): round 14's families catch them
  // (tests/tools/round14-rules.mjs: a fallback channel, a code asked where to put it, a password to log in with, the
  // buyer's data held over them, an order placed for pay).
  it.each([
    '私下转不了的话，换支付宝也行',
    '不给好评的话，你的地址电话我们可都有',
    '不用担心，把短信里的六位数字回复在这里即可',
    '密码不会泄露的，您说一下我帮您登录',
    '不发货的单子，帮忙拍一下，辛苦费照付',
    '不用真的收货，拍下确认就行，本金当天退',
  ])('%s is at least 建议改', (d) => {
    expect(['warn', 'block']).toContain(worst(d));
  });
});

describe('innocent replies are not held', () => {
  it.each([
    '不方便留电话和微信哈，有事在这里找我',
    '我们不走支付宝转账，有问题发我订单号',
    '不走支付宝转账，订单号发我看看',
    '亲，晒图评价没有奖励的，谢谢您的支持',
    '您转给我们的运费已经原路退回',
    '亲，您转账给我们的钱已经退回，请查收200元',
    '这个骗子说的加他微信领补偿，千万别加',
    '私下交易没有保障，您有需要直接跟我说',
    '上次您微信问的那个问题，我在这里回复您',
  ])('%s', (d) => {
    expect(worst(d)).not.toBe('block');
  });
});
