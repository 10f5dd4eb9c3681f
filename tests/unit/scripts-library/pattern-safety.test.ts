import { describe, expect, it, vi } from 'vitest';
import { patternProblem } from '../../../scripts-library/shared/pattern-safety';
import { checkDraft, DEFAULT_RULES, PATTERN_AHEAD, PATTERN_SLICE, PATTERN_STEP } from '../../../scripts-library/guard';
import { RuleSchema } from '../../../scripts-library/shared/schema';

describe('rule patterns that would freeze or hold everything are refused', () => {
  it.each([
    ['^(a+)+$', '重复的分组'],
    ['(a|aa)*b', '重复的分组'],
    ['(?:x*){2,}', '重复的分组'],
    ['(\\d+\\s?)+$', '重复的分组'],
    // #30 N8: these passed before (150 s on 100 digits; hours on a 5,000-character draft).
    ['(\\d\\d?)+x', '重复的分组'],
    ['\\d+\\d+\\d+x', '紧挨着'],
    ['.*.*.*=', '紧挨着'],
    // The same shapes written otherwise.
    ['\\d+\\s?\\d+', '紧挨着'],
    ['\\d+(\\d+)x', '紧挨着'],
    ['\\w+a\\w+b', '紧挨着'],
    ['.*=.*=', '紧挨着'],
    ['\\d{1,100}\\d{1,100}x', '紧挨着'],
    ['(?:ab?)*c', '重复的分组'],
    ['a*', '空字符串'],
    ['\\b', '零长度'],
    ['x|', '空字符串'],
    ['[', '不是有效'],
    ['a'.repeat(201), '长于'],
  ])('%s (%s)', (pattern, reason) => {
    expect(patternProblem(pattern)).toContain(reason);
    const parsed = RuleSchema.safeParse({ id: 'r', patterns: [pattern], category: 'privacy', severity: 'block' });
    expect(parsed.success).toBe(false);
    // The import preview and the editor say why, in Chinese.
    expect(parsed.error!.issues[0]!.message).toContain(reason);
  });

  it.each(['1[3-9]\\d{9}', '\\d{17}[\\dXx]', '[a-z]+@[a-z]+\\.com', '(微信|威信)号', '(\\d{4}){1,1}', 'v\\s*x', '\\d+-\\d+', '(?<!\\d)\\d{16,19}(?!\\d)', '[0-9]+[a-z]+', '(\\d{3}){2}'])('accepts %s', (pattern) => {
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

describe('every pattern runs under a budget (#30 N8)', () => {
  const rule = (patterns: string[]) => ({ ...RuleSchema.parse({ id: 'r', patterns: ['x'], category: 'privacy', severity: 'block' }), patterns });

  /** What the regex engine is given, per pattern: the lengths of the texts it searched. */
  function engineInputs(run: () => void): Map<string, number[]> {
    const seen = new Map<string, number[]>();
    // The patterns run with exec from lastIndex 0 over each text they are given (scan.ts runPatterns): each such
    // start is one text the engine sees (the later calls go on through the same text).
    const original = RegExp.prototype.exec;
    const spy = vi.spyOn(RegExp.prototype, 'exec').mockImplementation(function (this: RegExp, text: string) {
      if (this.lastIndex === 0) seen.set(this.source, [...(seen.get(this.source) ?? []), text.length]);
      return original.call(this, text);
    });
    try {
      run();
    } finally {
      spy.mockRestore();
    }
    return seen;
  }

  it('a pattern that backtracks (\\d+x) never sees more than a slice of a 5,000-character draft', () => {
    const rules = [rule(['\\d+x'])];
    checkDraft('a', rules); // compiled (and its pattern checked) before the engine is watched
    const lengths = engineInputs(() => checkDraft('1'.repeat(5000), rules)).get('\\d+x')!;
    expect(Math.max(...lengths)).toBeLessThanOrEqual(PATTERN_SLICE);
    expect(lengths).toHaveLength(Math.ceil(5000 / PATTERN_STEP));
    // A short draft is searched whole, in one go.
    expect(engineInputs(() => checkDraft('1'.repeat(300), rules)).get('\\d+x')).toEqual([300]);
  });

  it('a stored pattern the check refuses is never run: .*.*.*= on a 5,000-character draft', () => {
    const seen = engineInputs(() => checkDraft('a'.repeat(5000), [rule(['.*.*.*=', '(\\d\\d?)+x'])]));
    expect(seen.has('.*.*.*=')).toBe(false);
    expect(seen.has('(\\d\\d?)+x')).toBe(false);
  });

  it('a number across a slice edge is found once, where it is, and a longer run of digits around it is not', () => {
    const phone = rule(['(?<!\\d)1[3-9]\\d{9}(?!\\d)']);
    for (let k = PATTERN_STEP - 40; k <= PATTERN_STEP + PATTERN_AHEAD + 40; k++) {
      const draft = `${'好'.repeat(k)}13812345678${'好'.repeat(1000 - k)}`;
      expect(checkDraft(draft, [phone]).map((h) => [h.start, h.end])).toEqual([[k, k + 11]]);
      const longer = `${'好'.repeat(k)}913812345678${'好'.repeat(1000 - k)}`; // 12 digits: no mobile number
      expect(checkDraft(longer, [phone])).toEqual([]);
    }
  });
});
