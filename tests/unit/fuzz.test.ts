/**
 * Hostile and broken input at every door: the phrase importer, the rule importer, the backup restore and every
 * message type. Each one must give a clear error (a sentence, not a stack or "undefined") and leave the
 * database exactly as it was (a dump of every table before and after).
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { KefuDB } from '../../storage/db';
import { freshDbPerTest } from '../helpers/db';
import { ensureDefaultPacks } from '../../storage/repositories/packs';
import { ensureDefaultRules } from '../../storage/repositories/rules';
import { applyImport } from '../../storage/repositories/phrase-writes';
import { applyRuleImport } from '../../storage/repositories/rules';
import { applyRestore, exportBackup, parseBackup, stable, TABLE_NAMES } from '../../storage/backup';
import { shortHash as hash } from '../../scripts-library/shared/hash';
import { planImport, readImportFile, type ReadResult } from '../../scripts-library/files/phrase-io';
import { planRuleImport, readRulePack } from '../../scripts-library/files/rule-io';
import { listStages } from '../../storage/repositories/phrases';
import { createBackground } from '../../entrypoints/background/handlers';
import { guardHandlers } from '../../entrypoints/background/guard';
import { guardSourceFor } from '../helpers/background';
import { bundledShipped } from '../../entrypoints/background/shipped-bundled';
import { ChatTabRegistry } from '../../storage/chat-tabs';
import { BACKGROUND_PROTOCOL, ContentRequestSchema, parseMessage } from '../../scripts-library/shared/protocol';
import { encodeGbk } from '../../scripts-library/files/gbk';

const freshDb = freshDbPerTest('fuzz');
let db: KefuDB;
let valid: string;
beforeEach(async () => {
  vi.spyOn(console, 'warn').mockImplementation(() => {}); // every rejected message is logged
  db = freshDb();
  await ensureDefaultPacks(db);
  await ensureDefaultRules(db);
  valid = await exportBackup(db, 1);
});

const dump = async () => Object.fromEntries(await Promise.all(TABLE_NAMES.map(async (n) => [n, stable(await db.table(n).orderBy(':id').toArray())])));
/** A clear error: a sentence in words, not a leaked stack, "undefined" or an empty string. */
const clear = (error: string) => {
  expect(error.length).toBeGreaterThan(3);
  expect(error).not.toMatch(/(?<!received )undefined|\[object|at .+\(.+:\d+:\d+\)/);
};
const utf8 = (s: string) => new TextEncoder().encode(s);
const H = '阶段,标题,快捷编码,内容,标签\n';
const Q = '快捷短语编码,快捷短语,快捷短语分组\n';
const pack = (phrases: unknown, extra: Record<string, unknown> = {}) =>
  JSON.stringify({ format: 'kefu-phrase-pack', version: 1, id: 'p', name: '包', stages: [], phrases, ...extra });

// ── the phrase importer ─────────────────────────────────────────────────────────────────────────────────────
const PHRASE_FILES: [string, Uint8Array][] = [
  ['empty', new Uint8Array()],
  ['one space', utf8(' ')],
  ['a BOM alone', utf8('\ufeff')],
  ['NUL bytes', new Uint8Array(64)],
  ['random binary', Uint8Array.from({ length: 512 }, (_, i) => (i * 7919) % 256)],
  ['a PNG header', Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13])],
  ['over 5 MB', new Uint8Array(5_000_001).fill(0x41)],
  ['truncated JSON', utf8('{"format":"kefu-phrase-pack","version":1,"phrases":[{"id":')],
  ['JSON null', utf8('null')],
  ['JSON number', utf8('42')],
  ['JSON array root', utf8('[{"title":"a"}]')],
  ['JSON string root', utf8('"kefu"')],
  ['JSON of another tool', utf8('{"hello":"world"}')],
  ['a pack of a future version', utf8(pack([{ id: 'a', stageId: 's', title: 't', body: 'b' }], { version: 2 }))],
  ['a pack with the wrong format', utf8(pack([{ id: 'a', stageId: 's', title: 't', body: 'b' }], { format: 'other' }))],
  ['a pack without phrases', utf8(pack([]))],
  ['phrases as an object', utf8(pack({ a: 1 }))],
  ['a phrase with an unknown stage', utf8(pack([{ id: 'a', stageId: 'nowhere', title: 't', body: 'b' }]))],
  ['a phrase id of 81 characters', utf8(pack([{ id: 'x'.repeat(81), stageId: 's', title: 't', body: 'b' }], { stages: [{ id: 's', name: 'S', order: 1, color: '#000000' }] }))],
  ['a __proto__ phrase id', utf8(pack([{ id: '__proto__', stageId: 's', title: 't', body: 'b' }], { stages: [{ id: 's', name: 'S', order: 1, color: '#000000' }] }))],
  ['duplicate phrase ids', utf8(pack([{ id: 'a', stageId: 's', title: 't', body: 'b' }, { id: 'a', stageId: 's', title: 't2', body: 'b2' }], { stages: [{ id: 's', name: 'S', order: 1, color: '#000000' }] }))],
  ['a body of numbers', utf8(pack([{ id: 'a', stageId: 's', title: 't', body: 12 }], { stages: [{ id: 's', name: 'S', order: 1, color: '#000000' }] }))],
  ['a stage colour that is no colour', utf8(pack([{ id: 'a', stageId: 's', title: 't', body: 'b' }], { stages: [{ id: 's', name: 'S', order: 1, color: 'red' }] }))],
  ['deeply nested JSON', utf8('['.repeat(5000) + ']'.repeat(5000))],
  ['an unknown CSV header', utf8('name,text\nA,B\n')],
  ['a one-column CSV', utf8('内容\n你好\n')],
  ['a CSV quote never closed', utf8(`${H}物流,"未闭合,kd,x,y\n`)],
  ['a CSV header alone', utf8(H)],
  ['CSV rows all empty', utf8(`${H},,,,\n,,,,\n`)],
  ['CSV without bodies', utf8(`${H}物流,标题,,,\n售后,标题2,,,\n`)],
  ['CSV without titles', utf8(`${H}物流,,kd9,内容,\n`)],
  ['CSV with a bad code', utf8(`${H}物流,甲,"k d!",内容,\n`)],
  ['CSV with a code of 21 letters', utf8(`${H}物流,甲,${'k'.repeat(21)},内容,\n`)],
  ['CSV with a body of 501 characters', utf8(`${H}物流,甲,,${'长'.repeat(501)},\n`)],
  ['CSV with a title of 61 characters', utf8(`${H}物流,${'题'.repeat(61)},,内容,\n`)],
  ['CSV with an unknown placeholder', utf8(`${H}物流,甲,,您好{会员等级},\n`)],
  ['CSV with a 21-character tag', utf8(`${H}物流,甲,,内容,${'标'.repeat(21)}\n`)],
  ['CSV with 21 tags', utf8(`${H}物流,甲,,内容,${Array.from({ length: 21 }, (_, i) => `t${i}`).join('|')}\n`)],
  ['CSV rows with bodies of spaces only', utf8(`${H}物流,甲,,"   ",\n售后,乙,,"\u3000",\n`)],
  ['Qianniu CSV without bodies', encodeGbk(`${Q}zz1,,上新\nzz2,,物流\n`)],
  ['Qianniu CSV with bad codes', encodeGbk(`${Q}坏码,亲，好的,上新\n`)],
  ['Qianniu CSV with a quote never closed', encodeGbk(`${Q}zz1,"亲，好的,上新\n`)],
  ['formula cells with no body', utf8(`${H}=cmd,=HYPERLINK(1),,,\n`)],
];

