/**
 * Round 12's kinds (task gtune, fifth session): the structure the fix part asked for, on wording that is in no corpus
 * file. A request to the buyer for their data is evidence the model cannot talk down; the shop's own refusals and
 * warnings pass while an evasion inside them still holds the send.
 */
import { describe, expect, it } from 'vitest';
import { judgeDraft } from '../../../../scripts-library/guard/judge';
import { worst } from '../../../helpers/guard-verdicts';

const loud = (draft: string) => judgeDraft(draft).filter((h) => h.severity !== 'hint').map((h) => `${h.ruleId}:${h.text}`);

describe('a request for the buyer’s data holds, whatever the model reads', () => {
  it.each([
    '麻烦您提供下银行卡号和开户行，我们登记一下',
    '您的银行卡号填在这里，财务给您打款',
    '退款需要您提供银行卡号',
  ])('「%s」 is held', (draft) => {
    expect(worst(draft)).toBe('block');
  });

  it.each([
    '我们不会让您提供银行卡号，退款原路返回',
    '请不要提供银行卡号给任何人，退款原路返回',
    '退款会原路退回，无需提供银行卡号',
  ])('a refusal of it, 「%s」, passes', (draft) => {
    expect(loud(draft)).toEqual([]);
  });
});

describe('facts the model read as claims or channels pass', () => {
  it.each([
    '这款收纳箱大小都能放，全家人都适合',
    '老人小孩都能吃，口感偏软',
    '下单时您留的号码是尾号3321的那个吗？',
  ])('「%s」 is neither held nor warned', (draft) => {
    expect(loud(draft)).toEqual([]);
  });

  it.each([
    ['这款是万能的，全家人都能用', 'warn'],
    ['留个手机号给我，方便联系', 'block'],
  ])('a claim word or a request still counts: 「%s」 → %s', (draft, severity) => {
    expect(worst(draft)).toBe(severity);
  });
});

describe('the shop’s refusals and warnings by structure pass', () => {
  it.each([
    '微信转账我们真的不收，麻烦在平台下单',
    '返现、晒图返红包这些我们都不做',
    '好评返现属于违规行为，本店不参与',
    '“加微信领红包”这种都是骗局，请勿相信',
    '有人冒充我们客服让您提供验证码，请勿理会',
    '线下付款没有保障，我们不做',
    '别加我微信，有问题就在这里说',
    '亲，请提供一下收货人电话后四位，核对一下',
  ])('「%s」 is neither held nor warned', (draft) => {
    expect(loud(draft)).toEqual([]);
  });

  it.each([
    '私下转账我们不收的，加我vx kefu888再说',
    '好评返现是真的，加我微信领',
    '支付宝转账不收手续费，直接转我',
    '好评返现不会少您的',
  ])('an evasion or an offer inside such a sentence still holds: 「%s」', (draft) => {
    expect(worst(draft)).toBe('block');
  });
});

describe('brushing holds where the sentence names it; insults of people and brush-offs of a buyer’s loss warn', () => {
  it.each([
    ['直接拍下不用付款，我们补单', 'block'],
    ['拍下先不用付款，算补单，给您结佣金', 'block'],
    ['问这种链接的都是弱智', 'warn'],
    ['您在站外被骗了，这跟我们没关系', 'warn'],
  ])('「%s」 → %s', (draft, severity) => {
    expect(worst(draft)).toBe(severity);
  });

  it.each([
    '拍下不用付款，先用后付，确认收货后再付',
    '这个是去死角的清洁刷，缝隙里也能刷到',
    '建议看加厚款，我把链接发在这里',
    '有空帮忙评价一下呀，没空也完全没关系',
    '不知道这次购物体验怎么样？您的评价我们都会看',
    '网上那种“拍下不用付款，返佣金”的都是骗局，我们从来不做',
  ])('「%s」 is neither held nor warned', (draft) => {
    expect(loud(draft)).toEqual([]);
  });
});

describe('refusals of new shapes (probes written for this, not corpus drafts)', () => {
  it.each([
    '不用给好评返现，我们也不搞这个',
    '线下转账没保障，请勿操作',
    '好评返现属于违规，这个我们不做的',
    '您说要我的手机号，不好意思，我们客服不提供私人号码',
  ])('「%s」 is neither held nor warned', (draft) => {
    expect(loud(draft)).toEqual([]);
  });

  it.each([
    '不要给差评，我给您补偿十块',
    '好评返现不会少您的，截图发我',
    '平台手续费太高，我们不收平台的单，微信转我就行',
  ])('「%s」 still holds', (draft) => {
    expect(worst(draft)).toBe('block');
  });
});

