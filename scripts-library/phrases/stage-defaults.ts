/**
 * What a new team or personal phrase answers and when it may lead the suggestions, before the agent changes it
 * (#32 item 2: "with sensible defaults from their stage"). Each default is what the default pack does for the
 * phrases of that stage, so a shop's own phrase is held to the same rules as the pack's:
 * - 欢迎: answers a greeting and leads only for one (a welcome is false to 人呢 or to a question);
 * - 忙碌/离开: answers and leads only for 人呢 / 在吗 (where-are-you);
 * - 结束语: answers and leads only for thanks and goodbyes;
 * - 催付: answers "will pay" and leads only for an unpaid order, from the console's order state (a chase to a buyer
 *   who has not ordered, or has paid, is false; until the adapter reads the order it is listed, never first);
 * - 售后: leads only for an after-sales question, and not when the buyer's words are a pre-purchase worry (会不会,
 *   靠谱…: the pack's after-sales phrases read them too). Not `afterSales` (an after-sales conversation): no
 *   console adapter reports one yet, so it would keep every new after-sales phrase from ever leading.
 * Other stages (and a shop's own stages): the stage's intents, no guard.
 */
import type { PhraseLead } from '../shared/schema';
import { AFTER_SALES_INTENTS, type IntentId } from '../shared/intents';

export interface SuggestDefaults {
  /** Declared intents (none: its stage's). */
  intents?: string[];
  lead?: PhraseLead;
}

/** Words of a pre-purchase worry, which an after-sales phrase (a defect's handling, an apology) must not answer. */
export const PRE_PURCHASE_WORDS = ['会不会', '靠谱', '怎么样', '好不好', '容易', '别家', '别买回来'];

const only = (intent: IntentId): SuggestDefaults => ({ intents: [intent], lead: { intents: [intent] } });

const BY_STAGE: Readonly<Record<string, SuggestDefaults>> = {
  greeting: only('greet'),
  away: only('where-are-you'),
  farewell: only('thanks-bye'),
  payment: { intents: ['will-pay'], lead: { unpaidHours: [0, 96] } },
  aftersales: { lead: { intents: [...AFTER_SALES_INTENTS], notSays: PRE_PURCHASE_WORDS } },
};

/** The defaults of a stage (a fresh copy: the editor hands it to the draft). */
export function stageDefaults(stageId: string): SuggestDefaults {
  const d = BY_STAGE[stageId];
  return d ? (JSON.parse(JSON.stringify(d)) as SuggestDefaults) : {};
}

/** Whether a draft's fields are still exactly its stage's defaults (the agent has not changed them). */
export function isStageDefault(stageId: string, fields: SuggestDefaults): boolean {
  const d = stageDefaults(stageId);
  return JSON.stringify(d.intents ?? null) === JSON.stringify(fields.intents ?? null) && JSON.stringify(d.lead ?? null) === JSON.stringify(fields.lead ?? null);
}
