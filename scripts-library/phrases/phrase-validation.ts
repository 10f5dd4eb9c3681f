/** Validation of a phrase being created, edited or imported, with messages an agent understands. */
import { unknownPlaceholders } from './placeholders';
import { PHRASE_BODY_MAX, type Phrase, type PhraseLead } from '../shared/schema';

/** The id of a phrase the agent writes (新建, 复制, 存为短语): when, plus a little chance, so two panels never collide. */
export const newPhraseId = (now = Date.now()): string => `user-${now.toString(36)}-${Math.random().toString(36).slice(2, 6)}`;

export interface PhraseDraft {
  id?: string;
  stageId: string;
  title: string;
  body: string;
  /** Other wordings (empty ones are dropped on save). */
  variants?: string[];
  code?: string;
  tags: string[];
  /** The buyer intents it answers (none: its stage's). */
  intents?: string[];
  /** When it may lead the suggestions (none: whenever it answers the buyer's intent). */
  lead?: PhraseLead;
}

export type PhraseProblem =
  | { code: 'empty-title' }
  | { code: 'title-too-long'; max: number }
  | { code: 'empty-body' }
  | { code: 'body-too-long'; max: number; length: number }
  | { code: 'duplicate-code'; shortcut: string; otherTitle: string }
  | { code: 'id-taken'; otherTitle: string }
  | { code: 'bad-code'; shortcut: string }
  | { code: 'unknown-placeholder'; name: string }
  | { code: 'unknown-stage'; stageId: string }
  | { code: 'variant-too-long'; index: number; max: number; length: number }
  | { code: 'variant-repeats'; index: number }
  | { code: 'tag-too-long'; tag: string; max: number }
  | { code: 'too-many-tags'; max: number }
  | { code: 'lead-hours' }
  | { code: 'lead-word-too-long'; word: string; max: number }
  | { code: 'too-many-lead-words'; max: number };

/** The limits of a lead guard's word lists (schema.ts PhraseLeadSchema), worded before the record schema refuses them. */
export const LEAD_WORD_MAX = 20;
export const LEAD_WORDS_MAX = 40;
function leadWordProblems(lead: PhraseLead | undefined): PhraseProblem[] {
  const problems: PhraseProblem[] = [];
  for (const list of [lead?.says ?? [], lead?.notSays ?? []]) {
    const long = list.find((w) => [...w.trim()].length > LEAD_WORD_MAX);
    if (long && !problems.length) problems.push({ code: 'lead-word-too-long', word: long, max: LEAD_WORD_MAX });
    if (list.length > LEAD_WORDS_MAX) problems.push({ code: 'too-many-lead-words', max: LEAD_WORDS_MAX });
  }
  return problems;
}

/** Problems of a draft against the library (excluding the phrase itself when editing). Empty = valid. */
export function validatePhrase(
  draft: PhraseDraft,
  library: readonly Pick<Phrase, 'id' | 'code' | 'title'>[],
  stageIds: ReadonlySet<string>,
): PhraseProblem[] {
  const problems: PhraseProblem[] = [];
  const title = draft.title.trim();
  const body = draft.body.trim();
  if (!title) problems.push({ code: 'empty-title' });
  else if (title.length > 60) problems.push({ code: 'title-too-long', max: 60 });
  if (!body) problems.push({ code: 'empty-body' });
  else if ([...body].length > PHRASE_BODY_MAX) problems.push({ code: 'body-too-long', max: PHRASE_BODY_MAX, length: [...body].length });
  const code = draft.code?.trim().toLowerCase();
  if (code) {
    if (!/^[a-z0-9]{1,20}$/.test(code)) problems.push({ code: 'bad-code', shortcut: code });
    const other = library.find((p) => p.id !== draft.id && p.code?.toLowerCase() === code);
    if (other) problems.push({ code: 'duplicate-code', shortcut: code, otherTitle: other.title });
  }
  for (const name of unknownPlaceholders(body)) problems.push({ code: 'unknown-placeholder', name });
  const seen = new Set([body]);
  (draft.variants ?? []).forEach((v, index) => {
    const text = v.trim();
    if (!text) return;
    const length = [...text].length;
    if (length > PHRASE_BODY_MAX) problems.push({ code: 'variant-too-long', index: index + 1, max: PHRASE_BODY_MAX, length });
    if (seen.has(text)) problems.push({ code: 'variant-repeats', index: index + 1 });
    seen.add(text);
    for (const name of unknownPlaceholders(text)) if (!problems.some((p) => p.code === 'unknown-placeholder' && p.name === name)) problems.push({ code: 'unknown-placeholder', name });
  });
  const hours = draft.lead?.unpaidHours;
  if (hours && !(hours[0] >= 0 && hours[1] > hours[0])) problems.push({ code: 'lead-hours' });
  problems.push(...leadWordProblems(draft.lead));
  if (!stageIds.has(draft.stageId)) problems.push({ code: 'unknown-stage', stageId: draft.stageId });
  return problems;
}
