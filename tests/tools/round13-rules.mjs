#!/usr/bin/env node
/**
 * The default rules written from round 13's misses (#31, task gtune, sixth session: round 13 was scored once as held
 * back and then retired into tune), by `node tests/tools/round13-rules.mjs` (idempotent like round12-rules.mjs: each
 * rule replaced by id, a new one after the last rule of its category). Run `npm run rules:history` after it. Tuned on
 * three quarters of round 13; the dev quarters (tests/tools/dev-split.ts) were measured, never read. Each family is
 * evidence of an act aimed at the buyer, not a sentence:
 *
 * - privacy: the buyer asked to hand a code over by what it is called or looks like (那6位数字复制给我, 把码给我, 网银口令
 *   发下, 短信截图给我) — sizes, bar codes, pickup codes and order numbers are allowed contexts;
 * - off-platform: money to the agent's own account (走我个人账户, 打到我私户), a shop or account of the agent's elsewhere
 *   (另外开了个小店, 我们自己的号, 我二手那个号), the buyer's chat handle asked for (你的聊天号), cash in person (钱当面给我);
 * - false promises: compensation promised by its size (赔您双倍, 补偿您500元, 给您赔偿双倍);
 * - absolute claims: beating every rival (吊打, 碾压), cures and effects stated outright (再也不会复发, 一点副作用都没有,
 *   降三高, 喝了长高, 100%有效), the best seller of all (卖得比谁都好).
 * The allow contexts added to older rules are product words ICU's dictionary cuts (加微卡扣, 神经酸).
 */
import { allowIn, ruleOf, writeRules } from './rule-writer.mjs';

const SOURCE = 'round 13 (#31, retired into tune): tests/tools/round13-rules.mjs, tuned on three quarters of tests/fixtures/guard/round13.tsv';
const rule = ruleOf(SOURCE);
const OFF = '请在平台内沟通和下单，交易更有保障';
const PROMISE = '（说清条件，不要打包票）';
const CLAIM = '（换成可证明的具体描述，不要承诺疗效）';
const PRIVATE = '（不能索要或透露账户、验证码和他人信息）';

const RULES = [
  rule('privacy-r13-handover', 'privacy', 'block', PRIVATE, {
    near: [['把码', '个码', '那个码', '收到的码', '口令', '数字', '短信', '验证'], ['给我', '发我', '发下', '复制给我', '截图给我', '告诉我', '念给我', '报给我', '发过来']],
    nearWithin: 8,
    nearOrdered: true,
    allow: ['尺码', '码数', '鞋码', '条码', '条形码', '二维码', '取件码', '单号', '订单号', '快递单', '型号', '编码', '货号', '色号', '邮编'],
    note: 'A code, password or text message asked of the buyer by what it is called or looks like (那6位数字复制给我, 把码给我).',
  }),
  rule('offplatform-r13-own-account', 'off-platform', 'block', OFF, {
    near: [['走我', '转我', '打到我', '到我', '打我'], ['个人账户', '个人账号', '私人账户', '个人卡', '私户', '个人户']],
    nearWithin: 4,
    nearOrdered: true,
    note: 'Money to the agent’s own account (走我个人账户, 打到我私户).',
  }),
  rule('offplatform-r13-elsewhere', 'off-platform', 'block', OFF, {
    terms: ['另外开了个小店', '另外开了个店', '另外开了家店', '我们自己的号', '我们自己的公众号', '我二手那个号', '我那个二手号', '你的聊天号', '当面给我'],
    note: 'A shop or account of the agent’s elsewhere, the buyer’s chat handle, cash in person.',
  }),
  rule('promise-r13-compensate', 'false-promise', 'warn', PROMISE, {
    near: [['赔您', '赔你', '补偿您', '补偿你', '给您赔偿', '给你赔偿', '赔偿您', '赔偿你'], ['双倍', '三倍', '十倍', '全款', '500', '1000', '五百', '一千']],
    nearWithin: 4,
    nearOrdered: false,
    note: 'Compensation promised by its size (赔您双倍, 补偿您500元).',
  }),
  rule('absolute-r13-words', 'absolute-claim', 'warn', CLAIM, {
    terms: ['吊打所有', '吊打一切', '吊打大牌', '碾压所有', '效果碾压', '再也不会复发', '永不复发', '一点副作用都没有', '没有任何副作用', '零副作用', '卖得比谁都好', '降三高', '喝了长高', '吃了长高', '100%有效', '百分百有效', '百分之百有效'],
    note: 'Beating every rival, cures and effects stated outright.',
  }),
];

writeRules(RULES, {
  edit: (pack) => {
    const allow = allowIn(pack);
    allow('offplatform-058', ['加微卡扣', '加微扣']);
    allow('intent-add-me', ['加微卡扣', '加微扣']);
    allow('abuse-r5-nerve', ['神经酸', '神经节苷脂', '神经元']);
  },
});