describe('the phrase importer', () => {
  it(`takes ${PHRASE_FILES.length} malformed files`, () => expect(PHRASE_FILES.length).toBeGreaterThanOrEqual(40));

  it.each(PHRASE_FILES)('%s: a clear error, nothing written', async (_label, bytes) => {
    const before = await dump();
    const read = readImportFile(bytes);
    if (!read.ok) {
      clear(read.error);
    } else {
      const plan = planImport(read as Extract<ReadResult, { ok: true }>, await db.phrases.toArray(), await listStages(db), { newId: (r) => `import-${hash(r.title + r.body)}` });
      expect(plan.added.length + plan.updated.length).toBe(0);
      for (const row of plan.invalid) expect(row.problems.length).toBeGreaterThan(0);
      await applyImport(db, plan); // what pressing 导入 would do
    }
    expect(await dump()).toEqual(before);
  });
});

// ── the rule importer ───────────────────────────────────────────────────────────────────────────────────────
const rulePack = (rules: unknown) => JSON.stringify({ format: 'kefu-rule-pack', version: 1, id: 'r', name: '规则', rules });
const rule = (over: Record<string, unknown>) => ({ id: 'mine-1', terms: ['加微信'], category: 'off-platform', severity: 'block', ...over });
const RULE_FILES: [string, string][] = [
  ['empty', ''],
  ['not JSON', '规则'],
  ['truncated', '{"format":"kefu-rule-pack","rules":[{"id":'],
  ['null', 'null'],
  ['an array', '[]'],
  ['a phrase pack', pack([{ id: 'a', stageId: 's', title: 't', body: 'b' }])],
  ['a future version', JSON.stringify({ format: 'kefu-rule-pack', version: 2, rules: [rule({})] })],
  ['rules as a string', JSON.stringify({ format: 'kefu-rule-pack', version: 1, rules: 'all' })],
  ['a rule of null', rulePack([null])],
  ['a rule of a number', rulePack([7])],
  ['a rule without terms or patterns', rulePack([rule({ terms: [] })])],
  ['an unknown category', rulePack([rule({ category: 'spam' })])],
  ['an unknown severity', rulePack([rule({ severity: 'fatal' })])],
  ['an empty term', rulePack([rule({ terms: [''] })])],
  ['a term of 41 characters', rulePack([rule({ terms: ['词'.repeat(41)] })])],
  ['terms as a string', rulePack([rule({ terms: '加微信' })])],
  ['an id of 81 characters', rulePack([rule({ id: 'r'.repeat(81) })])],
  ['an empty id', rulePack([rule({ id: '' })])],
  ['a __proto__ id', rulePack([rule({ id: '__proto__' })])],
  ['a numeric id', rulePack([rule({ id: 5 })])],
  ['a broken pattern', rulePack([rule({ terms: [], patterns: ['('] })])],
  ['a catastrophic pattern', rulePack([rule({ terms: [], patterns: ['^(a+)+$'] })])],
  ['an alternation under a star', rulePack([rule({ terms: [], patterns: ['(a|aa)*b'] })])],
  ['a pattern matching the empty string', rulePack([rule({ terms: [], patterns: ['x*'] })])],
  ['a pattern matching nothing but a position', rulePack([rule({ terms: [], patterns: ['\\b'] })])],
  ['a pattern of 201 characters', rulePack([rule({ terms: [], patterns: ['a'.repeat(201)] })])],
  ['patterns as a string', rulePack([rule({ patterns: '\\d+' })])],
  ['an empty allow context', rulePack([rule({ allow: [''] })])],
  ['allow as a string', rulePack([rule({ allow: '群' })])],
  ['a replacement of 41 characters', rulePack([rule({ replacement: '换'.repeat(41) })])],
  ['enabled as a string', rulePack([rule({ enabled: 'yes' })])],
  ['two rules of one id', rulePack([rule({ id: 'bad-dup' }), rule({ id: 'bad-dup', terms: ['a'] })].map((r, i) => (i === 0 ? { ...r, terms: [] } : { ...r, patterns: ['('] })))],
  ['suggestion as a number', rulePack([rule({ suggestion: 1 })])],
  ['note as an object', rulePack([rule({ note: {} })])],
  ['a nested array rule', rulePack([[rule({})]])],
  ['a rule with a category of null', rulePack([rule({ category: null })])],
  ['a rule with severity missing', rulePack([{ id: 'x', terms: ['a'], category: 'abuse' }])],
  ['a rule with category missing', rulePack([{ id: 'x', terms: ['a'], severity: 'warn' }])],
  ['a rule with terms of numbers', rulePack([rule({ terms: [1, 2] })])],
  ['a rule with patterns of null', rulePack([rule({ patterns: [null] })])],
  ['a huge list of bad rules', rulePack(Array.from({ length: 500 }, (_, i) => rule({ id: `x${i}`, severity: 'nope' })))],
];

