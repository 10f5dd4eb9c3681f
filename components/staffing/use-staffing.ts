/** The staffing calculator's data: the agent's own tally history, for the prefills. */
import { useLiveQuery } from 'dexie-react-hooks';
import { useDb } from '../shared/db-context';
import { tallyOf } from '../../storage/repositories/tally';
import { prefillFromTally } from '../../scripts-library/tally/staffing';

/** Prefills from every tally row of this agent (undefined while loading). */
export function useStaffingPrefill(agent: string): ReturnType<typeof prefillFromTally> | undefined {
  const db = useDb();
  return useLiveQuery(async () => prefillFromTally(await tallyOf(db, agent)), [db, agent]);
}
