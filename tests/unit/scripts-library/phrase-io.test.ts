import { beforeEach, describe, expect, it } from 'vitest';
import { KefuDB } from '../../../storage/db';
import { freshDbPerTest } from '../../helpers/db';
import { applyImport } from '../../../storage/repositories/phrase-writes';
import { ensureDefaultPacks } from '../../../storage/repositories/packs';
import { listStages } from '../../../storage/repositories/phrases';
import {
  exportCsv,
  exportJsonPack,
  exportQianniuCsv,
  importRowId,
  planImport,
  readImportFile,
  type ReadResult,
} from '../../../scripts-library/files/phrase-io';
import { shortHash as hash } from '../../../scripts-library/shared/hash';
import { decodeGbk, encodeGbk, GbkEncodeError } from '../../../scripts-library/files/gbk';

const utf8 = (s: string) => new TextEncoder().encode(s);
const freshDb = freshDbPerTest();
let db: KefuDB;
beforeEach(async () => {
  db = freshDb();
  await ensureDefaultPacks(db);
});

async function plan(bytes: Uint8Array) {
  const read = readImportFile(bytes);
  if (!read.ok) throw new Error(read.error);
  return planImport(read, await db.phrases.toArray(), await listStages(db));
}
const await0 = { stageId: 'logistics', tags: [], pinned: false, useCount: 0, createdAt: 0, updatedAt: 0, origin: 'user' };
const snapshot = async () => ({ phrases: await db.phrases.orderBy('id').toArray(), stages: await db.stages.orderBy('id').toArray() });

describe('GBK', () => {
  it('round-trips Chinese text and refuses what GBK cannot hold', () => {
    const text = '快捷短语编码,快捷短语\r\nkd,亲，快递2-3天到！';
    const bytes = encodeGbk(text);
    expect(bytes.length).toBeLessThan(utf8(text).length);
    expect(decodeGbk(bytes)).toBe(text);
    expect(() => encodeGbk('好的😊')).toThrow(GbkEncodeError);
  });
});

describe('export → import round trips (the library is unchanged: every row is a duplicate)', () => {
  it.each([
    ['JSON pack', async () => utf8(exportJsonPack(await listStages(db), await db.phrases.toArray()))],
    ['CSV (UTF-8 + BOM)', async () => utf8(exportCsv(await listStages(db), await db.phrases.toArray()))],
  ])('%s', async (_label, make) => {
    const bytes = await make();
    const p = await plan(bytes);
    expect(p.invalid).toEqual([]);
    expect(p.added).toEqual([]);
    expect(p.updated).toEqual([]);
    expect(p.duplicates).toHaveLength(await db.phrases.count());
  });

  it('our CSV starts with a BOM and has the documented columns', async () => {
    const csv = exportCsv(await listStages(db), await db.phrases.toArray());
    expect(csv.startsWith('\ufeff阶段,标题,快捷编码,内容,标签\r\n')).toBe(true);
  });

  it('Qianniu CSV is GBK and reads back as Qianniu', async () => {
    const bytes = exportQianniuCsv(await listStages(db), await db.phrases.toArray());
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();
    expect(decodeGbk(bytes).startsWith('快捷短语编码,快捷短语,快捷短语分组\r\n')).toBe(true);
    const read = readImportFile(bytes) as Extract<ReadResult, { ok: true }>;
    expect(read.format).toBe('qianniu-csv');
    expect(read.rows[0]).toMatchObject({ row: 2, code: expect.any(String), stageName: expect.any(String) });
  });
});

