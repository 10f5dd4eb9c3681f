/**
 * 问题登记本 and 交接记录本 moved between two agents' machines (#13): a file of notes, and a merge by id that
 * adds what is new, takes the newer edit of a note both sides have, and never removes a note on either side (a
 * backup restore replaces everything; this is for sharing).
 */
import { z } from 'zod';
import { NoteSchema, type Note } from '../shared/schema';
import { parseJsonFile, type FileResult } from './file-result';
import { fileText as reasonText } from './file-text';

const SHARED_KINDS = new Set<Note['kind']>(['problem', 'handover']);
/** Notes one file may carry. */
export const NOTEBOOK_NOTES_MAX = 50_000;
/**
 * Characters one file may have (#30 N3: the old 5 MB refused an export of ≈ 8,000 answered problems). A full
 * problem (500 + 500 + 2,000 characters) takes ≈ 3,200 in the file, so 10,000 of them fit in one; an export over
 * this is written as several files, each of which this app reads.
 */
export const NOTEBOOK_FILE_MAX = 64_000_000;

export const NotebookFileSchema = z.object({
  format: z.literal('kefu-notebooks'),
  version: z.literal(1),
  exportedAt: z.number().int().nonnegative(),
  notes: z.array(NoteSchema).max(NOTEBOOK_NOTES_MAX),
});

const fileText = (notes: readonly Note[], now: number) => `${JSON.stringify({ format: 'kefu-notebooks', version: 1, exportedAt: now, notes }, null, 1)}\n`;

/** The file of this machine's problem log and handovers (buyer notes stay: they are one agent's own). */
export function exportNotebooks(notes: readonly Note[], now = Date.now()): string {
  return fileText(notes.filter((n) => SHARED_KINDS.has(n.kind)), now);
}

/**
 * The export as files this app can import: one while the notes fit in one (NOTEBOOK_FILE_MAX characters,
 * NOTEBOOK_NOTES_MAX notes), else as many as needed, each a whole notebooks file.
 */
export function exportNotebookFiles(notes: readonly Note[], now = Date.now(), max = NOTEBOOK_FILE_MAX): string[] {
  const shared = notes.filter((n) => SHARED_KINDS.has(n.kind));
  const overhead = fileText([], now).length + 8;
  const files: string[] = [];
  let part: Note[] = [];
  let size = overhead;
  for (const n of shared) {
    const one = JSON.stringify(n, null, 1).length + 64; // two more spaces on each of its ≤ 22 lines in the file, and a comma
    if (part.length && (size + one > max || part.length >= NOTEBOOK_NOTES_MAX)) {
      files.push(fileText(part, now));
      part = [];
      size = overhead;
    }
    part.push(n);
    size += one;
  }
  if (part.length || !files.length) files.push(fileText(part, now));
  return files;
}

export type NotebookRead = FileResult<{ notes: Note[] }>;

/** Read a notebooks file: a clear reason when it is not one (nothing is written then). */
export function readNotebookFile(text: string, max = NOTEBOOK_FILE_MAX): NotebookRead {
  if (text.length > max) return { ok: false, error: reasonText('fileTooBigMb', Math.round(max / 1_000_000)) };
  const json = parseJsonFile(text);
  if (!json.ok) return json;
  const parsed = NotebookFileSchema.safeParse(json.json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const where = issue.path.length ? `（${issue.path.join('.')}）` : '';
    return { ok: false, error: reasonText('fileNotNotes', where, issue.message) };
  }
  const notes = parsed.data.notes.filter((n) => SHARED_KINDS.has(n.kind));
  return { ok: true, notes };
}

/** Why a note of a file was left out of a merge. */
export type NotebookSkip = { id: string; reason: 'buyer' | 'kind' };

export interface NotebookMerge {
  /** Notes this machine does not have. */
  added: Note[];
  /** Notes both have where the file's edit is newer (or the file's side was read). */
  updated: Note[];
  /** Notes of the file this machine already has as they are, or newer. */
  kept: number;
  /**
   * Notes of the file that would land on another kind of note here (a problem's id on a handover) or among the
   * buyer notes' ids: a notebooks file never changes a note's kind and never touches buyer notes.
   */
  skipped: NotebookSkip[];
}

/**
 * An edit of a note: its revision counts up, so merges order edits by how many each side saw, not by whose wall
 * clock is ahead (#30 N2). Reading a handover is no edit.
 */
export function bumpNote(note: Note, change: Partial<Note>, now = Date.now()): Note {
  return { ...note, ...change, rev: (note.rev ?? 0) + 1, updatedAt: now };
}

const isBuyerId = (id: string) => id.startsWith('buyer|');

/**
 * Which of two versions of one note is the later edit: the higher revision; at the same revision the later stamp
 * (a foreign stamp already clamped to the import time); then the content, so both machines pick the same one.
 */
function laterEdit(ours: Note, theirs: Note): Note {
  const byRev = (theirs.rev ?? 0) - (ours.rev ?? 0);
  if (byRev) return byRev > 0 ? theirs : ours;
  if (theirs.updatedAt !== ours.updatedAt) return theirs.updatedAt > ours.updatedAt ? theirs : ours;
  const content = (n: Note) => JSON.stringify([n.text, n.question, n.context, n.answer, n.status, n.shift, n.day, n.inProgress, n.urgent, n.potential]);
  return content(theirs) > content(ours) ? theirs : ours;
}

/**
 * Merge by id. Of a note both sides have, the later edit wins (laterEdit); a handover read on either side stays
 * read (reading does not count as an edit). Local notes the file does not have are left alone. `local` holds
 * every note of this machine with an id of the file, of any kind. A file's stamp later than `now` is taken as
 * `now`: a machine whose clock runs ahead neither wins by it nor stores a time from the future here.
 */
export function planNotebookMerge(local: readonly Note[], incoming: readonly Note[], now = Date.now()): NotebookMerge {
  const mine = new Map(local.map((n) => [n.id, n]));
  const added: Note[] = [];
  const updated: Note[] = [];
  const skipped: NotebookSkip[] = [];
  let kept = 0;
  const seen = new Set<string>();
  for (const raw of incoming) {
    if (seen.has(raw.id)) continue; // a file listing a note twice: the first counts
    seen.add(raw.id);
    const ours = mine.get(raw.id);
    if (isBuyerId(raw.id) || !SHARED_KINDS.has(raw.kind) || ours?.kind === 'buyer') {
      skipped.push({ id: raw.id, reason: 'buyer' });
      continue;
    }
    if (ours && ours.kind !== raw.kind) {
      skipped.push({ id: raw.id, reason: 'kind' });
      continue;
    }
    const theirs = raw.updatedAt > now ? { ...raw, updatedAt: now } : raw;
    if (!ours) {
      added.push(theirs);
      continue;
    }
    const newer = laterEdit(ours, theirs);
    const read = ours.read === true || theirs.read === true;
    const merged = newer.kind === 'handover' && read ? { ...newer, read } : newer;
    if (merged === ours || (newer === ours && merged.read === ours.read)) kept++;
    else updated.push(merged);
  }
  return { added, updated, kept, skipped };
}
