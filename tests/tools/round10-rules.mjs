#!/usr/bin/env node
/**
 * The default rules written from round 10's misses (#31, task gtune3: round 10 was scored once as held back and then
 * retired into tune), by `node tests/tools/round10-rules.mjs` (idempotent like round9-rules.mjs: each rule replaced
 * by id, a new one after the last rule of its category). Run `node tests/tools/rule-history.mjs` after it. Tuned on
 * three quarters of round 10; the fourth (the dev quarter, tests/tools/dev-split.ts) was not looked at. Each rule is
 * a family of wordings, not a sentence:
 *
 * - WORDS: the vocabulary round 10 paraphrased by category (contempt and put-downs, trading past the platform,
 *   rewards with a condition, codes read out from a text message, card details, another buyer's name and address,
 *   blame-shifting), as terms and near rules.
 * - EVASIONS (ids ending -sound, -mixed, -latin, -initials: never talked down by the model, judge.ts): sound-alikes
 *   of 最 / 保证 / 好评 / 返现 / 电话 / 转账 beside what makes them a claim, promise or reward; 验证码 / 身份证 /
 *   银行卡 with characters typed as their pinyin initial (y证码, 身份z, yhk); NO.1 and 第1 in Latin and digits;
 *   initials of insults and brush-offs (nc, zz, nt, 2b, gun; bgwg) where they stand as a word.
 */
import { allowIn, ruleOf, writeRules } from './rule-writer.mjs';

const SOURCE = 'round 10 (#31, retired into tune): tests/tools/round10-rules.mjs, tuned on three quarters of tests/fixtures/guard/round10.tsv';
const rule = ruleOf(SOURCE);
/** Every joining of one word from each list, in order. */
const product = (...lists) => lists.reduce((acc, list) => acc.flatMap((a) => list.map((b) => a + b)), ['']);

const POLITE = '（请礼貌沟通）';
const OFF = '请在平台内沟通和下单，交易更有保障';
const REVIEW = '（不能以奖励换评价，也不能刷单，请去掉）';
const PRIVATE = '您的账户和证件信息请妥善保管，不要告诉任何人';
const CLAIM = '（像是绝对化用语：换成可证明的具体描述）';
const PROMISE = '（像是无法兑现的承诺：说清条件，不要打包票）';
const TABOO = '这个问题我帮您确认一下，请稍等';
const AMOUNT = '[0-9一二三四五六七八九十两几]+(?:元|块|毛)';

