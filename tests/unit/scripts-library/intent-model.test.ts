/**
 * The buyer-intent model: the shipped weights are what the training corpus gives (trained from it by this code, tests/tools/model-fingerprint.ts; run
 * `npm run train:intent-model` after editing tests/fixtures/buyer-messages/intents-train.tsv).
 */
import { describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { features, rankIntents, readExamples, train, type IntentModel } from '../../../scripts-library/suggest/intent-model';
import { INTENT_IDS } from '../../../scripts-library/shared/intents';
import { fingerprintCheck } from '../../tools/model-fingerprint';

const dir = join(__dirname, '../../fixtures/buyer-messages');
const shipped = join(__dirname, '../../../scripts-library/packs/intent-model.json');
const examples = readExamples(readFileSync(join(dir, 'intents-train.tsv'), 'utf8'));

describe('the intent model', () => {
  it('ships the weights trained from the training file by this code (fingerprint; retrain: npm run train:intent-model)', () => {
    const write = () => writeFileSync(shipped, `${JSON.stringify(train(examples))}\n`);
    const { recorded, expected } = fingerprintCheck('intent-model', 'scripts-library/suggest/intent-model.ts', examples, shipped, process.env.UPDATE_INTENT_MODEL ? write : undefined);
    expect(recorded).toEqual(expected);
  }, 300_000);

  it('trains the same weights from the same examples', () => {
    const some = examples.filter((_, i) => i % 8 === 0);
    expect(train(some)).toEqual(train(some));
  });

  it('is trained on every intent, and only on known ones', () => {
    expect([...new Set(examples.map((e) => e.label))].sort()).toEqual([...INTENT_IDS].sort());
  });

  it('reads traditional characters like simplified', () => {
    expect(features('幾時發貨')).toEqual(features('几时发货'));
  });

  it('ranks nothing for a message whose every feature is unknown', () => {
    const model = JSON.parse(readFileSync(shipped, 'utf8')) as IntentModel;
    expect(rankIntents(model, '')).toEqual([]);
  });
});
