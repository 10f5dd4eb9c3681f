/**
 * Which stage the latest buyer message most likely needs, from the stage model (stage-model.ts, weights in
 * packs/stage-model.json trained on tests/fixtures/buyer-messages). Below the threshold, or for chit-chat, it
 * says nothing rather than guess.
 */
// The weights as text, parsed at the first hint: a woken service worker or an opening panel does not pay for it.
import weightsText from '../packs/stage-model.json?raw';
import { classify, NONE, type StageModel } from './stage-model';

/** Least probability for a hint, chosen by cross-validation on the training split (never on the held-back one). */
export const HINT_THRESHOLD = 0.55;

let parsed: StageModel | undefined;
const model = (): StageModel => (parsed ??= JSON.parse(weightsText) as StageModel);

export function stageGuess(message: string | undefined): { stage: string; confidence: number } | undefined {
  const text = message?.trim();
  if (!text) return undefined;
  const { label, confidence } = classify(model(), text);
  return label !== NONE && confidence >= HINT_THRESHOLD ? { stage: label, confidence } : undefined;
}

export function stageHint(message: string | undefined): string | undefined {
  return stageGuess(message)?.stage;
}
