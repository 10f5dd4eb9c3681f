import { defineContentScript } from 'wxt/utils/define-content-script';
import { CHAT_MATCHES } from './adapters/matches';
import { startChatAgent } from './agent';

export default defineContentScript({
  matches: CHAT_MATCHES,
  runAt: 'document_idle',
  main(ctx) {
    // A user-timing entry on the page's timeline: how long starting the agent holds the page (benchmarked).
    performance.mark('kefu:agent-start');
    startChatAgent(ctx);
    performance.measure('kefu:agent', 'kefu:agent-start');
  },
});
