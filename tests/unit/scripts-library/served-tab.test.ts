import { describe, expect, it } from 'vitest';
import { pickServedTab, type ServedQuery } from '../../../scripts-library/shared/served-tab';
import type { ChatTab } from '../../../scripts-library/shared/protocol';

const tab = (tabId: number, windowId: number, seenAt: number, hasInput = true): ChatTab => ({
  tabId,
  windowId,
  seenAt,
  status: { site: 'demo', hasInput, inputKind: hasInput ? 'textarea' : 'none', buyer: null },
});
const tabs = [tab(1, 1, 100), tab(2, 1, 300), tab(3, 2, 500), tab(4, 1, 900, false)];

describe('pickServedTab', () => {
  it.each<[string, Omit<ServedQuery, 'tabs'>, string, number | undefined]>([
    ['the active chat tab of the window', { windowId: 1, activeTabId: 1 }, 'chat', 1],
    ['no-input for an active tab without reply box', { windowId: 1, activeTabId: 4 }, 'no-input', 4],
    ['no-input for an active non-chat tab', { windowId: 1, activeTabId: 77 }, 'no-input', undefined],
    ['a pinned tab whatever is active', { windowId: 1, activeTabId: 1, pinnedTabId: 3 }, 'chat', 3],
    ['no-input for a pinned tab that is gone', { windowId: 1, activeTabId: 1, pinnedTabId: 42 }, 'no-input', undefined],
    ['the most recent chat tab of its window when the panel is the active tab', { windowId: 1, activeTabId: 9, ownTabId: 9 }, 'chat', 2],
    ['the most recent chat tab anywhere when its window has none', { windowId: 7, activeTabId: 9, ownTabId: 9 }, 'chat', 3],
    ['the most recent chat tab when nothing is active', { windowId: 1 }, 'chat', 2],
  ])('serves %s', (_label, query, state, tabId) => {
    const served = pickServedTab({ tabs, ...query });
    expect(served.state).toBe(state);
    expect(served.state !== 'companion' ? served.tab?.tabId : undefined).toBe(tabId);
  });

  it('is no-input when there are no chat tabs at all', () => {
    expect(pickServedTab({ tabs: [], activeTabId: 9, ownTabId: 9 })).toEqual({ state: 'no-input' });
  });
});
