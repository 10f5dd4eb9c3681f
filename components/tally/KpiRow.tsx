import type { TallyField } from '../../storage/repositories/tally';
import { afterSaleRates } from '../../scripts-library/tally/kpi';
import type { Totals } from '../../scripts-library/tally/tally';
import { formatWait } from '../../scripts-library/chase/wait-clock';
import { t } from '../shared/i18n';

const pct = (r: number | null) => (r === null ? '—' : `${(r * 100).toFixed(1)}%`);
export const waitText = (ms: number | null) => (ms === null ? '—' : formatWait(ms));

/**
 * Today's service KPIs beside 转化率 and 客单价: response times measured in the chat page (首次响应, 平均响应,
 * 3分钟响应率) and the hand-counted 退款 and 中差评 with their rates per sale.
 */
export function KpiRow({ today, bump }: { today: Totals; bump: (field: TallyField, delta: number) => void }) {
  const rates = afterSaleRates(today);
  const responses = today.response;
  const counter = (field: 'refunds' | 'badReviews', label: string, value: number) => (
    <div className="tally__counter">
      <span className="tally__label">{label}</span>
      <strong data-testid={`tally-${field}`}>{value}</strong>
      <button aria-label={t('tallyMinus', label)} onClick={() => bump(field, -1)}>−</button>
      <button aria-label={t('tallyPlus', label)} onClick={() => bump(field, 1)}>+</button>
    </div>
  );
  return (
    <>
      <div className="tally__card tally__kpi" data-testid="tally-kpi">
        <div className="tally__counter">
          <span className="tally__label">{t('kpiFirstResponse')}</span>
          <strong data-testid="kpi-first">{waitText(responses.firstAvgMs)}</strong>
        </div>
        <div className="tally__counter">
          <span className="tally__label">{t('kpiAvgResponse')}</span>
          <strong data-testid="kpi-avg">{waitText(responses.avgMs)}</strong>
        </div>
        <div className="tally__counter">
          <span className="tally__label">{t('kpiWithin3')}</span>
          <strong data-testid="kpi-within3">{pct(responses.within3min)}</strong>
        </div>
      </div>
      <p className="muted" data-testid="kpi-measured">{t('kpiMeasured', String(responses.count))}</p>
      <div className="tally__card">
        {counter('refunds', t('tallyRefunds'), today.refunds)}
        <div className="tally__counter">
          <span className="tally__label">{t('kpiRefundRate')}</span>
          <strong data-testid="kpi-refund-rate">{pct(rates.refundRate)}</strong>
        </div>
        {counter('badReviews', t('tallyBadReviews'), today.badReviews)}
        <div className="tally__counter">
          <span className="tally__label">{t('kpiBadRate')}</span>
          <strong data-testid="kpi-bad-rate">{pct(rates.badReviewRate)}</strong>
        </div>
      </div>
    </>
  );
}
