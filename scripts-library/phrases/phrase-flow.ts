/**
 * The one phrase flow, shared by the side panel and the "/" picker (runPhraseFlow): the wording → fill the known
 * values → ask for what is missing (order values always) → remember what was typed → insert → count the use. The
 * decisions and their order live here; each caller brings its own form, and its own way to remember, insert and count.
 */
import { fieldSpecs, fieldsToAsk, fillPlaceholders, type Filled } from './placeholders';
import { pickWording } from './sent-memory';

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

/** A phrase as the flow takes it: the panel's Phrase, or a "/" picker item (`turn`: its use count). */
export interface FlowPhrase {
  id: string;
  body: string;
  variants?: readonly string[];
  turn?: number;
}

/** What the fill-in form gave back: the typed values, and whether shop-wide ones go to ⚙ settings. */
export interface FormAnswer {
  typed: Record<string, string>;
  saveShop: boolean;
}

/** What a caller of runPhraseFlow brings: its form, its memory of replies, its way to remember, insert and count. */
export interface FlowPorts extends DeliverPorts {
  /** Values known for sure (settings, the buyer's name). */
  known: Readonly<Record<string, string>>;
  /** This buyer's remembered order values: they only prefill the form. */
  suggested?: Readonly<Record<string, string>>;
  /** Whether this text went to this buyer a moment ago: a phrase with other wordings gives another one. */
  givenRecently?(text: string): boolean;
  /** Show the fill-in form for `step`; null when it was closed without sending. */
  ask(step: Extract<PhraseStep, { kind: 'ask' }>, body: string): Promise<FormAnswer | null>;
  /** Whether the conversation the flow began in is still the one served (the agent may move on while the form is open). */
  stillServing(): boolean;
  /** Keep what was typed for next time (this buyer's order values; shop-wide ones when `saveShop`). */
  remember(answer: FormAnswer): Promise<void>;
}

/**
 * The one phrase flow, in one order for the panel and the "/" picker: the wording (not the one this buyer just got)
 * → fill the known values → the form for the rest (order values always) → still the same buyer? → remember what was
 * typed → insert → count the use (only when it landed). Values are remembered only for a form that completed in the
 * conversation it was opened in, and before the insert (a failed insert does not lose them). Resolves with whether the
 * phrase landed.
 */
export async function runPhraseFlow(phrase: FlowPhrase, ports: FlowPorts): Promise<boolean> {
  const { known } = ports;
  const body = phrase.variants?.length
    ? pickWording({ body: phrase.body, variants: phrase.variants, useCount: phrase.turn ?? 0 }, ports.givenRecently ?? (() => false), (w) => fillPlaceholders(w, known).text)
    : phrase.body;
  let step = startPhrase(body, known, ports.suggested);
  const typed: Record<string, string> = {};
  let saveShop = false;
  while (step.kind === 'ask') {
    const answer = await ports.ask(step, body);
    if (!answer || !ports.stillServing()) return false;
    Object.assign(typed, answer.typed);
    saveShop ||= answer.saveShop;
    step = completePhrase(body, known, typed);
  }
  if (Object.keys(typed).length) {
    await ports.remember({ typed, saveShop });
    if (!ports.stillServing()) return false;
  }
  return deliverPhrase(ports, phrase.id, step.filled);
}
