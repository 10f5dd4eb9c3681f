/**
 * The chat agent is injected by the background, not declared in the manifest: the declared chat script is only a
 * loader that asks for it once the console has loaded (see entrypoints/chat.content/index.ts).
 */
import type { browser } from 'wxt/browser';

type Scripting = Pick<(typeof browser)['scripting'], 'executeScript'>;

/** The agent as WXT builds it (entrypoints/chat-agent.ts). */
export const AGENT_SCRIPT = '/chat-agent.js';

/** Inject the agent into one frame of a tab (the loader's); the agent itself refuses to start twice there. */
export async function injectAgent(scripting: Scripting, tabId: number, frameId: number): Promise<void> {
  await scripting.executeScript({ target: { tabId, frameIds: [frameId] }, files: [AGENT_SCRIPT] });
}
