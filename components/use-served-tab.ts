import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { ChatStatusSchema, ChatTabListSchema, ChatTabsChangedSchema } from '../storage/protocol';
import { pickServedTab, type Served } from '../scripts-library/served-tab';
import type { ChatTab } from '../storage/protocol';

/** Ask the background which chat tabs exist and decide which one this panel serves; follows tab switches. */
export async function loadServedTab(pinnedTabId: number | undefined): Promise<Served> {
  const [raw, own, [active]] = await Promise.all([
    browser.runtime.sendMessage({ type: 'panel/list-chat-tabs' }),
    browser.tabs.getCurrent(),
    browser.tabs.query({ active: true, currentWindow: true }),
  ]);
  const tabs = ChatTabListSchema.safeParse(raw);
  if (!tabs.success) console.warn('[kefu] background sent a malformed chat-tab list', tabs.error.issues);
  const served = pickServedTab({
    tabs: tabs.success ? tabs.data : [],
    windowId: active?.windowId,
    activeTabId: active?.id,
    ownTabId: own?.id,
    pinnedTabId,
  });
  return served.state === 'chat' ? confirmLive(served.tab) : served;
}

/**
 * Ask the tab itself: the background's record may be stale (the tab navigated away from the console, or the
 * extension was reloaded and the page still runs an orphaned script). Only a live answer counts as served.
 */
async function confirmLive(tab: ChatTab): Promise<Served> {
  try {
    const status = ChatStatusSchema.safeParse(await browser.tabs.sendMessage(tab.tabId, { type: 'chat/get-status' }));
    if (status.success) return { state: status.data.hasInput ? 'chat' : 'no-input', tab: { ...tab, status: status.data } };
  } catch {
    // no content script answers in that tab any more
  }
  return { state: 'no-input' };
}

export function useServedTab(): Served | undefined {
  const [served, setServed] = useState<Served>();
  useEffect(() => {
    const pinned = Number(new URLSearchParams(location.search).get('tabId'));
    let alive = true;
    const refresh = () =>
      void loadServedTab(Number.isInteger(pinned) && pinned > 0 ? pinned : undefined).then(
        (s) => alive && setServed(s),
        (e: unknown) => console.warn('[kefu] cannot load the served tab', e),
      );
    const onMessage = (raw: unknown) => {
      if (ChatTabsChangedSchema.safeParse(raw).success) refresh();
    };
    refresh();
    browser.runtime.onMessage.addListener(onMessage);
    browser.tabs.onActivated.addListener(refresh);
    return () => {
      alive = false;
      browser.runtime.onMessage.removeListener(onMessage);
      browser.tabs.onActivated.removeListener(refresh);
    };
  }, []);
  return served;
}
