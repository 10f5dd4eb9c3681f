/**
 * The Double-11 staffing calculator (双11需要多少客服), pure. The seed's formula (001, 客服值班人数推算):
 *
 *   店铺销售额 × 客服销售占比 = 客服销售额
 *   客服销售额 ÷ 客服客单价 = 客服销售人数
 *   客服销售人数 ÷ 询单转化率 = 售前客服总接待量
 *
 * and each shift needs its share of the 总接待量 divided by one agent's 饱和接待量 (how many buyers one agent
 * serves in a shift at full service quality), rounded up. The total can also come from expected visitors and the
 * share who ask (咨询率), or be typed as inquiries directly.
 */
import { toCsv } from '../files/csv';
import type { Shift } from '../shared/shift';

export type StaffingMode = 'sales' | 'visitors' | 'inquiries';

export interface StaffingInput {
  mode: StaffingMode;
  /** 店铺销售额 (元), 客服销售占比 (0–1), 客服客单价 (元), 询单转化率 (0–1): the seed's path. */
  sales?: number;
  csShare?: number;
  perOrder?: number;
  conversion?: number;
  /** 访客数 and 咨询率 (0–1). */
  visitors?: number;
  askRate?: number;
  /** 询单量 typed directly. */
  inquiries?: number;
  /** 饱和接待量: buyers one agent serves in one shift. */
  capacity: number;
  /** Each shift with its share of the day's inquiries (0–1; together 1). */
  shifts: readonly (Pick<Shift, 'id' | 'name' | 'start' | 'end'> & { share: number })[];
}

export type StaffingField = 'sales' | 'csShare' | 'perOrder' | 'conversion' | 'visitors' | 'askRate' | 'inquiries' | 'capacity' | 'shares';

export interface StaffingStep {
  /** What this line computes, e.g. 客服销售额. */
  label: string;
  /** The formula with the numbers in it. */
  formula: string;
  value: number;
}

export interface ShiftPlan {
  id: string;
  name: string;
  hours: string;
  share: number;
  inquiries: number;
  agents: number;
}

export type StaffingResult =
  | { ok: true; steps: StaffingStep[]; inquiries: number; shifts: ShiftPlan[]; agents: number }
  | { ok: false; field: StaffingField; reason: 'missing' | 'range' | 'shares' };

const positive = (n: number | undefined) => n !== undefined && Number.isFinite(n) && n > 0;
const rate = (n: number | undefined) => positive(n) && n! <= 1;
const fmt = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(n >= 100 ? 0 : 2).replace(/\.?0+$/, ''));
const pct = (r: number) => `${fmt(Math.round(r * 1000) / 10)}%`;

/** The total inquiries and the steps that led to them, or the first input that is missing or out of range. */
function totalInquiries(input: StaffingInput): { steps: StaffingStep[]; total: number } | { field: StaffingField; reason: 'missing' | 'range' } {
  const need = (field: StaffingField, ok: boolean) => (ok ? null : { field, reason: input[field as keyof StaffingInput] === undefined ? ('missing' as const) : ('range' as const) });
  if (input.mode === 'inquiries') {
    const bad = need('inquiries', positive(input.inquiries));
    return bad ?? { steps: [{ label: '售前客服总接待量', formula: fmt(input.inquiries!), value: input.inquiries! }], total: input.inquiries! };
  }
  if (input.mode === 'visitors') {
    const bad = need('visitors', positive(input.visitors)) ?? need('askRate', rate(input.askRate));
    if (bad) return bad;
    const total = input.visitors! * input.askRate!;
    return { steps: [{ label: '售前客服总接待量', formula: `访客数 ${fmt(input.visitors!)} × 咨询率 ${pct(input.askRate!)}`, value: total }], total };
  }
  const bad =
    need('sales', positive(input.sales)) ?? need('csShare', rate(input.csShare)) ?? need('perOrder', positive(input.perOrder)) ?? need('conversion', rate(input.conversion));
  if (bad) return bad;
  const csSales = input.sales! * input.csShare!;
  const buyers = csSales / input.perOrder!;
  const total = buyers / input.conversion!;
  return {
    steps: [
      { label: '客服销售额', formula: `店铺销售额 ${fmt(input.sales!)} × 客服销售占比 ${pct(input.csShare!)}`, value: csSales },
      { label: '客服销售人数', formula: `客服销售额 ${fmt(csSales)} ÷ 客服客单价 ${fmt(input.perOrder!)}`, value: buyers },
      { label: '售前客服总接待量', formula: `客服销售人数 ${fmt(buyers)} ÷ 询单转化率 ${pct(input.conversion!)}`, value: total },
    ],
    total,
  };
}

