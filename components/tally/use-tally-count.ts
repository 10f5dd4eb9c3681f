/** Counting from the panel's header and hotkeys (询单 / 成交 ±1, a sale with its amount) for the current shift. */
import { addSale, countOne } from '../../storage/repositories/tally';
import { shiftAt } from '../../scripts-library/tally/tally';
import type { Shift } from '../../scripts-library/shared/schema';
import { useDb } from '../shared/db-context';
import { writeErrorText } from '../shared/write-error';

export type CountField = 'consults' | 'conversions';

export function useTallyCount(agent: string, shifts: Shift[] | undefined) {
  const db = useDb();
  const now = () => shiftAt(new Date(), shifts);
  return {
    count: (field: CountField, delta: number) => {
      const { day, shift } = now();
      return countOne(db, agent, day, shift, field, delta);
    },
    sale: (amount: number) => {
      const { day, shift } = now();
      return addSale(db, agent, day, shift, amount);
    },
    /** Why a count failed, for the agent (a full disk…). */
    errorText: writeErrorText,
  };
}
