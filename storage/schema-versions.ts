/**
 * The database's schema history, as code. Never edit a version that has shipped: add a new one with its
 * upgrade function. Each upgrade is a plain function of a Dexie transaction so it can be tested on
 * fake-indexeddb by seeding the previous version (tests/unit/storage/upgrade.test.ts).
 *
 * Index only what is queried; every other field lives unindexed in the row.
 */
import type { Transaction } from 'dexie';
import defaultPack from '../scripts-library/packs/default.json';
import defaultKeys from '../scripts-library/packs/keys/default.json';
import defaultHistory from '../scripts-library/packs/history/default.json';
import { wordingHash } from '../scripts-library/files/team-pack';
import type { SettingRow } from '../scripts-library/shared/schema';
import { checkRow, quarantineRow, rowKey, TABLE_NAMES } from './row-check';

export interface SchemaVersion {
  version: number;
  /** When the version was introduced, for humans reading the history. */
  date: string;
  stores: Record<string, string | null>;
  upgrade?: (tx: Transaction) => Promise<void>;
}

export { DB_NAME } from './db-name';

export const SCHEMA_VERSIONS: SchemaVersion[] = [
  // ── v1 · 2026-11-23 ─ first layout: phrases, stages and settings only.
  {
    version: 1,
    date: '2026-11-23',
    stores: {
      phrases: 'id, stageId',
      stages: 'id',
      settings: 'key',
    },
  },
  // ── v2 · 2026-11-23 ─ adds the guard rules, tally, notebooks and reminders; phrases gain shortcut-code and
  //    frecency indexes, and v1 rows (which had no use counters or pin flag) get them.
  {
    version: 2,
    date: '2026-11-23',
    stores: {
      phrases: 'id, stageId, code, useCount',
      rules: 'id, category',
      tally: 'id, day, [agent+day]',
      notes: 'id, kind, [site+buyerId], updatedAt',
      reminders: 'id, status, dueAt',
    },
    async upgrade(tx) {
      await tx
        .table('phrases')
        .toCollection()
        .modify((row: Record<string, unknown>) => {
          row.useCount ??= 0;
          row.pinned ??= false;
          row.tags ??= [];
          row.origin ??= 'user';
        });
    },
  },
  // ── v3 · 2026-12-02 ─ no new indexes; tally rows keep automatic consults apart (autoConsults) and chase steps
  //    belong to a ladder with a delay and a creation time. Rows written by v2 get those fields.
  {
    version: 3,
    date: '2026-12-02',
    stores: {},
    async upgrade(tx) {
      await tx
        .table('tally')
        .toCollection()
        .modify((row: Record<string, unknown>) => {
          row.autoConsults ??= 0;
          row.amount ??= 0;
        });
      await tx
        .table('reminders')
        .toCollection()
        .modify((row: Record<string, unknown>) => {
          row.ladderId ??= `legacy-${String(row.site)}|${String(row.buyerId)}`;
          row.minutes ??= 0;
          row.createdAt ??= 0;
        });
    },
  },
  // ── v4 · 2026-12-02 ─ no new indexes; tally rows count the sales that came with an amount (pricedSales, so 客单价
  //    leaves unpriced sales out) and default-pack phrases keep their pack position (order) for browsing.
  {
    version: 4,
    date: '2026-12-02',
    stores: {},
    async upgrade(tx) {
      await tx
        .table('tally')
        .toCollection()
        .modify((row: Record<string, unknown>) => {
          // Before v4 every sale of a row with an amount was taken as priced: keep the 客单价 it showed.
          row.pricedSales ??= Number(row.amount ?? 0) > 0 ? Number(row.conversions ?? 0) : 0;
        });
      const order = new Map(defaultPack.phrases.map((p, i) => [p.id, i]));
      await tx
        .table('phrases')
        .toCollection()
        .modify((row: Record<string, unknown>) => {
          if (row.origin === defaultPack.id && row.order === undefined && order.has(String(row.id))) row.order = order.get(String(row.id));
        });
    },
  },
  // ── v5 · 2026-12-02 ─ response times (one row per reply; tally rows keep their sums for the views); tally rows
  //    gain the hand-counted 退款 / 中差评; every chase step belongs to a ladder kind (the ones before were 催付).
  {
    version: 5,
    date: '2026-12-02',
    stores: {
      responses: 'id, [agent+day]',
    },
    async upgrade(tx) {
      await tx
        .table('tally')
        .toCollection()
        .modify((row: Record<string, unknown>) => {
          row.refunds ??= 0;
          row.badReviews ??= 0;
          for (const sum of ['responses', 'responseMs', 'firstResponses', 'firstResponseMs', 'fastResponses']) row[sum] ??= 0;
        });
      await tx
        .table('reminders')
        .toCollection()
        .modify((row: Record<string, unknown>) => {
          row.kind ??= 'payment';
        });
      // The follow-up ladders' new default phrases, for a library installed before them (a fresh install gets
      // them from the pack). Ids never seen before, so no phrase the agent edited or deleted comes back.
      if (!(await tx.table('settings').get('installedPack:default'))) return;
      const keys: Record<string, unknown> = defaultKeys;
      const now = Date.now();
      const added = defaultPack.phrases
        .map((p, order) => ({ ...p, order }))
        .filter((p) => FOLLOW_UP_PHRASES.includes(p.id))
        .map((p) => ({ ...p, pinned: false, useCount: 0, origin: defaultPack.id, pinyin: keys[p.id], createdAt: now, updatedAt: now }));
      const existing = new Set(await tx.table('phrases').toCollection().primaryKeys());
      await tx.table('phrases').bulkAdd(added.filter((p) => !existing.has(p.id)));
    },
  },
  // ── v6 · 2026-12-03 ─ no new indexes; the default pack's second revision (#13: shop facts as placeholders,
  //    checks before promises, near-duplicates merged into variants, codes without numbers, new seed steps) reaches
  //    libraries installed before it. Only default phrases the agent never edited change; see reviseDefaultPhrases.
  {
    version: 6,
    date: '2026-12-03',
    stores: {},
    upgrade: (tx) => reviseDefaultPhrases(tx, defaultHistory.revisions['1']),
  },
  // ── v7 · 2026-12-06 ─ no new indexes; rows an older version let through and today's schemas refuse (a
  //    2,500-character answer, a rule pattern like `^(a+)+$`, a settings row of the wrong shape) are set aside as
  //    quarantine rows of the settings, verbatim, so every backup written after restores whole (#30 N9).
  {
    version: 7,
    date: '2026-12-06',
    stores: {},
    upgrade: (tx) => quarantineRefusedRows(tx),
  },
  // ── v8 · 2026-12-07 ─ no new indexes; default phrases declare the buyer intents they answer and when they may
  //    lead the suggestions (#32), edited ones too (neither is wording), and the default pack's new phrases
  //    (INTENT_PHRASES) reach libraries installed before them.
  {
    version: 8,
    date: '2026-12-07',
    stores: {},
    upgrade: (tx) => declareDefaultIntents(tx),
  },
  // ── v9 · 2026-12-07 ─ team mode (#35): `teamDocs` keeps each team document's Yjs state here (edits made offline
  //    wait in it until the server is back), `teamTally` the lead's copy of every agent's tally rows (per device).
  //    Both are copies of the server's documents, not part of a backup.
  {
    version: 9,
    date: '2026-12-07',
    stores: { teamDocs: 'name', teamTally: 'id, agent, day' },
  },
  // ── v10 · 2026-12-07 ─ no new indexes; the default phrases' lead guards read the buyer's words (#32, third round:
  //    花呗分期 leads only a 花呗 question, 仅咨询 not after a purchase, 询问尺码 not when height and weight are given…).
  //    A stored default phrase whose guard is still the one v8 gave it takes today's (a guard the agent changed
  //    stays theirs).
  {
    version: 10,
    date: '2026-12-07',
    stores: {},
    upgrade: (tx) => renewDefaultLeads(tx, V8_LEADS),
  },
  // ── v11 · 2026-12-07 ─ no new indexes; #32's fourth round: more lead guards read the buyer's words (婉拒议价 not
  //    for three items or a promise another agent made, 付款失败 not when the money was taken, 当天发货 /
  //    已发货改地址 may lead when the buyer says 今天 / 已发货…), and two new default phrases (其他付款方式 for
  //    白条 / 先用后付 / 货到付款, 不支持无理由退换的商品). A guard still as v10 gave it takes today's.
  {
    version: 11,
    date: '2026-12-07',
    stores: {},
    upgrade: async (tx) => {
      await renewDefaultLeads(tx, V10_LEADS);
      await addDefaultPhrases(tx, GAP_PHRASES);
    },
  },
  // ── v12 · 2026-12-07 ─ no new indexes; #32's fifth round: more lead guards read the buyer's words (退货流程 not to
  //    "不退, 就问问…" nor a return already sent back, 材质说明 not to capacity / ingredient / compatibility questions,
  //    询问尺码 not when the buyer gives a measurement, the delay apologies not for a parcel on its way, 节假日发货通知
  //    for a holiday, 推荐搭配 only for pairing, 上新通知 only for new arrivals, 慢慢考虑 before 咨询后提醒, 有货 not
  //    to 什么时候有货, 不着急付款 not to a buyer who paid…). A guard
  //    still as v11 gave it takes today's.
  {
    version: 12,
    date: '2026-12-07',
    stores: {},
    upgrade: (tx) => renewDefaultLeads(tx, V11_LEADS),
  },
  // ── v13 · 2026-12-07 ─ no new indexes; #32's sixth round: word guards for what a phrase would say falsely (已付款确认 /
  //    不着急付款 not to a payment that fails, 包邮说明 not when the buyer says it charges shipping, 有货 not to 不是现货,
  //    订单备注 not for a delivery hour, laundry care not for skin care, the delay apologies not before ordering, 换货流程
  //    not for an order not yet received, 推荐优惠券 not to a coupon that will not apply, 退货地址 not before the goods
  //    arrived, 材质说明 not to food…), 称呼买家招呼 only for a greeting, neither welcome to 还在吗 (the
  //    conversation is on); a new default phrase, 不是机器人, for a buyer who asks for a person (转人工, 真人, 机器人吗). A guard
  //    still as v12 gave it takes today's.
  {
    version: 13,
    date: '2026-12-07',
    stores: {},
    upgrade: async (tx) => {
      await renewDefaultLeads(tx, V12_LEADS);
      await addDefaultPhrases(tx, HUMAN_PHRASES);
    },
  },
  // ── v14 · 2026-12-07 ─ no new indexes; #32's seventh round: word guards for what a phrase would say falsely (the
  //    coupon phrases not to an expired coupon, the presale phrases not to a buyer who refuses a presale, 有货 not to a buyer told it is a presale,
  //    花呗分期 not to a buyer who cannot find 花呗, the delay apologies, 快递时效 and 双11发货时间 not to a holiday question);
  //    节假日发货通知 answers a holiday question of any shipping intent (urging, delivery time, promotion shipping). A guard
  //    or an intent list still as v13 gave it takes today's.
  {
    version: 14,
    date: '2026-12-07',
    stores: {},
    upgrade: async (tx) => {
      await renewDefaultLeads(tx, V13_LEADS);
      await renewDefaultIntents(tx, V13_INTENTS);
    },
  },
  // ── v15 · 2026-12-07 ─ no new indexes; #32's eighth round: lead guards read the conversation (`notAfter`, chat facts
  //    from the console's recent messages): 仅咨询 farewells and 咨询后 follow-ups not after the buyer ordered, payment
  //    chases and 不着急付款 not after paying, 询问尺码 not after the buyer gave a height or weight, 缺货补货中 not after
  //    the shop promised to tell the buyer, the delay apologies not after the goods arrived. A guard still as v14 gave
  //    it takes today's.
  {
    version: 15,
    date: '2026-12-07',
    stores: {},
    upgrade: (tx) => renewDefaultLeads(tx, V14_LEADS),
  },
];

