/**
 * The chat loader: the only script declared for the chat consoles, kept to a few hundred bytes so that a
 * console's own load is not held up. Once the page has loaded it asks the background to inject the agent
 * (entrypoints/chat-agent.ts) into this frame.
 */
import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { CHAT_MATCHES } from './adapters/matches';

export default defineContentScript({
  matches: CHAT_MATCHES,
  runAt: 'document_idle',
  main(ctx) {
    const start = () => {
      if (ctx.isValid) browser.runtime.sendMessage({ type: 'agent/start' }).catch((e: unknown) => console.warn('[kefu] agent', e));
    };
    if (document.readyState === 'complete') start();
    else ctx.addEventListener(window, 'load', () => ctx.setTimeout(start, 0), { once: true });
  },
});
