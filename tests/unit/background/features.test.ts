import { beforeEach, describe, expect, it } from 'vitest';
import { KefuDB } from '../../../storage/db';
import { freshDbPerTest } from '../../helpers/db';
import { RuleSchema } from '../../../scripts-library/shared/schema';
import { backgroundFor } from '../../helpers/background';
import { savePhrase } from '../../../storage/repositories/phrase-writes';
import { ensureDefaultPacks } from '../../../storage/repositories/packs';
import { getSettings, saveSettings } from '../../../storage/repositories/settings';
import { listPhrases } from '../../../storage/repositories/phrases';
import { ensureDefaultRules, setRuleEnabled } from '../../../storage/repositories/rules';
import type { Phrase } from '../../../scripts-library/shared/schema';
import type { GuardHit } from '../../../scripts-library/shared/protocol';
import { OWN } from '../../helpers/background';
import type { GuardCache } from '../../../storage/guard-cache';
import { shippedReader, readShippedWith, vetoableIds } from '../../../scripts-library/guard/judge';
import { DEFAULT_RULES } from '../../../scripts-library/guard';
import { revivedReader, rulesKey, type KeptJudge } from '../../../scripts-library/guard/compiled-form';
import { effectiveRules } from '../../../scripts-library/guard/effective-rules';

const freshDb = freshDbPerTest();
let db: KefuDB;
beforeEach(async () => {
  db = freshDb();
  await ensureDefaultPacks(db);
});

/** The background's features as a chat page reaches them: through their messages. */
function services(db: KefuDB, hooks: Parameters<typeof backgroundFor>[1] = {}) {
  const { send, receive } = backgroundFor(db, hooks);
  return {
    pickerSearch: (query: string, buyer?: string, message?: string) => send('picker/search', { query, ...(buyer ? { buyer } : {}), ...(message ? { message } : {}) }),
    recordUse: (id: string) => send('phrase/used', { id }),
    remember: (values: Record<string, string>, buyer: string, saveShop: boolean) => send('placeholders/remember', { values, buyer, saveShop }),
    tallyCount: (field: 'consults' | 'conversions', delta: 1 | -1) => send('tally/count', { field, delta }),
    guardCheck: (text: string, site?: string) => send('guard/check', { text, ...(site ? { site } : {}) }),
    guardRewrite: (text: string, hit: GuardHit, hits: GuardHit[]) => send('guard/rewrite', { text, hit, hits }),
    guardAllow: (ruleId: string, context: string) => send('guard/allow', { ruleId, context }),
    guardOverride: (ruleIds: string[]) => send('guard/override', { ruleIds }),
    /** A chat tab reports it now shows this buyer (the first report of a tab with a buyer opens them). */
    buyerOpened: (site: string, buyerId: string) =>
      receive({ type: 'chat/status', status: { site, hasInput: true, inputKind: 'textarea', buyer: { id: buyerId } } }, { id: OWN, tab: { id: ++tabs, windowId: 1 }, url: 'https://mms.pinduoduo.com/' }, OWN),
    recordResponse: (site: string, buyer: string, buyerAt: number, repliedAt: number) => send('response/record', { site, buyer, buyerAt, repliedAt }),
    waitConfig: () => send('wait/config', {}),
    waitOverdue: (name: string, waitedSec: number) => send('wait/overdue', { name, waitedSec }),
  };
}
let tabs = 0;

