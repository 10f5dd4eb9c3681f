// Moving 问题登记本 and 交接记录本 between two machines: merge by id, nothing lost on either side.
import { expect, it } from 'vitest';
import { exportNotebooks, planNotebookMerge, readNotebookFile } from '../../../scripts-library/notebook-io';
import type { Note } from '../../../scripts-library/schema';

const note = (id: string, over: Partial<Note> = {}): Note => ({ id, kind: 'problem', text: '', question: `问题${id}`, createdAt: 1, updatedAt: 1, ...over });

it('adds what is new, takes the later edit, keeps what this machine has newer, and never removes a local note', () => {
  const local = [note('a', { answer: '旧答案', updatedAt: 5 }), note('b', { answer: '我这边改过', updatedAt: 9 }), note('only-mine')];
  const incoming = [note('a', { answer: '新答案', updatedAt: 7 }), note('b', { answer: '对方的', updatedAt: 8 }), note('c'), note('c', { question: '重复' })];
  const plan = planNotebookMerge(local, incoming);
  expect(plan.added.map((n) => n.id)).toEqual(['c']);
  expect(plan.added[0]!.question).toBe('问题c'); // a note listed twice: the first counts
  expect(plan.updated.map((n) => [n.id, n.answer])).toEqual([['a', '新答案']]);
  expect(plan.kept).toBe(1);
});

it('a handover read on either side stays read, whichever edit wins', () => {
  const h = (over: Partial<Note>) => note('h1', { kind: 'handover', shift: '早班', text: '交接', ...over });
  expect(planNotebookMerge([h({ read: true, updatedAt: 1 })], [h({ read: false, urgent: '补发', updatedAt: 2 })]).updated).toEqual([h({ read: true, urgent: '补发', updatedAt: 2 })]);
  expect(planNotebookMerge([h({ read: false })], [h({ read: true })]).updated).toEqual([h({ read: true })]);
  expect(planNotebookMerge([h({ read: true })], [h({ read: false })])).toMatchObject({ updated: [], kept: 1 });
});

it('exports the problem log and handovers, not the buyer notes, and reads its own file back', () => {
  const notes = [note('p'), note('h', { kind: 'handover', shift: '晚班', text: '交接' }), note('buyer|pdd|u1', { kind: 'buyer', text: '老客户' })];
  const read = readNotebookFile(exportNotebooks(notes, 42));
  expect(read).toEqual({ ok: true, notes: notes.slice(0, 2) });
});

it.each([
  ['not JSON', '{"format":', '不是 JSON 文件'],
  ['another kind of file', JSON.stringify({ format: 'kefu-phrase-pack', version: 1 }), '不是客服助手的笔记文件'],
  ['a note without its times', JSON.stringify({ format: 'kefu-notebooks', version: 1, exportedAt: 1, notes: [{ id: 'x', kind: 'problem', text: '' }] }), 'notes.0.createdAt'],
])('refuses %s with a reason', (_label, text, reason) => {
  const read = readNotebookFile(text);
  expect(read.ok).toBe(false);
  expect(read.ok ? '' : read.error).toContain(reason);
});