/** Default phrases that arrived with schema v8 (#32: the pack's gaps the intents showed). */
export const INTENT_PHRASES = ['order-off-platform', 'farewell-review-no-reward', 'pricing-price-protect', 'product-care-fabric', 'product-machine-wash', 'product-size-by-body', 'payment-will-pay', 'payment-hesitate', 'away-here'];

/**
 * Every stored default phrase without intents takes the pack's `intents` and `lead` (what it answers and when it
 * may come first are not its wording, so an edited phrase takes them too); the phrases new in v8 are added unless
 * a phrase of that id is here. A new code another phrase already uses is not given.
 */
export async function declareDefaultIntents(tx: Transaction, now = Date.now()): Promise<void> {
  if (!(await tx.table('settings').get(`installedPack:${defaultPack.id}`))) return;
  const table = tx.table('phrases');
  const rows = (await table.toArray()) as Row[];
  const pack = new Map(defaultPack.phrases.map((p, order) => [p.id, { ...p, order }]));
  const updates = rows.flatMap((r) => {
    const p = pack.get(r.id);
    if (r.origin !== defaultPack.id || !p || r.intents !== undefined) return [];
    const lead = (p as { lead?: unknown }).lead;
    return [{ ...r, intents: p.intents, ...(lead ? { lead } : {}) }];
  });
  await table.bulkPut(updates);
  await addDefaultPhrases(tx, INTENT_PHRASES, now);
}

