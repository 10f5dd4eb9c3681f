import { describe, expect, it } from 'vitest';
import { patternProblem } from '../../../../scripts-library/guard/pattern-safety';
import { checkDraft, DEFAULT_RULES } from '../../../../scripts-library/guard';
import { RuleSchema } from '../../../../scripts-library/schema';

describe('rule patterns that would freeze or hold everything are refused', () => {
  it.each([
    ['^(a+)+$', 'repeated group'],
    ['(a|aa)*b', 'repeated group'],
    ['(?:x*){2,}', 'repeated group'],
    ['(\\d+\\s?)+$', 'repeated group'],
    ['a*', 'empty string'],
    ['\\b', 'zero-length'],
    ['x|', 'empty string'],
    ['[', 'not a valid'],
    ['a'.repeat(201), 'longer than'],
  ])('%s (%s)', (pattern, reason) => {
    expect(patternProblem(pattern)).toContain(reason);
    expect(RuleSchema.safeParse({ id: 'r', patterns: [pattern], category: 'privacy', severity: 'block' }).success).toBe(false);
  });

  it.each(['1[3-9]\\d{9}', '\\d{17}[\\dXx]', '[a-z]+@[a-z]+\\.com', '(微信|威信)号', '(\\d{4}){1,1}', 'v\\s*x'])('accepts %s', (pattern) => {
    expect(patternProblem(pattern)).toBeUndefined();
  });

  it('a zero-length match in a rule that got stored anyway is never a hit', () => {
    const rule = { ...RuleSchema.parse({ id: 'r', patterns: ['x'], category: 'privacy', severity: 'block' }), patterns: ['(?=微信)', '\\b'] };
    expect(checkDraft('加微信 ok', [rule])).toEqual([]);
  });

  it('every default rule pattern passes', () => {
    for (const r of DEFAULT_RULES) for (const p of r.patterns ?? []) expect([r.id, patternProblem(p)]).toEqual([r.id, undefined]);
  });
});
