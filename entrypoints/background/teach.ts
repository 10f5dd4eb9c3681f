/** Teach by pointing and the self-check: what a site was taught, and its misses, in settings (one transaction each), always under the sending page's own origin. */
import type { KefuDB } from '../../storage/db';
import { getSettings, updateSettings } from '../../storage/repositories/settings';
import { addMiss } from '../../scripts-library/sites/self-check';
import { OK, type Handlers } from './messages';

export function teachHandlers(db: KefuDB): Handlers<'teach/load' | 'teach/save' | 'selfcheck/miss'> {
  return {
    'teach/load': async (_m, ctx) => ({ taught: (await getSettings(db)).taughtSites[ctx.site()] ?? null }),
    async 'teach/save'({ taught }, ctx) {
      const site = ctx.site();
      await updateSettings(db, ({ taughtSites }) => ({ taughtSites: { ...taughtSites, [site]: taught } }));
      return OK;
    },
    // The self-check saw `field` go missing on the page's site: one more today.
    async 'selfcheck/miss'({ field }, ctx) {
      const site = ctx.site();
      await updateSettings(db, ({ fieldMisses }) => ({ fieldMisses: addMiss(fieldMisses, site, field, Date.now()) }));
      return OK;
    },
  };
}
