#!/usr/bin/env node
/**
 * The default rules written from round 14's misses (#31, task gtune, seventh session: round 14 was scored once as held
 * back and then retired into tune), by `node tests/tools/round14-rules.mjs` (idempotent like round13-rules.mjs: each
 * rule replaced by id, a new one after the last rule of its category). Run `npm run rules:history` after it. Tuned on
 * three quarters of round 14; the dev quarters (tests/tools/dev-split.ts) were measured, never read. Each family is
 * evidence of an act aimed at the buyer, not a sentence:
 *
 * - off-platform: 卫星 for 微信 after 加个 / 加下, the buyer asked to add the agent (把我添上), money sent straight to the
 *   buyer (退款我直接转你), a code of the agent's own to scan (扫这个码付款), a one-cent link (拍个一分钱的链接), another
 *   channel as the fallback of trading outside (私下转不了的话，换支付宝也行);
 * - privacy: a code asked for where to put it (短信里的六位数字回复在这里), a password so the agent logs in (帮您登录);
 * - review: a review tied to a reward by what it is (补差价, 运费我出, 有奖励, 好评给二十), an empty parcel, brushing by sound
 *   (刷蛋 … 佣金) or as tasks and orders with their pay (做几单任务 … 本金加佣金, 帮忙拍一下…辛苦费), and the review's stars
 *   or words dictated (warn);
 * - abuse: insults and threats by what they say (没长眼睛, 脸皮真厚, 人渣, 吃不了兜着走, 挂网上, 你的地址…可都有), 去死 in
 *   pinyin;
 * - false promises: 保证 / 一定 in pinyin or initials (bao zheng, yi ding, bz), outcomes promised (平台肯定会判给你, 拆了也
 *   照样退, 保你穿着合身, 我给您保证), a delivery by a day (天内必到);
 * - absolute claims: cures stated outright (降血压, 抗癌, 近视恢复, 再也不会掉发), 最 and NO.1 by look-alikes (最隹, NO.壹);
 * - service taboos: 想都别想, 不知到.
 */
import { ruleOf, writeRules } from './rule-writer.mjs';

const SOURCE = 'round 14 (#31, retired into tune): tests/tools/round14-rules.mjs, tuned on three quarters of tests/fixtures/guard/round14.tsv';
const rule = ruleOf(SOURCE);
const OFF = '请在平台内沟通和下单，交易更有保障';
const REVIEW = '（评价请买家如实填写，不要以奖励或要求换取好评）';
const ABUSE = '（请礼貌沟通）';
const PROMISE = '（说清条件，不要打包票）';
const CLAIM = '（换成可证明的具体描述，不要承诺疗效）';
const TABOO = '我帮您确认一下，请稍等';

