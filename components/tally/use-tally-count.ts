/** Counting from the panel's header and hotkeys (询单 / 成交 ±1, a sale with its amount) for the current shift. */
import { addSale, countOne } from '../../storage/repositories/tally';
import { tallyRowAt } from '../../scripts-library/shared/shift';
import type { Settings } from '../../scripts-library/shared/schema';
import { useDb } from '../shared/db-context';
import { writeErrorText } from '../shared/write-error';

export type CountField = 'consults' | 'conversions';

/** @param settings the agent's name and shifts (undefined while loading: `me` and the default shifts) */
export function useTallyCount(settings: Pick<Settings, 'agentName' | 'shifts'> | undefined) {
  const db = useDb();
  return {
    count: (field: CountField, delta: number) => {
      const { agent, day, shift } = tallyRowAt(settings, new Date());
      return countOne(db, agent, day, shift, field, delta);
    },
    sale: (amount: number) => {
      const { agent, day, shift } = tallyRowAt(settings, new Date());
      return addSale(db, agent, day, shift, amount);
    },
    /** Why a count failed, for the agent (a full disk…). */
    errorText: writeErrorText,
  };
}
