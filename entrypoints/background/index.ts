import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { ChatTabRegistry } from '../../storage/chat-tabs';
import { getDb } from '../../storage/db';
import { ensureDefaultPacks } from '../../storage/repositories/phrase-writes';
import { ensureDefaultRules } from '../../storage/repositories/rules';
import { handleBackgroundMessage } from './handlers';
import { createServices } from './services';
import { openPanelOnToolbarClick } from './side-panel';

export default defineBackground(() => {
  const registry = new ChatTabRegistry(browser.storage.session ?? browser.storage.local);
  const services = createServices(getDb(), registry);
  const broadcast = () => browser.runtime.sendMessage({ type: 'bg/chat-tabs-changed' }).catch(() => {});

  openPanelOnToolbarClick();
  browser.runtime.onInstalled.addListener(() => {
    void ensureDefaultPacks(getDb());
    void ensureDefaultRules(getDb());
  });

  browser.runtime.onMessage.addListener((raw, sender, sendResponse) => {
    void handleBackgroundMessage(raw, sender, browser.runtime.id, services).then(({ reply, changed }) => {
      sendResponse(reply);
      if (changed) void broadcast();
    });
    return true; // answered asynchronously
  });
  browser.tabs.onActivated.addListener(({ tabId }) => void registry.activate(tabId).then((c) => c && broadcast()));
  browser.tabs.onRemoved.addListener((tabId) => void registry.forget(tabId).then((c) => c && broadcast()));
});