describe('the background\'s features, through their messages', () => {
  it('answers the picker from the library with the placeholder values it knows', async () => {
    await saveSettings(db, { shopName: '小美服饰', placeholderMemory: { 快递公司: '中通' }, orderMemory: { 'demo|A': { values: { 运单号: '7510' }, at: 1 } } });
    const svc = services(db);
    const items = await svc.pickerSearch('kd', 'demo|A');
    expect(items[0]).toMatchObject({ id: 'logistics-transit', title: '快递时效' });
    expect(items.length).toBeLessThanOrEqual(8);
    expect(items[0]!.values).toMatchObject({ 店铺名: '小美服饰', 发货天数: '2' });
    expect(items[0]!.values).not.toHaveProperty('快递公司'); // order values are suggestions, never filled unasked
    expect(items[0]!.suggested).toEqual({ 快递公司: '中通', 运单号: '7510' });
    expect((await svc.pickerSearch('kd', 'demo|B'))[0]!.suggested).toEqual({ 快递公司: '中通' });
  });

  it('a code typed after "/" lists the exact code first, then only phrases whose code or title initials start with it; each row carries its code (#29 item 19)', async () => {
    const svc = services(db);
    const library = await listPhrases(db);
    const initials = (p: Phrase) => (p.pinyin?.initials ?? '').split(' ')[0]!;
    const close = (p: Phrase, q: string) => (p.code ?? '').toLowerCase().startsWith(q) || initials(p).startsWith(q);
    const codes = library.filter((p) => p.code).map((p) => p.code!.toLowerCase());
    expect(codes.length).toBeGreaterThan(100);
    for (const code of codes) {
      const items = await svc.pickerSearch(code);
      expect(items[0]?.code, code).toBe(code);
      for (const item of items) expect(close(library.find((p) => p.id === item.id)!, code), `${code} → ${item.title}`).toBe(true);
    }
    expect((await svc.pickerSearch('hb')).map((i) => i.title)).toEqual(['花呗分期', ...['合并付款', '红包使用']]);
    expect((await svc.pickerSearch('hb')).map((i) => i.title)).not.toContain('缺货补货中');
    // Not a code or the start of one: the library's search as before (full pinyin, Chinese, typos).
    expect((await svc.pickerSearch('kuaidi')).map((i) => i.title)).toContain('快递时效');
    expect((await svc.pickerSearch('退款')).map((i) => i.title)).toContain('已发货退款');
  });

  it('searches with the shop\'s synonym table: the default one, or the one edited in ⚙ (#32 item 4)', async () => {
    const svc = services(db);
    // The phrase about machine washing itself leads (能否机洗, #32's new default), 洗涤保养 by the synonym too.
    expect((await svc.pickerSearch('机洗'))[0]?.title).toBe('能否机洗');
    expect((await svc.pickerSearch('机洗')).map((i) => i.title)).toContain('洗涤保养');
    expect((await svc.pickerSearch('顺丰'))[0]?.title).toBe('默认快递');
    await saveSettings(db, { synonyms: [{ words: ['小样'], means: ['赠品'] }] });
    expect((await svc.pickerSearch('小样'))[0]?.title).toBe('赠品说明');
    expect((await svc.pickerSearch('机洗')).map((i) => i.title)).not.toContain('洗涤保养');
  });

  it('does not read the library until the picker is used, then follows its changes', async () => {
    const reads: string[] = [];
    db.phrases.hook('reading', (row) => (row && reads.push(row.id), row));
    const svc = services(db);
    await svc.guardCheck('加我微信吧'); // a wake-up for the guard alone
    await new Promise((r) => setTimeout(r, 50));
    expect(reads).toEqual([]);
    expect((await svc.pickerSearch('zfb')).map((i) => i.id)).not.toContain('my-alipay');
    await savePhrase(db, { id: 'my-alipay', stageId: 'payment', title: '支付宝付款', body: '亲，支付宝也可以付款的哦', tags: [] });
    await expect.poll(async () => (await svc.pickerSearch('zfb')).map((i) => i.id)).toContain('my-alipay');
  });

  it('counts uses and merges remembered values', async () => {
    const svc = services(db);
    await svc.recordUse('stock-yes');
    await svc.remember({ 运单号: '7510' }, 'demo|A', false);
    await svc.remember({ 快递公司: '圆通' }, 'demo|A', false);
    await svc.remember({ 店铺名: '小美服饰' }, 'demo|A', true);
    expect((await db.phrases.get('stock-yes'))?.useCount).toBe(1);
    const settings = await getSettings(db);
    expect(settings.placeholderMemory).toEqual({ 快递公司: '圆通' });
    expect(settings.orderMemory['demo|A']?.values).toEqual({ 运单号: '7510', 快递公司: '圆通' });
    expect(settings.shopName).toBe('小美服饰');
  });

  it('counts Alt+X / Alt+C from a chat page into the current shift', async () => {
    const svc = services(db);
    await svc.tallyCount('consults', 1);
    await svc.tallyCount('consults', 1);
    await svc.tallyCount('conversions', 1);
    await svc.tallyCount('consults', -1);
    const rows = await db.tally.toArray();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ agent: 'me', consults: 1, conversions: 1 });
  });

  it("checks a draft against the console's own platform (the site the chat script sent), the union without one", async () => {
    const svc = services(db);
    const blocks = async (text: string, site?: string) => (await svc.guardCheck(text, site)).filter((h) => h.severity === 'block').map((h) => h.text);
    expect(await blocks('快手小店下单就行', 'kuaishou')).toEqual([]);
    expect(await blocks('快手小店下单就行', 'taobao')).toEqual(['快手小店下单']);
    expect(await blocks('快手小店下单就行')).toEqual([]);
  });

  it.each(['constructor', 'toString', 'hasOwnProperty'])('a rule with the id %s still checks, allows and counts (no prototype lookups)', async (ruleId) => {
    await db.rules.bulkPut([RuleSchema.parse({ id: ruleId, terms: ['加微信'], category: 'off-platform', severity: 'block', suggestion: '在平台内沟通' })]);
    const svc = services(db);
    await expect.poll(async () => (await svc.guardCheck('亲，加微信吧')).map((h) => h.ruleId)).toEqual([ruleId]);
    await svc.guardOverride([ruleId, 'valueOf']);
    await svc.guardAllow(ruleId, '在公司加微信群');
    expect((await svc.guardCheck('亲，加微信吧')).map((h) => [h.ruleId, h.severity])).toEqual([[ruleId, 'block']]);
    expect((await getSettings(db)).guardOverrides[ruleId]).toBe(1);
  });

  it('one 不再提示 (guard/allow with *) quiets that sentence for every rule and the model; a model hit keeps its confidence', async () => {
    const svc = services(db);
    const sentence = '真是服了你了，笨得要死，全网最低价';
    const before = await svc.guardCheck(sentence);
    expect(before.some((h) => h.ruleId.startsWith('model-') && typeof h.confidence === 'number')).toBe(true);
    expect(before.some((h) => !h.ruleId.startsWith('model-'))).toBe(true);
    await svc.guardAllow('*', sentence);
    expect(await svc.guardCheck(sentence)).toEqual([]);
    expect((await svc.guardCheck('全网最低价')).length).toBeGreaterThan(0);
  });

  it('guard/rewrite plans 改写此句 with the same guard: 加我vx：kefu888 loses its handle, and the result re-checks clean', async () => {
    const svc = services(db);
    const draft = '有问题加我vx：kefu888';
    const hits = await svc.guardCheck(draft);
    const plan = await svc.guardRewrite(draft, hits.find((h) => h.severity === 'block')!, hits);
    expect(plan?.result).toBe('有问题随时在这里联系我们，我一直在');
    expect(plan?.remaining).toEqual([]);
  });

  it('a worker woken after the agent edited the rules answers its very first check with the edited rules', async () => {
    // The first worker compiles and keeps the rules it checked with (what a later wake revives).
    const asleep = services(db);
    expect((await asleep.guardCheck('亲，这个颜色卖光了')).map((h) => h.ruleId)).toEqual([]);
    const wechat = (await asleep.guardCheck('加微信吧'))[0]!.ruleId;
    await db.rules.bulkPut([RuleSchema.parse({ id: 'team-soldout', terms: ['卖光了'], category: 'false-promise', severity: 'block', suggestion: '说暂时缺货' })]);
    await setRuleEnabled(db, wechat, false);
    const woken = services(db);
    const first = await woken.guardCheck('亲，这个颜色卖光了，加微信吧');
    expect(first.map((h) => h.ruleId)).toContain('team-soldout');
    expect(first.map((h) => h.ruleId)).not.toContain(wechat);
    // The next wake with the same rules revives the form kept by the last one (no compile), with the same answer.
    await new Promise((r) => setTimeout(r, 50));
    const again = await services(db).guardCheck('亲，这个颜色卖光了，加微信吧');
    expect(again).toEqual(first);
    // And back: the rule removed, the next wake's first check no longer holds it.
    await db.rules.delete('team-soldout');
    expect((await services(db).guardCheck('亲，这个颜色卖光了')).map((h) => h.ruleId)).toEqual([]);
  });

  it('rules changed while the worker is awake are compiled and kept at once: the next wake revives them, no check needed', async () => {
    const slots = new Map<string, { key: string; value: unknown }>();
    const kept: GuardCache = {
      get: async (key, slot = 'latest') => (slots.get(slot)?.key === key ? slots.get(slot)!.value : undefined),
      put: async (key, value, slot = 'latest') => void slots.set(slot, { key, value }),
      clear: async () => slots.clear(),
    };
    await ensureDefaultRules(db);
    await services(db, { guardCache: kept }).guardCheck('亲，在的');
    await new Promise((r) => setTimeout(r, 50));
    const before = slots.get('latest')?.key;
    expect(before).toBeDefined();
    expect(await db.rules.get('taboo-001')).toBeDefined();
    await setRuleEnabled(db, 'taboo-001', false);
    await expect.poll(() => slots.get('latest')?.key, { timeout: 3000 }).not.toBe(before);
    const stored = await db.rules.toArray();
    expect(slots.get('latest')?.key).toBe(await rulesKey(effectiveRules(stored, {})));
  });

  it('a woken worker reads the intent model from the form the last wake kept, not from the shipped text', async () => {
    const slots = new Map<string, { key: string; value: unknown }>();
    const kept: GuardCache = {
      get: async (key, slot = 'latest') => (slots.get(slot)?.key === key ? slots.get(slot)!.value : undefined),
      put: async (key, value, slot = 'latest') => void slots.set(slot, { key, value: structuredClone(value) }),
      clear: async () => slots.clear(),
    };
    const draft = '真是服了你了，笨到家了';
    const live = shippedReader();
    try {
      const first = await services(db, { guardCache: kept }).guardCheck(draft);
      expect(first.some((h) => h.ruleId.startsWith('model-'))).toBe(true);
      await new Promise((r) => setTimeout(r, 20));
      const judge = slots.get('model')?.value as KeptJudge | undefined;
      expect(judge && 'hundredths' in judge.reader).toBe(true); // kept small: the shipped weights are hundredths
      expect(revivedReader(judge!.reader)).toEqual(live);
      expect(judge?.vetoable).toEqual(vetoableIds(DEFAULT_RULES));
      const model = judge!.reader;
      // What the next wake reads is what it judges with: a kept model that reads no harm anywhere finds none here.
      const none = model!.labels.indexOf('none');
      model!.bias[none] = 1e6;
      const woken = await services(db, { guardCache: kept }).guardCheck(draft);
      expect(woken.some((h) => h.ruleId.startsWith('model-'))).toBe(false);
    } finally {
      readShippedWith(live);
    }
  });

  it('__proto__ is no rule id: refused at the schema and at the message', () => {
    expect(RuleSchema.safeParse({ id: '__proto__', terms: ['x'], category: 'abuse', severity: 'block' }).success).toBe(false);
  });

  it('three writers counting 仍要发送 and adding allows at once lose nothing (one transaction each)', async () => {
    const a = services(db);
    const b = services(db);
    const c = services(db);
    await Promise.all([
      ...Array.from({ length: 10 }, () => a.guardOverride(['offplatform-001'])),
      ...Array.from({ length: 10 }, () => b.guardOverride(['offplatform-001', 'abuse-001'])),
      ...Array.from({ length: 5 }, (_, i) => c.guardAllow('abuse-001', `上下文${i}`)),
    ]);
    const settings = await getSettings(db);
    expect(settings.guardOverrides).toEqual({ 'offplatform-001': 20, 'abuse-001': 10 });
    expect(settings.guardAllows['abuse-001']).toHaveLength(5);
  });
});

