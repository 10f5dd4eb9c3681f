/**
 * The guard against its labelled corpus (tests/fixtures/guard): what agents must not send is caught at the
 * severity it needs, and ordinary drafts full of traps are left alone. See tests/fixtures/guard/README.md.
 */
import { describe, expect, it } from 'vitest';
import { judgeDraft } from '../../../../scripts-library/guard/judge';
import { loadCorpus, score } from '../../../fixtures/guard/corpus';
import { RuleCategorySchema } from '../../../../scripts-library/schema';

const { positives, clean } = loadCorpus();

describe('the labelled corpus', () => {
  it('has at least 400 positives and 400 clean drafts, every category in both splits, a fifth held back', () => {
    expect(positives.length).toBeGreaterThanOrEqual(400);
    expect(clean.length).toBeGreaterThanOrEqual(400);
    for (const split of ['tune', 'heldout'] as const) {
      const cats = new Set(positives.filter((p) => p.split === split).map((p) => p.category));
      expect([...cats].sort()).toEqual([...RuleCategorySchema.options].sort());
    }
    const held = [...positives, ...clean].filter((x) => x.split === 'heldout').length / (positives.length + clean.length);
    expect(held).toBeGreaterThan(0.17);
    expect(held).toBeLessThan(0.25);
  });

  it('labels name words that are in their draft', () => {
    for (const p of positives) expect([p.line, p.draft.includes(p.span)]).toEqual([p.line, true]);
  });
});

describe.each([
  // The held-back split (round 6) was scored once, after tuning (tests/fixtures/guard/README.md): 85.9 % recall,
  // 8.70 % false warnings with the intent model (68.5 % / 7.51 % with the rules alone), short of the targets
  // (issue #10 stays open). Its floors only keep it from getting worse; the split must not be tuned on.
  ['tune', 0.98, 0.01],
  ['heldout', 0.858, 0.087],
] as const)('the %s split, with the guard as shipped (rules and intent model)', (split, minRecall, maxFalse) => {
  const s = score((d) => judgeDraft(d), split);
  it(`catches ≥ ${minRecall * 100} % at the severity required (${(s.recall * 100).toFixed(1)} %)`, () => {
    expect(s.recall).toBeGreaterThanOrEqual(minRecall);
  });
  it(`warns on ≤ ${maxFalse * 100} % of the clean drafts (${(s.falseWarningRate * 100).toFixed(2)} %)`, () => {
    expect(s.falseWarningRate).toBeLessThanOrEqual(maxFalse);
  });
});

describe('order numbers, tracking numbers and phone-like codes in context', () => {
  const numbers = (split: 'tune' | 'heldout') => clean.filter((c) => c.split === split && ['order-number', 'tracking-number', 'phone-like'].includes(c.trap));
  const blocked = (split: 'tune' | 'heldout') => numbers(split).filter((c) => judgeDraft(c.draft).some((h) => h.severity === 'block')).map((c) => c.draft);
  it('never block in the tune split', () => {
    expect(numbers('tune').length).toBeGreaterThan(10);
    expect(blocked('tune')).toEqual([]);
  });
  // Round 6's held-back split found three that do (README.md); they stay until the split is retired, so that it
  // is not tuned on. The list may only shrink.
  it('block in the held-back split only where round 6 found it', () => {
    expect(numbers('heldout').length).toBeGreaterThan(10);
    const known = ['您说的是 6923456789012345678 这一单吗', '商品编码 15912345678，搜这个能找到', '您预留的手机号尾号 1234 会收到取件短信'];
    expect(blocked('heldout').filter((d) => !known.includes(d))).toEqual([]);
  });
});
