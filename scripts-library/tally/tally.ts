/**
 * The personal tally's arithmetic (服务统计本), pure: totals, conversion rate, goal progress, the CSV. Which day
 * and shift a moment belongs to is the shift clock's (shared/shift.ts).
 */
import { toCsv } from '../files/csv';
import { afterSaleRates, responseTotals, type ResponseSums, type ResponseTotals } from './kpi';
import { lastDays, weekOf } from '../shared/shift';

/** Conversion rate (成交 / 询单), or null when there were no consults (not 0 %, which would be a claim). */
export function conversionRate(consults: number, conversions: number): number | null {
  return consults > 0 ? conversions / consults : null;
}

export const tallyId = (agent: string, day: string, shift: string) => `${agent}|${day}|${shift}`;

/** A stored tally row as the arithmetic needs it (manual and automatic consults are kept apart). */
export interface TallyRow extends ResponseSums {
  day: string;
  shift: string;
  consults: number;
  autoConsults?: number;
  conversions: number;
  amount?: number;
  /** Conversions that came with an amount (rows written before v4 have none: then all, when there is an amount). */
  pricedSales?: number;
  /** 退款 / 中差评 counted by hand (rows before v5 have none). */
  refunds?: number;
  badReviews?: number;
}

export interface Totals {
  /** All consults: counted by hand plus counted automatically. */
  consults: number;
  autoConsults: number;
  conversions: number;
  amount: number;
  /** 成交 / 询单, null without consults. */
  rate: number | null;
  /** 客单价: amount per sale that had an amount (unpriced sales are left out, not counted as ¥0); null without any. */
  perOrder: number | null;
  pricedSales: number;
  refunds: number;
  badReviews: number;
  /** Response times measured in the chat page (首次响应, 平均响应, 3分钟响应率). */
  response: ResponseTotals;
}

/** Sum any rows (days, shifts) into one set of totals. */
export function summarize(rows: readonly TallyRow[]): Totals {
  let consults = 0;
  let autoConsults = 0;
  let conversions = 0;
  let amount = 0;
  let pricedSales = 0;
  let refunds = 0;
  let badReviews = 0;
  for (const r of rows) {
    refunds += r.refunds ?? 0;
    badReviews += r.badReviews ?? 0;
    consults += r.consults + (r.autoConsults ?? 0);
    autoConsults += r.autoConsults ?? 0;
    conversions += r.conversions;
    amount += r.amount ?? 0;
    pricedSales += r.pricedSales ?? ((r.amount ?? 0) > 0 ? r.conversions : 0);
  }
  const perOrder = pricedSales > 0 && amount > 0 ? amount / pricedSales : null;
  return {
    consults,
    autoConsults,
    conversions,
    amount,
    pricedSales,
    refunds,
    badReviews,
    rate: conversionRate(consults, conversions),
    perOrder,
    response: responseTotals(rows),
  };
}

export interface DayTotals extends Totals {
  day: string;
}

/** Sum rows (any shifts) per day, for the given days in order; missing days are zeros. */
export function totalsByDay(rows: readonly TallyRow[], days: readonly string[]): DayTotals[] {
  const byDay = new Map<string, TallyRow[]>(days.map((d) => [d, []]));
  for (const r of rows) byDay.get(r.day)?.push(r);
  return days.map((day) => ({ day, ...summarize(byDay.get(day)!) }));
}

/** The days of the week (Monday first) up to and including `day`. */
export function weekToDate(day: string): string[] {
  const [y, m, d] = day.split('-').map(Number);
  const monday = weekOf(new Date(y!, m! - 1, d!, 12));
  return lastDays(day, daysBetween(monday, day) + 1);
}

/** The days of the month up to and including `day`. */
export function monthToDate(day: string): string[] {
  return lastDays(day, Number(day.slice(8, 10)));
}

function daysBetween(a: string, b: string): number {
  const at = (s: string) => Date.UTC(Number(s.slice(0, 4)), Number(s.slice(5, 7)) - 1, Number(s.slice(8, 10)));
  return Math.round((at(b) - at(a)) / 86_400_000);
}

/** Progress towards a daily conversion goal (0–1, may exceed 1), or null when no goal is set. */
export function goalProgress(conversions: number, goal: number): number | null {
  return goal > 0 ? conversions / goal : null;
}

const money = (n: number) => (Math.round(n * 100) / 100).toFixed(2);

/**
 * The tally as CSV (UTF-8 with BOM so Excel shows Chinese), one line per day and shift:
 * 日期,班次,询单,其中自动,成交,转化率,金额,客单价,首次响应(秒),平均响应(秒),响应次数,3分钟响应率,退款,退款率,中差评,差评率.
 */
export function tallyCsv(rows: readonly TallyRow[], shiftName: (id: string) => string): string {
  const pctText = (r: number | null) => (r === null ? '' : `${(r * 100).toFixed(1)}%`);
  const sec = (ms: number | null) => (ms === null ? '' : String(Math.round(ms / 1000)));
  const lines = [...rows]
    .sort((a, b) => (a.day === b.day ? a.shift.localeCompare(b.shift) : a.day < b.day ? -1 : 1))
    .map((r) => {
      const t = summarize([r]);
      const after = afterSaleRates(t);
      return [
        r.day,
        shiftName(r.shift),
        t.consults,
        t.autoConsults,
        t.conversions,
        pctText(t.rate),
        t.amount ? money(t.amount) : '',
        t.perOrder === null ? '' : money(t.perOrder),
        sec(t.response.firstAvgMs),
        sec(t.response.avgMs),
        t.response.count,
        pctText(t.response.within3min),
        t.refunds,
        pctText(after.refundRate),
        t.badReviews,
        pctText(after.badReviewRate),
      ];
    });
  const header = ['日期', '班次', '询单', '其中自动', '成交', '转化率', '金额', '客单价', '首次响应(秒)', '平均响应(秒)', '响应次数', '3分钟响应率', '退款', '退款率', '中差评', '差评率'];
  return '\ufeff' + toCsv(header, lines) + '\r\n';
}
