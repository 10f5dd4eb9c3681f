#!/usr/bin/env node
/**
 * The default rules written from round 12's misses (#31, task gtune, fifth session: round 12 was scored once as held
 * back and then retired into tune), by `node tests/tools/round12-rules.mjs` (idempotent like round11-rules.mjs: each
 * rule replaced by id, a new one after the last rule of its category). Run `npm run rules:history` after it. Tuned on
 * three quarters of round 12; the fourth (the dev quarter, tests/tools/dev-split.ts) was not looked at. Each rule is a
 * family of wordings, not a sentence:
 *
 * - false promises: delivery promised outright (包您明天到, 现在拍今晚就到), returns and replacements with no limit
 *   (一年内随便退, 不管用多久坏了都换新), double or full money back (双倍赔, 100%退款), 保证 / 绝对正品 in pinyin
 *   and initials, 饱证 by sound;
 * - absolute claims: an effect promised after a few uses (吃了就能瘦, 喷一次就好, 用两周就能祛斑, 洗三次白头发变黑), curing
 *   a disease (治愈, 跟治, 癌症…好转, 比医院开的药还管用), the price at its floor (价格到底, 不可能再低), 最低 in pinyin;
 * - off-platform: buying on another platform (去隔壁平台拍), personal collection (走个人收款, 线下给我), the agent's own
 *   number (我把号码发你, 咱们电话里讲), money sent by wallet (我用支付宝给你转过去), look-alikes of 微信 as an evasion;
 * - review: a reward collected with a screenshot (评完截图找我领钱, 五星截图换), pushing sales (冲一下销量), pleading
 *   against a bad review (千万别给差评), a threat over one (不给好评就别来, 给了中差评就不发赠品), demanding a good one
 *   (必须带图好评, 只写好的), 好平 by sound;
 * - abuse: threats (人肉你, 打断你的腿, 把你挂出去, 等着被挂, 砍你; 挂出去 alone is how clothes dry), insults (够贱, 草泥马, 跟💩一样 read as 跟屎一样,
 *   qu si in pinyin);
 * - privacy: a code asked for by its length (那六个数念给我, 六位数，发过来), a password asked of the buyer (你的密码是多少, 账号MM给我; a product's factory password is no such thing),
 *   another buyer's or a third person's data (上一位买家住在…, 给你差评的那个人叫…, 你前任的地址);
 * - service taboos: 懒得解释, 烦屎了, pinyin brush-offs (mei ban fa, ni qu tou su).
 * The allow contexts added to older rules are everyday words holding their terms (去死角, 去死皮, 加厚款, 没空也) and the
 * buyer's own number on the order (您留的收件号码); 发 of 发票 / 发货 is no sending (发票号码 04412345).
 */
import { allowIn, ruleOf, writeRules } from './rule-writer.mjs';

const SOURCE = 'round 12 (#31, retired into tune): tests/tools/round12-rules.mjs, tuned on three quarters of tests/fixtures/guard/round12.tsv';
const rule = ruleOf(SOURCE);
const POLITE = '（请礼貌沟通）';
const OFF = '请在平台内沟通和下单，交易更有保障';
const REVIEW = '（不能以奖励换评价，也不能刷单，请去掉）';
const PROMISE = '（说清条件，不要打包票）';
const CLAIM = '（换成可证明的具体描述，不要承诺疗效）';
const PRIVATE = '（不能索要或透露账户、验证码和他人信息）';

