/**
 * Scores the suggestions on a retired held-back round of buyer messages (tests/fixtures/buyer-messages/
 * intents-round<N>.tsv, written by another hand against the 140-phrase pack and scored once before retiring), split
 * by the FNV-1a hash of the message into a **tune** part (three quarters: read, its misses printed with SHOW=1) and a
 * **dev** quarter (hash mod 4 = 0: never read, only its figures printed, to see whether the tuning carried over).
 * Rounds 2 (tuned on by #32's third round), 3 (the fourth), 4 (the fifth), 5 (the sixth), 6 (the seventh) and 7 (the eighth) are split this way; round 1 was split in
 * halves (score-round1.ts).
 * `npx vite-node tests/tools/score-round.ts <2|3|4|5|6|7> [tune|dev|both]`; `SHOW=1` prints the tune part's misses.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { defaultPhrases, scoreSuggestions } from '../fixtures/buyer-messages/score';
import { GAP_PHRASES, HUMAN_PHRASES } from '../../storage/schema-versions';
import { QUARTER_ROUNDS, roundPart, type QuarterRound } from './round-split';

const pct = (x: number) => `${(100 * x).toFixed(1)} %`;
const round = Number(process.argv[2]) as QuarterRound;
if (!QUARTER_ROUNDS.includes(round)) throw new Error(`usage: score-round.ts <${QUARTER_ROUNDS.join('|')}> [tune|dev|both]`);
const which = process.argv[3] ?? 'both';
for (const [name, dev] of [['tune', false], ['dev', true]] as const) {
  if (which !== 'both' && which !== name) continue;
  const file = join(tmpdir(), `round${round}-${name}-${process.pid}.tsv`);
  writeFileSync(file, roundPart(round, dev).join('\n'));
  // Rounds 2 to 4 were labelled against the 140-phrase pack, round 5 against the 142: a first suggestion of a phrase
  // added since (v11's GAP_PHRASES, v13's HUMAN_PHRASES) is a miss there whatever it says, so each part is also
  // scored without them.
  const later = [...(round < 5 ? GAP_PHRASES : []), ...HUMAN_PHRASES];
  for (const [library, phrases] of [['today\'s pack', defaultPhrases()], ['pack as labelled', defaultPhrases().filter((p) => !later.includes(p.id))]] as const) {
    const s = scoreSuggestions(file, phrases);
    console.log(`round ${round} ${name}, ${library}: ${s.messages} messages, sure ${s.suggested}; first acceptable ${pct(s.firstAcceptable)}, false first ${pct(s.falseFirst)}, top 3 ${pct(s.top3)}, abstain ${pct(s.abstain)}`);
    if (!dev && process.env.SHOW && library !== 'pack as labelled') for (const w of s.wrong) console.log('  WRONG', w.first, '←', w.message);
  }
}
