/**
 * The background's registry of chat tabs (which tab shows which site and buyer). Kept in `storage.session`
 * so it survives the service worker being stopped, and is cleared with the browser session. Writes are
 * serialised: message handlers interleave at every await, and a read-modify-write race would drop a tab.
 */
import { ChatTabListSchema, type ChatStatus, type ChatTab } from '../scripts-library/shared/protocol';

/** The slice of a storage area this registry needs (browser.storage.session, or a fake in tests). */
export interface KeyValueArea {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

const KEY = 'chatTabs';

export class ChatTabRegistry {
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly area: KeyValueArea) {}

  async list(): Promise<ChatTab[]> {
    const raw = (await this.area.get(KEY))[KEY];
    const parsed = ChatTabListSchema.safeParse(raw ?? []);
    return parsed.success ? parsed.data : [];
  }

  /** Record a content script's report. @returns true when something the panel shows changed. */
  report(tabId: number, windowId: number, status: ChatStatus, now = Date.now()): Promise<boolean> {
    return this.update((tabs) => {
      const old = tabs.find((t) => t.tabId === tabId);
      const next = tabs.filter((t) => t.tabId !== tabId);
      next.push({ tabId, windowId, status, seenAt: now });
      return { tabs: next, changed: !old || JSON.stringify(old.status) !== JSON.stringify(status) || old.windowId !== windowId };
    });
  }

  /** The agent switched to this tab: it becomes the most recent chat tab of its window. */
  activate(tabId: number, now = Date.now()): Promise<boolean> {
    return this.update((tabs) => {
      const hit = tabs.find((t) => t.tabId === tabId);
      if (!hit) return { tabs, changed: false };
      hit.seenAt = now;
      return { tabs, changed: true };
    });
  }

  forget(tabId: number): Promise<boolean> {
    return this.update((tabs) => {
      const next = tabs.filter((t) => t.tabId !== tabId);
      return { tabs: next, changed: next.length !== tabs.length };
    });
  }

  private update(fn: (tabs: ChatTab[]) => { tabs: ChatTab[]; changed: boolean }): Promise<boolean> {
    const run = this.queue.then(async () => {
      const { tabs, changed } = fn(await this.list());
      if (changed) await this.area.set({ [KEY]: tabs });
      return changed;
    });
    this.queue = run.catch(() => undefined);
    return run;
  }
}
