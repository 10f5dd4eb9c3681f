import { useEffect, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { useDb } from '../shared/db-context';
import type { Settings, Tally } from '../../scripts-library/shared/schema';
import { addSale, increment, tallyForDays, tallyOf, type TallyField } from '../../storage/repositories/tally';
import { saveSettings } from '../../storage/repositories/settings';
import { monthToDate } from '../../scripts-library/tally/tally';
import { lastDays, shiftAt } from '../../scripts-library/shared/shift';
import { writeErrorText } from '../shared/write-error';

/** What the tally view shows and can do; everything it stores goes through here. */
export interface TallyModel {
  day: string;
  shift: string;
  /** The last 30 days and this month to date (undefined while loading). */
  rows: Tally[] | undefined;
  /** Why the last write failed (a full disk…), cleared by the next one that works. */
  writeError: string | undefined;
  bump(field: TallyField, delta: number): void;
  /** Count a sale with an order amount (0: none); resolves true when stored. */
  sale(amount: number): Promise<boolean>;
  setGoal(goal: number): void;
  setAutoConsult(on: boolean): void;
  /** Every row of this agent, for the CSV. */
  allRows(): Promise<Tally[]>;
}

export function useTally(agent: string, settings: Settings): TallyModel {
  const db = useDb();
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), 60_000); // the shift changes while the panel is open
    return () => clearInterval(timer);
  }, []);
  const { day, shift } = shiftAt(now, settings.shifts);
  const rows = useLiveQuery(() => tallyForDays(db, agent, [...new Set([...lastDays(day, 30), ...monthToDate(day)])]), [db, agent, day]);
  const [writeError, setWriteError] = useState<string>();
  const guarded = (write: Promise<unknown>) =>
    write.then(
      () => (setWriteError(undefined), true),
      (e: unknown) => (setWriteError(writeErrorText(e)), false),
    );
  return {
    day,
    shift,
    rows,
    writeError,
    bump: (field, delta) => void guarded(increment(db, agent, day, shift, field, delta)),
    sale: (amount) => guarded(addSale(db, agent, day, shift, amount)),
    setGoal: (goal) => void saveSettings(db, { dailyGoal: goal }),
    setAutoConsult: (on) => void saveSettings(db, { autoConsult: on }),
    allRows: () => tallyOf(db, agent),
  };
}
