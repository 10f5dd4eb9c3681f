import { describe, expect, it } from 'vitest';
import { afterSaleRates, responsesBy, responseTotals } from '../../../scripts-library/kpi';

describe('response-time KPIs', () => {
  it('averages all responses and first responses apart, with the share within three minutes', () => {
    const t = responseTotals([
      { day: '2026-12-01', shift: 'day', ms: 20_000, first: true },
      { day: '2026-12-01', shift: 'day', ms: 40_000, first: false },
      { day: '2026-12-01', shift: 'day', ms: 240_000, first: true },
    ]);
    expect(t).toEqual({ count: 3, avgMs: 100_000, firstCount: 2, firstAvgMs: 130_000, within3min: 2 / 3 });
  });

  it('a day without responses has no average (null, not 0 seconds, which would be a claim)', () => {
    expect(responseTotals([])).toEqual({ count: 0, avgMs: null, firstCount: 0, firstAvgMs: null, within3min: null });
  });

  it('groups by day, or by day and shift; a night shift past midnight is already filed under the day it started', () => {
    const rows = [
      { day: '2026-12-01', shift: 'night', ms: 10_000, first: true }, // replied at 00:30 on the 2nd, counted to the 1st
      { day: '2026-12-01', shift: 'day', ms: 30_000, first: true },
      { day: '2026-12-02', shift: 'day', ms: 50_000, first: true },
      { day: '2026-11-01', shift: 'day', ms: 1, first: true }, // outside the asked days: left out
    ];
    const byDay = responsesBy(rows, ['2026-11-30', '2026-12-01', '2026-12-02']);
    expect([...byDay.keys()]).toEqual(['2026-11-30', '2026-12-01', '2026-12-02']);
    expect(byDay.get('2026-11-30')!.avgMs).toBeNull();
    expect(byDay.get('2026-12-01')).toMatchObject({ count: 2, avgMs: 20_000 });
    const byShift = responsesBy(rows, ['2026-12-01|night'], (r) => `${r.day}|${r.shift}`);
    expect(byShift.get('2026-12-01|night')).toMatchObject({ count: 1, avgMs: 10_000 });
  });

  it('退款率 and 差评率 per sale; null without sales', () => {
    expect(afterSaleRates({ conversions: 8, refunds: 2, badReviews: 1 })).toEqual({ refundRate: 0.25, badReviewRate: 0.125 });
    expect(afterSaleRates({ conversions: 0, refunds: 1, badReviews: 0 })).toEqual({ refundRate: null, badReviewRate: null });
  });
});
