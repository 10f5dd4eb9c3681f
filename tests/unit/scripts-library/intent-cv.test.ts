/**
 * `INTENT_CV=1 npx vitest run tests/unit/scripts-library/intent-cv.test.ts` prints the cross-validated figures the
 * abstain threshold was chosen by (five trainings: minutes). Skipped otherwise.
 */
import { describe, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { intentFigures, outOfFold, trainingExamples } from '../../fixtures/buyer-messages/intent-cv';

describe.runIf(process.env.INTENT_CV)('cross-validation of the intent model', () => {
  it('prints accuracy and abstain share by threshold', () => {
    const rows = outOfFold(trainingExamples());
    if (process.env.INTENT_CV_OUT) writeFileSync(process.env.INTENT_CV_OUT, JSON.stringify(rows));
    for (const t of [0, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7]) console.log(JSON.stringify(intentFigures(rows, t)));
  }, 900_000);
});
