/**
 * The background's part of 催付提醒: one browser alarm per pending step (rebuilt from the database at every
 * start, so reminders survive a browser restart), a notification when a step is due, and on a click on it the
 * chat tab in front with the side panel showing that step's phrase ready to insert.
 */
import type { browser } from 'wxt/browser';

type Browser = typeof browser;
import type { KefuDB } from '../../storage/db';
import { activeReminders, fireReminder } from '../../storage/repositories/reminders';
import { ALARM_PREFIX, CHASE_FOCUS_KEY, alarmName, alarmsToSchedule, delayParts, reminderIdOfAlarm } from '../../scripts-library/reminders';

type Api = Pick<Browser, 'alarms' | 'notifications' | 'tabs' | 'windows' | 'i18n'> & {
  session: Browser['storage']['session'];
  openPanel?: (tabId: number, windowId: number) => Promise<void>;
};

export function createReminderService(db: KefuDB, api: Api) {
  const text = (key: string, subs?: string[]) => api.i18n.getMessage(key as Parameters<Browser['i18n']['getMessage']>[0], subs);

  return {
    /** Make the alarms match the database: one per pending step still in the future, no others. */
    async sync(now = Date.now()): Promise<void> {
      const want = alarmsToSchedule(await activeReminders(db), now);
      const names = new Set(want.map((r) => alarmName(r.id)));
      for (const alarm of await api.alarms.getAll()) {
        if (alarm.name.startsWith(ALARM_PREFIX) && !names.has(alarm.name)) await api.alarms.clear(alarm.name);
      }
      for (const r of want) await api.alarms.create(alarmName(r.id), { when: r.dueAt });
    },

    /** An alarm went off. @returns whether a notification was shown. */
    async onAlarm(name: string): Promise<boolean> {
      const id = reminderIdOfAlarm(name);
      if (!id) return false;
      const step = await fireReminder(db, id);
      if (!step) return false; // paid (cancelled) in the meantime
      const phrase = step.phraseId ? await db.phrases.get(step.phraseId) : undefined;
      const [value, unit] = delayParts(step.minutes);
      await api.notifications.create(id, {
        type: 'basic',
        iconUrl: 'icon/128.png',
        title: text('chaseNotifyTitle', [step.buyerName ?? step.buyerId]),
        message: text('chaseNotifyMessage', [text(`delay_${unit}`, [value]), phrase?.title ?? '']),
        priority: 2,
        requireInteraction: true,
      });
      return true;
    },

    /** The agent clicked a chase notification: bring the chat tab forward and show that step in the panel. */
    async onNotificationClicked(id: string): Promise<void> {
      const step = await db.reminders.get(id);
      if (!step) return;
      await api.session.set({ [CHASE_FOCUS_KEY]: id });
      await api.notifications.clear(id);
      if (step.tabId === undefined) return;
      try {
        const tab = await api.tabs.update(step.tabId, { active: true });
        if (tab?.windowId !== undefined) {
          await api.windows.update(tab.windowId, { focused: true });
          await api.openPanel?.(step.tabId, tab.windowId);
        }
      } catch (e) {
        console.warn('[kefu] the chat tab of a chase reminder is gone', e); // the panel still shows the step
      }
    },
  };
}