const RULES = [
  rule('abuse-r10-words', 'abuse', 'block', POLITE, {
    terms: ['什么玩意', '跟你说话真累', '跟你说话太累', '跟你沟通真累', '和你说话真累', '没见过这么抠', '这么抠的', '抠成这样', '你配吗', '您配吗', '你也配', '你配吃', '你配用', '丢人', '有没有素质', '没素质', '素质真差', '素质太差', '素质真低', '差评师', '神金', '死哪去', '爱死哪', '理解能力也是绝了', '理解能力真差', '理解能力太差', '理解能力有问题', '长点脑子', '长长脑子', '眼光可真高', '衮远', '衮蛋', '衮开', '衮吧', '衮出去', '你这种人不配', '不配当我们', '不配买'],
    allow: ['不丢人', '丢人的事我们不', '没素质的话我们'],
    note: 'Contempt and put-downs round 10 paraphrased (你配吗, 没素质, 丢人, 什么玩意, 理解能力也是绝了, 神金).',
  }),
  rule('abuse-r10-initials', 'abuse', 'block', POLITE, {
    patterns: [
      '(?:是个|真是个|你个|你这个|就是个|你是|你真是)(?:nc|nt|zz|2b|sb|sx)(?![a-z0-9])',
      '(?<![a-z0-9])(?:nc|nt|zz|2b)(?=吧|啊|呀|么|吗|一个|东西)',
      '^(?:nc|nt|zz|2b)(?![a-z0-9]|铅)',
      '(?<![a-z0-9])gun(?![a-z0-9])',
    ],
    cleanNear: ['型号', '款号', '货号', '编号', 'SKU', 'sku', '铅笔'],
    note: 'Insults in initials standing as a word: after 你是 / 是个, before 吧 / 啊, or opening the draft (nc, nt, zz, 2b); gun for 滚.',
  }),
  rule('abuse-r10-mixed', 'abuse', 'block', POLITE, {
    terms: ['脑c', '脑cc', '脑can', 'nao残', '恼残', '智z', 'zhi障', '神j病', 'sj病'],
    allow: ['烦恼残'],
    note: '脑残 / 智障 / 神经病 half in pinyin or by sound (脑c, 恼残, zhi障).',
  }),
  rule('offplatform-r10-words', 'off-platform', 'block', OFF, {
    terms: [
      '不走平台', '别走平台', '绕过平台', '绕开平台', '私下退你', '私下退您', '私下转你', '私下转您', '私下给你', '私下给您', '私下补你', '私下补您', '私下退给',
      ...product(['不用在', '别在', '不必在'], ['店里', '店铺', '平台', '抖店', '淘宝', '拼多多', '京东', '快手', '网上', '这'], ['拍', '下单', '买']),
      '找我拿货', '找我直接发货', '直接找我拿', '找我直接拿',
      ...product(['去', '到'], ['我们', '我家', '咱们', '咱家'], ['淘宝', '京东', '拼多多', '抖音', '快手', '天猫', '另一家', '别的', '其他'], ['店']),
      '加征信', '征信号', '加威',
    ],
    allow: ['加威力', '加威信'],
    note: "Trading past the platform (不走平台, 别在店里拍, 私下退你, 去我们淘宝店拍), and 微 by look or sound after 加 (加徵信, 加威; 加√ and ➕威 are read as 加v and 加威 by normalize.ts).",
  }),
  rule('offplatform-r10-sound', 'off-platform', 'block', OFF, {
    terms: ['留个点话', '点话联系', '点话号', '打点话', '赚账给', '赚账到', '传账给'],
    near: [['卫星'], ['同号', '问我', '找我', '联系', '聊', '加我', '号码']],
    nearWithin: 6,
    note: '电话 / 转账 / 微信 by sound beside what makes them a channel (留个点话, 赚账给你, 卫星同号).',
  }),
  rule('offplatform-r10-pinyin', 'off-platform', 'block', OFF, {
    patterns: ['jia(?:wo|ge|yixia|xia)?(?:weixin|wechat|vx|wx|qq|koukou|dianhua)', 'dianhua(?:haoma|hao|lianxi)?(?![a-z])'],
    note: 'A sentence typed in pinyin (jia wo weixin, gei wo ge dianhua): spaces are taken out, so the words run together.',
  }),
  rule('review-r10-words', 'review-inducement', 'block', REVIEW, {
    terms: ['不评价不返', '不评不返', '不好评不返', '不晒图不返', '评了再返', '评完再返', '评完返', '先评再找我', '先评价再找我', '默认好评不返', '帮忙拍几单', '帮忙拍单', '帮我们拍几单', '帮忙拍两单', '货不用发', '拍完还你', '拍完还给你', '拍完返你', '补单佣金', 'bu单', 'shua单', '刷dan'],
    allow: [],
    note: 'A reward with a condition on the review (不评价不返, 评完返), brushing asked as a favour (帮忙拍几单, 货不用发).',
  }),
  rule('review-r10-change', 'review-inducement', 'block', REVIEW, {
    near: [['一星', '二星', '两星', '三星', '1星', '2星', '3星', '一颗星', '两颗星', '低分', '中差评'], ['改了', '改成', '改掉', '改一下', '改下', '删了', '删掉', '撤了', '撤掉', '撤回', '去掉']],
    nearWithin: 3,
    nearOrdered: true,
    allow: ['一星期', '两星期', '二星期', '三星期'],
    note: 'Asking the buyer to change or remove a low rating (把一星改了).',
  }),
  rule('review-r10-sound', 'review-inducement', 'block', REVIEW, {
    near: [['号评', '好坪', '好p', 'hao评', '豪评', '5⭐', '五⭐', '5🌟', '5★', '五★', '5星', '五星', '5颗星', '五颗星', '晒图', '好评', '追评', '带图'], ['返', '饭现', '反现', '返线', '泛现', '红包', '红苞']],
    nearWithin: 3,
    nearOrdered: true,
    note: '好评 / 五星 by sound or sign beside a reward (号评返3元, 5⭐返2块, 晒图饭现).',
  }),
  rule('review-r10-claim', 'review-inducement', 'block', REVIEW, {
    patterns: [`(?:晒图|追评|好评|带图|评价|五星|5星).{0,12}?(?:找我|找客服|私信我|联系我|联系客服)领(?:取)?(?:${AMOUNT}|红包|现金|返现)?`],
    note: 'A review and then where to collect the reward (晒图满20字，截图找我领5元).',
  }),
  rule('privacy-r10-words', 'privacy', 'block', PRIVATE, {
    terms: ['短信里的码', '短信上的码', '短信里的数字', '短信里的验证', '收到的那串数字', '那串数字发', '那串数字告诉', '那串数字念', '六位数告诉', '六位数直接告诉', '六位数发我', '码念一下', '码念给我', '数字念一下', '数字念给我', '三位安全码', '安全码也发', '安全码也要', '有效期也要', '有效期也发', '卡号后面的有效期', '卡的有效期', '她家地址是', '他家地址是', '她的地址是', '他的地址是', '她的电话是', '他的电话是', '她电话是', '他电话是'],
    allow: [],
    note: 'Codes read out from a text message, card details (安全码, 有效期), another person’s address and phone.',
  }),
  rule('privacy-r10-other-buyer', 'privacy', 'block', '其他买家的信息不能透露，请删掉', {
    near: [['上个买家', '上一个买家', '上个顾客', '上一个顾客', '上一位买家', '上一位顾客', '前一个买家', '别的买家', '其他买家', '另一个顾客'], ['叫', '姓', '名字', '电话', '地址', '手机', '住在']],
    nearWithin: 3,
    nearOrdered: true,
    note: "Another buyer's name or data given out (上个买家叫张丽).",
  }),
  rule('privacy-r10-mixed', 'privacy', 'block', PRIVATE, {
    terms: ['y证码', '验z码', 'yz码', '验证m', 'yan证码', '身份z', 's份证', '身f证', 'sf证', '身份证h', '银行k', 'yh卡', 'yhk'],
    note: '验证码 / 身份证 / 银行卡 with characters typed as their pinyin initial (Latin ends have word boundaries).',
  }),
  rule('absolute-r10-sound', 'absolute-claim', 'warn', CLAIM, {
    terms: ['醉低', '嘴低', '罪低', '醉好的', '嘴好的', '醉便宜', '嘴便宜', '醉划算', '醉实惠', '醉强', '醉火', '醉牛'],
    note: '最 by sound (醉低, 嘴低价, 醉好的).',
  }),
  rule('absolute-r10-latin', 'absolute-claim', 'warn', CLAIM, {
    terms: ['第1名', '排名第1', '榜单第1', '销量第1', '口碑第1', '口碑第一', '榜单第一', '排名第一', '销量第一'],
    cleanNear: ['型号', '款号', '货号', '编号', '尺码', 'SKU', 'sku'],
    note: 'NO.1 / No1 / ＮＯ．１ and 第1 in digits; 第一 after what it ranks (口碑第一, 第 一 with a space).',
  }),
  rule('promise-r10-sound', 'false-promise', 'warn', PROMISE, {
    terms: ['保正', '包正', '保症', '宝证'],
    patterns: ['(?<![a-z0-9])bz(?=正品|能|不|有效|没问题|到|好用|质量|真)'],
    note: '保证 by sound or initials (保正用不坏, bz正品).',
  }),
  rule('promise-r10-delivery', 'false-promise', 'warn', PROMISE, {
    terms: product(['肯定', '一定', '绝对', '百分百', '保证'], ['明天到', '后天到', '今天到', '当天到', '明天能到', '明天就到', '明天送到', '明早到', '能到']),
    note: 'A delivery day promised outright (肯定明天到); a condition or a decline before it is excused (context.ts).',
  }),
  rule('taboo-r10-words', 'service-taboo', 'warn', TABOO, {
    terms: ['不是我们的锅', '不是我的锅', '不背这个锅', '这锅我们不背', '锅不在我们', '8知道', '8清楚', '8晓得', '我咋知道', '我咋晓得', '我哪知道', '鬼知道', '自己翻聊天记录', '自己翻记录', '自己往上翻'],
    patterns: ['(?<![a-z0-9])(?:bgwg|bgws|bgwm|bgwsm|bgwmds)(?![a-z0-9])'],
    note: 'Blame-shifting (不是我们的锅) and 不知道 / 不关我事 in digits and initials (8知道, bgwg).',
  }),
];

