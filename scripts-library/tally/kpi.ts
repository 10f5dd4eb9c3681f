/**
 * Response-time KPIs, pure: 首次响应 (first response of a buyer's day), 平均响应 and the share answered within
 * three minutes (Taobao's report calls it 3分钟人工响应率), plus 退款率 and 差评率 from the hand counts.
 *
 * Each reply is stored as a row (the responses table) AND added to the sums of its tally row (day and shift),
 * in one transaction: the views read the 30 tally rows they already read, never thousands of replies, so the
 * cost does not grow with how busy the shop is. Measured and kept in this browser only.
 */
/** A tally row's response sums (rows written before schema v5 have none). */
export interface ResponseSums {
  responses?: number;
  responseMs?: number;
  firstResponses?: number;
  firstResponseMs?: number;
  /** Replies within three minutes. */
  fastResponses?: number;
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

export const THREE_MIN = 3 * 60_000;

/** The sums after one more reply of `ms` (first: the buyer's first response of the work day). */
export function withResponse(sums: ResponseSums, ms: number, first: boolean): Required<ResponseSums> {
  return {
    responses: (sums.responses ?? 0) + 1,
    responseMs: (sums.responseMs ?? 0) + ms,
    firstResponses: (sums.firstResponses ?? 0) + (first ? 1 : 0),
    firstResponseMs: (sums.firstResponseMs ?? 0) + (first ? ms : 0),
    fastResponses: (sums.fastResponses ?? 0) + (ms <= THREE_MIN ? 1 : 0),
  };
}

/** Totals over any rows' sums (days, shifts, a week). */
export function responseTotals(rows: readonly ResponseSums[]): ResponseTotals {
  let count = 0;
  let sum = 0;
  let firstCount = 0;
  let firstSum = 0;
  let fast = 0;
  for (const r of rows) {
    count += r.responses ?? 0;
    sum += r.responseMs ?? 0;
    firstCount += r.firstResponses ?? 0;
    firstSum += r.firstResponseMs ?? 0;
    fast += r.fastResponses ?? 0;
  }
  return {
    count,
    avgMs: count ? sum / count : null,
    firstCount,
    firstAvgMs: firstCount ? firstSum / firstCount : null,
    within3min: count ? fast / count : null,
  };
}

/** 退款率 and 差评率: refunds and bad reviews per sale; null without sales. */
export function afterSaleRates(t: { conversions: number; refunds: number; badReviews: number }): { refundRate: number | null; badReviewRate: number | null } {
  return t.conversions > 0 ? { refundRate: t.refunds / t.conversions, badReviewRate: t.badReviews / t.conversions } : { refundRate: null, badReviewRate: null };
}
