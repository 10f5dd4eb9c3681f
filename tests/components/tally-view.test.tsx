// @vitest-environment happy-dom
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Dexie } from 'dexie';
import { DbProvider } from '../../components/shared/db-context';
import { Tally as TallyFeature } from '../../components/tally/TallyView';
import { useLiveQuery } from 'dexie-react-hooks';
import { KefuDB } from '../../storage/db';
import { getSettings } from '../../storage/repositories/settings';
import { recordConsultOnce } from '../../storage/repositories/tally';

/** The view as the side panel mounts it: with the live settings. */
function Tally({ db }: { db: KefuDB }) {
  const settings = useLiveQuery(() => getSettings(db), [db]);
  return settings ? (
    <DbProvider db={db}>
      <TallyFeature agent="小王" settings={settings} />
    </DbProvider>
  ) : null;
}

let db: KefuDB;
beforeEach(async () => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2026-11-23T10:15'));
  db = new KefuDB(`tv-${Math.random().toString(36).slice(2)}`);
  await db.open();
});
afterEach(async () => {
  vi.useRealTimers();
  db.close();
  await Dexie.delete(db.name);
});

it('counts consults and conversions with one click each and shows the conversion rate', async () => {
  render(<Tally db={db} />);
  expect(await screen.findByText('今日 11月23日 周一 · 当前班次：白班')).toBeInTheDocument();
  expect(screen.getByTestId('tally-rate')).toHaveTextContent('—（暂无询单）');
  for (let i = 0; i < 4; i++) await userEvent.click(screen.getByRole('button', { name: '询单 +1' }));
  await userEvent.click(screen.getByRole('button', { name: '成交 +1' }));
  await waitFor(() => expect(screen.getByTestId('tally-consults')).toHaveTextContent('4'));
  await waitFor(() => expect(screen.getByTestId('tally-rate')).toHaveTextContent('25.0%'));
  await userEvent.click(screen.getByRole('button', { name: '询单 −1' }));
  await waitFor(() => expect(screen.getByTestId('tally-rate')).toHaveTextContent('33.3%'));
});

it('draws today\'s counts; with no earlier data, over the week up to today (#29 item 13), not 30 days', async () => {
  render(<Tally db={db} />);
  await userEvent.click(await screen.findByRole('button', { name: '询单 +1' }));
  await waitFor(() => expect(document.querySelector('[data-day="2026-11-23"]')?.getAttribute('data-consults')).toBe('1'));
  expect(document.querySelectorAll('rect[data-day]')).toHaveLength(7);
});

it('an order amount gives 客单价; the daily goal shows progress; this week and month are summed', async () => {
  render(<Tally db={db} />);
  await userEvent.type(await screen.findByLabelText('本单金额（可选）'), '120');
  await userEvent.click(screen.getByRole('button', { name: '记一单成交' }));
  await userEvent.type(screen.getByLabelText('本单金额（可选）'), '80.5');
  await userEvent.click(screen.getByRole('button', { name: '记一单成交' }));
  await waitFor(() => expect(screen.getByTestId('tally-conversions')).toHaveTextContent('2'));
  expect(screen.getByTestId('tally-per-order')).toHaveTextContent('今日客单价：¥100.25');
  await userEvent.click(screen.getByRole('button', { name: '记一单成交' })); // a sale without an amount
  await waitFor(() => expect(screen.getByTestId('tally-conversions')).toHaveTextContent('3'));
  expect(screen.getByTestId('tally-per-order')).toHaveTextContent('今日客单价：¥100.25'); // not ¥66.83
  await userEvent.type(screen.getByLabelText('本单金额（可选）'), '-3');
  await userEvent.click(screen.getByRole('button', { name: '记一单成交' }));
  expect(await screen.findByRole('alert')).toHaveTextContent('金额需是不小于 0 的数字');
  expect(screen.getByTestId('tally-conversions')).toHaveTextContent('3');

  await userEvent.type(screen.getByLabelText('今日成交目标'), '8');
  await waitFor(() => expect(screen.getByTestId('tally-goal')).toHaveTextContent('已成交 3 / 目标 8（38%）'));

  for (let i = 0; i < 4; i++) await userEvent.click(screen.getByRole('button', { name: '询单 +1' }));
  await waitFor(() => expect(screen.getByTestId('tally-this-week')).toHaveTextContent(/本周\s*4\s*3\s*75\.0%\s*¥100\.25/));
  expect(screen.getByTestId('tally-this-month')).toHaveTextContent(/本月\s*4\s*3/);
});