/** Rule families from round 12's fix part (tests/tools/round12-rules.mjs): new wording of each kind. */
describe('round 12 families: unseen wording of the same kind is caught', () => {
  it.each([
    ['false-promise', '放心拍，包你后天到', 'warn'],
    ['false-promise', '不管怎么用坏了都给您包换', 'warn'],
    ['false-promise', '假的话三倍赔给您', 'warn'],
    ['false-promise', 'bao zheng jin tian fa, fang xin', 'warn'],
    ['absolute-claim', '这个茶喝一个月就能瘦十斤', 'warn'],
    ['absolute-claim', '这款膏药跟治颈椎病', 'warn'],
    ['absolute-claim', '这个价已经到底了，全网不可能再低', 'warn'],
    ['off-platform', '您直接去别的平台下单，便宜点', 'block'],
    ['off-platform', '这次运费走个人收款就行', 'block'],
    ['review-inducement', '收到后评好截图找我领五块', 'block'],
    ['review-inducement', '千万不要给中差评呀', 'warn'],
    ['privacy', '那六个数发过来我帮您操作', 'block'],
    ['abuse', '再闹就人肉你', 'block'],
    ['service-taboo', '懒得解释，自己看', 'warn'],
  ])('%s: 「%s」 → %s', (_category, draft, severity) => {
    expect(worst(draft)).toBe(severity);
  });

  it.each(['新款信封包今天到货了', '这款粉底液用两次就知道合不合适', '面包今天到的货，很新鲜', '这款挂烫机可以挂出去晾衣服', '七天无理由退换，放心买'])(
    '「%s」 is neither held nor warned',
    (draft) => {
      expect(loud(draft)).toEqual([]);
    },
  );
});

describe('a 我 opening the next clause is its subject, not the object of the word before the comma', () => {
  it.each(['数量可以再加，我帮您改', '想加一件的话，我给您备注'])('「%s」 is not held', (draft) => {
    expect(worst(draft)).not.toBe('block');
  });
  it.each(['加我，有事好联系', '您先加一下我，我发您图', '大单就走对公转账，我给您打折'])('「%s」 still holds', (draft) => {
    expect(worst(draft)).toBe('block');
  });
});

describe('labels, grades and the shop caring for the buyer’s data (probes, not corpus drafts)', () => {
  it.each([
    '智障人士专用餐具，防滑设计',
    '这款是国家一级能效',
    '百分之百羊毛，标签上有写',
    '刚才那条带银行卡号的消息，建议您撤回',
    '验证码是您登录用的，我们客服永远不会问',
  ])('「%s」 is neither held nor warned', (draft) => {
    expect(loud(draft)).toEqual([]);
  });
  it.each([
    ['你是智障吧', 'block'],
    ['为了您的隐私安全，银行卡号发我核对一下', 'block'],
    ['永远不会坏，放心用', 'warn'],
  ])('「%s」 → %s', (draft, severity) => {
    expect(worst(draft)).toBe(severity);
  });
});

describe('the platform’s own groups and the order’s own numbers (probes, not corpus drafts)', () => {
  it.each(['店铺有粉丝群，在店铺首页点“加入群聊”就能进', '发票号码 04412345，已经开好了', '品牌官方售后电话 400-123-4567，全国联保'])(
    '「%s」 is neither held nor warned',
    (draft) => {
      expect(loud(draft)).toEqual([]);
    },
  );
  it.each(['店铺有粉丝群，扫码加群领红包', '粉丝群在店铺首页，也可以加我微信拉您进群', '发个号码给我'])('「%s」 still holds', (draft) => {
    expect(worst(draft)).toBe('block');
  });
});

describe('not knowing, then finding out for the buyer; a 晒单 is no reward (probes, not corpus drafts)', () => {
  it.each(['这个问题我也不太清楚，我问下技术马上回复您', '我知道了，这就帮您改备注', '晒单有机会被选为精选评价'])('「%s」 is neither held nor warned', (draft) => {
    expect(loud(draft)).toEqual([]);
  });
  it.each(['我不知道，你自己去问快递', '不清楚，我也没办法', '这不是我的问题，现在马上给你安排'])('「%s」 still warns', (draft) => {
    expect(worst(draft)).toBe('warn');
  });
});
