/**
 * Cross-validation of the intent model without a test runner's time limit (on a loaded machine the five trainings
 * take longer than vitest allows): `npx vite-node tests/tools/intent-cv.ts <out.json>` writes each training message
 * with its out-of-fold ranking, and prints the suggestion figures by threshold (score.ts cvSuggestScore).
 * `--from <out.json>` re-scores rankings written before (the model unchanged, only the pack or the suggestions).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { intentFigures, outOfFold, trainingExamples, type OutOfFold } from '../fixtures/buyer-messages/intent-cv';
import { cvSuggestScore } from '../fixtures/buyer-messages/score';

const from = process.argv[2] === '--from' ? process.argv[3] : undefined;
const rows: OutOfFold[] = from ? (JSON.parse(readFileSync(from, 'utf8')) as OutOfFold[]) : outOfFold(trainingExamples());
if (!from && process.argv[2]) writeFileSync(process.argv[2], JSON.stringify(rows));
const pct = (x: number) => `${(100 * x).toFixed(1)} %`;
for (const t of [0.1, 0.2, 0.25, 0.3, 0.35, 0.4, 0.5]) {
  const s = cvSuggestScore(rows, t);
  const i = intentFigures(rows, 0);
  console.log(`threshold ${t}: first acceptable ${pct(s.firstAcceptable)}, false first ${pct(s.falseFirst)}, top 3 ${pct(s.top3)}, abstain ${pct(s.abstain)}; intent top-1 ${pct(i.accuracy)}, top-3 ${pct(i.top3)}`);
}
