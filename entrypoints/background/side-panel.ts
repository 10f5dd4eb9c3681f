import { browser } from 'wxt/browser';

/** Firefox's sidebar API, which the Chrome-typed `browser` object does not describe. */
interface FirefoxSidebar {
  browserAction?: { onClicked: { addListener(cb: () => void): void } };
  sidebarAction?: { toggle(): Promise<void>; open(): Promise<void> };
}

/** Chrome/Edge: the toolbar button opens the side panel. Firefox: it toggles the sidebar. */
export function openPanelOnToolbarClick(): void {
  if (browser.sidePanel?.setPanelBehavior) {
    browser.sidePanel.setPanelBehavior({ openPanelOnActionClick: true }).catch((e: unknown) => console.warn('[kefu]', e));
    return;
  }
  const ff = browser as unknown as FirefoxSidebar;
  ff.browserAction?.onClicked.addListener(() => void ff.sidebarAction?.toggle());
}

/**
 * Open the panel for a tab, e.g. after a click on a chase notification. Browsers only allow it in response to a
 * user action; where they refuse, the agent opens it from the toolbar and finds the step waiting there.
 */
export async function openPanelFor(tabId: number, windowId: number): Promise<void> {
  try {
    if (browser.sidePanel?.open) await browser.sidePanel.open({ tabId, windowId });
    else await (browser as unknown as FirefoxSidebar).sidebarAction?.open();
  } catch (e) {
    console.warn('[kefu] the side panel could not be opened here', e);
  }
}
