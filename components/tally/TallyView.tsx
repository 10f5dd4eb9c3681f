import { useState, type ReactNode } from 'react';
import type { Settings } from '../../scripts-library/shared/schema';
import type { TallyField } from '../../storage/repositories/tally';
import {
  goalProgress,
  monthToDate,
  summarize,
  tallyCsv,
  totalsByDay,
  weekToDate,
  type Totals,
} from '../../scripts-library/tally/tally';
import { lastDays, OFF_SHIFT } from '../../scripts-library/shared/shift';
import { TallyChart } from './TallyChart';
import { KpiRow, waitText } from './KpiRow';
import { download } from '../shared/download';
import { useTally, type TallyModel } from './use-tally';
import { t } from '../shared/i18n';
import { day as dayText } from '../shared/dates';

const pct = (r: number | null) => (r === null ? t('tallyNoRate') : `${(r * 100).toFixed(1)}%`);
/** In the tables a day without consults has no rate: 「—」 (today's card says why, once). */
const pctShort = (r: number | null) => (r === null ? '—' : `${(r * 100).toFixed(1)}%`);
const yuan = (n: number | null) => (n === null ? '—' : `¥${n.toFixed(2)}`);

/** The tally as the side panel mounts it: the view over its hook. */
export function Tally({ agent, settings }: { agent: string; settings: Settings }) {
  return <TallyView model={useTally(agent, settings)} settings={settings} />;
}

interface Props {
  model: TallyModel;
  settings: Settings;
}

/**
 * 服务统计本: today's consults (by hand and automatic, each correctable) and conversions with an optional order
 * amount, the conversion rate, 客单价 and the daily goal; this week and this month; a 30-day chart; CSV export.
 */
export function TallyView({ model, settings }: Props) {
  const { day, shift } = model;
  const all = model.rows ?? [];
  const month = lastDays(day, 30);
  const todays = all.filter((r) => r.day === day);
  const today = summarize(todays);
  const manual = todays.reduce((n, r) => n + r.consults, 0);
  const shiftName = (id: string) => (id === OFF_SHIFT ? t('shift_off') : (settings.shifts.find((s) => s.id === id)?.name ?? id));
  const inDays = (days: readonly string[]) => {
    const set = new Set(days);
    return summarize(all.filter((r) => set.has(r.day)));
  };
  return (
    <section className="tally" aria-label={t('viewTally')}>
      <p className="muted">{t('tallyToday', [dayText(day, { weekday: true }), shiftName(shift)])}</p>
      {model.writeError && <p className="error" role="alert">{model.writeError}</p>}
      <TodayCard model={model} today={today} manual={manual} settings={settings} />
      <KpiRow today={today} bump={model.bump} />
      <p className="muted">{t('tallyHotkeys')}</p>
      <h2 className="tally__h">{t('tallySummary')}</h2>
      <SummaryTable
        rows={[
          summaryRow(t('tallyThisWeek'), inDays(weekToDate(day)), 'tally-this-week'),
          summaryRow(t('tallyThisMonth'), inDays(monthToDate(day)), 'tally-this-month'),
        ]}
      />
      <TallyChart days={totalsByDay(all, month)} />
      <div className="toolbar">
        <button onClick={async () => download(`kefu-tally-${day}.csv`, tallyCsv(await model.allRows(), shiftName), 'text/csv;charset=utf-8')}>
          {t('tallyExport')}
        </button>
      </div>
      <h2 className="tally__h">{t('tallyWeek')}</h2>
      <SummaryTable rows={totalsByDay(all, month.slice(-7)).map((d) => summaryRow(dayText(d.day), d, `tally-day-${d.day}`))} />
    </section>
  );
}

