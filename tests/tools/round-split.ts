/**
 * The retired held-back rounds of buyer messages split by the FNV-1a hash of the message: a **tune** part (three
 * quarters, read and tuned on) and a **dev** quarter (hash mod 4 = 0: never read, only its figures printed). Round 2
 * was split so for #32's third round, round 3 for the fourth, round 4 for the fifth, round 5 for the sixth, round 6 for the seventh, round 7 for the eighth (score-round.ts prints the figures).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { shortHash } from '../../scripts-library/shared/hash';

/** The rounds split into a tune part and a dev quarter. */
export const QUARTER_ROUNDS = [2, 3, 4, 5, 6, 7] as const;
export type QuarterRound = (typeof QUARTER_ROUNDS)[number];
/** The dev quarter: messages whose FNV-1a hash is 0 mod 4. */
export const isDev = (message: string) => parseInt(shortHash(message), 36) % 4 === 0;

const root = join(__dirname, '..', '..');
/** A round's labelled lines (`intent · ok_first · false_first · message`), comments left out. */
export function roundLines(round: QuarterRound): string[] {
  return readFileSync(join(root, `tests/fixtures/buyer-messages/intents-round${round}.tsv`), 'utf8')
    .split('\n')
    .filter((l) => l.trim() && !l.startsWith('#'));
}
/** The message column of a labelled line. */
export const messageOf = (line: string) => line.split('\t').slice(3).join('\t');
/** The tune part (three quarters) or the dev quarter of a round. */
export const roundPart = (round: QuarterRound, dev: boolean) => roundLines(round).filter((l) => isDev(messageOf(l)) === dev);
