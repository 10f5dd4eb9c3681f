/** The tally's messages and counts made in the worker: Alt+X / Alt+C, and the automatic consult count. */
import type { KefuDB } from '../../storage/db';
import { countOne, recordConsultOnce } from '../../storage/repositories/tally';
import { getSettings } from '../../storage/repositories/settings';
import { tallyRowAt } from '../../scripts-library/shared/shift';
import { OK, type Handlers } from './messages';

export function tallyHandlers(db: KefuDB): Handlers<'tally/count'> {
  return {
    // Count a consult or a sale for the current shift (Alt+X / Alt+C in a chat page).
    async 'tally/count'({ field, delta }) {
      const { agent, day, shift } = tallyRowAt(await getSettings(db), new Date());
      await countOne(db, agent, day, shift, field, delta);
      return OK;
    },
  };
}

/** A chat tab now shows this buyer: the first opening per day counts a consult, when the agent switched that on. */
export function buyerOpened(db: KefuDB): (site: string, buyerId: string) => Promise<void> {
  return async (site, buyerId) => {
    const settings = await getSettings(db);
    if (!settings.autoConsult) return;
    const { agent, day, shift } = tallyRowAt(settings, new Date());
    await recordConsultOnce(db, agent, day, shift, `${site}|${buyerId}`);
  };
}
