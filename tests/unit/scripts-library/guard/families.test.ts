/**
 * Rule families written from round 8's misses (tests/tools/round8-rules.mjs): each catches wording of its kind that
 * neither round 8 nor this test's author tuned a rule on, at the severity the category needs (必改 for abuse,
 * privacy, review and off-platform; 建议改 for taboos, claims, promises), and leaves the everyday neighbours alone.
 * The drafts below are not in the corpus.
 */
import { describe, expect, it } from 'vitest';
import { judgeDraft } from '../../../../scripts-library/guard/judge';
import { worst } from '../../../helpers/guard-verdicts';


describe('round 8 families: unseen wording of the same kind is caught', () => {
  it.each([
    // threats, looks, mind
    ['abuse', '你再投诉一次试试，看我怎么收拾你', 'block'],
    ['abuse', '敢给中评你就等着瞧', 'block'],
    ['abuse', '就你这死肥猪的身材还挑', 'block'],
    ['abuse', '你脑袋被驴踢了吧，这都看不懂', 'block'],
    ['abuse', '真是个智帐，说几遍都不懂', 'block'],
    // insults by sound and half in pinyin
    ['abuse', '真是个白迟，这都不会', 'block'],
    ['abuse', 'sha比一个', 'block'],
    // privacy: codes by sound, pinyin, card details, pickup codes, remote control
    ['privacy', '把验症码给我说一下', 'block'],
    ['privacy', '收到的yan证码发过来', 'block'],
    ['privacy', '麻烦把卡号和有效期发一下，退款用', 'block'],
    ['privacy', '提货码发给我，我帮你去取', 'block'],
    ['privacy', '下个软件开远程控制，我帮你弄', 'block'],
    // review: a reward a few words after the review, by sound
    ['review-inducement', '给个好苹，送您两块钱红包', 'block'],
    ['review-inducement', '差评删了的话补您十块', 'block'],
    // off-platform: a wallet by sound, in pinyin
    ['off-platform', '走知付宝转我就行', 'block'],
    ['off-platform', '直接zfb付给我', 'block'],
    // taboo, claim by evasion: the model (never trained on such tricks) does not talk them down
    ['service-taboo', '这个我真的bu知道', 'warn'],
    ['absolute-claim', '这已经是全网zui低价', 'warn'],
    // emoji for the animal or the word (normalize.ts), look-alike letters inside a phone number (numerals.ts)
    ['abuse', '你就是头🐷，看不懂吗', 'block'],
    ['abuse', '傻🐶一个', 'block'],
    ['review-inducement', '5⭐好评返3元', 'block'],
    ['off-platform', '有事打我手机1З9О0139ООО', 'block'],
    ['off-platform', '手机号13900l39ooo打给我', 'block'],
    // a QQ number after QQ / 扣 (spaced, full width, in Chinese numerals); a phone with look-alike letters
    ['off-platform', 'QQ 55667788 加我传图', 'block'],
    ['off-platform', '扣号四四五五六六七七，加一下', 'block'],
    ['off-platform', '号码是1З7О0137ООО', 'block'],
    // the phone as the channel, a card number asked for, another shop of ours on another platform
    ['off-platform', '有事直接打电话找我', 'block'],
    ['privacy', '请提供一下银行卡号，退款要用', 'block'],
    ['off-platform', '去我们抖音上另一家店买，便宜', 'block'],
  ])('%s: 「%s」 → %s', (_category, draft, severity) => {
    expect(worst(draft)).toBe(severity);
  });
});

describe('round 8 families: the everyday neighbours pass', () => {
  it.each([
    '工厂补单中，预计下周到货',
    '这款在做任务领的券也能用',
    '纸张是加厚的，不透墨',
    '这边先下单，我们今天就发',
    '您的快递已到驿站，取件码会短信发给您',
    '您把卡号发给平台客服核实即可，我们不需要',
    '收拾东西的时候小心点，玻璃的',
    '全家人都能用，大容量',
    '如果问题解决了，您看方便的话改好评',
    '好评我们不会送红包，如实评价就好',
    '我们不会远程操作您的手机',
    '🐶狗粮试吃装已经放进包裹了',
    '订单号SO20231207001已发货',
    '给您⭐⭐⭐⭐⭐的服务',
    '订单号55667788，已经发出',
    '退款会原路退回，无需提供银行卡号',
    'QQ糖口味有草莓和葡萄',
  ])('「%s」 is neither held nor warned', (draft) => {
    expect(judgeDraft(draft).filter((h) => h.severity !== 'hint').map((h) => `${h.ruleId}:${h.text}`)).toEqual([]);
  });
});

/**
 * Rule families and normalisation written from round 10's misses (tests/tools/round10-rules.mjs, normalize.ts): new
 * wording of each kind, not round 10's sentences.
 */
describe('round 10 families: unseen wording of the same kind is caught', () => {
  it.each([
    ['abuse', '就这还想要优惠，你也配', 'block'],
    ['abuse', '一点素质都没有，没素质', 'block'],
    ['abuse', '退个运费也墨迹，丢人', 'block'],
    ['abuse', '你是个zz吧', 'block'],
    ['abuse', '自己不看详情页，nt吧', 'block'],
    ['off-platform', '以后下单不走平台了，直接转我', 'block'],
    ['off-platform', '别在拼多多拍了，我这边直接给你发', 'block'],
    ['off-platform', '加√，给你发图', 'block'],
    ['off-platform', '有事➕威，回复快', 'block'],
    ['off-platform', '方便的话留个点话给我', 'block'],
    ['review-inducement', '不晒图不返哦', 'block'],
    ['review-inducement', '五⭐返三块', 'block'],
    ['review-inducement', '把两星改掉，我给你补十块', 'block'],
    ['privacy', '短信里的验证码念给我听一下', 'block'],
    ['privacy', '上一个顾客叫王芳，你可以问她', 'block'],
    ['privacy', '把yz码告诉我', 'block'],
    ['absolute-claim', '这是我们家醉便宜的一款', 'warn'],
    ['absolute-claim', '全网销量第1的款', 'warn'],
    ['false-promise', '保正不起球', 'warn'],
    ['false-promise', '今天发，肯定后天到', 'warn'],
    ['service-taboo', '磨损是物流造成的，不是我的锅', 'warn'],
  ])('%s: 「%s」 → %s', (_category, draft, severity) => {
    expect(worst(draft)).toBe(severity);
  });
});

describe('round 10 families: the everyday neighbours pass', () => {
  it.each([
    '2B铅笔一盒十二支',
    '这一星期改了两次地址，以最后一次为准',
    '√ 正品保障 √ 七天无理由退换',
    'V领的，显瘦',
    '买两件➕5元换购收纳袋',
    '我们店里没有好评返现，有人这么说都是假的',
    '我们不做刷单，也不会请人帮忙拍单冲销量',
    '您上传的图片里能看到身份证号，为了保护您的隐私，请您删除后重新上传',
    '您的收货地址是滨江路88号吗',
    '不能保证明天到，一般两到三天',
    '在店铺首页领券，下单更划算',
  ])('「%s」 is neither held nor warned', (draft) => {
    expect(judgeDraft(draft).filter((h) => h.severity !== 'hint').map((h) => `${h.ruleId}:${h.text}`)).toEqual([]);
  });
});
