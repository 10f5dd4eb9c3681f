/** The notebooks' data: every repository call of 问题登记本, 交接记录本 and the buyer note goes through here. */
import { useLiveQuery } from 'dexie-react-hooks';
import { addHandover, addProblem, answeredQuestions, answerProblem, applyNotebookMerge, getBuyerNote, listHandovers, listProblems, listSharedNotes, markHandoverRead, notesWithIds, saveBuyerNote } from '../../storage/repositories/notes';
import { exportNotebookFiles, planNotebookMerge, readNotebookFile, type NotebookMerge } from '../../scripts-library/files/notebook-io';
import { useDb } from '../shared/db-context';

export function useProblems(search: string) {
  const db = useDb();
  return {
    problems: useLiveQuery(() => listProblems(db, search), [db, search]),
    add: (question: string, context: string) => addProblem(db, question, context),
    answer: (id: string, answer: string) => answerProblem(db, id, answer),
  };
}

export function useHandovers() {
  const db = useDb();
  return {
    handovers: useLiveQuery(() => listHandovers(db), [db]),
    add: (handover: Parameters<typeof addHandover>[1]) => addHandover(db, handover),
    markRead: (id: string) => markHandoverRead(db, id),
  };
}

export function useBuyerNote(site: string, buyerId: string) {
  const db = useDb();
  return {
    stored: useLiveQuery(() => getBuyerNote(db, site, buyerId), [db, site, buyerId]),
    save: (text: string) => saveBuyerNote(db, site, buyerId, text),
  };
}

/** Answered questions of the 问题登记本, for suggested replies (the FAQ searched by the buyer's message). */
export function useAnsweredQuestions() {
  const db = useDb();
  return useLiveQuery(() => answeredQuestions(db), [db]);
}

/** 导出 / 导入 of the two notebooks: the file's text, and a merge planned against this machine's notes. */
export function useNotebookTransfer() {
  const db = useDb();
  return {
    /** The export's files: one, or several when the notes are more than one file may hold. */
    exportFiles: async () => exportNotebookFiles(await listSharedNotes(db)),
    /** The merge a file would make, or why the file cannot be read (nothing is written either way). */
    plan: async (text: string): Promise<{ ok: true; merge: NotebookMerge } | { ok: false; error: string }> => {
      const read = readNotebookFile(text);
      return read.ok ? { ok: true, merge: planNotebookMerge(await notesWithIds(db, read.notes.map((n) => n.id)), read.notes) } : read;
    },
    apply: (merge: NotebookMerge) => applyNotebookMerge(db, merge),
  };
}
