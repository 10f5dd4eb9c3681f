/** Notes: per-buyer notes (keyed by site + buyer) and, later, the problem log and shift handovers. */
import type { KefuDB } from '../db';
import { NoteSchema, type Note } from '../../scripts-library/shared/schema';
import { bumpNote } from '../../scripts-library/files/notebook-io';

export const buyerNoteId = (site: string, buyerId: string) => `buyer|${site}|${buyerId}`;

export async function getBuyerNote(db: KefuDB, site: string, buyerId: string): Promise<Note | undefined> {
  return db.notes.get(buyerNoteId(site, buyerId));
}

/** Save (or, when the text is empty, delete) the note about one buyer. */
export async function saveBuyerNote(db: KefuDB, site: string, buyerId: string, text: string, now = Date.now()): Promise<void> {
  const id = buyerNoteId(site, buyerId);
  await db.transaction('rw', db.notes, async () => {
    if (!text.trim()) {
      await db.notes.delete(id);
      return;
    }
    const old = await db.notes.get(id);
    await db.notes.put(NoteSchema.parse({ id, kind: 'buyer', site, buyerId, text, createdAt: old?.createdAt ?? now, updatedAt: now }));
  });
}

const noteId = (kind: string, now: number) => `${kind}|${now.toString(36)}|${Math.random().toString(36).slice(2, 6)}`;

/** 问题登记本: record a question met today (open until an answer is found). */
export async function addProblem(db: KefuDB, question: string, context: string, now = Date.now()): Promise<Note> {
  const note = NoteSchema.parse({ id: noteId('problem', now), kind: 'problem', text: '', question, context, status: 'open', createdAt: now, updatedAt: now });
  await db.notes.add(note);
  return note;
}

/** Every write goes through the record schema the backup restore uses, so a backup the app wrote always restores. */
async function updateNote(db: KefuDB, id: string, change: Partial<Note>): Promise<void> {
  await db.transaction('rw', db.notes, async () => {
    const old = await db.notes.get(id);
    if (!old) throw new Error(`no note ${id}`);
    await db.notes.put(NoteSchema.parse({ ...old, ...change }));
  });
}

export async function answerProblem(db: KefuDB, id: string, answer: string, now = Date.now()): Promise<void> {
  await db.transaction('rw', db.notes, async () => {
    const old = await db.notes.get(id);
    if (!old) throw new Error(`no note ${id}`);
    // An edit counts up the note's revision: notebook merges order edits by it, not by a clock (#30 N2).
    await db.notes.put(NoteSchema.parse(bumpNote(old, { answer, status: answer.trim() ? 'answered' : 'open' }, now)));
  });
}

/** Problems, newest first, optionally filtered by a search over question, context and answer. */
export async function listProblems(db: KefuDB, search = ''): Promise<Note[]> {
  const q = search.trim().toLowerCase();
  const all = await db.notes.where('kind').equals('problem').toArray();
  return all
    .filter((n) => !q || [n.question, n.context, n.answer].some((f) => f?.toLowerCase().includes(q)))
    .sort((a, b) => b.createdAt - a.createdAt);
}

/** 交接记录本: what this shift hands to the next. */
export async function addHandover(
  db: KefuDB,
  handover: { shift: string; day?: string; inProgress: string; urgent: string; potential: string; text: string },
  now = Date.now(),
): Promise<Note> {
  const note = NoteSchema.parse({ id: noteId('handover', now), kind: 'handover', ...handover, read: false, createdAt: now, updatedAt: now });
  await db.notes.add(note);
  return note;
}

export async function listHandovers(db: KefuDB): Promise<Note[]> {
  return (await db.notes.where('kind').equals('handover').toArray()).sort((a, b) => b.createdAt - a.createdAt);
}

export async function markHandoverRead(db: KefuDB, id: string): Promise<void> {
  await updateNote(db, id, { read: true });
}

/** Answered questions of the 问题登记本 (the FAQ that suggested replies search by the buyer's message). */
export async function answeredQuestions(db: KefuDB): Promise<{ id: string; question: string; answer: string }[]> {
  return (await listProblems(db)).filter((n) => n.question && n.answer?.trim()).map((n) => ({ id: n.id, question: n.question!, answer: n.answer! }));
}

/** Every note of the problem log and the handovers (what a notebooks file carries). */
export async function listSharedNotes(db: KefuDB): Promise<Note[]> {
  return db.notes.where('kind').anyOf(['problem', 'handover']).toArray();
}

/** This machine's notes of any kind with these ids (what a notebooks file is merged against). */
export async function notesWithIds(db: KefuDB, ids: readonly string[]): Promise<Note[]> {
  return (await db.notes.bulkGet([...ids])).filter((n): n is Note => n !== undefined);
}

/**
 * Write a planned notebooks merge in one transaction: all of it or, on an error, none. A row whose id now holds
 * another kind of note (written since the preview) is not written: a notebooks file never changes a note's kind.
 */
export async function applyNotebookMerge(db: KefuDB, plan: { added: readonly Note[]; updated: readonly Note[] }): Promise<void> {
  const rows = [...plan.added, ...plan.updated].map((n) => NoteSchema.parse(n));
  await db.transaction('rw', db.notes, async () => {
    const now = await db.notes.bulkGet(rows.map((r) => r.id));
    await db.notes.bulkPut(rows.filter((r, i) => now[i] === undefined || now[i]!.kind === r.kind));
  });
}
