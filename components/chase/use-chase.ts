/** 催付提醒's data: every repository call of the chase view goes through here. */
import { useLiveQuery } from 'dexie-react-hooks';
import { activeReminders, completeStep, markPaid, startChase, stepWithPhrase } from '../../storage/repositories/reminders';
import type { Reminder } from '../../scripts-library/shared/schema';
import type { LadderKind } from '../../scripts-library/shared/chase-ladder';
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
    /** Start a ladder (催付 by default) now, or counted from `from` (an order time the agent entered). */
    start: (target: ChaseTarget, ladder: readonly number[], options: { kind?: LadderKind; from?: number } = {}) =>
      startChase(db, target, ladder, Date.now(), options),
    /** 已付款 / 已完成: resolves with how many steps of that ladder were cancelled. */
    paid: (target: ChaseTarget, kind: LadderKind = 'payment') => markPaid(db, target.site, target.buyerId, kind),
    phraseOf: async (step: Reminder) => (await stepWithPhrase(db, step.id))?.phrase,
    complete: (id: string) => completeStep(db, id),
  };
}
