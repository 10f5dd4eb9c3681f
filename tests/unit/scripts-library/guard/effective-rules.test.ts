import { describe, expect, it } from 'vitest';
import { checkDraft, DEFAULT_RULES } from '../../../../scripts-library/guard';
import { effectiveRules } from '../../../../scripts-library/guard/effective-rules';

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
});
