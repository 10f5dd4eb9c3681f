import { afterEach, describe, expect, it } from 'vitest';
import { Dexie } from 'dexie';
import { KefuDB } from '../../../storage/db';
import { CURRENT_VERSION, FOLLOW_UP_PHRASES, SCHEMA_VERSIONS } from '../../../storage/schema-versions';
import defaultPack from '../../../scripts-library/packs/default.json';
import defaultKeys from '../../../scripts-library/packs/keys/default.json';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { NoteSchema, PhraseSchema, ReminderSchema, RuleSchema, SettingRowSchema, StageSchema, TallySchema } from '../../../scripts-library/shared/schema';
import { summarize } from '../../../scripts-library/tally/tally';

/** The response sums v5 gives every tally row. */
const NO_RESPONSES = { responses: 0, responseMs: 0, firstResponses: 0, firstResponseMs: 0, fastResponses: 0 };

const names: string[] = [];
const freshName = () => {
  const name = `upgrade-${names.length}-${Math.random().toString(36).slice(2)}`;
  names.push(name);
  return name;
};
afterEach(async () => {
  await Promise.all(names.splice(0).map((n) => Dexie.delete(n)));
});


/** A default phrase as an older schema stored it: its lead as that version gave it (none when undefined). */
function storedDefault(id: string, lead: unknown, useCount: number) {
  const p = defaultPack.phrases.find((x) => x.id === id)!;
  const { lead: _l, ...rest } = p as typeof p & { lead?: unknown };
  return { ...rest, tags: p.tags ?? [], pinned: false, useCount, origin: 'default', createdAt: 1, updatedAt: 1, ...(lead ? { lead } : {}) };
}