/** Default phrases that arrived with schema v13 (#32, sixth round: a buyer asking for a person, not told 我在的, 抱歉刚才回复慢了). */
export const HUMAN_PHRASES = ['away-human'];

/** Default phrases that arrived with schema v11 (#32, fourth round: gaps the retired rounds showed). */
export const GAP_PHRASES = ['order-pay-other', 'aftersales-policy-exempt'];

/**
 * The pack's phrases `ids` join an installed default library, unless a phrase of that id is here (one the agent
 * deleted is not here, and comes: deletions of pack phrases are not recorded). A code another phrase uses is not given.
 */
async function addDefaultPhrases(tx: Transaction, ids: readonly string[], now = Date.now()): Promise<void> {
  if (!(await tx.table('settings').get(`installedPack:${defaultPack.id}`))) return;
  const table = tx.table('phrases');
  const rows = (await table.toArray()) as Row[];
  const pack = new Map(defaultPack.phrases.map((p, order) => [p.id, { ...p, order }]));
  const known = new Set(rows.map((r) => r.id));
  const taken = new Set(rows.map((r) => r.code).filter(Boolean));
  const keys: Record<string, unknown> = defaultKeys;
  const added = ids.filter((id) => !known.has(id) && pack.has(id)).map((id) => {
    const p = pack.get(id)!;
    return { ...p, code: p.code && !taken.has(p.code) ? p.code : undefined, tags: p.tags ?? [], pinned: false, useCount: 0, origin: defaultPack.id, pinyin: keys[p.id], createdAt: now, updatedAt: now };
  });
  await table.bulkPut(added);
}

