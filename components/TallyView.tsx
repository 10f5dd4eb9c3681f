import { useEffect, useState, type ReactNode } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import type { KefuDB } from '../storage/db';
import type { Settings } from '../scripts-library/schema';
import { addSale, increment, tallyForDays, type TallyField } from '../storage/repositories/tally';
import { saveSettings } from '../storage/repositories/settings';
import {
  OFF_SHIFT,
  goalProgress,
  lastDays,
  monthToDate,
  shiftAt,
  summarize,
  tallyCsv,
  totalsByDay,
  weekToDate,
  type Totals,
} from '../scripts-library/tally';
import { TallyChart } from './TallyChart';
import { download } from './download';
import { writeErrorText } from './write-error';
import { t } from './i18n';

const pct = (r: number | null) => (r === null ? t('tallyNoRate') : `${(r * 100).toFixed(1)}%`);
const yuan = (n: number | null) => (n === null ? '—' : `¥${n.toFixed(2)}`);

interface Props {
  db: KefuDB;
  agent: string;
  settings: Settings;
}

/**
 * 服务统计本: today's consults (by hand and automatic, each correctable) and conversions with an optional order
 * amount, the conversion rate, 客单价 and the daily goal; this week and this month; a 30-day chart; CSV export.
 */
export function TallyView({ db, agent, settings }: Props) {
  const [now, setNow] = useState(() => new Date());
  const [amount, setAmount] = useState('');
  const [amountError, setAmountError] = useState(false);
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), 60_000); // the shift changes while the panel is open
    return () => clearInterval(timer);
  }, []);
  const { day, shift } = shiftAt(now, settings.shifts);
  const month = lastDays(day, 30);
  const week = month.slice(-7);
  const rows = useLiveQuery(() => tallyForDays(db, agent, [...new Set([...month, ...monthToDate(day)])]), [db, agent, day]);
  const all = rows ?? [];
  const today = summarize(all.filter((r) => r.day === day));
  const manual = all.filter((r) => r.day === day).reduce((n, r) => n + r.consults, 0);
  const goal = goalProgress(today.conversions, settings.dailyGoal);
  const shiftName = (id: string) => (id === OFF_SHIFT ? t('shift_off') : (settings.shifts.find((s) => s.id === id)?.name ?? id));

  const [writeError, setWriteError] = useState<string>();
  const guarded = (write: Promise<unknown>) => write.then(() => setWriteError(undefined), (e: unknown) => setWriteError(writeErrorText(e)));
  const bump = (field: TallyField, delta: number) => void guarded(increment(db, agent, day, shift, field, delta));
  const sale = async () => {
    const value = amount.trim() ? Number(amount) : 0;
    if (!Number.isFinite(value) || value < 0) {
      setAmountError(true);
      return;
    }
    setAmountError(false);
    await guarded(addSale(db, agent, day, shift, value).then(() => setAmount('')));
  };
  const pm = (field: TallyField, label: string, plus: () => void) => (
    <>
      <button aria-label={t('tallyMinus', label)} onClick={() => bump(field, -1)}>−</button>
      <button aria-label={t('tallyPlus', label)} onClick={plus}>+</button>
    </>
  );
  const summaryRow = (label: string, s: Totals, testId: string) => (
    <tr key={testId} data-testid={testId}>
      <td>{label}</td>
      <td>{s.consults}</td>
      <td>{s.conversions}</td>
      <td>{pct(s.rate)}</td>
      <td>{yuan(s.perOrder)}</td>
    </tr>
  );
  const table = (rows: ReactNode[]) => (
    <table className="tally__week">
      <thead>
        <tr>
          <th />
          <th>{t('tallyConsults')}</th>
          <th>{t('tallyConversions')}</th>
          <th>{t('tallyRate')}</th>
          <th>{t('tallyPerOrderShort')}</th>
        </tr>
      </thead>
      <tbody>{rows}</tbody>
    </table>
  );
  const inDays = (days: readonly string[]) => {
    const set = new Set(days);
    return summarize(all.filter((r) => set.has(r.day)));
  };

  return (
    <section className="tally" aria-label={t('viewTally')}>
      <p className="muted">{t('tallyToday', [day, shiftName(shift)])}</p>
      {writeError && <p className="error" role="alert">{writeError}</p>}
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
            onChange={(e) => void saveSettings(db, { dailyGoal: Math.max(0, Math.min(9999, Math.trunc(Number(e.target.value) || 0))) })}
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
        <input type="checkbox" checked={settings.autoConsult} onChange={(e) => void saveSettings(db, { autoConsult: e.target.checked })} /> {t('autoConsult')}
      </label>
      <p className="muted">{t('tallyHotkeys')}</p>
      <h2 className="tally__h">{t('tallySummary')}</h2>
      {table([
        summaryRow(t('tallyThisWeek'), inDays(weekToDate(day)), 'tally-this-week'),
        summaryRow(t('tallyThisMonth'), inDays(monthToDate(day)), 'tally-this-month'),
      ])}
      <TallyChart days={totalsByDay(all, month)} />
      <div className="toolbar">
        <button
          onClick={async () =>
            download(`kefu-tally-${day}.csv`, tallyCsv(await db.tally.filter((r) => r.agent === agent).toArray(), shiftName), 'text/csv;charset=utf-8')
          }
        >
          {t('tallyExport')}
        </button>
      </div>
      <h2 className="tally__h">{t('tallyWeek')}</h2>
      {table(totalsByDay(all, week).map((d) => summaryRow(d.day.slice(5), d, `tally-day-${d.day}`)))}
    </section>
  );
}
