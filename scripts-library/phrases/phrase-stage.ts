/**
 * The stage a new phrase is filed under (#29 item 17), one rule for the panel's 新建短语 / 存为短语 and the "/"
 * picker's 存为短语: the stage the agent picked, else the one the phrase's own words point to (the stage model on
 * its text), else the first stage. Never the stage the buyer's latest message hinted: that says what the buyer
 * asks about, not what the agent's phrase is for.
 */
import type { Stage } from '../shared/schema';
import { stageHint } from '../suggest/stage-hint';

export function stageForNewPhrase(text: string, stages: readonly Pick<Stage, 'id'>[], chosen?: string): string | undefined {
  return known(chosen, stages) ?? stageOfWords(text, stages) ?? stages[0]?.id;
}

/** The stage a phrase's words point to, if the model is sure enough and the stage exists here. */
export function stageOfWords(text: string, stages: readonly Pick<Stage, 'id'>[]): string | undefined {
  return known(stageHint(text), stages);
}

const known = (id: string | undefined, stages: readonly Pick<Stage, 'id'>[]) => (id && stages.some((s) => s.id === id) ? id : undefined);
