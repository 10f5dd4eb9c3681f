/**
 * 问题登记本 and 交接记录本 moved between two agents' machines (#13): a file of notes, and a merge by id that
 * adds what is new, takes the newer edit of a note both sides have, and never removes a note on either side (a
 * backup restore replaces everything; this is for sharing).
 */
import { z } from 'zod';
import { NoteSchema, type Note } from './schema';

const SHARED_KINDS = new Set<Note['kind']>(['problem', 'handover']);
export const NOTEBOOK_FILE_MAX = 5_000_000;

export const NotebookFileSchema = z.object({
  format: z.literal('kefu-notebooks'),
  version: z.literal(1),
  exportedAt: z.number().int().nonnegative(),
  notes: z.array(NoteSchema).max(50_000),
});

/** The file of this machine's problem log and handovers (buyer notes stay: they are one agent's own). */
export function exportNotebooks(notes: readonly Note[], now = Date.now()): string {
  const shared = notes.filter((n) => SHARED_KINDS.has(n.kind));
  return `${JSON.stringify({ format: 'kefu-notebooks', version: 1, exportedAt: now, notes: shared }, null, 1)}\n`;
}

export type NotebookRead = { ok: true; notes: Note[] } | { ok: false; error: string };

/** Read a notebooks file: a clear reason when it is not one (nothing is written then). */
export function readNotebookFile(text: string): NotebookRead {
  if (text.length > NOTEBOOK_FILE_MAX) return { ok: false, error: `文件太大（超过 ${NOTEBOOK_FILE_MAX / 1_000_000} MB）` };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, error: '不是 JSON 文件' };
  }
  const parsed = NotebookFileSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const where = issue.path.length ? `（${issue.path.join('.')}）` : '';
    return { ok: false, error: `不是客服助手的笔记文件${where}：${issue.message}` };
  }
  const notes = parsed.data.notes.filter((n) => SHARED_KINDS.has(n.kind));
  return { ok: true, notes };
}

export interface NotebookMerge {
  /** Notes this machine does not have. */
  added: Note[];
  /** Notes both have where the file's edit is newer (or the file's side was read). */
  updated: Note[];
  /** Notes of the file this machine already has as they are, or newer. */
  kept: number;
}

/**
 * Merge by id. Of a note both sides have, the later edit wins; a handover read on either side stays read
 * (reading does not count as an edit). Local notes the file does not have are left alone.
 */
export function planNotebookMerge(local: readonly Note[], incoming: readonly Note[]): NotebookMerge {
  const mine = new Map(local.map((n) => [n.id, n]));
  const added: Note[] = [];
  const updated: Note[] = [];
  let kept = 0;
  const seen = new Set<string>();
  for (const theirs of incoming) {
    if (seen.has(theirs.id)) continue; // a file listing a note twice: the first counts
    seen.add(theirs.id);
    const ours = mine.get(theirs.id);
    if (!ours) {
      added.push(theirs);
      continue;
    }
    const newer = theirs.updatedAt > ours.updatedAt ? theirs : ours;
    const read = ours.read === true || theirs.read === true;
    const merged = newer.kind === 'handover' && read ? { ...newer, read } : newer;
    if (merged === ours || (newer === ours && merged.read === ours.read)) kept++;
    else updated.push(merged);
  }
  return { added, updated, kept };
}
