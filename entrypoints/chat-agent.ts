/**
 * The chat agent (zod, the site adapters, insertion, the "/" picker and the guard badge). It is not a manifest
 * content script: the tiny chat loader (entrypoints/chat.content) asks the background to inject it with
 * `scripting.executeScript` once the console has finished loading, so a console's load pays only for the loader.
 * It runs in the same isolated world as the loader.
 */
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { startChatAgent } from './chat.content/agent';

declare global {
  // The running agent's context in this frame's isolated world: a second injection must not wire twice.
  var __kefuAgent: ContentScriptContext | undefined;
}

export default defineUnlistedScript(() => {
  if (globalThis.__kefuAgent?.isValid) return;
  // Its own name: a newer agent (the extension reloaded) invalidates this one, and the loader's context is left alone.
  // No window.postMessage announcing the extension's id to the page (see the loader).
  const ctx = new ContentScriptContext('chat-agent', { noScriptStartedPostMessage: true });
  globalThis.__kefuAgent = ctx;
  // A user-timing entry on the page's timeline: how long starting the agent holds the page (benchmarked).
  performance.mark('kefu:agent-start');
  startChatAgent(ctx);
  performance.measure('kefu:agent', 'kefu:agent-start');
});
