import { defineContentScript } from 'wxt/utils/define-content-script';
import { CHAT_MATCHES } from './adapters/matches';
import { startChatAgent } from './agent';

export default defineContentScript({
  matches: CHAT_MATCHES,
  runAt: 'document_idle',
  main(ctx) {
    startChatAgent(ctx);
  },
});
