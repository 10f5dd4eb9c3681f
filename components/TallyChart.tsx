import type { DayTotals } from '../scripts-library/tally';
import { conversionRate } from '../scripts-library/tally';
import { t } from './i18n';

/** 30 days as SVG: consults and conversions as bars, the conversion rate as a line (0–100 %). */
export function TallyChart({ days }: { days: readonly DayTotals[] }) {
  const W = 360;
  const H = 120;
  const max = Math.max(1, ...days.map((d) => d.consults));
  const step = W / Math.max(1, days.length);
  const y = (v: number) => H - (v / max) * (H - 10);
  const points = days
    .map((d, i) => {
      const r = conversionRate(d.consults, d.conversions);
      return r === null ? null : `${i * step + step / 2},${H - r * (H - 10)}`;
    })
    .filter(Boolean)
    .join(' ');
  return (
    <figure className="tally__chart">
      <figcaption className="tally__h">{t('tally30')}</figcaption>
      <svg viewBox={`0 0 ${W} ${H}`} width="100%" role="img" aria-label={t('tally30')} data-testid="tally-chart">
        {days.map((d, i) => (
          <g key={d.day}>
            <rect x={i * step + 1} y={y(d.consults)} width={step / 2 - 1} height={H - y(d.consults)} fill="#93c5fd" data-day={d.day} data-consults={d.consults} />
            <rect x={i * step + step / 2} y={y(d.conversions)} width={step / 2 - 1} height={H - y(d.conversions)} fill="#34d399" />
          </g>
        ))}
        {points && <polyline points={points} fill="none" stroke="#ef4444" strokeWidth={1.5} />}
      </svg>
    </figure>
  );
}
