/**
 * The chat script (zod, the site adapters, insertion, the "/" picker and the guard badge): the page-side program
 * that serves the human agent in a console ("agent" in this codebase always means the person). It is not a manifest
 * content script: the tiny chat loader (entrypoints/chat.content) asks the background to inject it with
 * `scripting.executeScript` once the console has finished loading, so a console's load pays only for the loader.
 * It runs in the same isolated world as the loader.
 */
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { startChatScript } from './chat-script';

declare global {
  // The running chat script's context in this frame's isolated world: a second injection must not wire twice.
  var __kefuChatScript: ContentScriptContext | undefined;
}

export default defineUnlistedScript(() => {
  if (globalThis.__kefuChatScript?.isValid) return;
  // Its own name: a newer chat script (the extension reloaded) invalidates this one, and the loader's context is left alone.
  // No window.postMessage announcing the extension's id to the page (see the loader).
  const ctx = new ContentScriptContext('chat-script', { noScriptStartedPostMessage: true });
  globalThis.__kefuChatScript = ctx;
  // A user-timing entry on the page's timeline: how long starting the chat script holds the page (benchmarked).
  performance.mark('kefu:chat-script-start');
  startChatScript(ctx);
  performance.measure('kefu:chat-script', 'kefu:chat-script-start');
});