describe('the rule importer', () => {
  it(`takes ${RULE_FILES.length} malformed files`, () => expect(RULE_FILES.length).toBeGreaterThanOrEqual(40));

  it.each(RULE_FILES)('%s: a clear error, nothing written', async (_label, text) => {
    const before = await dump();
    const read = readRulePack(text);
    if (!read.ok) {
      clear(read.error);
    } else {
      const plan = planRuleImport(read.rules, await db.rules.toArray());
      expect(plan.added.length + plan.updated.length).toBe(0);
      expect(plan.invalid.length).toBeGreaterThan(0);
      for (const row of plan.invalid) clear(row.reason);
      await applyRuleImport(db, plan);
    }
    expect(await dump()).toEqual(before);
  });
});

// ── the backup restore ──────────────────────────────────────────────────────────────────────────────────────
type Json = { tables: Record<string, Record<string, unknown>[]> } & Record<string, unknown>;
const mutations: [string, (b: Json) => unknown][] = [
  ['no format', (b) => ({ ...b, format: undefined })],
  ['another format', (b) => ({ ...b, format: 'kefu-phrase-pack' })],
  ['a future file version', (b) => ({ ...b, version: 2 })],
  ['a future schema version', (b) => ({ ...b, schemaVersion: 99 })],
  ['schema version 0', (b) => ({ ...b, schemaVersion: 0 })],
  ['schema version as text', (b) => ({ ...b, schemaVersion: '4' })],
  ['no tables', (b) => ({ ...b, tables: undefined })],
  ['tables as an array', (b) => ({ ...b, tables: [] })],
  ['a table missing', (b) => ({ ...b, tables: { ...b.tables, phrases: undefined } })],
  ['a table as an object', (b) => ({ ...b, tables: { ...b.tables, tally: {} } })],
  ['a phrase of null', (b) => ({ ...b, tables: { ...b.tables, phrases: [null] } })],
  ['a phrase without a body', (b) => ({ ...b, tables: { ...b.tables, phrases: [{ ...b.tables.phrases![0], body: undefined }] } })],
  ['a phrase body of 501 characters', (b) => ({ ...b, tables: { ...b.tables, phrases: [{ ...b.tables.phrases![0], body: '长'.repeat(501) }] } })],
  ['a negative use count', (b) => ({ ...b, tables: { ...b.tables, phrases: [{ ...b.tables.phrases![0], useCount: -1 }] } })],
  ['a fractional use count', (b) => ({ ...b, tables: { ...b.tables, phrases: [{ ...b.tables.phrases![0], useCount: 1.5 }] } })],
  ['a __proto__ phrase id', (b) => ({ ...b, tables: { ...b.tables, phrases: [{ ...b.tables.phrases![0], id: '__proto__' }] } })],
  ['two phrases of one id', (b) => ({ ...b, tables: { ...b.tables, phrases: [b.tables.phrases![0], b.tables.phrases![0]] } })],
  ['two settings of one key', (b) => ({ ...b, tables: { ...b.tables, settings: [{ key: 'shopName', value: 'a' }, { key: 'shopName', value: 'b' }] } })],
  ['a setting without a key', (b) => ({ ...b, tables: { ...b.tables, settings: [{ value: 1 }] } })],
  ['a stage colour that is no colour', (b) => ({ ...b, tables: { ...b.tables, stages: [{ ...b.tables.stages![0], color: 'blue' }] } })],
  ['a stage of 21 characters', (b) => ({ ...b, tables: { ...b.tables, stages: [{ ...b.tables.stages![0], name: '阶'.repeat(21) }] } })],
  ['a rule with a catastrophic pattern', (b) => ({ ...b, tables: { ...b.tables, rules: [{ ...b.tables.rules![0], patterns: ['(a+)+$'] }] } })],
  ['a rule of an unknown category', (b) => ({ ...b, tables: { ...b.tables, rules: [{ ...b.tables.rules![0], category: 'spam' }] } })],
  ['a tally day that is no date', (b) => ({ ...b, tables: { ...b.tables, tally: [{ id: 'a|x|day', agent: 'a', day: '23/11/2026', shift: 'day', consults: 1, conversions: 0 }] } })],
  ['a negative tally count', (b) => ({ ...b, tables: { ...b.tables, tally: [{ id: 'a|2026-11-23|day', agent: 'a', day: '2026-11-23', shift: 'day', consults: -3, conversions: 0 }] } })],
  ['a negative amount', (b) => ({ ...b, tables: { ...b.tables, tally: [{ id: 'a|2026-11-23|day', agent: 'a', day: '2026-11-23', shift: 'day', consults: 1, conversions: 1, amount: -9 }] } })],
  ['a note of an unknown kind', (b) => ({ ...b, tables: { ...b.tables, notes: [{ id: 'n', kind: 'diary', text: '', createdAt: 1, updatedAt: 1 }] } })],
  ['a note text of 5,001 characters', (b) => ({ ...b, tables: { ...b.tables, notes: [{ id: 'n', kind: 'buyer', text: '字'.repeat(5001), createdAt: 1, updatedAt: 1 }] } })],
  ['an answer of 2,001 characters', (b) => ({ ...b, tables: { ...b.tables, notes: [{ id: 'n', kind: 'problem', text: '', answer: '答'.repeat(2001), createdAt: 1, updatedAt: 1 }] } })],
  ['a reminder of an unknown status', (b) => ({ ...b, tables: { ...b.tables, reminders: [{ id: 'r', site: 'demo', buyerId: 'b', step: 0, dueAt: 1, status: 'snoozed' }] } })],
  ['a reminder due at a negative time', (b) => ({ ...b, tables: { ...b.tables, reminders: [{ id: 'r', site: 'demo', buyerId: 'b', step: 0, dueAt: -1, status: 'pending' }] } })],
  ['exportedAt as text', (b) => ({ ...b, exportedAt: 'today' })],
  ['the root as an array', (b) => [b]],
  ['the root as null', () => null],
];
const BACKUP_TEXTS: [string, () => string][] = [
  ['empty', () => ''],
  ['not JSON', () => '备份'],
  ['cut in half', () => valid.slice(0, valid.length / 2)],
  ['cut one character short', () => valid.slice(0, -1)],
  ['a trailing comma', () => valid.replace(/}$/, ',}')],
  ['a phrase pack instead', () => pack([{ id: 'a', stageId: 's', title: 't', body: 'b' }])],
  ...mutations.map(([label, m]): [string, () => string] => [label, () => JSON.stringify(m(JSON.parse(valid) as Json))]),
];

