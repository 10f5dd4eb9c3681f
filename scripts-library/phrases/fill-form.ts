/**
 * The fill-in form's model (`{运单号}`, `{快递公司=顺丰/中通}`, `{店铺名}`…), one for its two renderers: the panel's
 * PlaceholderForm (React) and the "/" picker's form (DOM in the chat page). Which fields, in what order, each a text
 * field or a menu, what each starts with (startPhrase's prefill: this buyer's values, known ones, the last choice,
 * the phrase's default), whether 保存到设置 is offered, and when the form may be sent.
 */
import type { FormAnswer, PhraseStep } from './phrase-flow';
import { settingKeyOf } from './placeholders';

/** Longest value a field takes (what placeholders/remember accepts). */
export const FILL_VALUE_MAX = 200;

export type FillField =
  | { name: string; kind: 'text'; initial: string; maxLength: number }
  | { name: string; kind: 'menu'; initial: string; options: readonly string[] };

export interface FillForm {
  fields: FillField[];
  /** Some field is a shop-wide value (店铺名, 客服名): 保存到设置 is offered, ticked. */
  offersSaveShop: boolean;
}

/** The form for a step that asks. */
export function fillForm(step: Pick<Extract<PhraseStep, { kind: 'ask' }>, 'fields' | 'prefill' | 'choices'>): FillForm {
  return {
    fields: step.fields.map((name): FillField => {
      const initial = step.prefill[name] ?? '';
      const options = step.choices[name];
      return options ? { name, kind: 'menu', initial, options } : { name, kind: 'text', initial, maxLength: FILL_VALUE_MAX };
    }),
    offersSaveShop: step.fields.some((name) => settingKeyOf(name)),
  };
}

/** What the form sends: every value trimmed; null while a field is empty (the form is not sent then). */
export function formAnswer(form: FillForm, values: Readonly<Record<string, string>>, saveShop: boolean): FormAnswer | null {
  const typed: Record<string, string> = {};
  for (const { name } of form.fields) {
    const value = (values[name] ?? '').trim().slice(0, FILL_VALUE_MAX);
    if (!value) return null;
    typed[name] = value;
  }
  return { typed, saveShop: form.offersSaveShop && saveShop };
}