/** Today's counters (each correctable), the sale with its amount, the goal and the automatic-consult switch. */
function TodayCard({ model, today, manual, settings }: { model: TallyModel; today: Totals; manual: number; settings: Settings }) {
  const [amount, setAmount] = useState('');
  const [amountError, setAmountError] = useState(false);
  const { bump } = model;
  const goal = goalProgress(today.conversions, settings.dailyGoal);
  const sale = async () => {
    const value = amount.trim() ? Number(amount) : 0;
    if (!Number.isFinite(value) || value < 0) {
      setAmountError(true);
      return;
    }
    setAmountError(false);
    if (await model.sale(value)) setAmount('');
  };
  const pm = (field: TallyField, label: string, plus: () => void) => (
    <>
      <button aria-label={t('tallyMinus', label)} onClick={() => bump(field, -1)}>−</button>
      <button aria-label={t('tallyPlus', label)} onClick={plus}>+</button>
    </>
  );
  return (
    <>
      <div className="tally__card">
        <div className="tally__counter">
          <span className="tally__label">{t('tallyConsults')}</span>
          <strong data-testid="tally-consults">{today.consults}</strong>
          {pm('consults', t('tallyConsults'), () => bump('consults', 1))}
        </div>
        <div className="tally__counter">
          <span className="tally__label">{t('tallyConversions')}</span>
          <strong data-testid="tally-conversions">{today.conversions}</strong>
          {pm('conversions', t('tallyConversions'), () => void sale())}
        </div>
        <div className="tally__counter">
          <span className="tally__label">{t('tallyRate')}</span>
          <strong data-testid="tally-rate">{pct(today.rate)}</strong>
        </div>
      </div>
      <p className="muted tally__split" data-testid="tally-split">
        {t('tallySplit', [String(manual), String(today.autoConsults)])}
        <button aria-label={t('tallyMinus', t('tallyAuto'))} onClick={() => bump('autoConsults', -1)}>−</button>
        <button aria-label={t('tallyPlus', t('tallyAuto'))} onClick={() => bump('autoConsults', 1)}>+</button>
      </p>
      <div className="tally__sale">
        <label className="field">
          <span>{t('tallyAmount')}</span>
          <input inputMode="decimal" value={amount} aria-invalid={amountError || undefined} onChange={(e) => setAmount(e.target.value)} placeholder="0.00" />
        </label>
        <button onClick={() => void sale()}>{t('tallySale')}</button>
        {amountError && <span className="error" role="alert">{t('tallyAmountInvalid')}</span>}
      </div>
      <p className="muted" data-testid="tally-per-order">{t('tallyPerOrder', yuan(today.perOrder))}</p>
      <div className="tally__goal">
        <label className="field">
          <span>{t('tallyGoal')}</span>
          <input
            type="number"
            min={0}
            max={9999}
            value={settings.dailyGoal || ''}
            placeholder="0"
            onChange={(e) => model.setGoal(Math.max(0, Math.min(9999, Math.trunc(Number(e.target.value) || 0))))}
          />
        </label>
        {goal !== null && (
          <span data-testid="tally-goal">
            {t('tallyGoalProgress', [String(today.conversions), String(settings.dailyGoal), `${Math.round(goal * 100)}%`])}
            <meter min={0} max={1} value={Math.min(goal, 1)} />
          </span>
        )}
      </div>
      <label className="muted">
        <input type="checkbox" checked={settings.autoConsult} onChange={(e) => model.setAutoConsult(e.target.checked)} /> {t('autoConsult')}
      </label>
    </>
  );
}

const summaryRow = (label: string, s: Totals, testId: string) => (
  <tr key={testId} data-testid={testId}>
    <td>{label}</td>
    <td>{s.consults}</td>
    <td>{s.conversions}</td>
    <td>{pctShort(s.rate)}</td>
    <td>{yuan(s.perOrder)}</td>
    <td>{waitText(s.response.avgMs)}</td>
  </tr>
);

function SummaryTable({ rows }: { rows: ReactNode[] }) {
  return (
    <table className="tally__week">
      <thead>
        <tr>
          <th />
          <th>{t('tallyColConsults')}</th>
          <th>{t('tallyColSales')}</th>
          <th>{t('tallyColRate')}</th>
          <th>{t('tallyPerOrderShort')}</th>
          <th>{t('tallyColResponse')}</th>
        </tr>
      </thead>
      <tbody>{rows}</tbody>
    </table>
  );
}