describe('automatic consult count', () => {
  it('counts the first opening of a buyer per day only when the agent switched it on', async () => {
    const svc = services(db);
    await svc.buyerOpened('demo', 'b1');
    expect(await db.tally.count()).toBe(0);
    await saveSettings(db, { autoConsult: true, agentName: '小王' });
    await svc.buyerOpened('demo', 'b1');
    await svc.buyerOpened('demo', 'b1');
    await svc.buyerOpened('demo', 'b2');
    const rows = await db.tally.toArray();
    expect(rows.reduce((n, r) => n + r.autoConsults, 0)).toBe(2);
    expect(rows.reduce((n, r) => n + r.consults, 0)).toBe(0); // counted automatically, shown apart
    expect(rows.every((r) => r.agent === '小王')).toBe(true);
  });
});

describe('the "/" picker with nothing typed', () => {
  it('lists the replies suggested for the buyer\'s latest message, an answered question of the 问题登记本 first', async () => {
    const svc = services(db);
    const items = await svc.pickerSearch('', 'demo|A', '裤子开线了');
    // Only phrases that answer a likely intent are listed (#32): at most three.
    expect(items.length).toBeGreaterThan(0);
    expect(items.length).toBeLessThanOrEqual(3);
    const pack = (await import('../../../scripts-library/packs/default.json')).phrases;
    expect(pack.find((p) => p.id === items[0]!.id)?.stageId).toBe('aftersales');
    const { addProblem, answerProblem } = await import('../../../storage/repositories/notes');
    const note = await addProblem(db, '裤子开线了怎么办', '');
    await answerProblem(db, note.id, '亲，开线属于质量问题，我们给您换新或退款');
    const again = await svc.pickerSearch('', 'demo|A', '裤子开线了');
    expect(again[0]).toMatchObject({ id: `faq:${note.id}`, body: '亲，开线属于质量问题，我们给您换新或退款' });
    // Without a buyer message, an empty query browses as before.
    expect((await svc.pickerSearch('', 'demo|A')).length).toBeGreaterThan(0);
  });
});

