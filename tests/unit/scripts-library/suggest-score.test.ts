/** score.ts's scoring of a held-back file (the lead runs it once on intents-heldout.tsv), on a small file of ours. */
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { scoreSuggestions } from '../../fixtures/buyer-messages/score';

const sample = join(__dirname, '../../fixtures/buyer-messages/score-sample.tsv');

describe('scoreSuggestions', () => {
  it('counts first-acceptable, false-first and top-3 among the messages it suggests for, and the abstain share', () => {
    const s = scoreSuggestions(sample);
    expect(s.messages).toBe(5);
    // 哦 is chit-chat: nothing suggested, so one of five abstains.
    expect(s.abstain).toBeCloseTo(1 / 5);
    expect(s.suggested).toBe(4);
    // The last row's labels are inverted on purpose: its right first suggestion scores as false, not acceptable.
    expect(s.firstAcceptable).toBeCloseTo(3 / 4);
    expect(s.falseFirst).toBeCloseTo(1 / 4);
    expect(s.top3).toBeCloseTo(3 / 4);
    expect(s.wrong.map((w) => w.message)).toEqual(['今天下单什么时候发货']);
  });

  it('a threshold of 1 abstains on everything', () => {
    expect(scoreSuggestions(sample, undefined, 1).abstain).toBe(1);
  });
});
