import type { DayTotals } from '../../scripts-library/tally/tally';
import { conversionRate } from '../../scripts-library/tally/tally';
import { t } from '../shared/i18n';
import { day as dayText } from '../shared/dates';
import { formatWait } from '../../scripts-library/chase/wait-clock';

const W = 360;
const H = 160;
/** Room for the left axis (counts), the right axis (rate) and the date labels below. */
const LEFT = 30;
const RIGHT = 36;
const TOP = 8;
const BOTTOM = 22;
/** Drawn at the panel's 360 px the chart is ≈ 340 px wide: 12 units are ≈ 11.5 px of text. */
const FONT = 12;
/** The fewest days drawn: one day of data is shown in its week, not as a bar at the edge of 30 empty days. */
const MIN_DAYS = 7;

const hasData = (d: DayTotals) => d.consults > 0 || d.conversions > 0 || d.response.avgMs !== null;

/** The days worth drawing: from the first day with data (at least the last MIN_DAYS), up to the last one given. */
export function chartDays(days: readonly DayTotals[]): readonly DayTotals[] {
  const first = days.findIndex(hasData);
  return days.slice(first < 0 ? 0 : Math.max(0, Math.min(first, days.length - MIN_DAYS)));
}

/** Which days get a date label: counted back from the last, about five in all, so none overlaps another. */
export const labelled = (i: number, n: number) => (n - 1 - i) % Math.max(1, Math.ceil(n / 5)) === 0;

/** A round axis maximum and its ticks: 7 → 0, 5, 10; 23 → 0, 10, 20, 30. */
export function countTicks(max: number): number[] {
  const raw = Math.max(1, max) / 3;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * magnitude).find((s) => s >= raw)!;
  const top = Math.ceil(Math.max(1, max) / step) * step;
  return Array.from({ length: top / step + 1 }, (_, i) => i * step);
}

/**
 * 30 days as SVG: consults and conversions as bars (left axis, counts), the conversion rate as a line (right
 * axis, 0–100 %), dates along the bottom every week, and a legend. All text is SVG text, never markup strings.
 */
export function TallyChart({ days: given }: { days: readonly DayTotals[] }) {
  const days = chartDays(given);
  const responses = days.map((d) => d.response.avgMs);
  const ticks = countTicks(Math.max(0, ...days.map((d) => d.consults)));
  const top = ticks[ticks.length - 1]!;
  const plotW = W - LEFT - RIGHT;
  const plotH = H - TOP - BOTTOM;
  const step = plotW / Math.max(1, days.length);
  const y = (v: number) => TOP + plotH - (v / top) * plotH;
  const yRate = (r: number) => TOP + plotH - r * plotH;
  const points = days
    .map((d, i) => {
      const r = conversionRate(d.consults, d.conversions);
      return r === null ? null : `${LEFT + i * step + step / 2},${yRate(r)}`;
    })
    .filter(Boolean)
    .join(' ');
  // The average response time as a dashed line, scaled to the slowest day (its peak is named in the legend).
  const peak = Math.max(0, ...responses.map((ms) => ms ?? 0));
  const responsePoints = peak
    ? responses.map((ms, i) => (ms === null ? null : `${LEFT + i * step + step / 2},${TOP + plotH - (ms / peak) * plotH}`)).filter(Boolean).join(' ')
    : '';
  return (
    <figure className="tally__chart">
      <figcaption className="tally__h">{t('tally30', String(days.length))}</figcaption>
      <svg viewBox={`0 0 ${W} ${H}`} width="100%" role="img" aria-label={t('tally30', String(days.length))} data-testid="tally-chart" fontSize={FONT} fill="#475569">
        {ticks.map((v) => (
          <g key={v} data-axis="count">
            <line x1={LEFT} x2={W - RIGHT} y1={y(v)} y2={y(v)} stroke="#e2e8f0" />
            <text x={LEFT - 3} y={y(v) + 4} textAnchor="end">{v}</text>
          </g>
        ))}
        {[0, 0.5, 1].map((r) => (
          <text key={r} data-axis="rate" x={W - RIGHT + 3} y={yRate(r) + 4}>{`${r * 100}%`}</text>
        ))}
        {days.map((d, i) => (
          <g key={d.day}>
            <rect x={LEFT + i * step + 1} y={y(d.consults)} width={step / 2 - 1} height={TOP + plotH - y(d.consults)} fill="#93c5fd" data-day={d.day} data-consults={d.consults} />
            <rect x={LEFT + i * step + step / 2} y={y(d.conversions)} width={step / 2 - 1} height={TOP + plotH - y(d.conversions)} fill="#34d399" />
            {labelled(i, days.length) && (
              <text data-axis="date" x={Math.min(W - RIGHT, LEFT + i * step + step / 2)} y={H - 6} textAnchor={i === days.length - 1 ? 'end' : 'middle'}>{dayText(d.day)}</text>
            )}
          </g>
        ))}
        <line x1={LEFT} x2={W - RIGHT} y1={TOP + plotH} y2={TOP + plotH} stroke="#94a3b8" />
        {points && <polyline points={points} fill="none" stroke="#ef4444" strokeWidth={1.5} />}
        {responsePoints && <polyline data-testid="chart-response" points={responsePoints} fill="none" stroke="#a855f7" strokeWidth={1.2} strokeDasharray="3 2" />}
      </svg>
      <div className="legend" data-testid="tally-legend">
        <span><i style={{ background: '#93c5fd' }} />{t('tallyConsults')}</span>
        <span><i style={{ background: '#34d399' }} />{t('tallyConversions')}</span>
        <span><i style={{ background: '#ef4444', height: 2 }} />{t('tallyRate')}</span>
        {peak > 0 && <span><i style={{ background: '#a855f7', height: 2 }} />{t('kpiChartResponse', formatWait(peak))}</span>}
      </div>
    </figure>
  );
}