describe('response times and late buyers', () => {
  it('a reply after midnight in a night shift is filed under the day the shift started, for the agent in ⚙', async () => {
    await saveSettings(db, { agentName: '小李', shifts: [{ id: 'night', name: '晚班', start: '18:00', end: '02:00' }] });
    const svc = services(db);
    const at = new Date(2026, 10, 28, 0, 30).getTime(); // a Saturday, 00:30
    await svc.recordResponse('demo', 'demo|小美', at - 45_000, at);
    expect(await db.responses.toArray()).toMatchObject([{ agent: '小李', day: '2026-11-27', shift: 'night', ms: 45_000, first: true }]);
  });

  it('a reply stamped in the future is taken as now (the page clock cannot stretch the wait)', async () => {
    const svc = services(db);
    const now = Date.now();
    await svc.recordResponse('demo', 'demo|小美', now - 10_000, now + 3_600_000);
    const [row] = await db.responses.toArray();
    expect(row!.ms).toBeLessThan(20_000);
  });

  it('notifies a late buyer only when the agent turned notifications on', async () => {
    const shown: string[] = [];
    const svc = services(db, { notifyWait: async (tabId, name) => void shown.push(`${tabId}:${name}`) });
    expect(await svc.waitConfig()).toEqual({ limitSec: 180, notify: false });
    await svc.waitOverdue('小美', 200);
    expect(shown).toEqual([]);
    await saveSettings(db, { waitNotify: true, waitLimitSec: 60 });
    expect(await svc.waitConfig()).toEqual({ limitSec: 60, notify: true });
    await svc.waitOverdue('小美', 200);
    expect(shown).toEqual(['5:小美']); // the sending chat tab's
  });
});
