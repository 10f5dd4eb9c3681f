/**
 * {服务时间}: the shop's service hours from the work shifts. Its own module, without the tally's CSV and KPI code,
 * because the placeholders it fills are also bundled into the chat agent injected into every chat page.
 */
import type { Shift } from '../shared/schema';

const minutes = (hhmm: string) => {
  const [h, m] = hhmm.split(':').map(Number);
  return h! * 60 + m!;
};

/**
 * The shop's service hours as a buyer reads them, from the work shifts ({服务时间}): shifts that touch or overlap are
 * one stretch (白班 09:00–17:30 + 晚班 17:30–22:30 → 09:00-22:30); a stretch past midnight ends 次日…; 全天 when the
 * shifts cover the whole day.
 */
export function serviceHours(shifts: readonly Shift[]): string {
  const spans = shifts
    .map((s) => {
      const start = minutes(s.start);
      const end = minutes(s.end);
      return [start, end > start ? end : end + 1440] as [number, number];
    })
    .sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const span of spans) {
    const last = merged[merged.length - 1];
    if (last && span[0] <= last[1]) last[1] = Math.max(last[1], span[1]);
    else merged.push([...span]);
  }
  if (merged.some(([start, end]) => end - start >= 1440)) return '全天';
  const hhmm = (m: number) => `${m >= 1440 ? '次日' : ''}${String(Math.floor((m % 1440) / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
  return merged.map(([start, end]) => `${hhmm(start)}-${hhmm(end)}`).join('、');
}
