/**
 * The background's part of 催付提醒: one browser alarm for the earliest pending step (rebuilt from the database
 * at every start, so reminders survive a browser restart, and set again after each ring), a notification when a
 * step is due (not when it is long past: 已逾期), and on a click on it the chat tab in front with the side panel
 * showing that step's phrase ready to insert.
 */
import type { browser } from 'wxt/browser';

type Browser = typeof browser;
import type { KefuDB } from '../../storage/db';
import { activeReminders, fireReminder, getReminder } from '../../storage/repositories/reminders';
import { getPhrase } from '../../storage/repositories/phrases';
import { ALARM_PREFIX, CHASE_FOCUS_KEY, NEXT_ALARM, delayParts, dueToNotify, nextAlarmAt } from '../../scripts-library/chase/reminders';
import type { Reminder } from '../../scripts-library/shared/schema';
import type { ChatTab } from '../../scripts-library/shared/protocol';
import { OK, type Handlers } from './messages';

type Api = Pick<Browser, 'alarms' | 'notifications' | 'tabs' | 'windows' | 'i18n'> & {
  session: Browser['storage']['session'];
  openPanel?: (tabId: number, windowId: number) => Promise<void>;
  /** The chat tabs the chat scripts reported this session (storage/chat-tabs.ts). */
  chatTabs: () => Promise<ChatTab[]>;
};

/**
 * The chat tab a step's notification may bring forward: its own tab while that tab is a console of the step's
 * site (a tab id outlives nothing: after a restart it may be any page), else that site's console showing the
 * buyer, else that site's console used last; none when no console of the site is open.
 */
export function chatTabFor(step: Pick<Reminder, 'site' | 'buyerId' | 'tabId'>, tabs: readonly ChatTab[]): ChatTab | undefined {
  const ofSite = tabs.filter((t) => t.status.site === step.site);
  return (
    ofSite.find((t) => t.tabId === step.tabId) ??
    ofSite.find((t) => t.status.buyer?.id === step.buyerId) ??
    ofSite.reduce<ChatTab | undefined>((a, t) => (!a || t.seenAt > a.seenAt ? t : a), undefined)
  );
}

export function createReminderService(db: KefuDB, api: Api) {
  const text = (key: string, subs?: string[]) => api.i18n.getMessage(key as Parameters<Browser['i18n']['getMessage']>[0], subs);
  const notify = async (step: Reminder) => {
    const phrase = step.phraseId ? await getPhrase(db, step.phraseId) : undefined;
    const [value, unit] = delayParts(step.minutes);
    const buyer = step.buyerName ?? step.buyerId;
    const payment = step.kind === 'payment';
    await api.notifications.create(step.id, {
      type: 'basic',
      iconUrl: 'icon/128.png',
      title: payment ? text('chaseNotifyTitle', [buyer]) : text('followNotifyTitle', [text(`ladder_${step.kind.replace('-', '_')}`), buyer]),
      message: text(payment ? 'chaseNotifyMessage' : 'followNotifyMessage', [text(`delay_${unit}`, [value]), phrase?.title ?? '']),
      priority: 2,
      requireInteraction: true,
    });
  };

  return {
    /** Make the alarm match the database: one, at the earliest pending step still ahead (none without one). */
    async sync(now = Date.now()): Promise<void> {
      const at = nextAlarmAt(await activeReminders(db), now);
      for (const alarm of await api.alarms.getAll()) {
        // Alarms of older versions (one per step) and a stale next alarm go.
        if (alarm.name.startsWith(ALARM_PREFIX) && (alarm.name !== NEXT_ALARM || at === undefined)) await api.alarms.clear(alarm.name);
      }
      if (at !== undefined) await api.alarms.create(NEXT_ALARM, { when: at });
    },

    /**
     * The alarm rang (on time, late, or at start-up for steps missed while the browser was closed): notify the
     * steps due now, leave older ones to the panel as 已逾期, and set the alarm for the next step.
     * @returns how many notifications were shown.
     */
    async onAlarm(name: string, now = Date.now()): Promise<number> {
      if (!name.startsWith(ALARM_PREFIX)) return 0;
      let shown = 0;
      for (const due of dueToNotify(await activeReminders(db), now)) {
        const step = await fireReminder(db, due.id);
        if (step) {
          await notify(step);
          shown++;
        }
      }
      await this.sync(now);
      return shown;
    },

    /**
     * The agent clicked a chase notification: bring the step's console forward (only a tab a chat script reported
     * for that site, see chatTabFor) and show that step in the panel. With no such console open, nothing is
     * brought forward: the step waits in the panel's chase view (催付) for when the agent opens it.
     */
    async onNotificationClicked(id: string): Promise<void> {
      const step = await getReminder(db, id);
      if (!step) return;
      await api.session.set({ [CHASE_FOCUS_KEY]: id });
      await api.notifications.clear(id);
      const target = chatTabFor(step, await api.chatTabs().catch(() => []));
      if (!target) return;
      try {
        const tab = await api.tabs.update(target.tabId, { active: true });
        if (tab?.windowId !== undefined) {
          await api.windows.update(tab.windowId, { focused: true });
          await api.openPanel?.(target.tabId, tab.windowId);
        }
      } catch (e) {
        console.warn('[kefu] the chat tab of a chase reminder is gone', e); // the panel still shows the step
      }
    },
  };
}

/** The side panel changed chase reminders (or a restore did): make the alarms match the database. */
export function reminderHandlers(sync?: () => Promise<void>): Handlers<'reminders/changed'> {
  return {
    async 'reminders/changed'() {
      await sync?.();
      return OK;
    },
  };
}
