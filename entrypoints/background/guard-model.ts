/**
 * The intent model's reader and the default rules' ids it may overrule, kept between service-worker wakes (#36
 * item 4): made from the shipped files (guard-intent.json, rules-default.json: parsing them was most of a woken
 * worker's first check, and holding them in the worker's script most of its start), they are typed arrays, a Map
 * and strings, so IndexedDB keeps them as they are and a wake reads them back ready to use.
 */
import { keptReader, looksJudge, revivedReader, type KeptJudge } from '../../scripts-library/guard/compiled-form';
import type { IntentReader } from '../../scripts-library/guard/intent-reader';
import { vetoableIds, type Judge } from '../../scripts-library/guard/verdict';
import type { Rule } from '../../scripts-library/shared/schema';
import type { GuardCache } from '../../storage/guard-cache';

/** Where the worker gets the shipped model and default rules when nothing is kept (the slow path). */
export interface ShippedGuard {
  /** What a kept judge is keyed by (compiled-form.ts judgeKey): another model or pack is another key. */
  key: string;
  /** The shipped model's reader, made from its weights. */
  reader(): Promise<IntentReader>;
  /** The bundled default rules (the rules checked while none are stored). */
  defaultRules(): Promise<readonly Rule[]>;
}

/**
 * The judge kept under the shipped files' key; else one made from them now, kept for the next wake after this
 * check is answered.
 */
export async function reviveOrKeepJudge(kept: GuardCache, shipped: ShippedGuard): Promise<Judge> {
  const form = await kept.get(shipped.key, 'model');
  if (looksJudge(form)) return { reader: revivedReader(form.reader), vetoable: new Set(form.vetoable) };
  performance.mark('kefu:guard-model-none-kept'); // read by tests/tools/wake-profile.mjs
  const [reader, defaults] = await Promise.all([shipped.reader(), shipped.defaultRules()]);
  const made: KeptJudge = { reader: keptReader(reader), vetoable: vetoableIds(defaults) };
  setTimeout(() => void kept.put(shipped.key, made, 'model'), 0);
  return { reader, vetoable: new Set(made.vetoable) };
}
