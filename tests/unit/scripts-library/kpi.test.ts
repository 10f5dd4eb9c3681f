import { describe, expect, it } from 'vitest';
import { afterSaleRates, responseTotals, withResponse, type ResponseSums } from '../../../scripts-library/tally/kpi';
import { summarize } from '../../../scripts-library/tally/tally';

/** A row's sums after these replies, as recordResponse adds them one by one. */
const sums = (...replies: [number, boolean][]) => replies.reduce<ResponseSums>((s, [ms, first]) => withResponse(s, ms, first), {});

describe('response-time KPIs', () => {
  it('averages all responses and first responses apart, with the share within three minutes', () => {
    const row = sums([20_000, true], [40_000, false], [240_000, true]);
    expect(responseTotals([row])).toEqual({ count: 3, avgMs: 100_000, firstCount: 2, firstAvgMs: 130_000, within3min: 2 / 3 });
    // Exactly three minutes counts as within.
    expect(responseTotals([sums([180_000, false])]).within3min).toBe(1);
  });

  it('a day without responses, or a row from before v5, has no average (null, not 0 seconds, which would be a claim)', () => {
    expect(responseTotals([])).toEqual({ count: 0, avgMs: null, firstCount: 0, firstAvgMs: null, within3min: null });
    expect(responseTotals([{}])).toMatchObject({ count: 0, avgMs: null });
  });

  it('sums over days and shifts weigh each reply, not each shift (a busy shift counts more)', () => {
    const day = sums([10_000, true], [10_000, true], [10_000, false]);
    const night = sums([100_000, true]);
    expect(responseTotals([day, night]).avgMs).toBe(32_500);
    // summarize carries them, for today, the week, the month and each chart day.
    const t = summarize([{ day: 'x', shift: 'day', consults: 1, conversions: 0, ...day }, { day: 'x', shift: 'night', consults: 0, conversions: 0, ...night }]);
    expect(t.response).toMatchObject({ count: 4, firstCount: 3, firstAvgMs: 40_000 });
  });

  it('退款率 and 差评率 per sale; null without sales', () => {
    expect(afterSaleRates({ conversions: 8, refunds: 2, badReviews: 1 })).toEqual({ refundRate: 0.25, badReviewRate: 0.125 });
    expect(afterSaleRates({ conversions: 0, refunds: 1, badReviews: 0 })).toEqual({ refundRate: null, badReviewRate: null });
  });
});