/** The lead guards v8 gave the default phrases whose guards v10 renews (null: none). */
const V8_LEADS: Record<string, unknown> = {
  'product-size-ask': null, 'product-size-by-body': null, 'product-size-child': { intents: [] }, 'product-compare': { intents: [] },
  'pricing-bundle': null, 'pricing-free-shipping': null, 'order-huabei': null, 'order-invoice': null, 'order-invoice-type': null,
  'logistics-delay': { intents: ['tracking-stuck'] }, 'logistics-stuck': null, 'logistics-lost': null, 'logistics-remote': { intents: [] },
  'followup-late-shipping': { intents: ['ship-urge'] }, 'followup-late-shipping-next-day': { intents: ['ship-urge'] },
  'farewell-bought': { intents: [] }, 'farewell-consulted': null, 'aftersales-policy': null, 'aftersales-return-how': null,
  'aftersales-refund-shipped': { intents: [] }, 'away-busy': null, 'order-pay-methods': null,
};

/** The lead guards v10 gave the default phrases whose guards v11 renews (null: none). */
const URGED = ['还不发', '还没发', '没发', '不发', '怎么还', '咋还', '还没', '天了', '都几天', '催', '慢', '快点', '赶紧', '急', '等了', '等到', '一直', '说好', '到底', '才发', '拖', '忘了', '没动静', '待发货', '投诉', '礼拜', '星期', '一周', '好久', '超过', '超时', '发了没', '发没发', '一定要'];
const V10_LEADS: Record<string, unknown> = {
  'greeting-hello': null, 'greeting-sorry-wait': { intents: ['where-are-you'] }, 'product-quality': null, 'pricing-decline': null,
  'pricing-bundle': { says: ['两件', '多件', '几件', '一起', '多买', '满减', '凑', '2件', '两个', '批发', '件数'] },
  'order-huabei': { says: ['花呗', 'huabei'] }, 'order-pay-fail': null, 'order-address-change': null, 'order-address-shipped': { intents: [] },
  'order-invoice': { notSays: ['开成', '写成', '改成', '品名', '内容', '明细'] }, 'logistics-ship-time': null, 'logistics-ship-today': { intents: [] },
  'followup-late-shipping': { intents: ['ship-urge'], says: URGED }, 'aftersales-sorry': null, 'aftersales-exchange-how': null,
  'aftersales-quality-issue': null, 'promotion-d11-intro': null, 'promotion-flash-sale': null,
};

