/**
 * The chat script is injected by the background, not declared in the manifest: the declared content script is only a
 * loader that asks for it once the console has loaded (see entrypoints/chat.content/index.ts).
 */
import type { browser } from 'wxt/browser';

type Scripting = Pick<(typeof browser)['scripting'], 'executeScript'>;

/** The chat script as WXT builds it (entrypoints/chat-script/). */
export const CHAT_SCRIPT_FILE = '/chat-script.js';

/** Inject the chat script into one frame of a tab (the loader's); the script itself refuses to start twice there. */
export async function injectChatScript(scripting: Scripting, tabId: number, frameId: number): Promise<void> {
  await scripting.executeScript({ target: { tabId, frameIds: [frameId] }, files: [CHAT_SCRIPT_FILE] });
}

type Tabs = Pick<(typeof browser)['tabs'], 'query'>;

/**
 * After an install or update, consoles that were already open have no chat script (or one of the old version,
 * which can no longer talk to the extension), and the browser does not inject declared scripts into them: inject
 * it into each such tab now, so the agent need not reload the console. A tab that cannot take it (discarded,
 * still loading, showing an error page) is skipped; it gets the chat script on its next load.
 * @returns the ids of the tabs that got the chat script.
 */
export async function injectIntoOpenTabs(api: { tabs: Tabs; scripting: Scripting }, patterns: readonly string[]): Promise<number[]> {
  if (!patterns.length) return [];
  const tabs = await api.tabs.query({ url: [...patterns] });
  const done: number[] = [];
  for (const tab of tabs) {
    if (tab.id === undefined || tab.discarded || tab.status !== 'complete') continue;
    try {
      await injectChatScript(api.scripting, tab.id, 0);
      done.push(tab.id);
    } catch {
      // not injectable right now: its loader will ask on the next load
    }
  }
  return done;
}