export function planStaffing(input: StaffingInput): StaffingResult {
  const total = totalInquiries(input);
  if ('field' in total) return { ok: false, ...total };
  if (!positive(input.capacity)) return { ok: false, field: 'capacity', reason: input.capacity === undefined ? 'missing' : 'range' };
  const shareSum = input.shifts.reduce((n, s) => n + s.share, 0);
  if (!input.shifts.length || input.shifts.some((s) => !(s.share >= 0)) || Math.abs(shareSum - 1) > 0.005) return { ok: false, field: 'shares', reason: 'shares' };
  const inquiries = Math.ceil(total.total);
  const shifts = input.shifts.map((s) => {
    const share = inquiries * s.share;
    // A shift with any inquiries needs at least one agent; 1e-9 keeps 300 / 150 at 2, not 3.
    return { id: s.id, name: s.name, hours: `${s.start}–${s.end}`, share: s.share, inquiries: Math.ceil(share - 1e-9), agents: share > 0 ? Math.ceil(share / input.capacity - 1e-9) : 0 };
  });
  return { ok: true, steps: total.steps, inquiries, shifts, agents: shifts.reduce((n, s) => n + s.agents, 0) };
}

const minutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** Hours of a shift (a shift ending at or before its start runs past midnight). */
export function shiftHours(s: Pick<Shift, 'start' | 'end'>): number {
  const d = minutes(s.end) - minutes(s.start);
  return (d > 0 ? d : d + 24 * 60) / 60;
}

/** Default shares: each shift's part of the working hours (the agent adjusts them for the evening peak). */
export function defaultShares(shifts: readonly Pick<Shift, 'start' | 'end'>[]): number[] {
  const hours = shifts.map(shiftHours);
  const sum = hours.reduce((a, b) => a + b, 0);
  const raw = hours.map((h) => Math.round((h / sum) * 100));
  raw[raw.length - 1]! += 100 - raw.reduce((a, b) => a + b, 0); // whole percents that add up to 100
  return raw.map((p) => p / 100);
}

/**
 * The prefills from the agent's own tally: 饱和接待量 = the busiest shift they served (consults in one shift row),
 * 询单转化率 and 客单价 over those rows. Null where the tally has nothing to say.
 */
export function prefillFromTally(rows: readonly { consults: number; autoConsults?: number; conversions: number; amount?: number; pricedSales?: number }[]): {
  capacity: number | null;
  conversion: number | null;
  perOrder: number | null;
} {
  let capacity = 0;
  let consults = 0;
  let conversions = 0;
  let amount = 0;
  let priced = 0;
  for (const r of rows) {
    const c = r.consults + (r.autoConsults ?? 0);
    capacity = Math.max(capacity, c);
    consults += c;
    conversions += r.conversions;
    amount += r.amount ?? 0;
    priced += r.pricedSales ?? 0;
  }
  return {
    capacity: capacity || null,
    conversion: consults && conversions ? Math.min(1, conversions / consults) : null,
    perOrder: priced && amount ? Math.round((amount / priced) * 100) / 100 : null,
  };
}

/** The plan as CSV (UTF-8 with BOM): the formula lines, then one line per shift and the total. */
export function staffingCsv(result: Extract<StaffingResult, { ok: true }>, capacity: number): string {
  const lines: (string | number)[][] = [
    ...result.steps.map((s) => [s.label, s.formula, Math.round(s.value * 100) / 100, '', '', '']),
    ...result.shifts.map((s) => [s.name, s.hours, pct(s.share), s.inquiries, capacity, s.agents]),
    ['合计', '', '100%', result.inquiries, capacity, result.agents],
  ];
  return '\ufeff' + toCsv(['项目', '算法 / 时间', '占比 / 结果', '接待量', '饱和接待量', '所需客服'], lines) + '\r\n';
}
