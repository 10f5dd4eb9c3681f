/**
 * Hostile notebooks files (#30 N1, N2, N3): whatever a file holds, it is refused with a clear reason or merged
 * without removing a note, touching a buyer note, changing a note's kind, or storing a time from the future.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { KefuDB } from '../../storage/db';
import { freshDbPerTest } from '../helpers/db';
import { addHandover, addProblem, answerProblem, applyNotebookMerge, notesWithIds, saveBuyerNote } from '../../storage/repositories/notes';
import { exportNotebooks, planNotebookMerge, readNotebookFile } from '../../scripts-library/files/notebook-io';
import { NoteSchema, type Note } from '../../scripts-library/shared/schema';
import { exportBackup, parseBackup } from '../../storage/backup';

const freshDb = freshDbPerTest('fuzz-notes');
let db: KefuDB;
let problem: Note;
let handover: Note;
const BUYER = 'buyer|demo|b1';
beforeEach(async () => {
  db = freshDb();
  await saveBuyerNote(db, 'demo', 'b1', '老客户，穿M码');
  problem = await addProblem(db, '能开发票吗', '小美');
  await answerProblem(db, problem.id, '可以');
  handover = await addHandover(db, { shift: 'day', inProgress: '小美等尺码', urgent: '', potential: '', text: '' });
});

const clear = (text: string) => {
  expect(text.length).toBeGreaterThan(3);
  expect(text).not.toMatch(/(?<!received )undefined|\[object|at .+\(.+:\d+:\d+\)/);
};
const file = (notes: unknown, extra: Record<string, unknown> = {}) => JSON.stringify({ format: 'kefu-notebooks', version: 1, exportedAt: 1, notes, ...extra });
const note = (over: Record<string, unknown>) => ({ id: 'p-new', kind: 'problem', text: '', question: '问', createdAt: 1, updatedAt: 1, ...over });
const FAR = 4_102_444_800_000; // 2100

const FILES: [string, () => string][] = [
  ['empty', () => ''],
  ['not JSON', () => '笔记'],
  ['JSON null', () => 'null'],
  ['an array root', () => '[]'],
  ['a backup instead', () => JSON.stringify({ format: 'kefu-backup', version: 1 })],
  ['a future file version', () => file([], { version: 2 })],
  ['notes as an object', () => file({ a: 1 })],
  ['a note of null', () => file([null])],
  ['a note without times', () => file([{ id: 'x', kind: 'problem', text: '' }])],
  ['a note of an unknown kind', () => file([note({ kind: 'diary' })])],
  ['a note text of 5,001 characters', () => file([note({ text: '字'.repeat(5001) })])],
  ['an answer of 2,001 characters', () => file([note({ answer: '答'.repeat(2001) })])],
  ['a note id of 81 characters', () => file([note({ id: 'x'.repeat(81) })])],
  ['a __proto__ note id', () => file([note({ id: '__proto__' })])],
  ['a negative time', () => file([note({ updatedAt: -1 })])],
  ['a revision as text', () => file([note({ rev: '9' })])],
  ['a revision of a billion and one', () => file([note({ rev: 1_000_000_001 })])],
  ['50,001 notes', () => file(Array.from({ length: 50_001 }, () => null))],
  ['over the size limit', () => ' '.repeat(64_000_001)],
  ['deeply nested JSON', () => '['.repeat(5000) + ']'.repeat(5000)],
];

const ATTACKS: [string, () => Record<string, unknown>[]][] = [
  ['a buyer note of the same id', () => [note({ id: BUYER, kind: 'buyer', text: '被改掉', updatedAt: FAR })]],
  ['a problem under the buyer note\'s id', () => [note({ id: BUYER, updatedAt: FAR, rev: 99 })]],
  ['a problem under another buyer id', () => [note({ id: 'buyer|demo|b2' })]],
  ['a handover under the problem\'s id', () => [note({ id: problem.id, kind: 'handover', shift: 'night', updatedAt: FAR, rev: 99 })]],
  ['a problem under the handover\'s id', () => [note({ id: handover.id, updatedAt: FAR, rev: 99 })]],
  ['the problem from a clock a century ahead', () => [{ ...problem, answer: '未来的答案', updatedAt: FAR }]],
  ['the same note twice, the second newer', () => [note({ id: 'twice', question: '一' }), note({ id: 'twice', question: '二', rev: 5 })]],
];

/** The invariants of any merge: nothing removed, the buyer note as it was, no kind changed, no time from the future. */
async function mergeAndCheck(text: string) {
  const before = new Map((await db.notes.toArray()).map((n) => [n.id, n]));
  const read = readNotebookFile(text);
  if (!read.ok) {
    clear(read.error);
    expect(await db.notes.count()).toBe(before.size);
    return;
  }
  for (const n of read.notes) expect(NoteSchema.safeParse(n).success).toBe(true);
  const now = Date.now();
  const plan = planNotebookMerge(await notesWithIds(db, read.notes.map((n) => n.id)), read.notes, now);
  await applyNotebookMerge(db, plan);
  const after = new Map((await db.notes.toArray()).map((n) => [n.id, n]));
  for (const [id, old] of before) {
    expect(after.has(id), id).toBe(true);
    expect(after.get(id)!.kind).toBe(old.kind);
  }
  expect(after.get(BUYER)).toEqual(before.get(BUYER));
  for (const n of after.values()) {
    expect(n.updatedAt).toBeLessThanOrEqual(now);
    if (!before.has(n.id)) expect(n.id.startsWith('buyer|')).toBe(false);
  }
  expect(parseBackup(await exportBackup(db))).toMatchObject({ ok: true, rejected: [] });
}

describe('hostile notebooks files', () => {
  it.each(FILES)('%s: a clear reason, nothing written', async (_label, make) => {
    const before = await db.notes.toArray();
    const read = readNotebookFile(make());
    expect(read.ok).toBe(false);
    if (!read.ok) clear(read.error);
    expect(await db.notes.toArray()).toEqual(before);
  });

  it.each(ATTACKS)('%s: merged without harm', async (_label, notes) => mergeAndCheck(file(notes())));
});

function prng(seed: number) {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s ^ (s >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0) / 2 ** 32);
}
const WEIRD: unknown[] = [null, -1, 0, 1.5, FAR, Number.MAX_SAFE_INTEGER, '', '答'.repeat(2001), 'buyer|demo|b1', 'handover', 'buyer', [], {}, true];

describe('random damage', () => {
  it('100 exports of this machine\'s notebooks with random fields replaced: refused or merged without harm', async () => {
    const rand = prng(2);
    const base = JSON.parse(exportNotebooks(await db.notes.toArray(), 1)) as { notes: Record<string, unknown>[] };
    for (let round = 0; round < 100; round++) {
      const f = structuredClone(base);
      f.notes.push(note({ id: `r${round}`, answer: '答' }));
      for (let k = 0; k < 2; k++) {
        const row = f.notes[Math.floor(rand() * f.notes.length)]!;
        const fields = [...Object.keys(row), 'id', 'kind', 'rev', 'updatedAt'];
        row[fields[Math.floor(rand() * fields.length)]!] = WEIRD[Math.floor(rand() * WEIRD.length)];
      }
      await mergeAndCheck(JSON.stringify(f));
    }
  }, 60_000);
});
