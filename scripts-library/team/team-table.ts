/**
 * The lead's 团队 table (#35 item 5), pure: every agent's tally rows (per device, as synced) summed per agent and
 * shift over a period, sortable by any column, and its CSV (UTF-8 with BOM). The week's 问题登记本 in one line each.
 */
import { summarize, monthToDate, weekToDate, type Totals } from '../tally/tally';
import { afterSaleRates } from '../tally/kpi';
import { toCsv } from '../files/csv';
import type { Note } from '../shared/schema';
import type { TeamTally } from './team-config';

export type TeamPeriod = 'today' | 'week' | 'month';
export const TEAM_COLUMNS = ['agent', 'shift', 'consults', 'conversions', 'rate', 'perOrder', 'firstResponse', 'avgResponse', 'within3min', 'refunds', 'badReviews'] as const;
export type TeamColumn = (typeof TEAM_COLUMNS)[number];

export interface TeamLine {
  agent: string;
  shift: string;
  totals: Totals;
}

export const periodDays = (period: TeamPeriod, day: string): string[] => (period === 'today' ? [day] : period === 'week' ? weekToDate(day) : monthToDate(day));

/** One line per agent and shift over the days given (devices of one agent summed). */
export function teamLines(rows: readonly TeamTally[], days: readonly string[]): TeamLine[] {
  const inPeriod = new Set(days);
  const groups = new Map<string, TeamTally[]>();
  for (const r of rows) {
    if (!inPeriod.has(r.day)) continue;
    const key = `${r.agent}\u0000${r.shift}`;
    (groups.get(key) ?? groups.set(key, []).get(key)!).push(r);
  }
  return [...groups].map(([key, list]) => {
    const [agent, shift] = key.split('\u0000') as [string, string];
    return { agent, shift, totals: summarize(list) };
  });
}

/** The value a column sorts by (null sorts last whichever way). */
export function columnValue(line: TeamLine, column: TeamColumn): string | number | null {
  const t = line.totals;
  switch (column) {
    case 'agent':
      return line.agent;
    case 'shift':
      return line.shift;
    case 'consults':
      return t.consults;
    case 'conversions':
      return t.conversions;
    case 'rate':
      return t.rate;
    case 'perOrder':
      return t.perOrder;
    case 'firstResponse':
      return t.response.firstAvgMs;
    case 'avgResponse':
      return t.response.avgMs;
    case 'within3min':
      return t.response.within3min;
    case 'refunds':
      return t.refunds;
    case 'badReviews':
      return t.badReviews;
  }
}

export function sortLines(lines: readonly TeamLine[], column: TeamColumn, descending: boolean): TeamLine[] {
  return [...lines].sort((a, b) => {
    const x = columnValue(a, column);
    const y = columnValue(b, column);
    if (x === null || y === null) return x === y ? 0 : x === null ? 1 : -1;
    const c = typeof x === 'string' ? x.localeCompare(String(y), 'zh') : x - (y as number);
    return (descending ? -c : c) || a.agent.localeCompare(b.agent) || a.shift.localeCompare(b.shift);
  });
}

const pctText = (r: number | null) => (r === null ? '' : `${(r * 100).toFixed(1)}%`);
const sec = (ms: number | null) => (ms === null ? '' : String(Math.round(ms / 1000)));

/** The table as CSV for Excel (UTF-8 with BOM). */
export function teamCsv(lines: readonly TeamLine[], shiftName: (id: string) => string): string {
  const header = ['客服', '班次', '询单', '成交', '转化率', '客单价', '首次响应(秒)', '平均响应(秒)', '3分钟响应率', '退款', '中差评', '退款率', '差评率'];
  const rows = lines.map(({ agent, shift, totals: t }) => {
    const after = afterSaleRates(t);
    return [agent, shiftName(shift), t.consults, t.conversions, pctText(t.rate), t.perOrder === null ? '' : t.perOrder.toFixed(2), sec(t.response.firstAvgMs), sec(t.response.avgMs), pctText(t.response.within3min), t.refunds, t.badReviews, pctText(after.refundRate), pctText(after.badReviewRate)];
  });
  return '\ufeff' + toCsv(header, rows) + '\r\n';
}

/** The week's 问题登记本: questions raised since Monday, newest first, open ones counted. */
export function weekProblems(notes: readonly Note[], day: string): { open: number; answered: number; items: { question: string; answer?: string }[] } {
  const week = new Set(weekToDate(day));
  const dayOf = (at: number) => {
    const d = new Date(at);
    return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  };
  const items = notes
    .filter((n) => n.kind === 'problem' && n.question && week.has(dayOf(n.createdAt)))
    .sort((a, b) => b.createdAt - a.createdAt)
    .map((n) => ({ question: n.question!, ...(n.answer?.trim() ? { answer: n.answer } : {}) }));
  const answered = items.filter((i) => i.answer).length;
  return { open: items.length - answered, answered, items };
}