// NO.1 (absolute-198) becomes a pattern: No1, no.1, ＮＯ．１ (full width, read as Latin) alike, with a model code's
// words beside it excused; a pattern is a check the model does not talk down (美白界的no.1 was a hint).
const pack = writeRules(RULES, {
  edit(pack) {
    const no1 = pack.rules.find((x) => x.id === 'absolute-198');
    if (no1) {
      no1.terms = [];
      no1.patterns = ['(?<![a-z0-9])no\\.?1(?![0-9])'];
      no1.cleanNear = ['型号', '款号', '货号', '编号', '尺码', 'SKU', 'sku'];
      no1.note = 'Case-insensitive, with or without the dot, full width alike (a pattern on the compact view; a model code beside it is no claim).';
    }
    // Product and feature words holding a channel word (#31 item 2: a flagged word inside a longer everyday word is
    // no hit): a QQ game as a licensed product, a penguin-shaped toy, an item "as seen on 抖音", sharing to WeChat.
    const allow = allowIn(pack);
    allow('offplatform-067', ['QQ飞车', 'qq飞车', 'QQ炫舞', 'qq炫舞', 'QQ堂', 'qq堂', 'QQ宠物', 'qq宠物', 'QQ企鹅', 'qq企鹅']);
    allow('off-platform-nicknames-r4', ['企鹅造型', '企鹅玩偶', '企鹅公仔', '企鹅图案', '企鹅抱枕', '企鹅款', '企鹅形状', '企鹅印花']);
    allow('intent-other-store', ['抖音同款', '快手同款', '小红书同款', '抖音爆款', '抖音上很火', '抖音很火']);
    allow('offplatform-057', ['分享到微信', '分享给微信好友', '分享至微信']);
    allow('offplatform-202', ['微信或朋友圈', '微信和朋友圈', '分享至朋友圈']);
  },
});
console.log(`rules-default.json: ${RULES.length} round-10 rules, ${pack.rules.length} rules in all`);
