import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { ChatTabsChangedSchema } from '../../scripts-library/shared/protocol';
import { toBackground, toChatTab } from '../shared/messaging';
import { pickServedTab, type Served } from '../../scripts-library/shared/served-tab';
import type { ChatTab } from '../../scripts-library/shared/protocol';

/** Ask the background which chat tabs exist and decide which one this panel serves; follows tab switches. */
export async function loadServedTab(pinnedTabId: number | undefined): Promise<Served> {
  const [raw, own, [active]] = await Promise.all([
    toBackground('panel/list-chat-tabs', {}).catch((e: unknown) => {
      console.warn('[kefu] no chat-tab list from the background', e);
      return [];
    }),
    browser.tabs.getCurrent(),
    browser.tabs.query({ active: true, currentWindow: true }),
  ]);
  const served = pickServedTab({
    tabs: raw,
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
    const status = await toChatTab(tab.tabId)('chat/get-status', {});
    return { state: status.hasInput ? 'chat' : 'no-input', tab: { ...tab, status } };
  } catch {
    // no chat script answers in that tab any more (or not in a form we accept)
  }
  return { state: 'no-input' };
}

/** The panel opened as the 千牛 companion window (see openCompanionWindow). */
export const isCompanionWindow = (search = location.search) => new URLSearchParams(search).get('companion') === '1';

/** Opens the panel as a narrow window of its own, to stand beside the 千牛 desktop client. */
export async function openCompanionWindow(): Promise<void> {
  await browser.windows.create({ url: browser.runtime.getURL('/sidepanel.html?companion=1'), type: 'popup', width: 420, height: 780 });
}

export function useServedTab(): Served | undefined {
  // The companion window serves no chat tab, whatever is open: a click there is for 千牛, never for a console.
  const [served, setServed] = useState<Served | undefined>(() => (isCompanionWindow() ? { state: 'companion' } : undefined));
  useEffect(() => {
    if (isCompanionWindow()) return;
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