const RULES = [
  rule('offplatform-r14-sound', 'off-platform', 'block', OFF, {
    terms: ['加个卫星', '加下卫星', '加一下卫星', '卫星加一下'],
    note: '卫星 for 微信 after 加个 / 加下 (宝子加个卫星呗).',
  }),
  rule('offplatform-r14-add-me', 'off-platform', 'block', OFF, {
    terms: ['把我添上', '把我加上', '通讯录里加我', '通讯录加我', '直接找到你的号', '直接联系你的号', '扫这个码付', '扫这个码支付', '扫这个码转', '一分钱的链接', '1分钱的链接', '拍个一分钱'],
    note: 'The buyer asked to add the agent, or for a way to reach them directly; a code of the agent’s own to pay by; a one-cent link to pay the rest outside.',
  }),
  rule('offplatform-r14-pay-direct', 'off-platform', 'block', OFF, {
    near: [['退款', '差价', '运费', '余款', '尾款', '补偿', '钱'], ['我直接转你', '我直接转您', '直接转给你', '直接转给您', '我私下转你']],
    nearWithin: 6,
    nearOrdered: true,
    note: 'Money sent straight to the buyer, past the platform (退款我直接转你).',
  }),
  rule('offplatform-r14-fallback', 'off-platform', 'block', OFF, {
    near: [['私下', '站外', '平台外', '线下'], ['换支付宝', '换微信', '换银行卡', '换成支付宝', '换成微信', '支付宝也行', '微信也行', '银行卡也行']],
    nearWithin: 12,
    nearOrdered: true,
    note: 'Another channel offered as the fallback of trading outside (私下转不了的话，换支付宝也行).',
  }),
  rule('privacy-r14-handover', 'privacy', 'block', '（不能索要或透露账户、验证码和他人信息）', {
    near: [['短信里的', '六位数字', '6位数字', '那串数字', '密码'], ['回复在这', '发在这', '填在这', '打在这', '回复给我', '您说一下', '你说一下', '说一下我帮']],
    nearWithin: 10,
    nearOrdered: true,
    terms: ['我帮您登录', '我帮你登录', '帮您登录一下', '替您登录'],
    allow: ['尺码', '码数', '条码', '单号', '订单号', '取件码', '型号'],
    note: 'A code asked for where to put it (把短信里的六位数字回复在这里), a password asked so the agent logs in (您说一下我帮您登录).',
  }),
  rule('abuse-r14-your-data', 'abuse', 'block', '（请礼貌沟通）', {
    near: [['你的地址', '你地址', '你的电话', '你电话', '你的信息', '你家地址', '你家在哪'], ['可都有', '可都知道', '我都查得到', '都在我手上', '都在我手里']],
    nearWithin: 6,
    nearOrdered: true,
    note: 'The buyer’s own data held over them (你的地址电话我们可都有).',
  }),
  rule('review-r14-reward', 'review-inducement', 'block', REVIEW, {
    near: [['评价', '好评', '追评', '五星', '晒图', '夸两句'], ['补差价', '运费我出', '我出运费', '有奖励', '有红包', '有好处']],
    nearWithin: 10,
    nearOrdered: true,
    terms: ['空盒子给你', '寄个空盒', '寄空盒', '发空盒'],
    patterns: ['(?:好评|五星|追评|晒图)给(?:[0-9]{1,3}|[一二三四五六七八九十两]{1,3})(?:元|块)?(?![0-9一二三四五六七八九十个次颗星天])'],
    note: 'A review tied to a reward by what it is (夸两句我给你补差价, 打五星的话运费我出, 好评是有奖励的, 好评给二十), an empty parcel for a review.',
  }),
  rule('review-r14-tasks', 'review-inducement', 'block', REVIEW, {
    near: [['做几单', '做任务', '几单任务', '帮忙做单', '刷蛋', '刷丹', '刷旦'], ['本金', '佣金', '返款', '日结']],
    nearWithin: 16,
    nearOrdered: true,
    note: 'Brushing as tasks with their pay (做几单任务…本金加佣金), or by sound (刷蛋…佣金日结).',
  }),
  rule('review-r14-paid-order', 'review-inducement', 'block', REVIEW, {
    near: [['帮忙拍', '拍一下', '拍下', '拍几单', '不用真的收货', '不发货'], ['本金', '佣金', '辛苦费']],
    nearWithin: 16,
    nearOrdered: true,
    note: 'An order placed for pay, not for goods (不发货的单子，帮忙拍一下，辛苦费照付; 拍下确认就行，本金当天退).',
  }),
  rule('review-r14-dictate', 'review-inducement', 'warn', REVIEW, {
    terms: ['只能打五星', '一定要给五星', '必须给五星', '务必给五星', '也请给个好评', '别给中评', '不要给中评', '评价那里写好', '评价写好一点', '追评写上', '就写物流快', '就说质量很好'],
    note: 'The review’s stars or words dictated to the buyer (评价只能打五星, 追评写上“客服态度好”).',
  }),
  rule('abuse-r14-words', 'abuse', 'block', ABUSE, {
    terms: ['没长眼睛', '脑子抽了', '猪都听懂', '猪都听得懂', '素质这么低', '素质真低', '要你有什么用', '要你何用', '胡搅蛮缠', '脸皮可真够厚', '脸皮真厚', '脸皮够厚', '兜里没俩钱', '人渣', '傻偪', '信不信我', '吃不了兜着走', '挂网上', '就找人上门', '找到你家', '你地址我可都有', '你地址我都有', '待不下去', '你最好小心'],
    patterns: ['qusi(?:ba|ne|bei|吧|呢|呗)'],
    note: 'Insults and threats by what they say (没长眼睛, 脸皮真厚, 吃不了兜着走, 把你信息挂网上), 去死 in pinyin.',
  }),
  rule('promise-r14-pinyin', 'false-promise', 'warn', PROMISE, {
    patterns: ['baozheng', 'yiding(?=[0-9\\u4e00-\\u9fff])', '(?<![a-z])bz(?=[0-9\\u4e00-\\u9fff])', '绝兑'],
    note: '保证 / 一定 / 绝对 in pinyin, initials or by sound (明天 bao zheng 到, bz明天到, 绝兑不会坏).',
  }),
  rule('promise-r14-words', 'false-promise', 'warn', PROMISE, {
    terms: ['判给你', '判给您', '肯定会判', '也照样退', '拆了也能退', '拆了也退', '保你穿着', '保您穿着', '一定给您退', '一定给你退', '给您保证', '给你保证', '向您保证', '我承诺', '天内必到', '小时内退到账'],
    note: 'Outcomes promised (平台肯定会判给你, 拆了也照样退, 保你穿着合身, 我给您保证), a delivery or refund by a time.',
  }),
  rule('absolute-r14-cures', 'absolute-claim', 'warn', CLAIM, {
    terms: ['近视恢复', '恢复视力', '治好近视', '再也不会掉发', '不再掉发', '降血压', '降血糖', '降血脂', '抗癌', '防癌', '治癌', '最隹', 'NO.壹', 'No.壹'],
    note: 'Cures stated outright (长期喝可以降血压, 有抗癌的作用), 最 and NO.1 by look-alikes (最隹, ＮＯ．壹).',
  }),
  rule('taboo-r14-words', 'service-taboo', 'warn', TABOO, {
    terms: ['想都别想', '不知到'],
    note: 'A brush-off (退运费？想都别想) and 不知道 by sound.',
  }),
];

writeRules(RULES);
