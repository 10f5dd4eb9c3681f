/**
 * The personal tally's arithmetic (服务统计本), pure: which day and shift a moment belongs to, conversion rate.
 * Times are local wall-clock times; a shift that runs past midnight counts to the day it started.
 */
export interface Shift {
  id: string;
  name: string;
  /** "HH:MM" local time. `end` ≤ `start` means the shift ends the next day. */
  start: string;
  end: string;
}

/** The seeds' management rules: 白班 9:00–17:30, 晚班 17:30–22:30. */
export const DEFAULT_SHIFTS: Shift[] = [
  { id: 'day', name: '白班', start: '09:00', end: '17:30' },
  { id: 'night', name: '晚班', start: '17:30', end: '22:30' },
];

export const OFF_SHIFT = 'off';

const minutes = (hhmm: string) => {
  const [h, m] = hhmm.split(':').map(Number);
  return h! * 60 + m!;
};

function dayKey(d: Date): string {
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** The day and shift of a moment. Outside every shift → the `off` shift of that calendar day. */
export function shiftAt(at: Date, shifts: readonly Shift[] = DEFAULT_SHIFTS): { day: string; shift: string } {
  const now = at.getHours() * 60 + at.getMinutes();
  for (const s of shifts) {
    const start = minutes(s.start);
    const end = minutes(s.end);
    if (end > start) {
      if (now >= start && now < end) return { day: dayKey(at), shift: s.id };
    } else if (now >= start) {
      return { day: dayKey(at), shift: s.id };
    } else if (now < end) {
      // After midnight in a shift that started yesterday: it counts to yesterday.
      const yesterday = new Date(at.getFullYear(), at.getMonth(), at.getDate() - 1, 12);
      return { day: dayKey(yesterday), shift: s.id };
    }
  }
  return { day: dayKey(at), shift: OFF_SHIFT };
}

/** Conversion rate (成交 / 询单), or null when there were no consults (not 0 %, which would be a claim). */
export function conversionRate(consults: number, conversions: number): number | null {
  return consults > 0 ? conversions / consults : null;
}

/** The last `n` day keys ending with `day` (inclusive), oldest first. */
export function lastDays(day: string, n: number): string[] {
  const [y, m, d] = day.split('-').map(Number);
  return Array.from({ length: n }, (_, i) => dayKey(new Date(y!, m! - 1, d! - (n - 1 - i), 12)));
}

export const tallyId = (agent: string, day: string, shift: string) => `${agent}|${day}|${shift}`;

/** The Monday (day key) of the week a timestamp falls in, for weekly summaries. */
export function weekOf(at: Date): string {
  const monday = new Date(at.getFullYear(), at.getMonth(), at.getDate() - ((at.getDay() + 6) % 7), 12);
  return dayKey(monday);
}

export interface DayTotals {
  day: string;
  consults: number;
  conversions: number;
}

/** Sum rows (any shifts) per day, for the given days in order; missing days are zeros. */
export function totalsByDay(rows: readonly { day: string; consults: number; conversions: number }[], days: readonly string[]): DayTotals[] {
  const map = new Map(days.map((d) => [d, { day: d, consults: 0, conversions: 0 }]));
  for (const r of rows) {
    const t = map.get(r.day);
    if (t) {
      t.consults += r.consults;
      t.conversions += r.conversions;
    }
  }
  return [...map.values()];
}

/** The tally as CSV (UTF-8 with BOM so Excel shows Chinese): 日期,班次,询单,成交,转化率. */
export function tallyCsv(rows: readonly { day: string; shift: string; consults: number; conversions: number }[], shiftName: (id: string) => string): string {
  const lines = [...rows]
    .sort((a, b) => (a.day === b.day ? a.shift.localeCompare(b.shift) : a.day < b.day ? -1 : 1))
    .map((r) => {
      const rate = conversionRate(r.consults, r.conversions);
      return [r.day, shiftName(r.shift), r.consults, r.conversions, rate === null ? '' : `${(rate * 100).toFixed(1)}%`].join(',');
    });
  return '\ufeff' + ['日期,班次,询单,成交,转化率', ...lines].join('\r\n') + '\r\n';
}
