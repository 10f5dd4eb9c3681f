/**
 * Which chat tab the side panel serves. Pure, so the rules are table-tested.
 *
 * - A tab pinned by the panel's URL (`?tabId=`) is served whatever is active.
 * - Otherwise the active tab of the panel's window, when its content script found a reply box.
 * - When the panel itself is the active tab (opened as a page rather than docked) the most recently used chat
 *   tab is served, preferring the panel's window.
 * - Anything else is the "no chat input on this tab" state, naming the tab's site when it is a chat page.
 */
import type { ChatTab } from './protocol';

/**
 * `companion`: the panel opened as a window of its own beside the 千牛 desktop client (?companion=1), where
 * Taobao agents reply: it serves no chat tab, and a click copies the phrase for the agent to paste there.
 */
export type Served = { state: 'chat'; tab: ChatTab } | { state: 'no-input'; tab?: ChatTab } | { state: 'companion' };

export interface ServedQuery {
  tabs: readonly ChatTab[];
  windowId?: number;
  activeTabId?: number;
  /** The panel's own tab id, when it is open as a tab. */
  ownTabId?: number;
  pinnedTabId?: number;
}

export function pickServedTab(q: ServedQuery): Served {
  const byId = (id: number | undefined) => (id === undefined ? undefined : q.tabs.find((t) => t.tabId === id));
  const serve = (tab: ChatTab | undefined): Served =>
    tab?.status.hasInput ? { state: 'chat', tab } : tab ? { state: 'no-input', tab } : { state: 'no-input' };

  if (q.pinnedTabId !== undefined) return serve(byId(q.pinnedTabId));
  const panelIsActive = q.activeTabId === undefined || (q.ownTabId !== undefined && q.activeTabId === q.ownTabId);
  if (!panelIsActive) return serve(byId(q.activeTabId));

  const recent = [...q.tabs]
    .filter((t) => t.status.hasInput)
    .sort((a, b) => Number(b.windowId === q.windowId) - Number(a.windowId === q.windowId) || b.seenAt - a.seenAt);
  return serve(recent[0]);
}
