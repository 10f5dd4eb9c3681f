/**
 * Scores the suggestions on the retired round-2 buyer messages (tests/fixtures/buyer-messages/intents-round2.tsv,
 * 478 messages written by another hand against the 140-phrase pack), split by the FNV-1a hash of the message into a
 * **tune** part (three quarters: read, its misses printed with SHOW=1, what #32's third round was tuned on) and a
 * **dev** quarter (hash mod 4 = 0: never read, only its figures printed, to see whether the tuning carried over).
 * `npx vite-node tests/tools/score-round2.ts [tune|dev|both]`; `SHOW=1` prints the tune part's misses by kind.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { shortHash } from '../../scripts-library/shared/hash';
import { defaultPhrases, scoreSuggestions } from '../fixtures/buyer-messages/score';

const root = join(__dirname, '..', '..');
const lines = readFileSync(join(root, 'tests/fixtures/buyer-messages/intents-round2.tsv'), 'utf8')
  .split('\n')
  .filter((l) => l.trim() && !l.startsWith('#'));
/** The dev quarter: messages whose FNV-1a hash is 0 mod 4. */
export const isDev = (message: string) => parseInt(shortHash(message), 36) % 4 === 0;
const part = (dev: boolean) => lines.filter((l) => isDev(l.split('\t').slice(3).join('\t')) === dev);
const which = process.argv[2] ?? 'both';
const pct = (x: number) => `${(100 * x).toFixed(1)} %`;
for (const [name, dev] of [['tune', false], ['dev', true]] as const) {
  if (which !== 'both' && which !== name) continue;
  const file = join(tmpdir(), `round2-${name}-${process.pid}.tsv`);
  writeFileSync(file, part(dev).join('\n'));
  const s = scoreSuggestions(file, defaultPhrases());
  console.log(`${name}: ${s.messages} messages, sure ${s.suggested}; first acceptable ${pct(s.firstAcceptable)}, false first ${pct(s.falseFirst)}, top 3 ${pct(s.top3)}, abstain ${pct(s.abstain)}`);
  if (!dev && process.env.SHOW) for (const w of s.wrong) console.log('  WRONG', w.first, w.message);
}
