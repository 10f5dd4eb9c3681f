#!/usr/bin/env node
/**
 * Round 9's default rules (#31 item 7), written into scripts-library/packs/rules-default.json by
 * `node tests/tools/round9-rules.mjs` (idempotent: each rule is replaced by id, a new one goes after the last rule of
 * its category). Run `npm run rules:history` after it. Two kinds:
 *
 * - GENERATED, the channel words by sound and by look. 微信 is written as any character read `wei` followed by any
 *   read `xin`, among the 3,755 GB2312 level-1 characters (the common ones) as pinyin-pro reads them, plus the
 *   level-2 characters that are common in names (薇 鑫 馨 昕 歆) and the look-alikes (徽 溦 嶶 for 微, 伩 訫 亻言
 *   for 信). Most such pairs are no word at all and are a hit on their own (SOUND_ALONE); the pairs that are
 *   words or run across words in ordinary text (维新, 唯心, 违心; 为 / 位 / 未 / 味 … before 信 / 欣 / 芯 …) are a hit
 *   only beside a contact word (加, 我的, 号, 聊, 找我 …: SOUND_WITH_CONTACT, near rules), and 为 / 位 / 未 … before 新 or
 *   心 (每位新顾客, 作为新会员, 口味新鲜) never. 扣扣 likewise (抠抠, 寇扣, 叩叩; 口口 and 扣口 are words).
 * - WRITTEN, the vocabulary of the seeds' taboo lists round 9 paraphrased (and round 7's misses, retired into tune
 *   by #31), by category, each rule a family of
 *   wordings rather than one sentence, with Latin initials as patterns (word boundaries; a model code such as
 *   SB-200 or HP1020 is no hit: a digit may not follow).
 */
import { bySound, chunks, ruleOf, writeRules } from './rule-writer.mjs';

const SOURCE = 'round 9 (#31 item 7): tests/tools/round9-rules.mjs, tuned on tests/fixtures/guard/round9-tune.tsv';

const sounds = bySound();
const WEI = [...sounds.get('wei'), '薇', '徽', '溦', '嶶'];
const XIN = [...sounds.get('xin'), '鑫', '馨', '昕', '歆', '伩', '訫', '亻言'];
/** Characters read `wei` that stand before 新 / 心 / 信 … in ordinary words (作为, 每位, 口味, 范围, 委托…). */
const WEI_COMMON = new Set(['为', '位', '未', '味', '围', '委', '尾', '谓', '卫', '喂', '畏', '胃', '慰', '伪']);
/** Pairs that are words (or common across words) even with the other characters. */
const WORDS = new Set(['维新', '唯心', '违心', '唯新', '惟新', '惟心', '微信', '威信']);
const everyday = (pair) => WEI_COMMON.has(pair[0]) || WORDS.has(pair);

const pairs = WEI.flatMap((w) => XIN.map((x) => w + x));
const alone = pairs.filter((p) => !everyday(p));
// Beside a contact word only: the words, and the common characters before the rarer xin (never 新 / 心).
const withContact = pairs.filter((p) => everyday(p) && p !== '微信' && p !== '威信' && !(WEI_COMMON.has(p[0]) && (p.endsWith('新') || p.endsWith('心'))));
const KOU = ['扣', '抠', '寇', '口', '叩', '蔻', '釦'];
const kouAlone = KOU.flatMap((a) => KOU.map((b) => a + b)).filter((p) => !['口口', '扣口', '口扣', '扣扣', '寇寇'].includes(p));
const CONTACT = ['加', '加我', '我的', '号', '聊', '找我', '联系', '搜', '私聊', '存一下'];

const rule = ruleOf(SOURCE);
const OFF = '有问题随时在这里联系我们，我一直在';