/** The lead guards v11 gave the default phrases whose guards v12 renews (null: none). */
const V11_LEADS: Record<string, unknown> = {
  'aftersales-return-how': { notSays: ['已经发货', '已发货', '发货了', '发出了', '还没收到', '没收到货', '拦截'] },
  'order-address-change': { notSays: ['已经发货', '已发货', '发出了', '已经发了', '已经寄出', '已寄出', '发货了还'] },
  'order-address-shipped': { intents: ['change-address'], says: ['已经发货', '已发货', '发出了', '已经发了', '已经寄出', '已寄出', '发货了还'] },
  'product-size-ask': { notSays: ['斤', '公斤', 'kg', 'cm', '公分', '身高', '体重', '一米', '1米'] },
  'followup-late-shipping': { intents: ['ship-urge'], says: URGED.filter((w) => !['催', '快点', '赶紧', '急'].includes(w)) },
  'followup-late-shipping-next-day': { intents: ['ship-urge'], says: URGED },
  'product-material': null,
  'pricing-decline': { notSays: ['三件', '四件', '五件', '十件', '几件', '多件', '两件', '2件', '3件', '5件', '件以上', '批发', '打包', '客服说', '答应过', '说好的', '说可以给', '比我晚', '降价', '买贵了', '差价', '保价', '价保'] },
  'payment-paid-thanks': null,
  'followup-no-order': null,
  'product-recommend': null,
  'farewell-night': { intents: [] },
  'order-huabei': { says: ['花呗', 'huabei'], notSays: ['不可用', '用不了', '付不了', '失败', '不能用', '付不出'] },
  'away-holiday-notice': { intents: [] },
  'logistics-ship-time': { notSays: ['今天', '当天', '今日', '几点前', '截单', '明天能发', '已经发货', '已发货', '已经发了'] },
  'promotion-new-arrival': null,
  'payment-will-pay': null,
  'stock-yes': null,
};

const SHIPPED = ['已经发货', '已发货', '发出了', '已经发了', '已经寄出', '已寄出', '发货了还'];
const ON_ITS_WAY = ['还没到', '没到', '没收到', '在路上', '派送'];
/** The lead guards v12 gave the default phrases whose guards v13 renews (null: none). */
const V12_LEADS: Record<string, unknown> = {
  'greeting-morning': { intents: [] }, 'greeting-hello-buyer': null, 'greeting-hello': { intents: ['greet'] },
  'product-size-ask': { notSays: ['斤', '公斤', 'kg', 'cm', '公分', '身高', '体重', '一米', '1米', '腰围', '胸围', '臀围', '肩宽', '衣长', '裤长', '袖长'] },
  'product-size-child': { intents: ['size'], says: ['宝宝', '小孩', '儿童', '童鞋', '童装', '脚长', '幼儿', '小朋友', '孩子'] },
  'product-compare': { intents: ['recommend'], says: ['区别', '对比', '比较', '哪个好', '哪款好', '差在哪', '差别', '不一样'] },
  'product-care': null, 'product-care-fabric': null, 'product-machine-wash': null,
  'product-material': { notSays: ['容量', '几升', '毫升', 'ml', '适配', '兼容', '型号', '手机', '电脑', '充电', '电池', '孕妇', '配料', '保质期', '生产日期', '过敏', '酒精', '添加剂', '不锈钢', '保温'] },
  'pricing-decline': { notSays: [...(V11_LEADS['pricing-decline'] as { notSays: string[] }).notSays, '高仿', '假货', '假的', '正品', '保真', '闲鱼'] },
  'pricing-coupon': null, 'pricing-member': null, 'promotion-d11-rules': null, 'promotion-d11-redpacket': null,
  'pricing-free-shipping': { notSays: ['新疆', '西藏', '青海', '内蒙', '宁夏', '甘肃', '海南', '偏远', '香港', '澳门', '台湾', '海外', '国外'] },
  'stock-yes': { notSays: ['啥时候有', '什么时候有', '几时有', '多久有', '补货', '到货', '还会有', '再上'] },
  'order-pay-methods': { notSays: ['白条', '先用后付', '货到付款', '到付', '月付'] },
  'order-pay-other': { intents: ['pay-method'], says: ['白条', '先用后付', '后付', '货到付款', '到付', '月付', 'baitiao'] },
  'order-address-change': { notSays: [...SHIPPED, '在路上', '快递已经'] },
  'order-address-shipped': { intents: ['change-address'], says: [...SHIPPED, '在路上', '快递已经'] },
  'order-remark': null, 'order-change-spec': null, 'aftersales-return-address': null,
  'followup-late-shipping': { intents: ['ship-urge'], says: URGED.filter((w) => !['催', '快点', '赶紧', '急'].includes(w)), notSays: ON_ITS_WAY },
  'followup-late-shipping-next-day': { intents: ['ship-urge'], says: URGED, notSays: ON_ITS_WAY },
  'payment-paid-thanks': { notSays: ['便宜了', '降价了', '差价'] },
  'payment-will-pay': { notSays: ['付过', '付好了', '付完', '已付', '钱付', '付款了', '付了款', '已经付'] },
  'farewell-order-accepted': null,
  'aftersales-exchange-how': { notSays: ['换货的已经', '换的已经', '换的收到', '换货收到', '码数对了', '尺码对了', '这次对了', '合适了', '换好了'] },
};

