/**
 * The chat loader: the only script declared for the chat consoles, kept to ≈ 1.5 kB gzip so that a console's
 * own load is not held up. Once the page has loaded it asks the background to inject the chat script
 * (entrypoints/chat-script/) into this frame.
 */
import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { CHAT_MATCHES } from '../../scripts-library/shared/sites';
// Types only: the protocol's schemas (zod) stay out of this 1.5 kB loader; the background validates what arrives.
import type { RequestOf, BACKGROUND_PROTOCOL } from '../../scripts-library/shared/protocol';

/** How long the loader waits for the page's load event before asking for the agent anyway. */
const LOAD_WAIT_MS = 3000;

export default defineContentScript({
  matches: CHAT_MATCHES,
  runAt: 'document_idle',
  // WXT would otherwise window.postMessage(…, '*') a "script started" message naming the extension's id to
  // every console page, which lets the page fingerprint the extension. Same-document events are enough for us.
  noScriptStartedPostMessage: true,
  // Not WXT's ctx.isValid, ctx.setTimeout or ctx.addEventListener: the page can retire that context with a forged
  // "content script started" event (#30 S1), and the chat script would never be asked for. A loader orphaned by
  // an extension reload has no runtime id; that the page cannot fake.
  main() {
    let asked = false;
    const start = () => {
      if (asked || browser.runtime?.id == null) return;
      asked = true;
      const message: RequestOf<typeof BACKGROUND_PROTOCOL, 'chat-script/start'> = { type: 'chat-script/start' };
      browser.runtime.sendMessage(message).catch((e: unknown) => console.warn('[kefu] chat script', e));
    };
    if (document.readyState === 'complete') return start();
    window.addEventListener('load', () => setTimeout(start, 0), { once: true });
    // A console whose load never completes (a resource that hangs, a stream) still gets its chat script.
    setTimeout(start, LOAD_WAIT_MS);
  },
});
