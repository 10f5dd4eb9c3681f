/**
 * The worker's core: the guard's messages, answered here, and every listener the browser wakes the worker for
 * (registered at once, as MV3 requires). Everything else is the rest of the background (features.ts), loaded when
 * one of its messages or events comes, or soon after a wake (features-slot.ts): a woken worker evaluates only this
 * script before it answers the first keystroke's check.
 */
import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { createGuardCache } from '../../storage/guard-cache';
import { storedGuardSource } from '../../storage/guard-source';
import { guardHandlers } from './guard';
import { answersInCore, coreReceiver } from './core-messages';
import { importFeatures, startFeatures, type Features } from './features-slot';
import { shippedFiles } from './shipped-files';
import { openPanelOnToolbarClick } from './side-panel';

/**
 * The rest starts this long after a wake even when nothing asks for it (its start-up duties: alarms rebuilt, site
 * registrations, the team's catch-up), so the first checks are answered before its script is evaluated.
 */
const FEATURES_AFTER_MS = 1_000;

export default defineBackground(() => {
  // The worker's modules are evaluated (tests/tools/wake-profile.mjs reads this and the guard's first-check marks).
  performance.mark('kefu:bg-modules');
  let features: Features | undefined;
  const rest = (): Features => (features ??= startFeatures({ guard }));
  // The database as stored, read with IndexedDB itself (core-db.ts): Dexie and the schema's history, with the
  // upgrades' data, are the rest's.
  const guard = guardHandlers(
    storedGuardSource(() => rest().openDb()),
    shippedFiles,
  );
  const answerInCore = coreReceiver(guard);
  // A later wake may import the rest's script only if this version of the worker imported it while installing.
  if (typeof importScripts === 'function') self.addEventListener('install', () => importFeatures());

  openPanelOnToolbarClick();
  browser.runtime.onInstalled.addListener(() => {
    // An update may compile the rules to another layout: the form kept by the last version is not revived.
    void createGuardCache().clear();
    rest().onInstalled();
  });
  browser.runtime.onMessage.addListener((raw, sender, sendResponse) => {
    performance.mark('kefu:bg-message');
    const receive = answersInCore(raw) ? answerInCore : rest().receive;
    void receive(raw, sender, browser.runtime.id, browser.runtime.getURL('/')).then(({ reply, changed }) => {
      sendResponse(reply);
      if (changed) rest().broadcast();
    });
    return true; // answered asynchronously
  });
  browser.alarms.onAlarm.addListener((alarm) => rest().onAlarm(alarm.name));
  browser.notifications.onClicked.addListener((id) => rest().onNotificationClicked(id));
  browser.tabs.onActivated.addListener(({ tabId }) => rest().onTabActivated(tabId));
  browser.tabs.onRemoved.addListener((tabId) => rest().onTabRemoved(tabId));
  setTimeout(() => rest(), FEATURES_AFTER_MS);
  performance.mark('kefu:bg-main');
});
