/** The notebooks' data: every repository call of 问题登记本, 交接记录本 and the buyer note goes through here. */
import { useLiveQuery } from 'dexie-react-hooks';
import { addHandover, addProblem, answeredQuestions, answerProblem, getBuyerNote, listHandovers, listProblems, markHandoverRead, saveBuyerNote } from '../../storage/repositories/notes';
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
