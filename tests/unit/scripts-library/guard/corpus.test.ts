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
  it('has at least 400 positives and 400 clean drafts, every category in both splits, a sixth or more held back', () => {
    expect(positives.length).toBeGreaterThanOrEqual(400);
    expect(clean.length).toBeGreaterThanOrEqual(400);
    for (const split of ['tune', 'heldout'] as const) {
      const cats = new Set(positives.filter((p) => p.split === split).map((p) => p.category));
      expect([...cats].sort()).toEqual([...RuleCategorySchema.options].sort());
    }
    const held = [...positives, ...clean].filter((x) => x.split === 'heldout').length / (positives.length + clean.length);
    // Round 9 (round9-tune.tsv, 598 drafts written by procedure for #31) is tune data only: it took the held-back
    // share from 18 % to 15 %.
    expect(held).toBeGreaterThan(0.15);
    expect(held).toBeLessThan(0.25);
  });

  it('labels name words that are in their draft', () => {
    for (const p of positives) expect([p.line, p.draft.includes(p.span)]).toEqual([p.line, true]);
  });
});

describe.each([
  // The held-back split (round 7) was scored once, after tuning (tests/fixtures/guard/README.md): 84.8 % recall,
  // 4.11 % false warnings with the intent model (65.0 % / 5.14 % with the rules alone), short of the targets
  // (issue #10 stays open). Its floors only keep it from getting worse; the split must not be tuned on.
  ['tune', 0.98, 0.01],
  ['heldout', 0.848, 0.042],
] as const)('the %s split, with the guard as shipped (rules and intent model)', (split, minRecall, maxFalse) => {
  const s = score((d) => judgeDraft(d), split);
  it(`catches ≥ ${minRecall * 100} % at the severity required (${(s.recall * 100).toFixed(1)} %)`, () => {
    expect(s.recall).toBeGreaterThanOrEqual(minRecall);
  });
  it(`warns on ≤ ${maxFalse * 100} % of the clean drafts (${(s.falseWarningRate * 100).toFixed(2)} %)`, () => {
    expect(s.falseWarningRate).toBeLessThanOrEqual(maxFalse);
  });
});

describe.each(['tune', 'heldout'] as const)('order numbers, tracking numbers and phone-like codes in context, %s split', (split) => {
  it('never block', () => {
    const numbers = clean.filter((c) => c.split === split && ['order-number', 'tracking-number', 'phone-like'].includes(c.trap));
    expect(numbers.length).toBeGreaterThan(10);
    expect(numbers.filter((c) => judgeDraft(c.draft).some((h) => h.severity === 'block')).map((c) => c.draft)).toEqual([]);
  });
});
