/**
 * The unreplied-buyer countdown in the worker. "A buyer has waited too long" notifications: the chat page reports a buyer past the limit while its tab is in
 * the background (only when the agent turned that on in ⚙); a click brings that chat tab to the front.
 */
import type { browser } from 'wxt/browser';
import { formatWait } from '../../scripts-library/chase/wait-clock';
import type { KefuDB } from '../../storage/db';
import { getSettings } from '../../storage/repositories/settings';
import { recordResponse } from '../../storage/repositories/responses';
import { tallyRowAt } from '../../scripts-library/shared/shift';
import type { WaitConfig } from '../../scripts-library/shared/protocol';
import { OK, type Handlers } from './messages';

type Browser = typeof browser;
type Api = Pick<Browser, 'notifications' | 'tabs' | 'windows' | 'i18n'>;

const PREFIX = 'wait:';

export function createWaitNotices(api: Api) {
  const text = (key: string, subs?: string[]) => api.i18n.getMessage(key as Parameters<Browser['i18n']['getMessage']>[0], subs);
  return {
    async notify(tabId: number, name: string, waitedSec: number): Promise<void> {
      // One notification per tab: a second late buyer replaces the first one's text instead of piling up.
      await api.notifications.create(`${PREFIX}${tabId}`, {
        type: 'basic',
        iconUrl: 'icon/128.png',
        title: text('waitNotifyTitle', [name || text('waitSomeBuyer')]),
        message: text('waitNotifyMessage', [formatWait(waitedSec * 1000)]),
        priority: 2,
      });
    },
    /** @returns whether the notification was one of these (else it belongs to someone else, e.g. 催付). */
    async onClicked(id: string): Promise<boolean> {
      if (!id.startsWith(PREFIX)) return false;
      const tabId = Number(id.slice(PREFIX.length));
      await api.notifications.clear(id);
      try {
        const tab = await api.tabs.update(tabId, { active: true });
        if (tab?.windowId !== undefined) await api.windows.update(tab.windowId, { focused: true });
      } catch (e) {
        console.warn('[kefu] the chat tab of a waiting buyer is gone', e);
      }
      return true;
    },
  };
}

/** The unreplied-buyer countdown's messages: response times into the database, the limit, late-buyer notices. */
export function waitHandlers(db: KefuDB, notify?: (tabId: number, name: string, waitedSec: number) => Promise<void>): Handlers<'response/record' | 'wait/config' | 'wait/overdue'> {
  return {
    // The agent answered a buyer: the response time goes to the day and shift it was given in.
    async 'response/record'({ site, buyer, buyerAt, repliedAt }) {
      const at = Math.min(repliedAt, Date.now()); // never a reply from the future
      await recordResponse(db, { ...tallyRowAt(await getSettings(db), new Date(at)), site, buyer, buyerAt, repliedAt: at });
      return OK;
    },
    'wait/config': () => waitConfig(db),
    // A buyer in a background tab waited past the limit: notify, when the agent turned that on in ⚙.
    async 'wait/overdue'({ name, waitedSec }, ctx) {
      if ((await getSettings(db)).waitNotify) await notify?.(ctx.tab().id, name, waitedSec);
      return OK;
    },
  };
}

/** The wait limit and whether late buyers are notified (⚙ settings). */
export async function waitConfig(db: KefuDB): Promise<WaitConfig> {
  const { waitLimitSec, waitNotify } = await getSettings(db);
  return { limitSec: waitLimitSec, notify: waitNotify };
}
