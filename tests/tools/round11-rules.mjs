#!/usr/bin/env node
/**
 * The default rules written from round 11's misses (#31, task gtune, fourth session: round 11 was scored once as held
 * back and then retired into tune), by `node tests/tools/round11-rules.mjs` (idempotent like round10-rules.mjs: each
 * rule replaced by id, a new one after the last rule of its category). Run `npm run rules:history` after it. Tuned on
 * three quarters of round 11; the fourth (the dev quarter, tests/tools/dev-split.ts) was not looked at. Each rule is a
 * family of wordings, not a sentence:
 *
 * - initials of insults standing as a word after a degree word (有点nt, 真nc), like round 10's after 你是;
 * - a row of five stars (⭐⭐⭐⭐⭐, ★★★★★) beside a reward: a row is a rating, not a separator (id -signs: an
 *   evasion, never talked down by the model, judge.ts);
 * - a reward on the condition of a review (写好评就退差价, 夸一下…金额全退), brushing workers (招刷手, sd兼职);
 * - review and contact phrases typed whole in pinyin (haoping fan, jia wo haoyou);
 * - threats to block the buyer (再闹就拉黑你).
 * The allow contexts added to older rules are everyday words holding their terms (云南威信县, 蠢萌); the phone
 * pattern's clean words take in the courier (快递员的电话是…).
 */
import { allowIn, ruleOf, writeRules } from './rule-writer.mjs';

const SOURCE = 'round 11 (#31, retired into tune): tests/tools/round11-rules.mjs, tuned on three quarters of tests/fixtures/guard/round11.tsv';
const rule = ruleOf(SOURCE);
const POLITE = '（请礼貌沟通）';
const OFF = '请在平台内沟通和下单，交易更有保障';
const REVIEW = '（不能以奖励换评价，也不能刷单，请去掉）';

const RULES = [
  rule('abuse-r11-initials', 'abuse', 'block', POLITE, {
    patterns: ['(?:有点|有些|真|太|好|也太|真是)(?:nc|nt|zz|2b|sb|sx)(?![a-z0-9])'],
    cleanNear: ['型号', '款号', '货号', '编号', 'SKU', 'sku', '铅笔'],
    note: 'Insults in initials standing as a word after a degree word (有点nt, 真nc); a model code beside it is excused.',
  }),
  rule('abuse-r11-threats', 'abuse', 'block', POLITE, {
    terms: ['就拉黑你', '就拉黑您', '拉黑你看你', '看你怎么办', '看你能怎样', '看你能怎么样'],
    allow: ['不会拉黑你', '不会拉黑您'],
    note: 'Threatening to block the buyer (再闹就拉黑你，看你怎么办).',
  }),
  rule('review-r11-signs', 'review-inducement', 'block', REVIEW, {
    near: [['⭐⭐⭐⭐⭐', '⭐️⭐️⭐️⭐️⭐️', '🌟🌟🌟🌟🌟', '★★★★★', '☆☆☆☆☆', '✨✨✨✨✨'], ['送', '返', '💰', '领', '有礼', '红包', '现金', '=']],
    nearWithin: 6,
    nearOrdered: true,
    note: 'A row of five stars is a rating (not a separator as one star is): beside a reward it is a review bought (⭐⭐⭐⭐⭐送试用装). An evasion by signs (-signs): the model, not trained on them, does not talk it down.',
  }),
  rule('review-r11-words', 'review-inducement', 'block', REVIEW, {
    near: [['好评', '五星', '评价', '夸一下', '夸夸', '晒图', '追评', '评论区'], ['就退', '就返', '就送', '就给您', '就给你', '全退', '全返', '就有红包', '就发红包']],
    nearWithin: 8,
    nearOrdered: true,
    note: 'A reward on the condition of a review (写好评就退差价, 评论区夸一下产品，下单金额全退).',
  }),
  rule('review-r11-brushing', 'review-inducement', 'block', REVIEW, {
    terms: ['刷手', '招刷', '刷单员'],
    patterns: ['(?:招|做|接|找)sd(?![a-z0-9])', '(?<![a-z0-9])sd(?=兼职|任务|单)'],
    allow: ['刷手机', '刷手环', '刷手表', '刷手柄', '刷手感', '刷手指', '刷手掌', '刷手势', '刷手工', '刷手卡', '刷手持'],
    note: 'Workers for brushing (招刷手, sd兼职); brushing a phone, a band or a card is no brushing.',
  }),
  rule('review-r11-pinyin', 'review-inducement', 'block', REVIEW, {
    patterns: ['(?:haoping|wuxing|shaitu|zhuiping)(?:fan|fanxian|song|hongbao)(?![a-z])'],
    note: 'A review and its reward typed whole in pinyin (haoping fan 5 yuan): spaces are taken out, so the words run together.',
  }),
  rule('offplatform-r11-pinyin', 'off-platform', 'block', OFF, {
    patterns: ['jia(?:wo|ge|yixia)?haoyou'],
    note: 'Adding as a friend typed in pinyin (jia wo haoyou).',
  }),
];

writeRules(RULES, {
  edit(pack) {
    // Everyday words holding a term (#31 item 3): a county in Yunnan, a cute-dumb style of toy.
    const allow = allowIn(pack);
    allow('offplatform-064', ['威信县']);
    allow('off-platform-nicknames-r4', ['威信县']);
    allow('abuse-r4', ['蠢萌']);
    // The courier's mobile number, named just before it, is no channel of the shop's (快递员的电话是138…).
    const phone = pack.rules.find((x) => x.id === 'pattern-phone');
    if (phone) {
      phone.cleanNear = [...new Set([...(phone.cleanNear ?? []), '快递员', '快递小哥', '骑手', '配送员', '派送员', '送货师傅', '快递师傅', '网点电话'])];
      phone.note = "A mobile number moves the conversation off the platform; the courier's (快递员 / 骑手 / 配送员 …, named just before it) does not.";
    }
  },
});
