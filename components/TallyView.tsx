import { useEffect, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import type { KefuDB } from '../storage/db';
import { increment, tallyForDays, type TallyField } from '../storage/repositories/tally';
import { saveSettings } from '../storage/repositories/settings';
import { conversionRate, lastDays, shiftAt, tallyCsv, totalsByDay } from '../scripts-library/tally';
import { TallyChart } from './TallyChart';
import { download } from './download';
import { t, type MessageKey } from './i18n';

const pct = (r: number | null) => (r === null ? t('tallyNoRate') : `${(r * 100).toFixed(1)}%`);

/** 服务统计本: today's consults and conversions (±1), the conversion rate, and the last 7 days. */
export function TallyView({ db, agent, autoConsult }: { db: KefuDB; agent: string; autoConsult: boolean }) {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), 60_000); // the shift changes while the panel is open
    return () => clearInterval(timer);
  }, []);
  const { day, shift } = shiftAt(now);
  const month = lastDays(day, 30);
  const week = month.slice(-7);
  const rows = useLiveQuery(() => tallyForDays(db, agent, month), [db, agent, day]);
  const sum = (d: string, field: TallyField) => (rows ?? []).filter((r) => r.day === d).reduce((n, r) => n + r[field], 0);
  const consults = sum(day, 'consults');
  const conversions = sum(day, 'conversions');
  const bump = (field: TallyField, delta: number) => void increment(db, agent, day, shift, field, delta);
  const counter = (field: TallyField, label: string, value: number) => (
    <div className="tally__counter">
      <span className="tally__label">{label}</span>
      <strong data-testid={`tally-${field}`}>{value}</strong>
      <button aria-label={t('tallyMinus', label)} onClick={() => bump(field, -1)}>−</button>
      <button aria-label={t('tallyPlus', label)} onClick={() => bump(field, 1)}>+</button>
    </div>
  );
  return (
    <section className="tally" aria-label={t('viewTally')}>
      <p className="muted">{t('tallyToday', [day, t(`shift_${shift}` as MessageKey)])}</p>
      <div className="tally__card">
        {counter('consults', t('tallyConsults'), consults)}
        {counter('conversions', t('tallyConversions'), conversions)}
        <div className="tally__counter">
          <span className="tally__label">{t('tallyRate')}</span>
          <strong data-testid="tally-rate">{pct(conversionRate(consults, conversions))}</strong>
        </div>
      </div>
      <label className="muted">
        <input type="checkbox" checked={autoConsult} onChange={(e) => void saveSettings(db, { autoConsult: e.target.checked })} /> {t('autoConsult')}
      </label>
      <TallyChart days={totalsByDay(rows ?? [], month)} />
      <div className="toolbar">
        <button
          onClick={async () =>
            download(
              `kefu-tally-${day}.csv`,
              tallyCsv(await db.tally.filter((r) => r.agent === agent).toArray(), (id) => t(`shift_${id}` as MessageKey)),
              'text/csv;charset=utf-8',
            )
          }
        >
          {t('tallyExport')}
        </button>
      </div>
      <h2 className="tally__h">{t('tallyWeek')}</h2>
      <table className="tally__week">
        <thead>
          <tr>
            <th />
            <th>{t('tallyConsults')}</th>
            <th>{t('tallyConversions')}</th>
            <th>{t('tallyRate')}</th>
          </tr>
        </thead>
        <tbody>
          {week.map((d) => (
            <tr key={d}>
              <td>{d.slice(5)}</td>
              <td>{sum(d, 'consults')}</td>
              <td>{sum(d, 'conversions')}</td>
              <td>{pct(conversionRate(sum(d, 'consults'), sum(d, 'conversions')))}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