const RULES = [
  rule('promise-r12-words', 'false-promise', 'warn', PROMISE, {
    terms: ['双倍赔', '三倍赔', '十倍赔', '双倍退', '随便退', '随便换', '随时无理由', '用坏包换', '坏了包换', '饱证', '绝怼'],
    patterns: [
      '包(?:您|你)(?:明天|今天|当天|今晚|后天)(?:就)?(?:到|送到|能到)',
      '(?:^|[，,。！!？?；;\\s]|放心|保证|肯定)包(?:明天|今天|当天|今晚|后天)(?:就)?(?:到|送到|能到)',
      '(?:现在|今天|马上)拍[^，,。！!？?；;]{0,3}?(?:今晚|今天|明天)(?:就|一定|肯定)(?:到|能到|送到)',
      '不管(?:用多久|怎么用|用了多久|什么原因)[^，,。！!？?；;]{0,8}?(?:换新|包换|包退|退)',
      '(?:100|百分之一?百|壹佰) ?[%％]? ?(?:退款|包退|不会坏|不会坏掉)',
    ],
    allow: ['七天无理由', '7天无理由'],
    note: 'Delivery, returns and money back promised with no condition (包您明天到, 一年内随便退, 双倍赔, 100%退款), 饱证 / 绝怼 by sound.',
  }),
  rule('promise-r12-pinyin', 'false-promise', 'warn', PROMISE, {
    patterns: ['baozheng(?:mingtian|jintian|houtian|dao|meiwenti|zhengpin|buhui)', 'jueduizhengpin', '(?<![a-z])bz(?:mwt|zp|dd)'],
    note: '保证 / 绝对正品 typed in pinyin or initials (bao zheng ming tian dao, bzmwt = 保证没问题). Patterns read the compact view (no spaces or marks), so the pinyin runs together.',
  }),
  rule('absolute-r12-effect', 'absolute-claim', 'warn', CLAIM, {
    patterns: [
      '(?:[吃喝用洗喷贴涂抹敷戴泡]|坚持)[^，,。！!？?；;]{0,6}?(?:就能|就会|就|能|都)(?:瘦|减肥|掉秤|祛斑|去斑|淡斑|变白|变黑|长高|生发|治愈|根治|痊愈|治好|好转|好了|断根)',
      '(?:[吃喝用洗喷贴涂抹敷戴泡])[一二两三四五六七八九十几\\d]+(?:次|天|周|个月|瓶|盒)[^，,。！!？?；;]{0,6}?(?:就好|就能好|就瘦|变黑|长高|祛斑|痊愈|断根)',
      '比(?:医院|医生|药店|处方)[^，,。！!？?；;]{0,6}?(?:管用|有效|好使|强)',
    ],
    terms: ['治愈', '跟治', '癌症病人吃了', '价格到底', '不可能再低', '没有更低', '全网不可能'],
    allow: ['治愈系'],
    note: 'An effect promised after a few uses (吃了就能瘦, 喷一次就好, 用两周就能祛斑), curing (治愈, 跟治 by sound), better than medicine, the price at its floor.',
  }),
  rule('absolute-r12-pinyin', 'absolute-claim', 'warn', CLAIM, {
    patterns: ['(?:quanwang)?zui(?:di|pianyi)jia', 'quanwangzui(?:di|hao|pianyi)', 'genzhi'],
    note: '最低价 / 根治 typed in pinyin (quan wang zui di jia, genzhi).',
  }),
  rule('offplatform-r12-words', 'off-platform', 'block', OFF, {
    terms: ['个人收款', '私人收款', '走对公转账', '线下给我', '线下付给我', '线下转给我', '我把号码发你', '我的号码发你', '咱们电话里', '我们电话里', '电话里聊吧'],
    near: [['去', '到'], ['隔壁平台', '隔壁店', '别的平台', '其他平台', '另一个平台'], ['拍', '买', '下单']],
    nearWithin: 8,
    nearOrdered: true,
    note: 'Buying on another platform (去隔壁平台拍), collecting money personally (走个人收款, 线下给我), the agent’s own number (我把号码发你, 咱们电话里讲).',
  }),
  rule('offplatform-r12-wallet', 'off-platform', 'block', OFF, {
    near: [['我用', '我拿', '用我的'], ['支付宝', '微信', 'zfb', 'vx'], ['给你转', '给您转', '转给你', '转给您', '转过去', '打给你']],
    nearWithin: 10,
    nearOrdered: true,
    note: 'Money sent from the agent’s own wallet (退款我用支付宝直接给你转过去): a refund off the platform.',
  }),
  rule('offplatform-r12-lookalike', 'off-platform', 'block', OFF, {
    allow: ['安徽信'],
    terms: ['徽信', '徽信号', '徴信', '嶶信', '溦信', '微伩', '微訫'],
    note: 'Look-alikes of 微信 (徽信, 嶶信): an evasion (-lookalike), never talked down by the model.',
  }),
  rule('review-r12-screenshot', 'review-inducement', 'block', REVIEW, {
    near: [['评完', '评好', '好评', '五星', '评价', '晒图', '追评', '好平'], ['截图'], ['领', '换', '找我', '找客服']],
    nearWithin: 8,
    nearOrdered: true,
    terms: ['冲一下销量', '冲下销量', '冲一波销量', '冲点销量', '帮忙冲销量', '帮忙冲量'],
    note: 'A reward collected with a screenshot of the review (评完截图找我领钱, 五星截图换一包湿巾), pushing sales (冲一下销量).',
  }),
  rule('review-r12-sound', 'review-inducement', 'block', REVIEW, {
    patterns: ['好[平苹凭]\\s*(?:红包|返|领)'],
    note: '好评 by sound beside a reward (好平🧧领取: the red packet emoji is read as 红包).',
  }),
  rule('review-r12-pressure', 'review-inducement', 'warn', '（评价请买家如实写，不要施压）', {
    terms: ['必须好评', '必须带图好评', '必须给好评', '必须五星', '只写好的', '只写好评', '不好的私下', '差的私下'],
    patterns: ['(?:千万|求求|拜托)[^，,。！!？?；;]{0,3}?(?:别|不要)(?:给|打)?(?:个)?(?:差评|中评|中差评)'],
    near: [['不给好评', '不给五星', '给了差评', '给了中差评', '给差评', '给中差评'], ['就别来', '就不发', '就不给', '就不卖', '就拉黑', '就不送', '别来']],
    nearWithin: 12,
    nearOrdered: true,
    note: 'Pressing for a review: pleading (千万别给差评), threatening (不给好评就别来, 给了中差评就不发赠品), demanding (必须带图好评, 只写好的).',
  }),
  rule('abuse-r12-threats', 'abuse', 'block', POLITE, {
    terms: ['人肉你', '人肉您', '打断你的腿', '打断你腿', '把你挂出去', '把您挂出去', '把你信息挂出去', '把你的信息挂出去', '挂到网上', '等着被挂', '砍你', '砍死你', '找人上门跟你', '上门跟你聊聊', '够贱', '草泥马', '艹泥马', '跟屎一样', '像屎一样'],
    patterns: ['qusi(?:ba|ne)'],
    allow: ['挂出去晾', '挂出去晒'],
    note: 'Threats (人肉你, 打断你的腿, 把你信息挂出去, 🔪你 read as 砍你) and insults (够贱, 草泥马, 跟💩一样 read as 跟屎一样, qu si ba ni).',
  }),
  rule('privacy-r12-ask', 'privacy', 'block', PRIVATE, {
    near: [['六位数', '六个数', '6位数', '那串数', '四位数', '那几个数', '那个数字'], ['发过来', '发我', '发给我', '念给我', '念一下', '告诉我', '报一下', '说一下']],
    nearWithin: 10,
    nearOrdered: true,
    patterns: ['(?:你|您|你的|您的)[^，,。！!？?；;]{0,6}?密码(?:是)?多少(?!位)', '(?<!初始|后台|出厂|默认|Wi-Fi|WiFi|wifi|无线)密码(?:是)?多少(?!位)[？?]?(?:发|告诉|给)', '(?:账号|帐号)?\\s*(?<![a-z])mm(?![a-z])\\s*(?:给我|发我|多少|告诉我)'],
    note: 'A code asked for by its length (那六个数念给我), a password asked for (密码是多少, 账号MM给我).',
  }),
  rule('privacy-r12-others', 'privacy', 'warn', PRIVATE, {
    near: [['上一位买家', '上个买家', '上一个买家', '那位姐姐', '那位大哥', '给你差评的', '给您差评的', '差评的那个', '你前任', '您前任', '您邻居的', '你邻居的', '别的买家', '其他买家'], ['住在', '地址', '电话', '手机', '叫', '单号', '订单', '名字']],
    nearWithin: 10,
    nearOrdered: true,
    note: 'Another buyer’s or a third person’s data told (给你差评的那个人叫…, 用你前任的地址, 那位姐姐的快递单号).',
  }),
  rule('taboo-r12-words', 'service-taboo', 'warn', '我帮您确认一下，请稍等', {
    terms: ['懒得解释', '烦屎了', '烦屎'],
    patterns: ['meibanfa', 'niqutousu'],
    note: 'Brush-offs (懒得解释, 烦屎了 by sound, mei ban fa, ni qu tou su in pinyin).',
  }),
];

writeRules(RULES, {
  edit(pack) {
    const allow = allowIn(pack);
    // Everyday words holding a term: a cleaning brush's 去死角, a beauty 去死皮, 加厚款, a buyer's 没空也没关系.
    allow('abuse-128', ['去死角', '去死皮']);
    allow('abuse-r4', ['去死角', '去死皮']);
    allow('intent-add-me', ['加厚', '加绒', '加长', '加大', '加宽', '加高', '加急', '加购']);
    allow('taboo-rules-r4', ['没空也']);
    // 智障人士 names people a product is made for (智障人士专用餐具), no insult.
    allow('abuse-203', ['智障人士', '智障儿童']);
    allow('abuse-r4', ['智障人士', '智障儿童']);
    // The number the buyer left on the order (是您留的收件号码吗) is the order's, not a channel asked for.
    allow('intent-leave-number', ['留的', '发票', '发货', '发件']);
    // 徽信 is a look-alike: moved to offplatform-r12-lookalike, an evasion rule the model does not talk down.
    const homophones = pack.rules.find((x) => x.id === 'offplatform-063');
    if (homophones) homophones.terms = homophones.terms.filter((t) => !t.startsWith('徽信'));
  },
});