describe('the backup restore', () => {
  it(`takes ${BACKUP_TEXTS.length} malformed backups`, () => expect(BACKUP_TEXTS.length).toBeGreaterThanOrEqual(40));

  it.each(BACKUP_TEXTS)('%s: a clear error or the bad rows named, nothing written', async (_label, make) => {
    const before = await dump();
    const parsed = parseBackup(make());
    // A broken file is refused; a bad row costs only itself (#30 N9): named with a reason, the rest restorable
    // (tests/unit/fuzz-backup-settings.test.ts restores them).
    if (parsed.ok) expect(parsed.rejected.map((r) => (clear(r.reason), r.table)).length).toBeGreaterThan(0);
    else clear(parsed.error);
    expect(await dump()).toEqual(before);
  });

  it('the unmodified backup restores (the mutations above are what breaks it)', async () => {
    const parsed = parseBackup(valid);
    expect(parsed.ok).toBe(true);
    if (parsed.ok) await applyRestore(db, parsed.backup);
  });
});

// ── every message type ──────────────────────────────────────────────────────────────────────────────────────
const OWN = 'kefu-own-id';
const TAB = { id: OWN, tab: { id: 5, windowId: 2 }, url: 'https://mms.pinduoduo.com/chat-merchant/' };
const PAGE = { id: OWN, url: `chrome-extension://${OWN}/sidepanel.html` };
const long = (n: number) => 'x'.repeat(n);
const status = { site: 'pinduoduo', hasInput: true, inputKind: 'textarea', buyer: null };
const BAD_MESSAGES: [string, unknown, typeof TAB | typeof PAGE][] = [
  ['no message', undefined, TAB],
  ['null', null, TAB],
  ['a string', 'chat/status', TAB],
  ['a number', 1, TAB],
  ['an array', [{ type: 'chat/status' }], TAB],
  ['no type', { status }, TAB],
  ['an unknown type', { type: 'db/drop' }, PAGE],
  ['a type of the wrong case', { type: 'CHAT/STATUS', status }, TAB],
  ['chat-script/start from the panel', { type: 'chat-script/start' }, PAGE],
  ['chat/status without status', { type: 'chat/status' }, TAB],
  ['chat/status with an empty site', { type: 'chat/status', status: { ...status, site: '' } }, TAB],
  ['chat/status with a buyer name of 201', { type: 'chat/status', status: { ...status, buyer: { name: long(201) } } }, TAB],
  ['chat/status with an unknown input kind', { type: 'chat/status', status: { ...status, inputKind: 'canvas' } }, TAB],
  ['chat/status with a message of 301', { type: 'chat/status', status: { ...status, lastBuyerMessage: long(301) } }, TAB],
  ['chat/status from the panel', { type: 'chat/status', status }, PAGE],
  ['panel/list-chat-tabs from a chat page', { type: 'panel/list-chat-tabs' }, TAB],
  ['picker/search without a query', { type: 'picker/search' }, TAB],
  ['picker/search of 41 characters', { type: 'picker/search', query: long(41) }, TAB],
  ['picker/search with a buyer of 301', { type: 'picker/search', query: 'kd', buyer: long(301) }, TAB],
  ['picker/search with a numeric query', { type: 'picker/search', query: 5 }, TAB],
  ['phrase/used without an id', { type: 'phrase/used' }, TAB],
  ['phrase/used with an empty id', { type: 'phrase/used', id: '' }, TAB],
  ['phrase/used with an id of 81', { type: 'phrase/used', id: long(81) }, TAB],
  ['phrase/save-draft without text', { type: 'phrase/save-draft' }, TAB],
  ['phrase/save-draft with empty text', { type: 'phrase/save-draft', text: '' }, TAB],
  ['phrase/save-draft of 501 characters', { type: 'phrase/save-draft', text: long(501) }, TAB],
  ['placeholders/remember with a value of 201', { type: 'placeholders/remember', values: { 运单号: long(201) } }, TAB],
  ['placeholders/remember with a name of 13', { type: 'placeholders/remember', values: { [long(13)]: 'a' } }, TAB],
  ['placeholders/remember with 11 values', { type: 'placeholders/remember', values: Object.fromEntries(Array.from({ length: 11 }, (_, i) => [`k${i}`, 'v'])) }, TAB],
  ['placeholders/remember with values as a list', { type: 'placeholders/remember', values: ['a'] }, TAB],
  ['guard/check of 5,001 characters', { type: 'guard/check', text: long(5001) }, TAB],
  ['guard/check without text', { type: 'guard/check' }, TAB],
  ['guard/rewrite without a hit', { type: 'guard/rewrite', text: '加我vx', hits: [] }, TAB],
  ['guard/rewrite of 5,001 characters', { type: 'guard/rewrite', text: long(5001), hit: { start: 0, end: 1, text: 'x', ruleId: 'r', category: 'abuse', severity: 'block', suggestion: '', note: '' }, hits: [] }, TAB],
  ['guard/rewrite with a hit of another severity', { type: 'guard/rewrite', text: '加我vx', hit: { start: 0, end: 4, text: '加我vx', ruleId: 'r', category: 'off-platform', severity: 'fatal', suggestion: '', note: '' }, hits: [] }, TAB],
  ['guard/prepare from a chat page', { type: 'guard/prepare' }, TAB],
  ['guard/allow without a context', { type: 'guard/allow', ruleId: 'abuse-001' }, TAB],
  ['guard/allow with a context of 61', { type: 'guard/allow', ruleId: 'abuse-001', context: long(61) }, TAB],
  ['guard/allow for __proto__', { type: 'guard/allow', ruleId: '__proto__', context: '上下文' }, TAB],
  ['guard/override with 51 rules', { type: 'guard/override', ruleIds: Array.from({ length: 51 }, (_, i) => `r${i}`) }, TAB],
  ['guard/override with an empty id', { type: 'guard/override', ruleIds: [''] }, TAB],
  ['guard/override from the panel', { type: 'guard/override', ruleIds: ['abuse-001'] }, PAGE],
  ['tally/count of +5', { type: 'tally/count', field: 'consults', delta: 5 }, TAB],
  ['tally/count of an unknown field', { type: 'tally/count', field: 'amount', delta: 1 }, TAB],
  ['tally/count from the panel', { type: 'tally/count', field: 'consults', delta: 1 }, PAGE],
  ['response/record with a negative time', { type: 'response/record', site: 'demo', buyer: 'demo|小美', buyerAt: -5, repliedAt: 10 }, TAB],
  ['response/record without a buyer', { type: 'response/record', site: 'demo', buyer: '', buyerAt: 1, repliedAt: 10 }, TAB],
  ['response/record from the panel', { type: 'response/record', site: 'demo', buyer: 'demo|小美', buyerAt: 1, repliedAt: 10 }, PAGE],
  ['wait/config from the panel', { type: 'wait/config' }, PAGE],
  ['wait/overdue with a fractional time', { type: 'wait/overdue', name: '小美', waitedSec: 1.5 }, TAB],
  ['wait/overdue with a huge name', { type: 'wait/overdue', name: 'x'.repeat(201), waitedSec: 200 }, TAB],
  ['reminders/changed from a chat page', { type: 'reminders/changed' }, TAB],
  ['sites/enable from a chat page', { type: 'sites/enable', pattern: 'https://evil.example/*' }, TAB],
  ['sites/enable with a path', { type: 'sites/enable', pattern: 'https://a.example/x/*' }, PAGE],
  ['sites/enable for every site', { type: 'sites/enable', pattern: '<all_urls>' }, PAGE],
  ['sites/disable without a pattern', { type: 'sites/disable' }, PAGE],
  ['teach/save with a hashed-class-free but empty locator', { type: 'teach/save', taught: { replyBox: { css: '' }, send: { css: 'div' }, buyerName: { css: 'b' }, messages: { list: { css: 'main' }, shape: 'div', text: '', side: [] }, at: 1 } }, TAB],
  ['teach/save with a selector of 10k characters', { type: 'teach/save', taught: { replyBox: { css: long(10_000) }, send: { css: 'div' }, buyerName: { css: 'b' }, messages: { list: { css: 'main' }, shape: 'div', text: '', side: [{ path: '', prop: 'style:x', buyer: 'a', agent: 'b' }] }, at: 1 } }, TAB],
  ['teach/load from the side panel (only a chat page asks for its own site)', { type: 'teach/load' }, PAGE],
  ['selfcheck/miss of a field nobody reads', { type: 'selfcheck/miss', field: '__proto__' }, TAB],
];

