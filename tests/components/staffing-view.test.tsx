// @vitest-environment happy-dom
// The Double-11 staffing calculator: prefilled from the agent's own tally, the seed's formula step by step.
import { afterEach, beforeEach, expect, it } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Dexie } from 'dexie';
import { DbProvider } from '../../components/shared/db-context';
import { Staffing } from '../../components/staffing/StaffingView';
import { KefuDB } from '../../storage/db';
import { SettingsSchema } from '../../scripts-library/shared/schema';
import { addSale, increment } from '../../storage/repositories/tally';

let db: KefuDB;
beforeEach(async () => {
  db = new KefuDB(`staffing-${Math.random().toString(36).slice(2)}`);
  await db.open();
});
afterEach(async () => {
  db.close();
  await Dexie.delete(db.name);
});

const settings = SettingsSchema.parse({}); // 白班 09:00–17:30, 晚班 17:30–22:30

it('prefills 饱和接待量, conversion and 客单价 from the tally and shows the agents per shift with the seed\'s steps', async () => {
  await increment(db, '小王', '2026-11-20', 'day', 'consults', 120);
  await increment(db, '小王', '2026-11-21', 'night', 'consults', 80);
  for (const amount of [150, 150]) await addSale(db, '小王', '2026-11-20', 'day', amount);
  render(
    <DbProvider db={db}>
      <Staffing agent="小王" settings={settings} />
    </DbProvider>,
  );
  const capacity = await screen.findByLabelText('饱和接待量（每人每班）');
  expect(capacity).toHaveValue('120');
  expect(screen.getByText('你的统计里最忙的一班接待了 120 人')).toBeInTheDocument();
  expect(screen.getByLabelText('客服客单价（元）')).toHaveValue('150');
  expect(screen.getByLabelText('询单转化率（%）')).toHaveValue('1');
  expect(screen.getByTestId('plan-problem')).toHaveTextContent('请填写：店铺销售额（元）');

  await userEvent.type(screen.getByLabelText('店铺销售额（元）'), '1000000');
  await userEvent.type(screen.getByLabelText('客服销售占比（%）'), '60');
  await userEvent.clear(screen.getByLabelText('询单转化率（%）'));
  await userEvent.type(screen.getByLabelText('询单转化率（%）'), '40');
  await userEvent.clear(capacity);
  await userEvent.type(capacity, '300');
  const result = await screen.findByTestId('plan-result');
  expect(result).toHaveTextContent('客服销售人数 = 客服销售额 600000 ÷ 客服客单价 150 = 4,000');
  expect(result).toHaveTextContent('售前客服总接待量 = 客服销售人数 4000 ÷ 询单转化率 40% = 10,000');
  // Shares by hours: 白班 8.5 h → 63 %, 晚班 5 h → 37 %.
  expect(within(screen.getByTestId('plan-shift-day')).getAllByRole('cell').map((c) => c.textContent)).toEqual(['白班 09:00–17:30', '63%', '6300', '21']);
  expect(screen.getByTestId('plan-total')).toHaveTextContent('10000');
  expect(within(screen.getByTestId('plan-total')).getAllByRole('cell').at(-1)).toHaveTextContent('34'); // 21 + 13
  expect(screen.getByRole('button', { name: '导出 CSV' })).toBeInTheDocument();

  // The evening peak gets more: shares that do not add up are refused with a reason, not a wrong number.
  await userEvent.clear(screen.getByLabelText('晚班 17:30–22:30 占比（%）'));
  await userEvent.type(screen.getByLabelText('晚班 17:30–22:30 占比（%）'), '60');
  await waitFor(() => expect(screen.getByTestId('plan-problem')).toHaveTextContent('各班占比加起来要等于 100%'));
  await userEvent.clear(screen.getByLabelText('白班 09:00–17:30 占比（%）'));
  await userEvent.type(screen.getByLabelText('白班 09:00–17:30 占比（%）'), '40');
  await waitFor(() => expect(within(screen.getByTestId('plan-shift-night')).getAllByRole('cell').at(-1)).toHaveTextContent('20'));
});

it('from visitors and the share who ask; a rate typed as 40 means 40 %, 4000 is out of range', async () => {
  render(
    <DbProvider db={db}>
      <Staffing agent="小王" settings={settings} />
    </DbProvider>,
  );
  await userEvent.click(await screen.findByLabelText('按访客数'));
  await userEvent.type(screen.getByLabelText('访客数'), '50000');
  await userEvent.type(screen.getByLabelText('咨询率（%）'), '4000');
  await userEvent.type(screen.getByLabelText('饱和接待量（每人每班）'), '250');
  expect(screen.getByTestId('plan-problem')).toHaveTextContent('咨询率（%） 超出范围');
  await userEvent.clear(screen.getByLabelText('咨询率（%）'));
  await userEvent.type(screen.getByLabelText('咨询率（%）'), '10');
  expect(await screen.findByTestId('plan-result')).toHaveTextContent('访客数 50000 × 咨询率 10%');
  expect(within(screen.getByTestId('plan-total')).getAllByRole('cell').at(-1)).toHaveTextContent('21'); // 13 + 8
});
