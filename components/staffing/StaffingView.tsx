import { useState } from 'react';
import type { Settings } from '../../scripts-library/shared/schema';
import { defaultShares, planStaffing, staffingCsv, type StaffingField, type StaffingMode, type StaffingResult } from '../../scripts-library/tally/staffing';
import { download } from '../shared/download';
import { t, type MessageKey } from '../shared/i18n';
import { useStaffingPrefill } from './use-staffing';

type Form = Record<'sales' | 'csShare' | 'perOrder' | 'conversion' | 'visitors' | 'askRate' | 'inquiries' | 'capacity', string>;

const LABELS: Record<StaffingField, MessageKey> = {
  sales: 'planSales',
  csShare: 'planCsShare',
  perOrder: 'planPerOrder',
  conversion: 'planConversion',
  visitors: 'planVisitors',
  askRate: 'planAskRate',
  inquiries: 'planInquiries',
  capacity: 'planCapacity',
  shares: 'planShares',
};
const FIELDS: Record<StaffingMode, (keyof Form)[]> = {
  sales: ['sales', 'csShare', 'perOrder', 'conversion'],
  visitors: ['visitors', 'askRate'],
  inquiries: ['inquiries'],
};
const PERCENT = new Set<keyof Form>(['csShare', 'conversion', 'askRate']);
const num = (text: string) => (text.trim() ? Number(text) : undefined);
const pctOf = (text: string) => (num(text) === undefined ? undefined : num(text)! / 100);

/** The Double-11 staffing calculator as the side panel mounts it: prefilled from the agent's own tally. */
export function Staffing({ agent, settings }: { agent: string; settings: Settings }) {
  const prefill = useStaffingPrefill(agent);
  if (!prefill) return <p className="muted">{t('loading')}</p>;
  return <StaffingView settings={settings} prefill={prefill} />;
}

/**
 * 双11需要多少客服: the seed's formula (销售额 → 客服销售额 → 客服销售人数 → 总接待量), or visitors × 咨询率, or
 * inquiries typed in; each shift's share of the day and one agent's 饱和接待量 give the agents per shift. Every
 * step is shown with its numbers; the plan exports as CSV.
 */
export function StaffingView({ settings, prefill }: { settings: Settings; prefill: { capacity: number | null; conversion: number | null; perOrder: number | null } }) {
  const [mode, setMode] = useState<StaffingMode>('sales');
  const [form, setForm] = useState<Form>({
    sales: '',
    csShare: '',
    perOrder: prefill.perOrder ? String(prefill.perOrder) : '',
    conversion: prefill.conversion ? String(Math.round(prefill.conversion * 1000) / 10) : '',
    visitors: '',
    askRate: '',
    inquiries: '',
    capacity: prefill.capacity ? String(prefill.capacity) : '',
  });
  const [shares, setShares] = useState(() => defaultShares(settings.shifts).map((s) => String(Math.round(s * 100))));
  const value = (k: keyof Form) => (PERCENT.has(k) ? pctOf(form[k]) : num(form[k]));
  const result = planStaffing({
    mode,
    sales: value('sales'),
    csShare: value('csShare'),
    perOrder: value('perOrder'),
    conversion: value('conversion'),
    visitors: value('visitors'),
    askRate: value('askRate'),
    inquiries: value('inquiries'),
    capacity: value('capacity') as number,
    shifts: settings.shifts.map((s, i) => ({ ...s, share: (num(shares[i] ?? '') ?? Number.NaN) / 100 })),
  });
  const input = (k: keyof Form) => (
    <label className="field" key={k}>
      <span>{t(LABELS[k])}</span>
      <input inputMode="decimal" value={form[k]} onChange={(e) => setForm((f) => ({ ...f, [k]: e.target.value }))} />
    </label>
  );
  return (
    <section className="staffing" aria-label={t('planTitle')}>
      <h2 className="tally__h">{t('planTitle')}</h2>
      <div className="staffing__modes" role="radiogroup">
        {(['sales', 'visitors', 'inquiries'] as const).map((m) => (
          <label key={m}>
            <input type="radio" name="plan-mode" checked={mode === m} onChange={() => setMode(m)} /> {t(m === 'sales' ? 'planModeSales' : m === 'visitors' ? 'planModeVisitors' : 'planModeInquiries')}
          </label>
        ))}
      </div>
      {FIELDS[mode].map(input)}
      {mode === 'sales' && (prefill.conversion || prefill.perOrder) && <p className="muted">{t('planPrefillHint')}</p>}
      {input('capacity')}
      {prefill.capacity && <p className="muted">{t('planCapacityHint', String(prefill.capacity))}</p>}
      {settings.shifts.map((s, i) => (
        <label className="field" key={s.id}>
          <span>{t('planShare', `${s.name} ${s.start}–${s.end}`)}</span>
          <input inputMode="decimal" value={shares[i] ?? ''} onChange={(e) => setShares((list) => list.map((v, k) => (k === i ? e.target.value : v)))} />
        </label>
      ))}
      <StaffingResultView result={result} capacity={value('capacity') ?? 0} />
    </section>
  );
}

function StaffingResultView({ result, capacity }: { result: StaffingResult; capacity: number }) {
  if (!result.ok) {
    const what = t(LABELS[result.field]);
    return (
      <p className="muted" role="status" data-testid="plan-problem">
        {result.reason === 'shares' ? t('planShares') : result.reason === 'missing' ? t('planMissing', what) : t('planRange', what)}
      </p>
    );
  }
  return (
    <div data-testid="plan-result">
      <ol className="staffing__steps">
        {result.steps.map((s) => (
          <li key={s.label}>
            {s.label} = {s.formula} = <strong>{Math.round(s.value).toLocaleString()}</strong>
          </li>
        ))}
      </ol>
      <table className="tally__week">
        <thead>
          <tr>
            <th>{t('planShift')}</th>
            <th>{t('planShareShort')}</th>
            <th>{t('planShiftInquiries')}</th>
            <th>{t('planAgents')}</th>
          </tr>
        </thead>
        <tbody>
          {result.shifts.map((s) => (
            <tr key={s.id} data-testid={`plan-shift-${s.id}`}>
              <td>{s.name} {s.hours}</td>
              <td>{Math.round(s.share * 100)}%</td>
              <td>{s.inquiries}</td>
              <td><strong>{s.agents}</strong></td>
            </tr>
          ))}
          <tr data-testid="plan-total">
            <td>{t('planTotal')}</td>
            <td>100%</td>
            <td>{result.inquiries}</td>
            <td><strong>{result.agents}</strong></td>
          </tr>
        </tbody>
      </table>
      <p className="muted">{t('planWhy')}</p>
      <div className="toolbar">
        <button onClick={() => download('kefu-double11-staffing.csv', staffingCsv(result, capacity), 'text/csv;charset=utf-8')}>{t('planExport')}</button>
      </div>
    </div>
  );
}
