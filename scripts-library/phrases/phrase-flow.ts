/**
 * The one phrase flow, shared by the side panel and the "/" picker: fill the known values → ask for what is
 * missing (order values always) → insert → count the use. Pure decisions here; each caller brings its own form
 * and its own way to insert and count.
 */
import { fieldSpecs, fieldsToAsk, fillPlaceholders, type Filled } from './placeholders';

export type PhraseStep =
  /**
   * Show the fill-in form: `fields` to ask, `prefill` what each starts with (this buyer's suggestions, known
   * values, the last choice, the phrase's default), `choices` the fields that are a menu.
   */
  | { kind: 'ask'; fields: string[]; prefill: Record<string, string>; choices: Record<string, string[]> }
  /** Everything is known: insert `filled`. */
  | { kind: 'ready'; filled: Filled };

/**
 * The first step for a phrase. Order values (运单号, 金额…) are asked even when a value is known somewhere: they
 * are only prefilled, and only with `suggested` (this buyer's own).
 */
export function startPhrase(body: string, known: Readonly<Record<string, string>>, suggested: Readonly<Record<string, string>> = {}): PhraseStep {
  const fields = fieldsToAsk(body, known);
  if (fields.length) {
    const specs = fieldSpecs(body);
    const choices: Record<string, string[]> = {};
    const prefill: Record<string, string> = {};
    for (const f of fields) {
      const spec = specs.get(f);
      const start = suggested[f] ?? known[f];
      if (spec?.options) {
        choices[f] = spec.options;
        prefill[f] = start !== undefined && spec.options.includes(start) ? start : spec.options[0]!;
      } else prefill[f] = start ?? spec?.fallback ?? '';
    }
    return { kind: 'ask', fields, prefill, choices };
  }
  return { kind: 'ready', filled: fillPlaceholders(body, known) };
}

/** After the form: the agent's typed values over the known ones; anything still empty is asked again. */
export function completePhrase(body: string, known: Readonly<Record<string, string>>, typed: Readonly<Record<string, string>>): PhraseStep {
  const values: Record<string, string> = { ...known };
  for (const [name, value] of Object.entries(typed)) if (value.trim()) values[name] = value.trim();
  const filled = fillPlaceholders(body, values);
  if (filled.missing.length) return { kind: 'ask', fields: filled.missing, prefill: Object.fromEntries(filled.missing.map((f) => [f, ''])), choices: {} };
  return { kind: 'ready', filled };
}

export interface DeliverPorts {
  /** Put the text in the reply box; true when it landed there. `caret` only when it is not at the end. */
  insert(text: string, caret: number | undefined): Promise<boolean>;
  /** Count one use of the phrase (a failure is the caller's to report: the text is in the box already). */
  countUse(phraseId: string): Promise<void>;
}

/** Insert a filled phrase and count the use only when it landed. Resolves with whether it landed. */
export async function deliverPhrase(ports: DeliverPorts, phraseId: string, filled: Filled): Promise<boolean> {
  const landed = await ports.insert(filled.text, filled.caret < filled.text.length ? filled.caret : undefined);
  if (landed) await ports.countUse(phraseId);
  return landed;
}
