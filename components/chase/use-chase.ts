/** 催付提醒's data: every repository call of the chase view goes through here. */
import { useLiveQuery } from 'dexie-react-hooks';
import { activeReminders, completeStep, markPaid, startChase, stepWithPhrase } from '../../storage/repositories/reminders';
import type { Reminder } from '../../scripts-library/schema';
import { useDb } from '../shared/db-context';

export interface ChaseTarget {
  site: string;
  buyerId: string;
  buyerName?: string;
  tabId?: number;
}

export function useChase(focusId: string | undefined) {
  const db = useDb();
  return {
    reminders: useLiveQuery(() => activeReminders(db), [db]),
    /** The step whose notification the agent clicked, with its phrase. */
    focused: useLiveQuery(async () => (focusId ? stepWithPhrase(db, focusId) : undefined), [db, focusId]),
    start: (target: ChaseTarget, ladder: readonly number[]) => startChase(db, target, ladder),
    /** Resolves with how many steps were cancelled. */
    paid: (target: ChaseTarget) => markPaid(db, target.site, target.buyerId),
    phraseOf: async (step: Reminder) => (await stepWithPhrase(db, step.id))?.phrase,
    complete: (id: string) => completeStep(db, id),
  };
}