describe('every message type', () => {
  const types = Object.keys(BACKGROUND_PROTOCOL);

  it(`takes ${BAD_MESSAGES.length} malformed messages, covering every message type`, () => {
    expect(BAD_MESSAGES.length).toBeGreaterThanOrEqual(40);
    const covered = new Set(BAD_MESSAGES.map(([, m]) => (m as { type?: string } | null)?.type));
    expect(types.filter((t) => !covered.has(t))).toEqual([]);
  });

  it.each(BAD_MESSAGES)('%s: answered {ok:false} with a reason, nothing written', async (_label, message, sender) => {
    const before = await dump();
    const registry = new ChatTabRegistry({ get: async () => ({}), set: async () => {} });
    const receive = createBackground(db, registry, guardHandlers(guardSourceFor(db), bundledShipped()), { syncReminders: async () => {}, sites: { enable: async () => {}, disable: async () => {} }, injectChatScript: async () => {} });
    const { reply, changed } = await receive(message, sender, OWN);
    expect(reply).toMatchObject({ ok: false });
    clear((reply as { error: string }).error);
    expect(changed).toBe(false);
    expect(await registry.list()).toEqual([]);
    expect(await dump()).toEqual(before);
  });

  it.each([
    ['no type', {}],
    ['chat/insert without text', { type: 'chat/insert' }],
    ['chat/insert with empty text', { type: 'chat/insert', text: '' }],
    ['chat/insert of 5,001 characters', { type: 'chat/insert', text: long(5001) }],
    ['chat/insert with the caret past the text', { type: 'chat/insert', text: 'ab', caret: 3 }],
    ['chat/insert with a negative caret', { type: 'chat/insert', text: 'ab', caret: -1 }],
    ['chat/insert with a fractional caret', { type: 'chat/insert', text: 'ab', caret: 0.5 }],
    ['chat/wait-config without a config', { type: 'chat/wait-config' }],
    ['chat/wait-config with a negative limit', { type: 'chat/wait-config', config: { limitSec: -5, notify: false } }],
    ['chat/wait-config with a limit as text', { type: 'chat/wait-config', config: { limitSec: '180', notify: false } }],
    ['an unknown content message', { type: 'chat/delete-all' }],
  ])('content script: %s is refused with a reason', (_label, message) => {
    const parsed = parseMessage(ContentRequestSchema, message, 'test');
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) clear(parsed.reason);
  });
});