describe('schema history', () => {
  it('has strictly increasing versions, each dated', () => {
    const versions = SCHEMA_VERSIONS.map((v) => v.version);
    expect(versions).toEqual([...versions].sort((a, b) => a - b));
    expect(new Set(versions).size).toBe(versions.length);
    for (const v of SCHEMA_VERSIONS) expect(v.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('opens the current version on an empty database with every table', async () => {
    const db = new KefuDB(freshName());
    await db.open();
    expect(db.verno).toBe(CURRENT_VERSION);
    expect(db.tables.map((t) => t.name).sort()).toEqual(
      ['notes', 'phrases', 'reminders', 'responses', 'rules', 'settings', 'stages', 'tally', 'teamDocs', 'teamTally'].sort(),
    );
    db.close();
  });
});

describe('upgrade from v1', () => {
  it('keeps every v1 row intact and back-fills the fields v2 added', async () => {
    const name = freshName();
    const v1 = new KefuDB(name, 1);
    const v1Phrases = [
      { id: 'p1', stageId: 'greeting', title: '欢迎', body: '您好，欢迎光临！', createdAt: 1, updatedAt: 2 },
      { id: 'p2', stageId: 'logistics', title: '发货', body: '48小时内发货\n请放心', code: 'fh', tags: ['发货'], createdAt: 3, updatedAt: 4 },
    ];
    const v1Stages = [{ id: 'greeting', name: '欢迎', order: 10, color: '#3b82f6', builtin: true }];
    await v1.table('phrases').bulkAdd(v1Phrases);
    await v1.table('stages').bulkAdd(v1Stages);
    await v1.table('settings').bulkAdd([{ key: 'shopName', value: '小店' }]);
    expect(v1.verno).toBe(1);
    v1.close();

    const current = new KefuDB(name);
    await current.open();
    expect(current.verno).toBe(CURRENT_VERSION);
    const phrases = await current.phrases.orderBy('id').toArray();
    expect(phrases).toEqual([
      { ...v1Phrases[0], useCount: 0, pinned: false, tags: [], origin: 'user' },
      { ...v1Phrases[1], useCount: 0, pinned: false, origin: 'user' },
    ]);
    expect(await current.stages.toArray()).toEqual(v1Stages);
    expect(await current.settings.get('shopName')).toEqual({ key: 'shopName', value: '小店' });
    // The new indexes work on migrated rows.
    expect((await current.phrases.where('code').equals('fh').first())?.id).toBe('p2');
    current.close();
  });
});

describe('upgrade from v2', () => {
  it('keeps every v2 row intact and back-fills the tally and reminder fields v3 added', async () => {
    const name = freshName();
    const v2 = new KefuDB(name, 2);
    const tally = { id: '小王|2026-11-23|day', agent: '小王', day: '2026-11-23', shift: 'day', consults: 7, conversions: 2, amount: 0 };
    const reminder = { id: 'r1', site: 'demo', buyerId: 'b1', buyerName: '小美', step: 0, dueAt: 1_000, status: 'pending', phraseId: 'payment-15min' };
    const note = { id: 'n1', kind: 'buyer', site: 'demo', buyerId: 'b1', text: '要M码', createdAt: 1, updatedAt: 2 };
    await v2.table('tally').add(tally);
    await v2.table('reminders').add(reminder);
    await v2.table('notes').add(note);
    v2.close();

    const current = new KefuDB(name);
    await current.open();
    expect(current.verno).toBe(CURRENT_VERSION);
    expect(await current.tally.get(tally.id)).toEqual({ ...tally, autoConsults: 0, pricedSales: 0, refunds: 0, badReviews: 0, ...NO_RESPONSES });
    expect(await current.reminders.get('r1')).toEqual({ ...reminder, ladderId: 'legacy-demo|b1', minutes: 0, createdAt: 0, kind: 'payment' });
    expect(await current.notes.get('n1')).toEqual(note);
    // What v3 code does with a migrated row works: counting an automatic consult is a number, not NaN.
    const { increment } = await import('../../../storage/repositories/tally');
    expect((await increment(current, '小王', '2026-11-23', 'day', 'autoConsults')).autoConsults).toBe(1);
    expect((await current.reminders.where('status').equals('pending').count())).toBe(1);
    current.close();
  });

  it('takes a v1 database through v2 to v3 in one open', async () => {
    const name = freshName();
    const v1 = new KefuDB(name, 1);
    await v1.table('phrases').add({ id: 'p1', stageId: 'greeting', title: '欢迎', body: '您好', createdAt: 1, updatedAt: 2 });
    v1.close();
    const current = new KefuDB(name);
    await current.open();
    expect(current.verno).toBe(CURRENT_VERSION);
    expect(await current.phrases.get('p1')).toMatchObject({ useCount: 0, pinned: false });
    current.close();
  });
});

describe('upgrade from v3', () => {
  it('counts the sales of rows with an amount as priced (客单价 unchanged) and gives default phrases their pack order', async () => {
    const name = freshName();
    const v3 = new KefuDB(name, 3);
    const priced = { id: '小王|2026-11-23|day', agent: '小王', day: '2026-11-23', shift: 'day', consults: 7, autoConsults: 0, conversions: 2, amount: 257 };
    const unpriced = { ...priced, id: '小王|2026-11-24|day', day: '2026-11-24', amount: 0 };
    await v3.table('tally').bulkAdd([priced, unpriced]);
    const phrase = { id: 'logistics-ship-time', stageId: 'logistics', title: '发货时间', body: '亲', tags: [], pinned: false, useCount: 0, createdAt: 1, updatedAt: 1, origin: 'default' };
    await v3.table('phrases').bulkAdd([phrase, { ...phrase, id: 'mine', origin: 'user' }]);
    v3.close();

    const current = new KefuDB(name);
    await current.open();
    expect(await current.tally.get(priced.id)).toEqual({ ...priced, pricedSales: 2, refunds: 0, badReviews: 0, ...NO_RESPONSES });
    expect(await current.tally.get(unpriced.id)).toEqual({ ...unpriced, pricedSales: 0, refunds: 0, badReviews: 0, ...NO_RESPONSES });
    expect((await current.phrases.get('logistics-ship-time'))?.order).toBe(defaultPack.phrases.findIndex((p) => p.id === 'logistics-ship-time'));
    expect((await current.phrases.get('mine'))?.order).toBeUndefined();
    current.close();
  });
});

describe('upgrade from databases written by earlier versions\' own code (tests/fixtures/db)', () => {
  const seeds = ['v2-early', 'v2-late', 'v3', 'v4', 'v5'].map((name) => ({
    name,
    seed: JSON.parse(readFileSync(join(__dirname, '../../fixtures/db', `${name}.json`), 'utf8')) as { version: number; tables: Record<string, Record<string, unknown>[]> },
  }));
  const SCHEMAS = { phrases: PhraseSchema, stages: StageSchema, rules: RuleSchema, tally: TallySchema, notes: NoteSchema, reminders: ReminderSchema, settings: SettingRowSchema };

  it.each(seeds)('$name: every row survives, validates, and works with today\'s code and backup', async ({ seed }) => {
    const name = freshName();
    const old = new KefuDB(name, seed.version);
    await old.open();
    for (const [table, rows] of Object.entries(seed.tables)) await old.table(table).bulkAdd(rows);
    old.close();

    const db = new KefuDB(name);
    await db.open();
    expect(db.verno).toBe(CURRENT_VERSION);
    // The default pack's phrases are the pack's as it is now (v5 added the follow-up ladders' steps, v6 revised the
    // pack: the phrases it merged away go, its new ones come); every other row survives and nothing else is added.
    const packIds = new Set(defaultPack.phrases.map((p) => p.id));
    for (const [table, rows] of Object.entries(seed.tables)) {
      const now = await db.table(table).toArray();
      const kept = table === 'phrases' ? rows.filter((r) => r.origin !== 'default') : rows;
      expect(now).toHaveLength(kept.length + (table === 'phrases' ? packIds.size : 0));
      for (const row of kept) expect(now.some((r: { id?: string; key?: string }) => (r.id ?? r.key) === (row.id ?? row.key))).toBe(true);
      if (table === 'phrases') expect(new Set(now.filter((r) => r.origin === 'default').map((r) => r.id))).toEqual(packIds);
      for (const row of now) expect(SCHEMAS[table as keyof typeof SCHEMAS].safeParse(row).error?.issues ?? []).toEqual([]);
    }
    // 客单价 as the old version showed it: before v4 every sale of a row with an amount counted as priced.
    const day = (await db.tally.get('小王|2026-11-23|day'))!;
    const before = seed.tables.tally!.find((r) => r.id === day.id)!;
    const priced = before.pricedSales === undefined ? (Number(before.amount) > 0 ? Number(before.conversions) : 0) : Number(before.pricedSales);
    expect(summarize([day]).perOrder).toBe(priced > 0 ? Number(before.amount) / priced : null);
    expect((await db.phrases.get('logistics-ship-time'))?.order).toBe(defaultPack.phrases.findIndex((p) => p.id === 'logistics-ship-time'));
    // Today's code on migrated rows.
    const { increment, addSale } = await import('../../../storage/repositories/tally');
    expect((await increment(db, '小王', '2026-11-23', 'day', 'autoConsults')).autoConsults).toBe(Number(before.autoConsults ?? 0) + 1);
    expect((await addSale(db, '小王', '2026-11-23', 'day', 10)).conversions).toBe(Number(before.conversions) + 1);
    const { markPaid } = await import('../../../storage/repositories/reminders');
    expect(await markPaid(db, 'demo', 'b1')).toBe(seed.tables.reminders!.length);
    // The follow-up ladders' phrases arrive in a library installed before them, with their search keys.
    for (const id of FOLLOW_UP_PHRASES) expect(PhraseSchema.safeParse(await db.phrases.get(id)).success).toBe(true);
    const { recordResponse } = await import('../../../storage/repositories/responses');
    expect(await recordResponse(db, { agent: '小王', day: '2026-11-23', shift: 'day', site: 'demo', buyer: 'demo|小美', buyerAt: 1000, repliedAt: 31_000 })).toMatchObject({ ms: 30_000, first: true });
    expect(summarize([(await db.tally.get('小王|2026-11-23|day'))!])).toMatchObject({ refunds: 0, badReviews: 0 });
    const { exportBackup, parseBackup } = await import('../../../storage/backup');
    expect(parseBackup(await exportBackup(db))).toMatchObject({ ok: true });
    db.close();
  });
});

describe('upgrade from v5: the default pack\'s second revision (v6)', () => {
  const seed = JSON.parse(readFileSync(join(__dirname, '../../fixtures/db', 'v5.json'), 'utf8')) as { version: number; tables: Record<string, Record<string, unknown>[]> };
  const original = (id: string) => seed.tables.phrases!.find((r) => r.id === id)!;
  const inPack = (id: string) => defaultPack.phrases.find((p) => p.id === id)!;

  /** The v5 library as its own code wrote it, then what an agent did with it: one phrase edited, one deleted, one code taken. */
  async function upgraded() {
    const name = freshName();
    const old = new KefuDB(name, 5);
    await old.open();
    for (const [table, rows] of Object.entries(seed.tables)) await old.table(table).bulkAdd(rows);
    await old.table('phrases').update('logistics-ship-today', { body: '亲，下午5点前付款的当天发。' });
    await old.table('phrases').delete('stock-presale');
    await old.table('phrases').bulkAdd([
      { ...original('user-weekend'), id: 'user-night', code: 'yjzh' },
      { ...original('user-weekend'), id: 'user-other', code: 'qt' },
    ]);
    old.close();
    const db = new KefuDB(name);
    await db.open();
    return db;
  }

  it('rewrites the phrases the agent never edited in place: wording, variants, code, tags and search keys; counts and pins stay', async () => {
    const db = await upgraded();
    for (const id of ['logistics-transit', 'away-off-hours', 'aftersales-quality-issue', 'pricing-manager-ok', 'away-busy']) {
      const row = (await db.phrases.get(id))!;
      const p = inPack(id);
      expect({ body: row.body, variants: row.variants, code: row.code, tags: row.tags, title: row.title }).toEqual({ body: p.body, variants: p.variants, code: p.code, tags: p.tags, title: p.title });
      expect(row.pinyin).toEqual((defaultKeys as Record<string, unknown>)[id]);
    }
    expect((await db.phrases.get('stock-yes'))?.useCount).toBe(original('stock-yes').useCount);
    expect((await db.phrases.get('logistics-ship-time'))?.pinned).toBe(true);
    expect((await db.phrases.where('code').equals('sqyh').first())?.id).toBe('pricing-manager-ok');
    db.close();
  });

  it('keeps the agent\'s edit, their deletion, their phrases and a code they already use', async () => {
    const db = await upgraded();
    expect((await db.phrases.get('logistics-ship-today'))?.body).toBe('亲，下午5点前付款的当天发。');
    expect(await db.phrases.get('stock-presale')).toBeUndefined();
    expect(await db.phrases.get('user-weekend')).toEqual(original('user-weekend'));
    // 夜间招呼's new code yjzh is the agent's own already: it keeps the old one rather than clash.
    expect((await db.phrases.get('greeting-night'))?.code).toBe(original('greeting-night').code);
    expect((await db.phrases.get('greeting-night'))?.body).toBe(inPack('greeting-night').body);
    // A new phrase whose code (qt) is theirs comes without one.
    expect((await db.phrases.get('farewell-anything-else'))?.code).toBeUndefined();
    expect((await db.phrases.where('code').equals('qt').toArray()).map((p) => p.id)).toEqual(['user-other']);
    db.close();
  });

  it('drops the merged-away phrases and adds the new seed steps, ready to insert', async () => {
    const db = await upgraded();
    for (const id of ['away-wait-moment', 'product-official', 'payment-15min-help', 'aftersales-no-reason']) expect(await db.phrases.get(id)).toBeUndefined();
    expect((await db.phrases.get('product-check-confirm'))?.variants).toEqual(inPack('product-check-confirm').variants);
    for (const id of ['order-change-spec', 'aftersales-refund-shipped', 'aftersales-complaint-escalate', 'aftersales-peak-wait', 'farewell-anything-else', 'aftersales-care']) {
      const row = await db.phrases.get(id);
      expect(PhraseSchema.safeParse(row).error?.issues ?? []).toEqual([]);
      expect(row).toMatchObject({ body: inPack(id).body, origin: 'default', useCount: 0, order: defaultPack.phrases.findIndex((p) => p.id === id) });
    }
    db.close();
  });

  it('changes nothing in a library where the default pack was never installed', async () => {
    const name = freshName();
    const old = new KefuDB(name, 5);
    await old.open();
    await old.table('phrases').add(original('greeting-night'));
    old.close();
    const db = new KefuDB(name);
    await db.open();
    expect(await db.phrases.toArray()).toEqual([original('greeting-night')]);
    db.close();
  });
});

describe('upgrade from v7 (#32: phrases declare the intents they answer)', () => {
  it('gives the default phrases their intents and lead guards, edited ones too, and adds the new default phrases', async () => {
    const name = freshName();
    const v7 = new KefuDB(name, 7);
    const old = (id: string, over: Record<string, unknown> = {}) => {
      const p = defaultPack.phrases.find((x) => x.id === id)!;
      const { intents: _i, lead: _l, ...rest } = p as typeof p & { lead?: unknown };
      return { ...rest, tags: p.tags ?? [], pinned: false, useCount: 3, origin: 'default', createdAt: 1, updatedAt: 1, ...over };
    };
    await v7.table('phrases').bulkAdd([old('logistics-ship-time'), old('followup-late-shipping', { body: '亲，抱歉，您的订单晚一点发出' }), { id: 'mine', stageId: 'logistics', title: '我的', body: '我的话', tags: [], pinned: false, useCount: 0, origin: 'user', createdAt: 1, updatedAt: 1 }]);
    await v7.table('settings').bulkAdd([{ key: 'installedPack:default', value: 1 }]);
    v7.close();

    const current = new KefuDB(name);
    await current.open();
    const rows = await current.phrases.toArray();
    const byId = new Map(rows.map((r) => [r.id, r]));
    expect(byId.get('logistics-ship-time')).toMatchObject({ intents: ['ship-when'], useCount: 3 });
    // Edited here: its wording stays, and it still may not lead for a buyer who only asked when it ships.
    expect(byId.get('followup-late-shipping')).toMatchObject({ body: '亲，抱歉，您的订单晚一点发出', lead: { intents: ['ship-urge'] } });
    expect(byId.get('mine')!.intents).toBeUndefined();
    expect(byId.get('order-off-platform')).toMatchObject({ origin: 'default', intents: ['off-platform-ask'] });
    for (const r of rows) expect(PhraseSchema.safeParse(r).success).toBe(true);
    current.close();
  });
});

describe('v9 (team mode tables)', () => {
  it('adds teamDocs and teamTally to a v8 database with every row intact', async () => {
    const name = freshName();
    const old = new KefuDB(name, 8);
    await old.open();
    await old.notes.add({ id: 'problem|1', kind: 'problem', text: '', question: '能开票吗', createdAt: 1, updatedAt: 1 });
    old.close();
    const db = new KefuDB(name);
    await db.open();
    expect((await db.notes.get('problem|1'))?.question).toBe('能开票吗');
    await db.teamDocs.put({ name: 'shop1/library', update: new Uint8Array([0, 0]), pending: 0, updatedAt: 1 });
    expect(await db.teamDocs.count()).toBe(1);
    expect(await db.teamTally.count()).toBe(0);
    db.close();
  });
});

describe('v10 (#32: lead guards that read the buyer\'s words)', () => {
  it('renews the guards v8 gave the default phrases and keeps one the agent changed', async () => {
    const name = freshName();
    const old = new KefuDB(name, 9);
    await old.open();
    const row = (id: string, lead: unknown) => storedDefault(id, lead, 2);
    await old.table('phrases').bulkAdd([row('order-huabei', undefined), row('followup-late-shipping', { intents: ['ship-urge'] }), row('farewell-consulted', { intents: [] })]);
    await old.table('settings').add({ key: 'installedPack:default', value: 1 });
    old.close();

    const db = new KefuDB(name);
    await db.open();
    // 花呗分期 leads only a 花呗 question now; the delay apology only when the buyer complains of the delay.
    expect((await db.phrases.get('order-huabei'))?.lead).toMatchObject({ says: expect.arrayContaining(['花呗']) });
    expect((await db.phrases.get('followup-late-shipping'))?.lead).toMatchObject({ intents: ['ship-urge'], says: expect.arrayContaining(['还没发']) });
    // The agent had made 仅咨询 never lead: that stays.
    expect((await db.phrases.get('farewell-consulted'))?.lead).toEqual({ intents: [] });
    for (const r of await db.phrases.toArray()) expect(PhraseSchema.safeParse(r).error?.issues ?? []).toEqual([]);
    expect((await db.phrases.get('order-huabei'))?.useCount).toBe(2);
    db.close();
  });
});

describe('v11 (#32, fourth round: more word guards, two new default phrases)', () => {
  it('renews the guards v10 gave, keeps one the agent changed, and adds 其他付款方式 and 不支持无理由退换的商品', async () => {
    const name = freshName();
    const old = new KefuDB(name, 10);
    await old.open();
    const row = (id: string, lead: unknown) => storedDefault(id, lead, 4);
    // 付款失败 as v10 gave it (no guard); 当天发货 as v10 gave it (never leads); 婉拒议价 the agent made never lead.
    await old.table('phrases').bulkAdd([row('order-pay-fail', undefined), row('logistics-ship-today', { intents: [] }), row('pricing-decline', { intents: [] })]);
    await old.table('settings').add({ key: 'installedPack:default', value: 1 });
    old.close();

    const db = new KefuDB(name);
    await db.open();
    // No "pay again" to a buyer whose money was taken; 当天发货 may lead a buyer who asks about today.
    expect((await db.phrases.get('order-pay-fail'))?.lead).toMatchObject({ notSays: expect.arrayContaining(['扣钱']) });
    expect((await db.phrases.get('logistics-ship-today'))?.lead).toMatchObject({ intents: ['ship-when'], says: expect.arrayContaining(['今天']) });
    expect((await db.phrases.get('pricing-decline'))?.lead).toEqual({ intents: [] });
    expect(await db.phrases.get('order-pay-other')).toMatchObject({ origin: 'default', intents: ['pay-method'], lead: { says: expect.arrayContaining(['白条', '先用后付']) } });
    expect(await db.phrases.get('aftersales-policy-exempt')).toMatchObject({ origin: 'default', intents: ['return-policy'] });
    for (const r of await db.phrases.toArray()) expect(PhraseSchema.safeParse(r).error?.issues ?? []).toEqual([]);
    expect((await db.phrases.get('order-pay-fail'))?.useCount).toBe(4);
    db.close();
  });
});

describe('v12 (#32, fifth round: more word guards)', () => {
  it('renews the guards v11 gave and keeps one the agent changed', async () => {
    const name = freshName();
    const old = new KefuDB(name, 11);
    await old.open();
    const row = (id: string, lead: unknown) => storedDefault(id, lead, 3);
    // 材质说明 as v11 gave it (no guard); 退货流程 as v11 gave it; 询问尺码 the agent made never lead.
    const v11ReturnHow = { notSays: ['已经发货', '已发货', '发货了', '发出了', '还没收到', '没收到货', '拦截'] };
    await old.table('phrases').bulkAdd([row('product-material', undefined), row('aftersales-return-how', v11ReturnHow), row('product-size-ask', { intents: [] })]);
    await old.table('settings').add({ key: 'installedPack:default', value: 1 });
    old.close();

    const db = new KefuDB(name);
    await db.open();
    // No "soft and breathable" to a question about a cup's capacity; no return steps to a buyer who is not returning.
    expect((await db.phrases.get('product-material'))?.lead).toMatchObject({ notSays: expect.arrayContaining(['容量', '适配']) });
    expect((await db.phrases.get('aftersales-return-how'))?.lead).toMatchObject({ notSays: expect.arrayContaining(['不退', '寄回去']) });
    expect((await db.phrases.get('product-size-ask'))?.lead).toEqual({ intents: [] });
    for (const r of await db.phrases.toArray()) expect(PhraseSchema.safeParse(r).error?.issues ?? []).toEqual([]);
    expect((await db.phrases.get('product-material'))?.useCount).toBe(3);
    db.close();
  });
});

describe('v13 (#32, sixth round: guards against what a phrase would say falsely, 不是机器人)', () => {
  it('renews the guards v12 gave, keeps one the agent changed, and adds 不是机器人', async () => {
    const name = freshName();
    const old = new KefuDB(name, 12);
    await old.open();
    const row = (id: string, lead: unknown) => storedDefault(id, lead, 2);
    // 已付款确认 as v12 gave it; 订单备注 as v12 gave it (no guard); 包邮说明 the agent made never lead.
    const v12PaidThanks = { notSays: ['便宜了', '降价了', '差价'] };
    await old.table('phrases').bulkAdd([row('payment-paid-thanks', v12PaidThanks), row('order-remark', undefined), row('pricing-free-shipping', { intents: [] })]);
    await old.table('settings').add({ key: 'installedPack:default', value: 1 });
    old.close();

    const db = new KefuDB(name);
    await db.open();
    // No "your payment arrived" to 付不了; no "noted for the warehouse" to a delivery hour the courier decides.
    expect((await db.phrases.get('payment-paid-thanks'))?.lead).toMatchObject({ notSays: expect.arrayContaining(['付不了', '差价']) });
    expect((await db.phrases.get('order-remark'))?.lead).toMatchObject({ notSays: expect.arrayContaining(['下午送']) });
    expect((await db.phrases.get('pricing-free-shipping'))?.lead).toEqual({ intents: [] });
    for (const r of await db.phrases.toArray()) expect(PhraseSchema.safeParse(r).error?.issues ?? []).toEqual([]);
    expect((await db.phrases.get('order-remark'))?.useCount).toBe(2);
    // A buyer who asks for a person gets 不是机器人, new in v13.
    expect((await db.phrases.get('away-human'))?.title).toBe('不是机器人');
    db.close();
  });
});

describe('v14 (#32, seventh round: more guards against what a phrase would say falsely, holiday shipping)', () => {
  it('renews the guards v13 gave and keeps one the agent changed', async () => {
    const name = freshName();
    const old = new KefuDB(name, 13);
    await old.open();
    const row = (id: string, lead: unknown) => storedDefault(id, lead, 4);
    // 推荐优惠券 as v13 gave it; 预售说明 as v13 gave it (no guard); 花呗分期 the agent made never lead.
    const v13Coupon = { notSays: ['用不了', '不能用', '用不上', '不可用', '无法使用', '没抵扣', '没减', '不抵扣', '没有抵扣', '减不了', '抵扣不了', '失效', '领不了', '领不到'] };
    // 节假日发货通知 as v13 gave it: its guard and intents.
    const holidays = ['过年', '春节', '年前', '年后', '国庆', '放假', '假期', '节假日', '停运', '停发', '元旦', '五一', '中秋', '端午', '清明'];
    const v13Holiday = { ...row('away-holiday-notice', { intents: ['ship-when'], says: holidays }), intents: ['ship-when'] };
    await old.table('phrases').bulkAdd([row('pricing-coupon', v13Coupon), row('stock-presale', undefined), row('order-huabei', { intents: [] }), v13Holiday]);
    await old.table('settings').add({ key: 'installedPack:default', value: 1 });
    old.close();

    const db = new KefuDB(name);
    await db.open();
    // No "claim a coupon on the shop's page" to a buyer whose coupon expired; no "it is a presale" to one who refuses it.
    expect((await db.phrases.get('pricing-coupon'))?.lead).toMatchObject({ notSays: expect.arrayContaining(['过期', '失效']) });
    expect((await db.phrases.get('stock-presale'))?.lead).toMatchObject({ notSays: expect.arrayContaining(['不要预售']) });
    expect((await db.phrases.get('order-huabei'))?.lead).toEqual({ intents: [] });
    // A buyer who urges shipping before a holiday may be told of the holiday's shipping times.
    expect((await db.phrases.get('away-holiday-notice'))?.intents).toContain('ship-urge');
    expect((await db.phrases.get('away-holiday-notice'))?.lead).toMatchObject({ intents: expect.arrayContaining(['ship-urge']) });
    for (const r of await db.phrases.toArray()) expect(PhraseSchema.safeParse(r).error?.issues ?? []).toEqual([]);
    expect((await db.phrases.get('pricing-coupon'))?.useCount).toBe(4);
    db.close();
  });
});

describe('v15 (#32, eighth round: lead guards that read the conversation)', () => {
  it('gives the guards v14 gave their notAfter and keeps one the agent changed', async () => {
    const name = freshName();
    const old = new KefuDB(name, 14);
    await old.open();
    const row = (id: string, lead: unknown) => storedDefault(id, lead, 5);
    // 仅咨询 as v14 gave it (its word guard); 慢慢考虑 as v14 gave it (no guard); 不着急付款 the agent made never lead.
    const v14Consulted = { notSays: ['拍了', '拍好', '付了', '付好', '付款了', '下单了', '已下单', '买了', '收到', '到货', '退款', '补发', '换货', '退货', '解决', '处理好', '售后', '到了', '用了', '穿了', '换的', '退的', '补的'] };
    await old.table('phrases').bulkAdd([row('farewell-consulted', v14Consulted), row('payment-hesitate', undefined), row('payment-will-pay', { intents: [] })]);
    await old.table('settings').add({ key: 'installedPack:default', value: 1 });
    old.close();

    const db = new KefuDB(name);
    await db.open();
    // No "see you next time you shop" farewell once the chat shows an order; no "take your time" to a buyer who ordered.
    expect((await db.phrases.get('farewell-consulted'))?.lead).toMatchObject({ notSays: expect.arrayContaining(['拍了']), notAfter: expect.arrayContaining(['ordered']) });
    expect((await db.phrases.get('payment-hesitate'))?.lead).toEqual({ notAfter: ['ordered'] });
    expect((await db.phrases.get('payment-will-pay'))?.lead).toEqual({ intents: [] });
    for (const r of await db.phrases.toArray()) expect(PhraseSchema.safeParse(r).error?.issues ?? []).toEqual([]);
    expect((await db.phrases.get('farewell-consulted'))?.useCount).toBe(5);
    db.close();
  });
});