/** The lead guards v13 gave the default phrases whose guards v14 renews (null: none). */
const V13_ON_ITS_WAY = [...ON_ITS_WAY, '拍的话', '下单的话', '买的话', '付款的话', '现在拍', '现在下单', '现在买', '付款后一般', '一般多久', '一般几天', '别家', '别的店', '评论里', '评价里', '先问清楚', '先问一下'];
const HOLIDAYS = ['过年', '春节', '年前', '年后', '国庆', '放假', '假期', '节假日', '停运', '停发', '元旦', '五一', '中秋', '端午', '清明'];
const WONT_APPLY = ['用不了', '不能用', '用不上', '不可用', '无法使用', '没抵扣', '没减', '不抵扣', '没有抵扣', '减不了', '抵扣不了', '失效', '领不了', '领不到'];
const V13_LEADS: Record<string, unknown> = {
  'pricing-coupon': { notSays: WONT_APPLY }, 'pricing-member': { notSays: WONT_APPLY }, 'promotion-d11-rules': { notSays: WONT_APPLY },
  'promotion-d11-redpacket': { notSays: WONT_APPLY }, 'stock-presale': null, 'promotion-d11-presale': null,
  'away-holiday-notice': { intents: ['ship-when'], says: HOLIDAYS }, 'logistics-transit': null, 'promotion-d11-ship': null,
  'stock-yes': { notSays: [...(V12_LEADS['stock-yes'] as { notSays: string[] }).notSays, '不是现货', '不是有货'] },
  'order-huabei': { says: ['花呗', 'huabei', '分期'], notSays: ['不可用', '用不了', '付不了', '失败', '不能用', '付不出', '信用卡', '白条'] },
  'followup-late-shipping': { intents: ['ship-urge'], says: URGED.filter((w) => !['催', '快点', '赶紧', '急'].includes(w)), notSays: V13_ON_ITS_WAY },
  'followup-late-shipping-next-day': { intents: ['ship-urge'], says: URGED, notSays: V13_ON_ITS_WAY },
};

