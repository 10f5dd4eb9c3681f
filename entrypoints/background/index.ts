import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { ChatTabRegistry } from '../../storage/chat-tabs';
import { getDb } from '../../storage/db';
import { ensureDefaults } from '../../storage/defaults';
import { onTableWritten } from '../../storage/watch';
import { createGuardCache } from '../../storage/guard-cache';
import * as packs from '../../storage/repositories/packs';
import { createBackground } from './handlers';
import { openPanelFor, openPanelOnToolbarClick } from './side-panel';
import { createReminderService } from './reminders';
import { createSiteService } from './sites';
import { createWaitNotices, waitConfig } from './waits';
import { createTeamCatchUp } from './team';
import { injectChatScript, injectIntoOpenTabs } from './chat-script-injection';
import { CHAT_MATCHES } from '../../scripts-library/shared/sites';
import { getSettings } from '../../storage/repositories/settings';
import type { ChatTabsChanged, RequestOf, CHAT_PAGE_PROTOCOL } from '../../scripts-library/shared/protocol';
import type { KefuDB } from '../../storage/db';

export default defineBackground(() => {
  // The worker's modules are evaluated (tests/tools/wake-profile.mjs reads this and the guard's first-check marks).
  performance.mark('kefu:bg-modules');
  const session = browser.storage.session ?? browser.storage.local;
  const registry = new ChatTabRegistry(session);
  const reminders = createReminderService(getDb(), {
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
  const receive = createBackground(getDb(), registry, {
    notifyWait: (tabId, name, waitedSec) => waits.notify(tabId, name, waitedSec),
    syncReminders: () => reminders.sync(),
    sites,
    injectChatScript: (tabId, frameId) => injectChatScript(browser.scripting, tabId, frameId),
  });
  const changedNotice: ChatTabsChanged = { type: 'bg/chat-tabs-changed' };
  const broadcast = () => browser.runtime.sendMessage(changedNotice).catch(() => {});

  openPanelOnToolbarClick();
  browser.runtime.onInstalled.addListener(() => {
    // An update may compile the rules to another layout: the form kept by the last version is not revived.
    void createGuardCache().clear();
    void ensureDefaults(getDb(), async () => packs).catch((e: unknown) => console.warn('[kefu] defaults', e));
    // Consoles already open get the agent now, not only after they are reloaded.
    void getSettings(getDb())
      .then((s) => injectIntoOpenTabs({ tabs: browser.tabs, scripting: browser.scripting }, [...CHAT_MATCHES, ...s.enabledSites]))
      .catch((e: unknown) => console.warn('[kefu] chat script in open tabs', e));
  });

  browser.runtime.onMessage.addListener((raw, sender, sendResponse) => {
    performance.mark('kefu:bg-message');
    void receive(raw, sender, browser.runtime.id, browser.runtime.getURL('/')).then(({ reply, changed }) => {
      sendResponse(reply);
      if (changed) void broadcast();
    });
    return true; // answered asynchronously
  });
  // Sites the agent enabled: their registrations follow the settings and the permissions still granted.
  void getSettings(getDb())
    .then((s) => sites.sync(s.enabledSites))
    .catch((e: unknown) => console.warn('[kefu] site registrations', e));
  // Chase reminders: alarms are rebuilt from the database whenever the worker starts (browser restart included),
  // and follow every committed write to the reminders table while it runs (the panel's writes also wake it).
  onTableWritten(getDb(), 'reminders', () => void reminders.sync().catch((e: unknown) => console.warn('[kefu] reminder alarms', e)));
  onTableWritten(getDb(), 'settings', pushWaitConfig(getDb(), registry));
  void reminders.sync().catch((e: unknown) => console.warn('[kefu] reminder alarms', e));
  browser.alarms.onAlarm.addListener((alarm) => void reminders.onAlarm(alarm.name).catch((e: unknown) => console.warn('[kefu] reminder', e)));
  // Team mode: a catch-up on an alarm while a team is joined (joining or leaving writes the settings row).
  const team = createTeamCatchUp(getDb(), browser.alarms);
  const scheduleTeam = () => void team.schedule().catch((e: unknown) => console.warn('[kefu] team alarm', e));
  onTableWritten(getDb(), 'settings', scheduleTeam);
  scheduleTeam();
  browser.alarms.onAlarm.addListener((alarm) => void team.onAlarm(alarm.name).catch((e: unknown) => console.warn('[kefu] team sync', e)));
  browser.notifications.onClicked.addListener(
    (id) => void waits.onClicked(id).then((ours) => (ours ? undefined : reminders.onNotificationClicked(id))),
  );
  browser.tabs.onActivated.addListener(({ tabId }) => void registry.activate(tabId).then((c) => c && broadcast()));
  browser.tabs.onRemoved.addListener((tabId) => void registry.forget(tabId).then((c) => c && broadcast()));
  performance.mark('kefu:bg-main');
});

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
    })().catch((e: unknown) => console.warn('[kefu] wait limit to consoles', e));
}
