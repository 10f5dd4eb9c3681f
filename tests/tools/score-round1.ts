/**
 * Scores the suggestions on the retired round-1 buyer messages (tests/fixtures/buyer-messages/intents-round1.tsv),
 * split by a hash of the message into a **tune** half (read, its misses printed: what #32's second round was tuned
 * on) and a **dev** half (never read: only its figures are printed, to see whether tuning on the other half
 * carried over). `npx vite-node tests/tools/score-round1.ts [tune|dev|both]`.
 *
 * Round 1 was labelled against the 131 phrases of the pack before #32 filled its gaps: the nine phrases added since
 * (慢慢考虑, 不着急付款, 平台内沟通, 能否机洗…) are never in its lists, so a first suggestion of theirs counts as a
 * miss whatever it says. Each half is scored twice: against today's pack (what the lead's figures were) and
 * against the pack as labelled (the nine left out), the fair measure of the model and the phrase choice.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { shortHash } from '../../scripts-library/shared/hash';
import { defaultPhrases, scoreSuggestions } from '../fixtures/buyer-messages/score';

/** The phrases added to the default pack after round 1 was labelled (by #32 item 5). */
export const ADDED_AFTER_ROUND1 = new Set(['product-size-by-body', 'product-care-fabric', 'product-machine-wash', 'pricing-price-protect', 'order-off-platform', 'payment-will-pay', 'payment-hesitate', 'farewell-review-no-reward', 'away-here']);

const root = join(__dirname, '..', '..');
const lines = readFileSync(join(root, 'tests/fixtures/buyer-messages/intents-round1.tsv'), 'utf8')
  .split('\n')
  .filter((l) => l.trim() && !l.startsWith('#'));
/** The dev half: messages whose FNV-1a hash is odd. */
export const isDev = (message: string) => parseInt(shortHash(message), 36) % 2 === 1;
const half = (dev: boolean) => lines.filter((l) => isDev(l.split('\t').slice(3).join('\t')) === dev);
const which = process.argv[2] ?? 'both';
const pct = (x: number) => `${(100 * x).toFixed(1)} %`;
for (const [name, dev] of [['tune', false], ['dev', true]] as const) {
  if (which !== 'both' && which !== name) continue;
  const file = join(tmpdir(), `round1-${name}.tsv`);
  writeFileSync(file, half(dev).join('\n'));
  for (const [library, phrases] of [['today\'s pack', defaultPhrases()], ['pack as labelled', defaultPhrases().filter((p) => !ADDED_AFTER_ROUND1.has(p.id))]] as const) {
    const s = scoreSuggestions(file, phrases);
    console.log(`${name}, ${library}: ${s.messages} messages, sure ${s.suggested}; first acceptable ${pct(s.firstAcceptable)}, false first ${pct(s.falseFirst)}, top 3 ${pct(s.top3)}, abstain ${pct(s.abstain)}`);
    if (!dev && process.env.SHOW) for (const w of s.wrong) console.log('  WRONG', w.first, w.message);
  }
}