/** The lead guards v14 gave the default phrases v15 gives a `notAfter` (null: none). */
const V14_LEADS: Record<string, unknown> = {
  'product-size-ask': { notSays: ['斤', '公斤', 'kg', 'cm', '公分', '身高', '体重', '一米', '1米', '腰围', '胸围', '臀围', '肩宽', '衣长', '裤长', '袖长', '码数是', '穿的码', '一般穿', '平常穿', '平时穿'] },
  'pricing-free-shipping': { notSays: ['新疆', '西藏', '青海', '内蒙', '宁夏', '甘肃', '海南', '偏远', '香港', '澳门', '台湾', '海外', '国外', '还要运费', '还收运费', '还得付运费', '怎么要运费', '为什么要运费', '为啥要运费', '怎么有运费', '怎么还有运费', '怎么不包邮', '为什么不包邮', '为啥不包邮', '没包邮', '显示运费', '收了运费', '付了运费', '要付运费'] },
  'stock-no-restock': null,
  'order-address-change': { notSays: ['已经发货', '已发货', '发出了', '已经发了', '已经寄出', '已寄出', '发货了还', '在路上', '快递已经', '揽收', '揽件'] },
  'logistics-ship-time': { notSays: ['今天', '当天', '今日', '几点前', '截单', '明天能发', '已经发货', '已发货', '已经发了', '过年', '春节', '年前', '年后', '国庆', '放假', '假期', '节假日', '停运', '停发', '元旦', '五一', '中秋', '端午', '清明'] },
  'followup-late-shipping': { intents: ['ship-urge'], says: ['还不发', '还没发', '没发', '不发', '怎么还', '咋还', '还没', '天了', '都几天', '慢', '等了', '等到', '一直', '说好', '到底', '才发', '拖', '忘了', '没动静', '待发货', '投诉', '礼拜', '星期', '一周', '好久', '超过', '超时', '发了没', '发没发', '一定要'], notSays: ['还没到', '没到', '没收到', '在路上', '派送', '拍的话', '下单的话', '买的话', '付款的话', '现在拍', '现在下单', '现在买', '付款后一般', '一般多久', '一般几天', '别家', '别的店', '评论里', '评价里', '先问清楚', '先问一下', '过年', '春节', '年前', '年后', '国庆', '放假', '假期', '节假日', '停运', '停发', '元旦', '五一', '中秋', '端午', '清明'] },
  'followup-late-shipping-next-day': { intents: ['ship-urge'], says: ['还不发', '还没发', '没发', '不发', '怎么还', '咋还', '还没', '天了', '都几天', '催', '慢', '快点', '赶紧', '急', '等了', '等到', '一直', '说好', '到底', '才发', '拖', '忘了', '没动静', '待发货', '投诉', '礼拜', '星期', '一周', '好久', '超过', '超时', '发了没', '发没发', '一定要'], notSays: ['还没到', '没到', '没收到', '在路上', '派送', '拍的话', '下单的话', '买的话', '付款的话', '现在拍', '现在下单', '现在买', '付款后一般', '一般多久', '一般几天', '别家', '别的店', '评论里', '评价里', '先问清楚', '先问一下', '过年', '春节', '年前', '年后', '国庆', '放假', '假期', '节假日', '停运', '停发', '元旦', '五一', '中秋', '端午', '清明'] },
  'payment-15min': { unpaidHours: [0, 2] },
  'payment-24h': { unpaidHours: [20, 36] },
  'payment-48h': { unpaidHours: [36, 60] },
  'payment-72h': { unpaidHours: [60, 96] },
  'payment-consulted': { intents: [] },
  'payment-address-chase': { intents: [] },
  'payment-stock-chase': { unpaidHours: [0, 96] },
  'payment-coupon-chase': { intents: [] },
  'payment-d11-chase': { unpaidHours: [0, 96] },
  'payment-will-pay': { notSays: ['付过', '付好了', '付完', '已付', '钱付', '付款了', '付了款', '已经付', '付不了', '付不出', '付唔到', '付不到', '付不上', '付不进', '付款失败', '支付失败', '付失败', '付不成功', '没付成', '付款不成功', '支付不成功', '转圈', '网络异常', '系统异常', '失败', '不成功', '付不起来', '用不了', '不可用', '不能用', '改好价', '改完价', '改价后', '改了价', '改价了', '改好了价'] },
  'followup-no-order': { intents: [] },
  'payment-hesitate': null,
  'farewell-bought': { intents: ['thanks-bye'], says: ['拍了', '拍好', '付了', '付好', '付款了', '下单了', '已下单', '买了'] },
  'farewell-consulted': { notSays: ['拍了', '拍好', '付了', '付好', '付款了', '下单了', '已下单', '买了', '收到', '到货', '退款', '补发', '换货', '退货', '解决', '处理好', '售后', '到了', '用了', '穿了', '换的', '退的', '补的'] },
};

/** The intents v13 gave the default phrases whose intents v14 renews. */
const V13_INTENTS: Record<string, readonly string[]> = { 'away-holiday-notice': ['ship-when'] };

/** Every stored default phrase whose intents are still the ones an earlier version gave it (`previous`) takes the pack's. */
async function renewDefaultIntents(tx: Transaction, previous: Readonly<Record<string, readonly string[]>>): Promise<void> {
  if (!(await tx.table('settings').get(`installedPack:${defaultPack.id}`))) return;
  const table = tx.table('phrases');
  const pack = new Map(defaultPack.phrases.map((p) => [p.id, p]));
  const rows = ((await table.toArray()) as Row[]).filter((r) => r.origin === defaultPack.id && r.id in previous && JSON.stringify(r.intents) === JSON.stringify(previous[r.id]));
  await table.bulkPut(rows.flatMap((r) => (pack.get(r.id)?.intents ? [{ ...r, intents: pack.get(r.id)!.intents }] : [])));
}

