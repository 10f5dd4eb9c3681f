/**
 * The guard as agents meet it (verdict.ts) with the shipped intent model and the bundled default rules.
 * SURE and VETO were chosen on two held-back splits, each scored once with the model trained on what came before:
 * round 5 (model of rounds 1–4) and round 6 (model of rounds 1–5); see tests/fixtures/guard/README.md. The shipped
 * model is trained on the whole tune split.
 */
// The weights as text, parsed on first use (JSON.parse reads it faster than V8 reads an object literal).
import intentText from '../packs/guard-intent.json?raw';
import type { Rule } from '../shared/schema';
import { DEFAULT_RULES, type Hit } from './index';
import { fromStored, type IntentModel, type StoredIntentModel } from './intent';
import { modelReader, storedReader, type IntentReader } from './intent-reader';
import { judgeWith, vetoableIds, type JudgeOptions } from './verdict';

export { INTENT_ADVICE, intentNote, judgeWith, SURE, UNSURE, VETO, VETO_MIN_CHARS, vetoableIds, type Judge, type JudgeOptions } from './verdict';

/** The shipped model (packs/guard-intent.json), as weights by feature name (what training and its tests read). */
let named: IntentModel | undefined;
export const defaultIntent = (): IntentModel => (named ??= fromStored(JSON.parse(intentText) as StoredIntentModel));
let shipped: IntentReader | undefined;
/** The shipped model as the checks read it, made straight from its stored form. */
export const shippedReader = (): IntentReader => (shipped ??= storedReader(JSON.parse(intentText) as StoredIntentModel));
/** The shipped model's text (guard-intent.json). */
export const SHIPPED_MODEL_TEXT: string = intentText;
let vetoable: ReadonlySet<string> | undefined;

/** `model`: judge with these weights instead of the shipped model's. */
export function judgeDraft(draft: string, rules: readonly Rule[] = DEFAULT_RULES, options: JudgeOptions & { model?: IntentModel } = {}): Hit[] {
  const { model, ...rest } = options;
  const reader = model ? modelReader(model) : shippedReader();
  return judgeWith({ reader, vetoable: (vetoable ??= new Set(vetoableIds(DEFAULT_RULES))) }, draft, rules, rest);
}

/** Read the shipped model with `reader` from now on (one kept as a structured clone: tests of the kept form). */
export function readShippedWith(reader: IntentReader): void {
  shipped = reader;
}