const RULES = [
  rule('offplatform-r9-sound-alone', 'off-platform', 'block', OFF, {
    terms: [...alone, ...kouAlone],
    note: `微信 and 扣扣 by sound and by look (generated: ${alone.length} + ${kouAlone.length} pairs that are no word).`,
  }),
  ...chunks(withContact, 80).map((group, i) =>
    rule(`offplatform-r9-sound-contact-${i + 1}`, 'off-platform', 'block', OFF, {
      near: [group, CONTACT],
      nearWithin: 3,
      note: '微信 by sound where the pair is also a word or common across words: only beside a contact word (generated).',
    }),
  ),
  rule('offplatform-r9-latin', 'off-platform', 'block', OFF, {
    terms: ['weixin', 'wechat', 'weixinhao', 'koukou', 'kou kou', 'vxhao', 'wxhao'],
    note: 'Channel names in pinyin and English (Latin terms: word boundaries).',
  }),
  rule('offplatform-r9-q-number', 'off-platform', 'block', '请在平台内沟通，不要发送联系方式', {
    patterns: ['(?<![a-z0-9])q(?:号|号码)?(?:是|为)?[1-9]\\d{4,10}(?!\\d)'],
    cleanNear: ['订单号', '订单', '单号', '运单', '型号', '货号', '款号', '编号', '编码', '条码', '批号', 'SKU', 'sku'],
    note: 'Q and a QQ number (Ｑ：12345678; Chinese numerals are read as digits).',
  }),
  rule('offplatform-r9-words', 'off-platform', 'block', '请在平台内沟通和付款，交易更有保障', {
    terms: ['绿色那个软件', '绿色软件上', '店外买', '店外下单', '线下给钱', '线下给您', '线下付', '打个电话给我', '打电话给我', '我私人号', '走个人账户', '转个人账户', '打到个人账户', '走私人账户', '小号专门', '我的小号', '微商', '收钱码', '钉钉上', '飞书上', '别在这儿拍', '别在这拍', '自己的网站', '站外下单', '朋友圈看', '我朋友圈'],
    note: 'Contact and trade outside the platform, as round 9 paraphrased it.',
  }),
  rule('review-r9-initials', 'review-inducement', 'block', '（不能以奖励换好评，请去掉）', {
    patterns: [
      '(?<![a-z0-9])(?:hp|haoping|hpfx|hp返现|hp返)(?![a-z0-9])[^a-z0-9]{0,6}?(?:返|红包|现金|[0-9一二三四五六七八九十两]+(?:元|块)|fx|fanxian|截图|领)',
      '(?<![a-z0-9])(?:hpfx|haopingfanxian|fanxian|shuadan)(?![a-z0-9])',
      '(?:好评|五星|晒图|带图|评价)[^a-z0-9]{0,4}?fx(?![a-z0-9])',
      '(?<![a-z0-9])(?:hp|haoping)返',
      '(?<![a-z0-9])(?:cp|chaping|zp)(?![a-z0-9])[^a-z0-9]{0,3}?(?:删|撤|改|去掉)',
    ],
    note: '好评 / 返现 / 刷单 / 差评 in initials and pinyin, beside a reward (hp, fx, hpfx, cp删).',
  }),
  rule('review-r9-words', 'review-inducement', 'block', '（不能以奖励换评价，也不能刷单，请去掉）', {
    terms: ['刷个单', '刷一单', '兼职拍单', '拍单有佣金', '空单', '做个单', '做一单', '冲个销量', '冲销量', '刷销量', '确认就返', '确认收货就返', '确认后返', '下次免单', '晒单有礼', '做单任务', '做单', '好评有奖', '评价有礼', '买家秀送', '返个话费', '返话费'],
    allow: [],
    note: 'Paying for reviews and brushing, as round 9 paraphrased it.',
  }),
  rule('review-r9-pay', 'review-inducement', 'block', '（不能以奖励换评价，请去掉）', {
    near: [['五颗星', '满分', '五分', '五星', '买家秀', '好评', '追评', '评价', '晒单', '晒个'], ['红包', '小礼品', '礼品', '惊喜', '奖励', '现金', '免单', '运费险', '话费', '福利', '佣金', '提成']],
    nearWithin: 8,
    note: 'A review word and a reward in one clause.',
  }),
  rule('abuse-r9-initials', 'abuse', 'block', '（请礼貌沟通）', {
    patterns: ['(?<![a-z0-9])(?:sb|nmsl|tmd|cnm|nmb|mlgb|wtf|djb)(?![a-z0-9])'],
    cleanNear: ['型号', '款号', '货号', '编号', 'SKU', 'sku'],
    note: 'Insults in initials (sb, tmd, nmsl): word boundaries, and no digit after (SB-200 is a model).',
  }),
  rule('abuse-r9-words', 'abuse', 'block', '（请礼貌沟通）', {
    terms: ['是不是傻', '你傻', '傻不傻', '你这种人', '无理取闹', '真烦人', '烦人', '事儿真多', '事真多', '事儿多', '矫情', '杠精', '白嫖', '来找茬', '找茬的', '智商欠费', '丢人现眼', '算哪根葱', '哪根葱', '买不买随你', '买不买随便', '爱买不买', '不买拉倒', '抠门', '欠骂', '欠揍', '装什么', '穷鬼', '穷就别', '买不起就别', '有毛病吧', '你有毛病', '有毛病啊', '滚吧', '滚蛋', '脑子呢', '废物', '拉圾', '垃极', '辣鸡', '脑惨', '智帐', '放屁', '二货', '奇葩顾客', '奇葩买家', '土包子', '没教养', '跟猪一样', '像猪一样', '白眼狼'],
    allow: ['废物利用', '废物回收'],
    note: 'Insults and contempt, as round 9 paraphrased them; sound-alikes of the common ones (辣鸡, 脑惨).',
  }),
  rule('privacy-r9-initials', 'privacy', 'block', '您的账户和证件信息请妥善保管，不要告诉任何人', {
    patterns: ['(?<![a-z0-9])(?:yzm|sfz|mima|sfzh|zfmm)(?![a-z0-9])'],
    note: '验证码 / 身份证 / 密码 in initials or pinyin.',
  }),
  rule('privacy-r9-words', 'privacy', 'block', '您的账户和证件信息请妥善保管，不要告诉任何人', {
    terms: ['六位数字告诉', '六位数字发', '六位数发', '校验码念', '校验码发', '校验码告诉', '短信里的校验码', '动态码发', '动态码告诉', '安全码发', '安全码告诉', '安全码报', 'cvv', '卡号和有效期', '有效期说一下', '银行卡后面', '银行卡正反面', '身份证拍', '身份证正反面', '身份证我要', '登录密码', '付款密码', '支付宝密码', '验症码', '验正码', '密玛', '身分证'],
    allow: [],
    note: 'Asking for codes, card details and ID, as round 9 paraphrased it; sound-alikes.',
  }),
  rule('privacy-r9-other-buyer', 'privacy', 'block', '其他买家的信息不能透露，请删掉', {
    near: [['上一位顾客', '上一位买家', '那位买家', '那位顾客', '刚才那位', '另一个买家', '另一位顾客', '前一个买家'], ['电话', '地址', '手机', '号码', '姓名', '住址']],
    nearWithin: 4,
    nearOrdered: true,
    note: "Another buyer's contact data given out.",
  }),
  rule('taboo-r9-words', 'service-taboo', 'warn', '这个问题我帮您确认一下，请稍等', {
    terms: ['答不上来', '刚来没几天', '我也说不好', '没摸过实物', '心里也没底', '心里没底', '不归我们', '问仓库去', '找仓库去', '说了好几回', '说了好几次', '说多少次了', '说了多少次', '自个儿翻', '自个儿看', '自个儿找', '别老问', '别再问了', '别问了', '规矩就这样', '就是这规矩', '没辙', '想投诉随', '爱投诉', '我哪儿知道', '不是我们能管', '别找我', '做不了主', '不要问我', '别问我', '没了就是没了', '讲不清楚', '跟你讲不通', '急也没办法', '概不负责', '我忙着呢', '忙着呢', '怪谁', '你问问别人', '问别人去', '真费劲', '自己琢磨', '爱信不信', '反正就这样', '蛮不讲理', '我也很忙', '不晓得啥'],
    allow: ['说不好意思', '说不好听', '别问了就', '您问问别人'],
    note: "The seeds' 服务禁语 (我不知道, 不清楚, 我是新来的, 我没见过实物) and the research's brush-offs, as round 9 paraphrased them.",
  }),
  rule('promise-r9-words', 'false-promise', 'warn', '（像是无法兑现的承诺：说清条件，不要打包票）', {
    terms: ['保准', '保管不掉', '保管不会', '保管能', '立马显瘦', '显瘦十斤', '肯定送到', '用十年', '十年都没问题', '包您满意', '包你满意', '就能长高', '痘痘全消', '全消了', '必到', '终身包换', '绝对不漏', '立竿见影', '保证不反弹', '永久有效', '赔您十倍', '赔十倍', '就能根治', '能根治', '秒到账', '保您不', '保你不', '保您满意', '能治好', '治好您', '穿一辈子', '必定让您', '必定会'],
    allow: ['保您满意度', '保你满意度'],
    note: 'Promises round 9 paraphrased (保准, 包您满意, 立竿见影).',
  }),
  rule('absolute-r9-words', 'absolute-claim', 'warn', '（像是绝对化用语：换成可证明的具体描述）', {
    terms: ['卖得最火', '找不到比我们更', '找不到更便宜', '天花板级', '天花板水平', '里的王者', '中的王者', '公认第一', '没有之一', '史上最', '独一份', '之王', '遥遥领先', '销量冠军', '最最', '世界级', '顶配中的顶配', '行业标杆', '全网最', '是老大', '万能的', '殿堂级', '秒杀同价位', '秒杀所有', '秒杀全网'],
    allow: ['限时秒杀', '秒杀价', '秒杀活动'],
    note: 'Absolute claims round 9 paraphrased (天花板, 没有之一, 遥遥领先).',
  }),
];

const pack = writeRules(RULES);
console.log(`rules-default.json: ${RULES.length} round-9 rules (${alone.length + kouAlone.length} sound pairs alone, ${withContact.length} beside a contact word), ${pack.rules.length} rules in all`);
