/**
 * The buyer's intent as the panel and the background read it: the intent model (intent-model.ts, weights in
 * packs/intent-model.json trained on tests/fixtures/buyer-messages/intents-train.tsv) and the threshold below which
 * the suggestions abstain, chosen on the retired rounds' tune parts (never on a dev quarter or a held-back round).
 */
// The weights as text, parsed at the first ranking: a woken service worker or an opening panel does not pay for it.
import weightsText from '../packs/intent-model.json?raw';
import { rankIntents, type IntentModel, type IntentPosterior } from './intent-model';

/**
 * Least probability of the top intent for a sure suggestion (Enter / Alt+1 / "/"+Enter may insert it): chosen on the
 * retired rounds' tune parts, where the newest (round 5's) abstains within 15 % with a little margin (README).
 */
export const INTENT_THRESHOLD = 0.25;

let parsed: IntentModel | undefined;
const model = (): IntentModel => (parsed ??= JSON.parse(weightsText) as IntentModel);

let last: { message: string; ranked: IntentPosterior[] } | undefined;

/** Every intent with its probability, most likely first (the last message's answer is kept: the panel asks often). */
export function intentRanking(message: string | undefined): IntentPosterior[] {
  const text = message?.trim();
  if (!text) return [];
  if (last?.message !== text) last = { message: text, ranked: rankIntents(model(), text) };
  return last.ranked;
}

/** The intents of a part of a message (one ask of two), ranked without touching the last message's kept answer. */
export function clauseRanking(clause: string): IntentPosterior[] {
  return clause.trim() ? rankIntents(model(), clause.trim()) : [];
}
