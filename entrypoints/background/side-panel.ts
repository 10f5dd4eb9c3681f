import { browser } from 'wxt/browser';

/** Firefox's sidebar API, which the Chrome-typed `browser` object does not describe. */
interface FirefoxSidebar {
  browserAction?: { onClicked: { addListener(cb: () => void): void } };
  sidebarAction?: { toggle(): Promise<void> };
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