describe('importing', () => {
  const QIANNIU = '快捷短语编码,快捷短语,快捷短语分组\r\nzz1,亲，新到的款式已经上架啦，欢迎来看看。,上新\r\nzz2,亲，周末仓库正常发货。,物流\r\n';

  it('previews new / updated / duplicate / invalid with row numbers, then applies and is idempotent', async () => {
    const csv =
      '\ufeff阶段,标题,快捷编码,内容,标签\r\n' +
      '物流,快递时效,kd,"快递一般两到三天送达。",快递\r\n' + // updates the stored "kd" phrase
      '欢迎,主动招呼,hy,"您好，欢迎光临{店铺名}，我是客服{客服名}，很高兴为您服务，请问有什么可以帮您的？",开场\r\n' + // unchanged
      '售后,新的致歉,xdq,"非常抱歉，我们马上处理。",售后|道歉\r\n' + // new
      '售后,空的,,,\r\n' + // invalid: empty body
      '售后,重码,xdq,"另一条",\r\n' + // invalid: code used by row 4
      '售后,未知占位符,,"您好{会员等级}",\r\n'; // invalid: unknown placeholder
    const p = await plan(utf8(csv));
    expect(p.updated.map((r) => [r.row, r.phrase.id])).toEqual([[2, 'logistics-transit']]);
    expect(p.duplicates.map((r) => r.row)).toEqual([3]);
    expect(p.added.map((r) => r.row)).toEqual([4]);
    expect(p.invalid.map((r) => [r.row, r.problems.map((x) => x.code)])).toEqual([
      [5, ['empty-body']],
      [6, ['duplicate-code']],
      [7, ['unknown-placeholder']],
    ]);

    const before = await db.phrases.count();
    expect(await applyImport(db, p)).toBe(2);
    expect(await db.phrases.count()).toBe(before + 1);
    expect((await db.phrases.get('logistics-transit'))?.body).toBe('快递一般两到三天送达。');
    const added = (await db.phrases.where('code').equals('xdq').first())!;
    expect(added).toMatchObject({ title: '新的致歉', tags: ['售后', '道歉'], origin: 'import', useCount: 0 });
    expect(added.pinyin?.initials).toContain('xdzq');

    const again = await plan(utf8(csv));
    expect([again.added.length, again.updated.length, again.duplicates.length]).toEqual([0, 0, 3]);
    const state = await snapshot();
    await applyImport(db, again);
    expect(await snapshot()).toEqual(state);
  });

  it('reads a Qianniu GBK file, creates its groups as stages, and twice changes nothing more', async () => {
    const bytes = encodeGbk(QIANNIU);
    const p = await plan(bytes);
    expect(p.format).toBe('qianniu-csv');
    // Titles skip the greeting every Qianniu phrase opens with (not 「亲」 for every row).
    expect(p.added.map((r) => r.phrase.title)).toEqual(['新到的款式已经上架啦', '周末仓库正常发货']);
    expect(p.newStages.map((s) => s.name)).toEqual(['上新']); // 物流 exists
    await applyImport(db, p);
    expect((await listStages(db)).some((s) => s.name === '上新')).toBe(true);
    const state = await snapshot();
    await applyImport(db, await plan(bytes));
    expect(await snapshot()).toEqual(state);
  });

  it('re-importing rows that share stage and title never writes one over the other (and keeps pins and counts)', async () => {
    const csv = utf8('阶段,标题,快捷编码,内容,标签\n欢迎,同名,,甲,\n欢迎,同名,,乙,\n');
    await applyImport(db, await plan(csv));
    const bodies = async () => (await db.phrases.filter((x) => x.title === '同名').toArray()).map((x) => x.body).sort();
    expect(await bodies()).toEqual(['乙', '甲']);
    const stored = (await db.phrases.filter((x) => x.title === '同名').toArray())!;
    await db.phrases.update(stored[0]!.id, { pinned: true, useCount: 7 });
    const state = await snapshot();
    const again = await plan(csv);
    expect([again.added.length, again.updated.length, again.duplicates.length]).toEqual([0, 0, 2]);
    await applyImport(db, again);
    expect(await snapshot()).toEqual(state);
    expect(await bodies()).toEqual(['乙', '甲']);
  });

  it('a row repeated inside the file is a duplicate: the preview counts what is stored, twice changes nothing', async () => {
    const q = '快捷短语编码,快捷短语,快捷短语分组\r\n,亲，这款今天下单明天发。,发货\r\n,亲，这款今天下单明天发。,发货\r\n,亲，有赠品哦。,发货\r\n';
    const p = await plan(encodeGbk(q));
    expect(p.added).toHaveLength(2);
    expect(p.duplicates).toEqual([{ row: 3, title: '这款今天下单明天发', inFile: true }]);
    const before = await db.phrases.count();
    await applyImport(db, p);
    expect(await db.phrases.count()).toBe(before + p.added.length);
    const again = await plan(encodeGbk(q));
    expect([again.added.length, again.updated.length]).toEqual([0, 0]);
  });

  it('row numbers are the ones Excel shows, blank lines included', async () => {
    const p = await plan(utf8('阶段,标题,快捷编码,内容,标签\r\n\r\n售后,空的,,,\r\n\r\n售后,好的,,"多行\n内容",\r\n售后,也空,,,\r\n'));
    expect(p.invalid.map((r) => r.row)).toEqual([3, 6]);
    expect(p.added.map((r) => r.row)).toEqual([5]);
  });

  it('groups that look like existing stages are offered for mapping; mapped rows join that stage, no new stage', async () => {
    const q = '快捷短语编码,快捷短语,快捷短语分组\r\n,亲，欢迎光临小店～,欢迎语\r\n,亲，客服暂时离开一下。,忙碌\r\n,亲，新品预告。,上新\r\n';
    const read = readImportFile(encodeGbk(q)) as Extract<ReadResult, { ok: true }>;
    const stages = await listStages(db);
    const id = (r: { title: string; body: string }) => `import-${hash(r.title + r.body)}`;
    const first = planImport(read, await db.phrases.toArray(), stages, { newId: id });
    expect(first.groups).toEqual([
      { name: '欢迎语', rows: 1, suggested: 'greeting' },
      { name: '忙碌', rows: 1, suggested: 'away' },
      { name: '上新', rows: 1, suggested: undefined },
    ]);
    const mapped = planImport(read, await db.phrases.toArray(), stages, { newId: id, stageMap: { 欢迎语: 'greeting', 忙碌: 'away' } });
    expect(mapped.newStages.map((s) => s.name)).toEqual(['上新']);
    expect(mapped.added.map((r) => r.phrase.stageId).slice(0, 2)).toEqual(['greeting', 'away']);
  });

  it('the preview refuses what the write would refuse (a 21-character tag) and creates no stage for invalid rows', async () => {
    const p = await plan(utf8(`阶段,标题,快捷编码,内容,标签\n全新阶段,甲,,内容,${'长'.repeat(21)}\n`));
    expect(p.invalid.map((r) => r.problems.map((x) => x.code))).toEqual([['tag-too-long']]);
    expect(p.newStages).toEqual([]);
  });

  it('plans a large file whole: every row new, in-file repeats and code clashes found (speed: npm run bench)', async () => {
    const lines = ['阶段,标题,快捷编码,内容,标签'];
    for (let i = 0; i < 20_000; i++) lines.push(`物流,标题${i},c${i},内容${i},`);
    lines.push('物流,标题7,c7,内容7,', '物流,别的,c8,别的内容,');
    const read = readImportFile(utf8(lines.join('\n')), 50_000_000) as Extract<ReadResult, { ok: true }>;
    const library = Array.from({ length: 2_000 }, (_, i) => ({ ...await0, id: `p${i}`, title: `库${i}`, body: `b${i}`, code: `k${i}` }));
    const p = planImport(read, library, await listStages(db), { newId: (r) => `import-${r.row}` });
    expect(p.added).toHaveLength(20_000);
    expect(p.duplicates).toEqual([{ row: 20_002, title: '标题7', inFile: true }]);
    expect(p.invalid.map((r) => [r.row, r.problems[0]!.code])).toEqual([[20_003, 'duplicate-code']]);
  });

  it.each([
    ['an empty file', new Uint8Array(), '文件是空的'],
    ['truncated JSON', utf8('{"format":"kefu-phrase-pack","version":1,"phrases":[{"id":'), 'JSON 无法解析'],
    ['a JSON that is not a pack', utf8('{"hello":"world"}'), '不是有效的短语包'],
    ['an unknown CSV header', utf8('name,text\nA,B\n'), '无法识别的表头'],
    ['a broken CSV quote', utf8('阶段,标题,快捷编码,内容,标签\n物流,"未闭合,kd,x,y\n'), 'CSV 第'],
  ])('%s is rejected with a clear reason and nothing changes', async (_label, bytes, reason) => {
    const state = await snapshot();
    const read = readImportFile(bytes);
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.error).toContain(reason);
    expect(await snapshot()).toEqual(state);
  });

  it('a failing write rolls the whole import back', async () => {
    const p = await plan(utf8('阶段,标题,快捷编码,内容,标签\n新阶段,甲,aa1,内容甲,\n新阶段,乙,aa2,内容乙,\n'));
    const state = await snapshot();
    // Sabotage the second row so the schema refuses it inside the transaction.
    (p.added[1]!.phrase as { title: string }).title = '';
    await expect(applyImport(db, p)).rejects.toThrow();
    expect(await snapshot()).toEqual(state);
  });
});