/**
 * Every stored default phrase whose lead guard is still the one an earlier version gave it (`previous`) takes the
 * pack's (the words it reads); one the agent changed is kept.
 */
export async function renewDefaultLeads(tx: Transaction, previous: Readonly<Record<string, unknown>>): Promise<void> {
  if (!(await tx.table('settings').get(`installedPack:${defaultPack.id}`))) return;
  const table = tx.table('phrases');
  const rows = (await table.toArray()) as Row[];
  const pack = new Map(defaultPack.phrases.map((p) => [p.id, p]));
  const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
  const updates = rows.flatMap((r) => {
    const p = pack.get(r.id);
    if (r.origin !== defaultPack.id || !p || !(r.id in previous) || !same(r.lead, previous[r.id])) return [];
    const { lead: _old, ...rest } = r;
    const lead = (p as { lead?: unknown }).lead;
    return [{ ...rest, ...(lead ? { lead } : {}) }];
  });
  await table.bulkPut(updates);
}

/** Move every row today's schemas refuse out of its table into a `quarantine:<table>:<key>` settings row. */
export async function quarantineRefusedRows(tx: Transaction, now = Date.now()): Promise<void> {
  const aside: SettingRow[] = [];
  for (const name of TABLE_NAMES) {
    const rows = (await tx.table(name).toArray()) as unknown[];
    const refused: string[] = [];
    rows.forEach((row, index) => {
      const checked = checkRow(name, row);
      if (checked.ok) return;
      const key = rowKey(name, row);
      refused.push(key);
      aside.push(quarantineRow(name, key, index, row, checked.reason, now));
    });
    if (refused.length) await tx.table(name).bulkDelete(refused);
  }
  if (aside.length) await tx.table('settings').bulkPut(aside);
}

type Row = Record<string, unknown> & { id: string };

/**
 * Bring the stored default phrases to the pack as it is now. A default phrase whose wording still hashes to what
 * an earlier revision shipped (`shipped`) was never edited: it takes the new wording, variants, code, tags and
 * search keys in place (its use count and pin stay), or goes when the pack dropped or merged it. A phrase the agent
 * edited stays exactly as they left it, and one they deleted does not come back. New pack phrases are added.
 * A new code another phrase already uses here is not given: the phrase keeps its old one (a new phrase goes without).
 */
export async function reviseDefaultPhrases(tx: Transaction, shipped: Readonly<Record<string, string>>, now = Date.now()): Promise<void> {
  if (!(await tx.table('settings').get(`installedPack:${defaultPack.id}`))) return;
  const table = tx.table('phrases');
  const rows = (await table.toArray()) as Row[];
  const unedited = (r: Row) => r.origin === defaultPack.id && shipped[r.id] !== undefined && wordingHash({ tags: [], ...r } as unknown as Parameters<typeof wordingHash>[0]) === shipped[r.id];
  const next = new Map(defaultPack.phrases.map((p, order) => [p.id, { ...p, order }]));
  const stays = rows.filter((r) => !unedited(r));
  const taken = new Set(stays.map((r) => r.code).filter(Boolean));
  const keys: Record<string, unknown> = defaultKeys;
  const updates: Row[] = [];
  const gone: string[] = [];
  for (const row of rows.filter(unedited)) {
    const p = next.get(row.id);
    if (!p) {
      gone.push(row.id);
      continue;
    }
    const code = p.code && !taken.has(p.code) ? p.code : row.code;
    if (code) taken.add(code);
    updates.push({ ...row, ...p, code, pinyin: keys[p.id], updatedAt: now });
  }
  const known = new Set(rows.map((r) => r.id));
  const added = [...next.values()]
    .filter((p) => shipped[p.id] === undefined && !known.has(p.id))
    .map((p) => ({ ...p, code: p.code && !taken.has(p.code) ? p.code : undefined, tags: p.tags ?? [], pinned: false, useCount: 0, origin: defaultPack.id, pinyin: keys[p.id], createdAt: now, updatedAt: now }));
  await table.bulkDelete(gone);
  await table.bulkPut([...updates, ...added]);
}

/** Default phrases that arrived with schema v5 (the follow-up ladders' steps). */
export const FOLLOW_UP_PHRASES = ['followup-no-order', 'followup-late-shipping', 'followup-late-shipping-next-day', 'followup-bad-review-day2', 'followup-after-sales-week'];

export const CURRENT_VERSION = SCHEMA_VERSIONS[SCHEMA_VERSIONS.length - 1]!.version;
