import { defineContentScript } from 'wxt/utils/define-content-script';
import { CHAT_MATCHES } from './adapters/matches';

export default defineContentScript({
  matches: CHAT_MATCHES,
  runAt: 'document_idle',
  main(ctx) {
    const start = async () => {
      // The agent (with zod and the picker/badge UIs) is initialised only now, after the console's own load.
      const { startChatAgent } = await import('./agent');
      if (!ctx.isValid) return;
      // A user-timing entry on the page's timeline: how long starting the agent holds the page (benchmarked).
      performance.mark('kefu:agent-start');
      startChatAgent(ctx);
      performance.measure('kefu:agent', 'kefu:agent-start');
    };
    if (document.readyState === 'complete') void start();
    else ctx.addEventListener(window, 'load', () => ctx.setTimeout(() => void start(), 0), { once: true });
  },
});
