/**
 * The chat script (zod, the site adapters, insertion, the "/" picker and the guard badge): the page-side program
 * that serves the human agent in a console ("agent" in this codebase always means the person). It is not a manifest
 * content script: the tiny chat loader (entrypoints/chat.content) asks the background to inject it with
 * `scripting.executeScript` once the console has finished loading, so a console's load pays only for the loader.
 * It runs in the same isolated world as the loader.
 */
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { ChatScriptContext } from './context';
import { startChatScript } from './chat-script';

declare global {
  // The running chat script's context in this frame's isolated world: a second injection must not wire twice.
  var __kefuChatScript: ContentScriptContext | undefined;
  // When each chat script in this world started and how long starting held the page (ms, performance.now()),
  // for the tests and the benchmark: kept in the isolated world, not on the page's performance timeline.
  var __kefuChatScriptStarts: { at: number; ms: number }[] | undefined;
}

export default defineUnlistedScript(() => {
  if (globalThis.__kefuChatScript?.isValid) return;
  const at = performance.now();
  // Its own name: a newer chat script (the extension reloaded) invalidates this one, and the loader's context is
  // left alone. Only a genuine newer script does: a page-made "started" event is refused (context.ts).
  // No window.postMessage announcing the extension's id to the page (see the loader).
  const ctx = new ChatScriptContext('chat-script', { noScriptStartedPostMessage: true });
  globalThis.__kefuChatScript = ctx;
  startChatScript(ctx);
  (globalThis.__kefuChatScriptStarts ??= []).push({ at, ms: performance.now() - at });
});
