/**
 * Response-time KPIs, pure: 首次响应 (first response of a buyer's day), 平均响应 and the share answered within
 * three minutes (Taobao's report calls it 3分钟人工响应率), per day and shift, plus 退款率 and 差评率 from the
 * hand counts. Measured and kept in this browser only.
 */
import type { Totals } from './tally';

export interface ResponseRow {
  day: string;
  shift: string;
  ms: number;
  first: boolean;
}

export interface ResponseTotals {
  count: number;
  /** Average response time (ms), null without responses (not 0, which would be a claim). */
  avgMs: number | null;
  firstCount: number;
  /** Average first-response time (ms), null without first responses. */
  firstAvgMs: number | null;
  /** Share of responses within three minutes, null without responses. */
  within3min: number | null;
}

const THREE_MIN = 3 * 60_000;

export function responseTotals(rows: readonly ResponseRow[]): ResponseTotals {
  let sum = 0;
  let firstSum = 0;
  let firstCount = 0;
  let fast = 0;
  for (const r of rows) {
    sum += r.ms;
    if (r.ms <= THREE_MIN) fast++;
    if (r.first) {
      firstSum += r.ms;
      firstCount++;
    }
  }
  const count = rows.length;
  return {
    count,
    avgMs: count ? sum / count : null,
    firstCount,
    firstAvgMs: firstCount ? firstSum / firstCount : null,
    within3min: count ? fast / count : null,
  };
}

/** Totals per key (a day, or `day|shift`), for the given keys in order; keys without responses get empty totals. */
export function responsesBy(rows: readonly ResponseRow[], keys: readonly string[], keyOf: (r: ResponseRow) => string = (r) => r.day): Map<string, ResponseTotals> {
  const groups = new Map<string, ResponseRow[]>(keys.map((k) => [k, []]));
  for (const r of rows) groups.get(keyOf(r))?.push(r);
  return new Map([...groups].map(([k, list]) => [k, responseTotals(list)]));
}

/** 退款率 and 差评率: refunds and bad reviews per sale; null without sales. */
export function afterSaleRates(t: Pick<Totals, 'conversions'> & { refunds: number; badReviews: number }): { refundRate: number | null; badReviewRate: number | null } {
  return t.conversions > 0 ? { refundRate: t.refunds / t.conversions, badReviewRate: t.badReviews / t.conversions } : { refundRate: null, badReviewRate: null };
}
