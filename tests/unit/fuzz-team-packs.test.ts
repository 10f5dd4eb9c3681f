/**
 * Hostile team-pack files (#30: the fuzz suite covers team packs as it covers phrase imports). The agent already
 * has a team pack v2 here, with one of its phrases edited, one deleted, and a personal phrase of their own. Each
 * file must give a clear error with the database exactly as before, or a plan whose application loses nothing
 * of the agent's: the personal phrase, the edit and the deletion survive, no phrase disappears unasked, and no
 * object prototype is touched.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { KefuDB } from '../../storage/db';
import { freshDbPerTest } from '../helpers/db';
import { ensureDefaultPacks, isPristineDefault } from '../../storage/repositories/packs';
import { applyPackUpdate, deletePhrase, getInstalledPack, savePhrase } from '../../storage/repositories/phrase-writes';
import { listStages } from '../../storage/repositories/phrases';
import { stable, TABLE_NAMES } from '../../storage/backup';
import { readImportFile } from '../../scripts-library/files/phrase-io';
import { planPackUpdate, storedId } from '../../scripts-library/files/team-pack';
import type { Phrase } from '../../scripts-library/shared/schema';

const freshDb = freshDbPerTest('fuzz-team');
let db: KefuDB;
const utf8 = (s: string) => new TextEncoder().encode(s);
const STAGES = [{ id: 'aftersales', name: '售后', order: 90, color: '#0f766e', builtin: true }];
const row = (id: string, title: string, body: string, extra: Record<string, unknown> = {}) => ({ id, stageId: 'aftersales', title, body, tags: [], ...extra });
const GOOD = [row('a', '团队致歉', '非常抱歉给您添麻烦了'), row('b', '团队退款', '已为您办理退款', { code: 'tdtk' }), row('c', '团队回访', '请问问题解决了吗')];
const pack = (extra: Record<string, unknown> = {}, phrases: unknown = GOOD) =>
  ({ format: 'kefu-phrase-pack', version: 1, id: 'team-fz', name: '售后组', packVersion: 3, author: '组长', stages: STAGES, phrases, ...extra });
const file = (extra: Record<string, unknown> = {}, phrases?: unknown) => utf8(JSON.stringify(pack(extra, phrases)));

const PERSONAL = { id: 'user-1', stageId: 'aftersales', title: '我的退款话术', body: '退款已经在路上啦', code: 'wdtk', tags: [] };
beforeEach(async () => {
  vi.spyOn(console, 'warn').mockImplementation(() => {});
  db = freshDb();
  await ensureDefaultPacks(db);
  await savePhrase(db, PERSONAL);
  for (const version of [1, 2]) {
    const read = readImportFile(file({ packVersion: version }));
    if (!read.ok || !read.team) throw new Error('setup');
    const r = planPackUpdate(read.team, await db.phrases.toArray(), await listStages(db), await getInstalledPack(db, 'team-fz'), { pristine: isPristineDefault });
    if (!r.ok) throw new Error(r.error);
    await applyPackUpdate(db, r.plan, false);
  }
  await savePhrase(db, { ...(await db.phrases.get(storedId('team-fz', 'b')))!, body: '我改过的退款说法' });
  await deletePhrase(db, storedId('team-fz', 'c'));
});

const dump = async () => Object.fromEntries(await Promise.all(TABLE_NAMES.map(async (n) => [n, stable(await db.table(n).orderBy(':id').toArray())])));
const clear = (error: string) => {
  expect(error.length).toBeGreaterThan(3);
  expect(error).not.toMatch(/(?<!received )undefined|\[object|at .+\(.+:\d+:\d+\)/);
};
const many = (n: number, make: (i: number) => unknown) => Array.from({ length: n }, (_, i) => make(i));

const FILES: [string, Uint8Array][] = [
  ['packVersion as a string', file({ packVersion: '4' })],
  ['packVersion 0', file({ packVersion: 0 })],
  ['a negative packVersion', file({ packVersion: -4 })],
  ['a fractional packVersion', file({ packVersion: 3.5 })],
  ['packVersion past the limit', file({ packVersion: 1e7 })],
  ['packVersion null', file({ packVersion: null })],
  ['an older version than the one here', file({ packVersion: 1 })],
  ['the same version with other content', file({ packVersion: 2 }, [row('a', '团队致歉', '加我微信给您返现')])],
  ['the same version, same content', file({ packVersion: 2 })],
  ['the largest version', file({ packVersion: 1_000_000 })],
  ['an author of 41 characters', file({ author: '长'.repeat(41) })],
  ['an author that is a number', file({ author: 7 })],
  ['another team’s author', file({ author: '隔壁组长' })],
  ['a name of 100 000 characters', file({ name: '名'.repeat(100_000) })],
  ['an empty name', file({ name: '' })],
  ['a __proto__ pack id', file({ id: '__proto__' })],
  ['the default library’s id', file({ id: 'default' })],
  ['the personal phrases’ origin as id', file({ id: 'user' })],
  ['a pack id of 81 characters', file({ id: 'x'.repeat(81) })],
  ['a contentHash that is no hash', file({ contentHash: 'abc' })],
  ['a contentHash of other content', file({ contentHash: 'a'.repeat(64) })],
  ['__proto__ keys everywhere', utf8(JSON.stringify(pack()).replace('{"format"', '{"__proto__":{"polluted":1},"format"').replace(/\{"id":"a"/, '{"__proto__":{"polluted":2},"id":"a"'))],
  ['constructor and prototype as phrase ids', file({}, [row('constructor', '构造', '内容一'), row('prototype', '原型', '内容二'), row('toString', '字符串', '内容三')])],
  ['a __proto__ phrase id', file({}, [row('__proto__', '原型', '内容')])],
  ['phrases as an object', file({}, { a: row('a', '甲', '乙') })],
  ['phrases empty', file({}, [])],
  ['a phrase that is a string', file({}, ['团队致歉'])],
  ['a phrase without a body', file({}, [{ id: 'x', stageId: 'aftersales', title: 't' }])],
  ['a body that is a number', file({}, [{ ...row('x', '数字', ''), body: 12 }])],
  ['a body of 501 characters', file({}, [row('x', '长', '长'.repeat(501))])],
  ['a title of 61 characters', file({}, [row('x', '题'.repeat(61), '内容')])],
  ['a title of spaces', file({}, [row('x', '   ', '内容')])],
  ['5 variants', file({}, [row('x', '多', '内容', { variants: ['一', '二', '三', '四', '五'] })])],
  ['a variant equal to the body', file({}, [row('x', '重', '内容', { variants: ['内容'] })])],
  ['21 tags', file({}, [row('x', '标签', '内容', { tags: many(21, (i) => `t${i}`) })])],
  ['a tag of 21 characters', file({}, [row('x', '标签', '内容', { tags: ['标'.repeat(21)] })])],
  ['an unknown placeholder', file({}, [row('x', '占位', '您好{会员等级}')])],
  ['duplicate phrase ids', file({}, [row('a', '甲', '一'), row('a', '乙', '二')])],
  ['two rows with one code', file({}, [row('x', '甲', '一', { code: 'tdzz' }), row('y', '乙', '二', { code: 'tdzz' })])],
  ['a code the personal phrase has', file({}, [...GOOD, row('x', '甲', '一', { code: 'wdtk' })])],
  ['a code a default phrase has', file({}, [...GOOD, row('x', '甲', '一', { code: 'fh' })])],
  ['a code with spaces and symbols', file({}, [row('x', '甲', '一', { code: 'k d!' })])],
  ['a ref equal to the personal phrase’s id', file({}, [...GOOD, row('user-1', '我的退款话术', '团队的退款说法', { code: 'wdtk' })])],
  ['a ref equal to a default phrase’s id, other wording', file({}, [...GOOD, { ...row('logistics-ship-time', '发货时间', '团队的发货说法'), stageId: 'logistics' }], )],
  ['a phrase in an unknown stage', file({}, [{ ...row('x', '甲', '一'), stageId: 'nowhere' }])],
  ['a stage with a __proto__ id', file({ stages: [{ ...STAGES[0], id: '__proto__' }] }, [{ ...row('x', '甲', '一'), stageId: '__proto__' }])],
  ['a stage colour that is no colour', file({ stages: [{ ...STAGES[0], color: 'red' }] })],
  ['a stage name of 21 characters', file({ stages: [{ id: 'new', name: '阶'.repeat(21), order: 1, color: '#000000' }] }, [{ ...row('x', '甲', '一'), stageId: 'new' }])],
  ['a builtin stage id under another name', file({ stages: [{ ...STAGES[0], name: '别的名字' }] })],
  ['2,000 phrases that all drop the ones here', file({}, many(2000, (i) => row(`n${i}`, `新${i}`, `新的内容${i}`)))],
  ['refs of 80 characters in a long pack id', file({ id: 't'.repeat(80) }, many(3, (i) => row(`${'r'.repeat(78)}${i}`, `长${i}`, `长的内容${i}`)))],
];

describe('team packs from hostile files', () => {
  it(`takes ${FILES.length} files`, () => expect(FILES.length).toBeGreaterThanOrEqual(45));

  it.each(FILES)('%s: a clear error and nothing written, or a plan that loses nothing of the agent’s', { timeout: 30_000 }, async (_label, bytes) => {
    const before = await dump();
    const phrasesBefore = new Map((await db.phrases.toArray()).map((p) => [p.id, p]));
    const read = readImportFile(bytes);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    if (!read.ok) return clear(read.error), expect(await dump()).toEqual(before);
    if (!read.team) return; // not a team pack: the phrase importer's fuzz covers it
    const planned = planPackUpdate(read.team, await db.phrases.toArray(), await listStages(db), await getInstalledPack(db, read.team.id), { pristine: isPristineDefault });
    if (!planned.ok) return clear(planned.error), expect(await dump()).toEqual(before);
    for (const r of planned.plan.invalid) expect(r.problems.length).toBeGreaterThan(0);
    // What pressing 更新 would do, removal not ticked: a plan the preview showed must apply (the write would
    // otherwise fail with a schema error the agent cannot act on).
    await applyPackUpdate(db, planned.plan, false);
    const after = new Map((await db.phrases.toArray()).map((p) => [p.id, p]));
    // Nothing disappears unasked; the personal phrase, the edit and the deletion stand.
    for (const id of phrasesBefore.keys()) expect(after.has(id)).toBe(true);
    expect(after.get('user-1')).toMatchObject(PERSONAL);
    expect(after.get('user-1')?.pack).toBeUndefined(); // never taken into a pack
    expect(after.get(storedId('team-fz', 'b'))?.body).toBe('我改过的退款说法');
    if (read.team.id === 'team-fz') expect(after.has(storedId('team-fz', 'c'))).toBe(false);
    // Only this pack's phrases and never-edited default phrases may change.
    for (const [id, old] of phrasesBefore) {
      const now = after.get(id)!;
      const mayChange = old.pack?.id === read.team.id || isPristineDefault(old);
      if (!mayChange) expect(wording(now)).toEqual(wording(old));
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('pack ids the library itself uses', () => {
  it.each(['default', 'user', 'import'])('a team pack called “%s” is refused in words', async (id) => {
    const read = readImportFile(file({ id }));
    const r = read.ok && read.team ? planPackUpdate(read.team, await db.phrases.toArray(), await listStages(db), undefined) : undefined;
    expect(r?.ok).toBe(false);
    if (r && !r.ok) clear(r.error);
  });
});

const wording = (p: Phrase) => [p.stageId, p.title, p.body, p.code, p.tags, p.variants, p.pinned, p.useCount];