/** A real Qianniu export: two-letter codes every Qianniu library uses, which the default library uses too. */
const QIANNIU_CLASHES = [
  '快捷短语编码,快捷短语,快捷短语分组',
  'by,亲，本店满99元包邮（新疆、西藏除外），不满的话运费10元哦,售前',
  'fh,亲，现货48小时内发出，预售按页面时间发货,售前',
  'kd,亲亲，默认中通快递，需要顺丰请补差价,售前',
  'cf,亲，您拍下的宝贝还没有付款哦，库存紧张，早付早发,催付',
  'th,亲，7天无理由退换，不影响二次销售即可,售后',
  'hh,亲，好评晒图联系客服返现5元哦,售后',
].join('\r\n');

describe('a Qianniu file whose codes clash with the default library (#29 item 2)', () => {
  const planWith = async (bytes: Uint8Array, options: Parameters<typeof planImport>[3] = {}) => {
    const read = readImportFile(bytes);
    if (!read.ok) throw new Error(read.error);
    const initialsOf = (await import('../../../scripts-library/shared/pinyin')).phrasePinyin;
    return planImport(read, await db.phrases.toArray(), await listStages(db), {
      initialsOf: (text) => initialsOf([text]).initials,
      ...options,
    });
  };

  it('names every clash with the phrase it clashes with; by default nothing is overwritten, rows come in under new codes', async () => {
    const before = await db.phrases.get('aftersales-exchange-how');
    const p = await planWith(encodeGbk(QIANNIU_CLASHES));
    expect(p.clashes.map((c) => [c.code, c.owner.title, c.choice])).toEqual([
      ['by', '包邮说明', 'rename'],
      ['fh', '发货时间', 'rename'],
      ['kd', '快递时效', 'rename'],
      ['cf', '拍下未付（15分钟）', 'rename'],
      ['th', '退换货政策', 'rename'],
      ['hh', '换货流程', 'rename'],
    ]);
    expect(p.updated).toEqual([]);
    expect(p.added).toHaveLength(6);
    const codes = p.added.map((a) => a.phrase.code!);
    const stored = new Set((await db.phrases.toArray()).map((x) => x.code));
    expect(codes.filter((c) => stored.has(c))).toEqual([]);
    expect(new Set(codes).size).toBe(6);
    // The README's rule: letters of the words, never a collision number.
    expect(codes.filter((c) => !/^[a-z]{2,8}$/.test(c))).toEqual([]);
    await applyImport(db, p);
    expect(await db.phrases.get('aftersales-exchange-how')).toEqual(before);
    const state = await snapshot();
    const again = await planWith(encodeGbk(QIANNIU_CLASHES));
    expect([again.added.length, again.updated.length, again.clashes.length]).toEqual([0, 0, 0]);
    await applyImport(db, again);
    expect(await snapshot()).toEqual(state);
  });

  it('a clash can keep the library’s phrase (the row is skipped) or take the file’s wording (named as an update)', async () => {
    const hh = (await planWith(encodeGbk(QIANNIU_CLASHES))).clashes.find((c) => c.code === 'hh')!;
    const by = (await planWith(encodeGbk(QIANNIU_CLASHES))).clashes.find((c) => c.code === 'by')!;
    const p = await planWith(encodeGbk(QIANNIU_CLASHES), { clashChoices: { [hh.row]: 'take', [by.row]: 'keep' } });
    expect(p.updated.map((u) => [u.existing?.title, u.phrase.body])).toEqual([['换货流程', '亲，好评晒图联系客服返现5元哦']]);
    expect(p.added.map((a) => a.phrase.body)).not.toContain('亲，本店满99元包邮（新疆、西藏除外），不满的话运费10元哦');
    expect(p.added).toHaveLength(4);
    await applyImport(db, p);
    expect((await db.phrases.get('aftersales-exchange-how'))?.body).toBe('亲，好评晒图联系客服返现5元哦');
    expect((await db.phrases.get('pricing-free-shipping'))?.code).toBe('by');
  });

  it('titles end at a clause boundary, never inside brackets or after a 、', async () => {
    const titles = (await planWith(encodeGbk(QIANNIU_CLASHES))).added.map((a) => a.phrase.title);
    expect(titles[0]).toBe('本店满99元包邮');
    for (const title of titles) {
      expect(title).not.toMatch(/[（(、，,]$/);
      expect((title.match(/[（(]/g) ?? []).length).toBe((title.match(/[）)]/g) ?? []).length);
    }
  });
});

describe('files an agent’s tools really write (#30 m1, m3)', () => {
  it('a file of GBK rows with one row pasted in as UTF-8 reads every row as written (no mojibake)', () => {
    const gbk = encodeGbk('快捷短语编码,快捷短语,快捷短语分组\r\nfhsj,亲，今天下单明天发货,物流\r\n');
    const bytes = new Uint8Array([...gbk, ...utf8('qtsh,亲，七天无理由退货，放心购买,售后\r\n')]);
    const read = readImportFile(bytes);
    expect(read.ok && read.rows.map((r) => [r.code, r.body, r.stageName])).toEqual([
      ['fhsj', '亲，今天下单明天发货', '物流'],
      ['qtsh', '亲，七天无理由退货，放心购买', '售后'],
    ]);
  });

  it('a CSV PapaParse cannot read is refused in Chinese, without its English error text', () => {
    const read = readImportFile(utf8('阶段,标题,快捷编码,内容,标签\n物流,"未闭合,kd,x,y\n'));
    expect(read.ok).toBe(false);
    if (!read.ok) {
      expect(read.error).toMatch(/引号/);
      expect(read.error.replace(/CSV/g, '')).not.toMatch(/[A-Za-z]{3,}/); // PapaParse's: “Quoted field unterminated”
    }
  });
});

describe('importRowId: the id a new imported phrase gets', () => {
  const row = { row: 1, stageName: '售后', title: '退货地址', body: '请寄回：上海市…', tags: [] };
  it('is the same for the same row read again (a file imported twice adds it once), whatever its line', () => {
    expect(importRowId({ ...row, row: 7 })).toBe(importRowId(row));
    expect(importRowId(row)).toMatch(/^import-/);
  });
  it.each([
    ['another group', { stageName: '物流' }],
    ['another title', { title: '退货流程' }],
    ['another body', { body: '请寄回：北京市…' }],
  ])('differs for %s', (_label, change) => {
    expect(importRowId({ ...row, ...change })).not.toBe(importRowId(row));
  });
});

describe('what a phrase answers and when it may lead travel with it (#32 item 2)', () => {
  const guarded = {
    ...await0,
    id: 'user-pay-later',
    stageId: 'order',
    title: '先用后付（本店）',
    body: '亲，本店支持先用后付，付款页选择即可。',
    intents: ['pay-method'],
    lead: { says: ['先用后付', '月付'], notSays: ['花呗'] },
  };

  it('a JSON pack export holds them and an import into another library restores them', async () => {
    await db.phrases.put(guarded);
    const bytes = utf8(exportJsonPack(await listStages(db), [guarded]));
    await db.phrases.delete(guarded.id);
    const p = await plan(bytes);
    expect(p.added.map((a) => a.phrase)).toEqual([expect.objectContaining({ intents: ['pay-method'], lead: { says: ['先用后付', '月付'], notSays: ['花呗'] } })]);
    await applyImport(db, p);
    expect(await db.phrases.get(guarded.id)).toMatchObject({ intents: ['pay-method'], lead: { says: ['先用后付', '月付'], notSays: ['花呗'] } });
  });

  it('a JSON pack that changes only a guard updates the phrase; one without guards keeps the stored ones', async () => {
    await db.phrases.put(guarded);
    const stages = await listStages(db);
    const changed = await plan(utf8(exportJsonPack(stages, [{ ...guarded, lead: { says: ['先用后付'] } }])));
    expect(changed.updated.map((u) => u.phrase.lead)).toEqual([{ says: ['先用后付'] }]);
    const bare = await plan(utf8(exportJsonPack(stages, [{ ...guarded, intents: undefined, lead: undefined }])));
    expect(bare.updated).toEqual([]);
    expect(bare.duplicates).toHaveLength(1);
  });

  it('a CSV update rewords a phrase without stripping its guard (CSV has no column for it)', async () => {
    const csv = '\ufeff阶段,标题,快捷编码,内容,标签\r\n物流,发货延迟致歉,,"亲，实在抱歉，您的订单要晚一天发出。",\r\n';
    await applyImport(db, await plan(utf8(csv)));
    const saved = (await db.phrases.get('followup-late-shipping'))!;
    expect(saved.body).toBe('亲，实在抱歉，您的订单要晚一天发出。');
    expect(saved.lead).toMatchObject({ intents: ['ship-urge'], says: expect.arrayContaining(['还没发']) });
  });

  it('a pack whose guard holds an unknown intent or an over-long word is refused with a reason', () => {
    const file = (lead: unknown) => utf8(JSON.stringify({ format: 'kefu-phrase-pack', version: 1, id: 'x', name: 'x', stages: [{ id: 'order', name: '下单', order: 1, color: '#000000', builtin: true }], phrases: [{ id: 'a', stageId: 'order', title: 't', body: 'b', tags: [], lead }] }));
    expect(readImportFile(file({ intents: ['no-such-intent'] }))).toMatchObject({ ok: false });
    expect(readImportFile(file({ says: ['这是一个超过二十个字的很长很长很长很长的词语'] }))).toMatchObject({ ok: false });
    expect(readImportFile(file({ says: ['白条'] }))).toMatchObject({ ok: true });
  });
});
