// Moving 问题登记本 and 交接记录本 between two machines: merge by id, nothing lost on either side.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { bumpNote, exportNotebookFiles, exportNotebooks, planNotebookMerge, readNotebookFile } from '../../../scripts-library/files/notebook-io';
import type { Note } from '../../../scripts-library/shared/schema';

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
  ['a file cut short (not JSON): said as every file reader says it', '{"format":', 'JSON 无法解析（文件可能不完整）'],
  ['another kind of file', JSON.stringify({ format: 'kefu-phrase-pack', version: 1 }), '不是客服助手的笔记文件'],
  ['a note without its times', JSON.stringify({ format: 'kefu-notebooks', version: 1, exportedAt: 1, notes: [{ id: 'x', kind: 'problem', text: '' }] }), 'notes.0.createdAt'],
])('refuses %s with a reason', (_label, text, reason) => {
  const read = readNotebookFile(text);
  expect(read.ok).toBe(false);
  expect(read.ok ? '' : read.error).toContain(reason);
});

// #30 N1: a notebooks file never crosses kinds and never touches a buyer note.
it('never turns a problem into a handover, nor replaces or adds a buyer note', () => {
  const buyer = note('buyer|pdd|u1', { kind: 'buyer', text: '老客户，穿M码' });
  const problem = note('p1', { answer: '我的答案' });
  const local = [buyer, problem];
  const incoming = [
    note('buyer|pdd|u1', { question: '被换掉了', updatedAt: 99 }), // a problem with a buyer note's id
    note('p1', { kind: 'handover', shift: '晚班', text: '交接', updatedAt: 99 }), // a handover with a problem's id
    note('buyer|pdd|u2', { updatedAt: 99 }), // a problem under the buyer notes' ids: a later buyer note would overwrite it
    note('p2'),
  ];
  const plan = planNotebookMerge(local, incoming);
  expect(plan.added.map((n) => n.id)).toEqual(['p2']);
  expect(plan.updated).toEqual([]);
  expect(plan.skipped.map((s) => s.id)).toEqual(['buyer|pdd|u1', 'p1', 'buyer|pdd|u2']);
});

// #30 N2: a machine whose clock runs ahead does not win every later merge.
describe('clock skew', () => {
  afterEach(() => vi.useRealTimers());
  const at = (iso: string) => new Date(iso).getTime();

  it('a correction made here after importing a note stamped in the future survives re-importing the old file', () => {
    vi.useFakeTimers();
    const base = note('p', { answer: '原答案', createdAt: at('2026-12-01T08:00:00Z'), updatedAt: at('2026-12-01T08:00:00Z') });
    // Machine B's clock runs a day ahead: its edit at 09:00 real time is stamped 12-02 09:00.
    const fromB = bumpNote(base, { answer: 'B 的旧答案' }, at('2026-12-02T09:00:00Z'));
    const fileFromB = readNotebookFile(exportNotebooks([fromB], at('2026-12-02T09:00:00Z')));
    if (!fileFromB.ok) throw new Error(fileFromB.error);
    // A imports at 10:00 real time, then corrects the answer at 11:00.
    vi.setSystemTime(at('2026-12-01T10:00:00Z'));
    const first = planNotebookMerge([base], fileFromB.notes);
    expect(first.updated.map((n) => n.answer)).toEqual(['B 的旧答案']);
    expect(first.updated[0]!.updatedAt).toBeLessThanOrEqual(Date.now()); // no stamp from the future is stored
    vi.setSystemTime(at('2026-12-01T11:00:00Z'));
    const corrected = bumpNote(first.updated[0]!, { answer: '更正后的答案' }, Date.now());
    // The same old file comes again at 12:00: the correction stays.
    vi.setSystemTime(at('2026-12-01T12:00:00Z'));
    const again = planNotebookMerge([corrected], fileFromB.notes);
    expect(again.updated).toEqual([]);
    expect(again.kept).toBe(1);
    // And B takes the correction although its own stamp is "later".
    const toB = planNotebookMerge([fromB], [corrected]);
    expect(toB.updated.map((n) => n.answer)).toEqual(['更正后的答案']);
  });

  it('an answer edited twice here beats one foreign edit stamped a year ahead', () => {
    vi.useFakeTimers();
    vi.setSystemTime(at('2026-12-01T12:00:00Z'));
    const base = note('p', { answer: '原答案', updatedAt: at('2026-12-01T08:00:00Z') });
    const ahead = bumpNote(base, { answer: '未来时钟' }, at('2027-12-01T00:00:00Z'));
    const here = bumpNote(bumpNote(base, { answer: '初稿' }, at('2026-12-01T11:00:00Z')), { answer: '定稿' }, at('2026-12-01T11:30:00Z'));
    expect(planNotebookMerge([here], [ahead])).toMatchObject({ updated: [], kept: 1 });
    expect(planNotebookMerge([ahead], [here]).updated.map((n) => n.answer)).toEqual(['定稿']);
  });

  it('two edits of the same revision: a future stamp counts as the import time, and the choice is the same on both sides', () => {
    vi.useFakeTimers();
    vi.setSystemTime(at('2026-12-01T12:00:00Z'));
    const base = note('p', { answer: '原答案', updatedAt: at('2026-12-01T08:00:00Z') });
    const a = bumpNote(base, { answer: '甲' }, at('2026-12-01T12:00:00Z'));
    const b = bumpNote(base, { answer: '乙' }, at('2026-12-01T12:00:00Z'));
    const winnerHere = planNotebookMerge([a], [b]).updated[0]?.answer ?? a.answer;
    const winnerThere = planNotebookMerge([b], [a]).updated[0]?.answer ?? b.answer;
    expect(winnerHere).toBe(winnerThere);
  });
});

// #30 N3: what we export we can import, at 10,000 answered problems and beyond.
describe('large notebooks', () => {
  const answered = (i: number) =>
    note(`problem|${i.toString(36)}|abcd`, { question: `问题${i}`.padEnd(200, '问'), context: '订单'.padEnd(200, '单'), answer: `答案${i}`.padEnd(2000, '答'), status: 'answered', createdAt: i, updatedAt: i });

  it('10,000 answered problems at the longest answer export to files this app reads back, every note once', () => {
    const notes = Array.from({ length: 10_000 }, (_, i) => answered(i));
    const files = exportNotebookFiles(notes, 42);
    const back = files.flatMap((f) => {
      const read = readNotebookFile(f);
      if (!read.ok) throw new Error(read.error);
      return read.notes;
    });
    expect(back).toEqual(notes);
  });

  it('past what one file may hold, the export splits into files that each read back', () => {
    const notes = Array.from({ length: 300 }, (_, i) => answered(i));
    const files = exportNotebookFiles(notes, 42, 200_000);
    expect(files.length).toBeGreaterThan(1);
    for (const f of files) expect(f.length).toBeLessThanOrEqual(200_000);
    expect(files.flatMap((f) => (readNotebookFile(f, 200_000) as { notes: Note[] }).notes)).toEqual(notes);
  });
});