it('shows automatic and hand-counted consults apart, and both can be corrected', async () => {
  await recordConsultOnce(db, '小王', '2026-11-23', 'day', 'demo|b1');
  await recordConsultOnce(db, '小王', '2026-11-23', 'day', 'demo|b2');
  render(<Tally db={db} />);
  await waitFor(() => expect(screen.getByTestId('tally-consults')).toHaveTextContent('2'));
  await userEvent.click(screen.getByRole('button', { name: '询单 +1' }));
  await waitFor(() => expect(screen.getByTestId('tally-split')).toHaveTextContent('其中手动 1，自动 2'));
  await userEvent.click(screen.getByRole('button', { name: '自动询单 −1' }));
  await waitFor(() => expect(screen.getByTestId('tally-split')).toHaveTextContent('其中手动 1，自动 1'));
  expect(screen.getByTestId('tally-consults')).toHaveTextContent('2');
});

it('counts by the shifts in the settings', async () => {
  const { saveSettings } = await import('../../storage/repositories/settings');
  await saveSettings(db, { shifts: [{ id: 'early', name: '早班', start: '06:00', end: '14:00' }, { id: 'late', name: '晚班', start: '14:00', end: '02:00' }] });
  render(<Tally db={db} />);
  expect(await screen.findByText('今日 11月23日 周一 · 当前班次：早班')).toBeInTheDocument();
});

it('the 30-day chart has count and rate axes, dates along the bottom and a legend', async () => {
  await db.tally.put({ id: '小王|2026-11-20|day', agent: '小王', day: '2026-11-20', shift: 'day', consults: 23, autoConsults: 0, conversions: 5, amount: 0, pricedSales: 0, refunds: 0, badReviews: 0, responses: 0, responseMs: 0, firstResponses: 0, firstResponseMs: 0, fastResponses: 0 });
  render(<Tally db={db} />);
  const chart = await screen.findByTestId('tally-chart');
  await waitFor(() => expect(chart.querySelector('[data-day="2026-11-20"]')?.getAttribute('data-consults')).toBe('23'));
  expect([...chart.querySelectorAll('[data-axis="count"] text')].map((n) => n.textContent)).toEqual(['0', '10', '20', '30']);
  expect([...chart.querySelectorAll('[data-axis="rate"]')].map((n) => n.textContent)).toEqual(['0%', '50%', '100%']);
  const dates = [...chart.querySelectorAll('[data-axis="date"]')].map((n) => n.textContent);
  // From the first day with data, at least a week: 11-17 … 11-23, labelled every other day back from today.
  expect(dates).toEqual(['11月17日', '11月19日', '11月21日', '11月23日']);
  expect(screen.getByTestId('tally-legend')).toHaveTextContent(/询单.*成交.*转化率/);
});

it('the KPI row shows today\'s measured response times, and 退款 / 中差评 counted by hand with their rates per sale', async () => {
  const { recordResponse } = await import('../../storage/repositories/responses');
  const at = new Date('2026-11-23T10:00').getTime();
  await recordResponse(db, { agent: '小王', day: '2026-11-23', shift: 'day', site: 'demo', buyer: 'demo|小美', buyerAt: at, repliedAt: at + 20_000 });
  await recordResponse(db, { agent: '小王', day: '2026-11-23', shift: 'day', site: 'demo', buyer: 'demo|小美', buyerAt: at + 60_000, repliedAt: at + 300_000 });
  await recordResponse(db, { agent: '小王', day: '2026-11-22', shift: 'day', site: 'demo', buyer: 'demo|阿强', buyerAt: at, repliedAt: at + 5_000 }); // yesterday
  render(<Tally db={db} />);
  await waitFor(() => expect(screen.getByTestId('kpi-first')).toHaveTextContent('0:20'));
  expect(screen.getByTestId('kpi-avg')).toHaveTextContent('2:10'); // (20 s + 240 s) / 2
  expect(screen.getByTestId('kpi-within3')).toHaveTextContent('50.0%');
  expect(screen.getByTestId('kpi-measured')).toHaveTextContent('今日已测 2 次回复');
  expect(screen.getByTestId('kpi-refund-rate')).toHaveTextContent('—'); // no sale yet
  for (let i = 0; i < 4; i++) await userEvent.click(screen.getByRole('button', { name: '成交 +1' }));
  await userEvent.click(screen.getByRole('button', { name: '退款 +1' }));
  await userEvent.click(screen.getByRole('button', { name: '中差评 +1' }));
  await userEvent.click(screen.getByRole('button', { name: '中差评 +1' }));
  await userEvent.click(screen.getByRole('button', { name: '中差评 −1' }));
  await waitFor(() => expect(screen.getByTestId('kpi-refund-rate')).toHaveTextContent('25.0%'));
  await waitFor(() => expect(screen.getByTestId('tally-badReviews')).toHaveTextContent('1'));
  expect(screen.getByTestId('kpi-bad-rate')).toHaveTextContent('25.0%');
  // The 30-day chart draws the average response time; the week table shows it per day.
  expect(screen.getByTestId('chart-response')).toBeInTheDocument();
  expect(screen.getByTestId('tally-day-2026-11-22')).toHaveTextContent('0:05');
});
