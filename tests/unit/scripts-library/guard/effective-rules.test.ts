import { describe, expect, it } from 'vitest';
import { checkDraft, DEFAULT_RULES } from '../../../../scripts-library/guard';
import { ALL_RULES, effectiveRules, judgeAllows } from '../../../../scripts-library/guard/effective-rules';
import { judgeDraft } from '../../../../scripts-library/guard/judge';
import { sentenceAround } from '../../../../scripts-library/guard/draft-state';

describe('effectiveRules (pack + personal allows, for the background and the panel alike)', () => {
  it('no allows: the same array (no recompile)', () => {
    expect(effectiveRules(DEFAULT_RULES, {})).toBe(DEFAULT_RULES);
  });
  it('a personal allow silences its rule in that context only', () => {
    const hit = checkDraft('这是最低价了')[0]!;
    const rules = effectiveRules(DEFAULT_RULES, { [hit.ruleId]: ['这是最低价'] });
    expect(checkDraft('这是最低价了', rules)).toEqual([]);
    expect(checkDraft('我们最低价', rules).map((h) => h.ruleId)).toContain(hit.ruleId);
  });
  it('allows keyed constructor or toString change nothing else', () => {
    expect(effectiveRules(DEFAULT_RULES, { constructor: ['x'], toString: ['y'] }).map((r) => r.allow)).toEqual(DEFAULT_RULES.map((r) => r.allow));
  });
  it('one 不再提示 (a sentence stored for every rule) silences that sentence for every rule and the model, nowhere else', () => {
    const draft = '真是服了你了，笨得要死，全网最低价';
    const before = judgeDraft(draft);
    expect(new Set(before.map((h) => h.ruleId.startsWith('model-')))).toEqual(new Set([true, false])); // a rule hit and a model hit
    const hit = before[0]!;
    const { start, end } = sentenceAround(draft, hit.start, hit.end);
    const allows = { [ALL_RULES]: [draft.slice(start, end)] };
    expect(judgeDraft(draft, effectiveRules(DEFAULT_RULES, allows), { allows: judgeAllows(allows) })).toEqual([]);
    // the same words in another sentence are still flagged
    const other = '全网最低价';
    expect(judgeDraft(other, effectiveRules(DEFAULT_RULES, allows), { allows: judgeAllows(allows) }).length).toBeGreaterThan(0);
  });
});
