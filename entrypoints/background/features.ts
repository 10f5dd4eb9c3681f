/**
 * Everything the background does besides the guard's check (features-slot.ts): the messages of the other
 * features, chase reminders, wait notices, site registrations, the team's catch-up, the chat tabs' registry. Runs
 * in worker-features.js, loaded by the worker's core (index.ts) when first needed.
 */
import { browser } from 'wxt/browser';
import { ChatTabRegistry } from '../../storage/chat-tabs';
import { getDb } from '../../storage/db';
import { ensureDefaults } from '../../storage/defaults';
import { onTableWritten } from '../../storage/watch';
import * as packs from '../../storage/repositories/packs';
import { createBackground } from './handlers';
import { openPanelFor } from './side-panel';
import { createReminderService } from './reminders';
import { createSiteService } from './sites';
import { createWaitNotices, waitConfig } from './waits';
import { createTeamCatchUp } from './team';
import { injectChatScript, injectIntoOpenTabs } from './chat-script-injection';
import { CHAT_MATCHES } from '../../scripts-library/shared/sites';
import { getSettings } from '../../storage/repositories/settings';
import type { ChatTabsChanged, RequestOf, CHAT_PAGE_PROTOCOL } from '../../scripts-library/shared/protocol';
import type { KefuDB } from '../../storage/db';
import type { Core, Features } from './features-slot';
import { setFileText } from '../../scripts-library/files/file-text';

const warn = (what: string) => (e: unknown) => console.warn(`[kefu] ${what}`, e);

export function startFeatures({ guard }: Core): Features {
  // A team pack the worker refuses says why in the agent's language (scripts-library/files/file-text.ts).
  setFileText((key, subs) => browser.i18n.getMessage(key, subs) || key);
  const db = getDb();
  const session = browser.storage.session ?? browser.storage.local;
  const registry = new ChatTabRegistry(session);
  const reminders = createReminderService(db, {
    alarms: browser.alarms,
    notifications: browser.notifications,
    tabs: browser.tabs,
    windows: browser.windows,
    i18n: browser.i18n,
    session,
    openPanel: openPanelFor,
    chatTabs: () => registry.list(),
  });
  const sites = createSiteService({ scripting: browser.scripting, permissions: browser.permissions });
  const waits = createWaitNotices({ notifications: browser.notifications, tabs: browser.tabs, windows: browser.windows, i18n: browser.i18n });
  const receive = createBackground(db, registry, guard, {
    notifyWait: (tabId, name, waitedSec) => waits.notify(tabId, name, waitedSec),
    syncReminders: () => reminders.sync(),
    sites,
    injectChatScript: (tabId, frameId) => injectChatScript(browser.scripting, tabId, frameId),
  });
  const changedNotice: ChatTabsChanged = { type: 'bg/chat-tabs-changed' };
  const broadcast = () => void browser.runtime.sendMessage(changedNotice).catch(() => {});

  // Sites the agent enabled: their registrations follow the settings and the permissions still granted.
  void getSettings(db)
    .then((s) => sites.sync(s.enabledSites))
    .catch(warn('site registrations'));
  // Chase reminders: alarms are rebuilt from the database whenever the worker starts (browser restart included),
  // and follow every committed write to the reminders table while it runs (the panel's writes also wake it).
  onTableWritten(db, 'reminders', () => void reminders.sync().catch(warn('reminder alarms')));
  onTableWritten(db, 'settings', pushWaitConfig(db, registry));
  void reminders.sync().catch(warn('reminder alarms'));
  // Team mode: a catch-up on an alarm while a team is joined (joining or leaving writes the settings row).
  const team = createTeamCatchUp(db, browser.alarms);
  const scheduleTeam = () => void team.schedule().catch(warn('team alarm'));
  onTableWritten(db, 'settings', scheduleTeam);
  scheduleTeam();

  return {
    receive,
    openDb: async () => void (await db.open()),
    broadcast,
    onInstalled() {
      void ensureDefaults(db, async () => packs).catch(warn('defaults'));
      // Consoles already open get the agent now, not only after they are reloaded.
      void getSettings(db)
        .then((s) => injectIntoOpenTabs({ tabs: browser.tabs, scripting: browser.scripting }, [...CHAT_MATCHES, ...s.enabledSites]))
        .catch(warn('chat script in open tabs'));
    },
    onAlarm(name) {
      void reminders.onAlarm(name).catch(warn('reminder'));
      void team.onAlarm(name).catch(warn('team sync'));
    },
    onNotificationClicked: (id) => void waits.onClicked(id).then((ours) => (ours ? undefined : reminders.onNotificationClicked(id))),
    onTabActivated: (tabId) => void registry.activate(tabId).then((c) => c && broadcast()),
    onTabRemoved: (tabId) => void registry.forget(tabId).then((c) => c && broadcast()),
  };
}

/**
 * The countdown's limit and notice switch follow ⚙ into the consoles already open: after a committed settings
 * write (the panel's, seen over Dexie's storagemutated) that changed them, each chat tab is told. A console whose
 * worker slept through the save asks again when the agent comes back to it (chat-script.ts, window focus).
 */
function pushWaitConfig(db: KefuDB, registry: ChatTabRegistry): () => void {
  let last = '';
  return () =>
    void (async () => {
      const config = await waitConfig(db);
      const key = JSON.stringify(config);
      if (key === last) return;
      last = key;
      const message: RequestOf<typeof CHAT_PAGE_PROTOCOL, 'chat/wait-config'> = { type: 'chat/wait-config', config };
      for (const tab of await registry.list()) void browser.tabs.sendMessage(tab.tabId, message).catch(() => {});
    })().catch(warn('wait limit to consoles'));
}
