/**
 * Scores the suggestions on a conversation-format tune file (default tests/fixtures/buyer-messages/
 * conversations-tune.tsv, round 8's format): each buyer row with the chat before it, and the same rows without the
 * chat (each message alone, as the suggestions read before #32's eighth round).
 * `npx vite-node tests/tools/score-conversations.ts [file]`; `SHOW=1` prints the wrong firsts with the chat.
 */
import { join } from 'node:path';
import { scoreConversations } from '../fixtures/buyer-messages/score';

const file = process.argv[2] ?? join(__dirname, '../fixtures/buyer-messages/conversations-tune.tsv');
if (/heldout/.test(file)) throw new Error('held-back files are scored once, by score-heldout.ts');
const pct = (x: number) => `${(100 * x).toFixed(1)} %`;
for (const withChat of [false, true]) {
  const s = scoreConversations(file, undefined, undefined, withChat);
  console.log(`${withChat ? 'with the chat' : 'message alone'}: ${s.messages} buyer messages, sure ${s.suggested}; first acceptable ${pct(s.firstAcceptable)}, false first ${pct(s.falseFirst)} (${Math.round(s.falseFirst * s.suggested)}), top 3 ${pct(s.top3)}, abstain ${pct(s.abstain)}`);
  if (withChat && process.env.SHOW) for (const w of s.wrong) console.log(w.bad ? '  FALSE' : '  WRONG', w.first, '←', w.message);
}
