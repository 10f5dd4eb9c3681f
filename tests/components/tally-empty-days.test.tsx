// @vitest-environment happy-dom
// 统计 with little data (#29 item 13): the 7-day table says 「—」 on a day without consults (the long
// 「—（暂无询单）」 once is enough, on today's card), and one day of data is charted over its week, not 30 days.
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/react';
import { Dexie } from 'dexie';
import { useLiveQuery } from 'dexie-react-hooks';
import { DbProvider } from '../../components/shared/db-context';
import { Tally as TallyFeature } from '../../components/tally/TallyView';
import { KefuDB } from '../../storage/db';
import { getSettings } from '../../storage/repositories/settings';
import { increment } from '../../storage/repositories/tally';

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
  db = new KefuDB(`tally-empty-${Math.random().toString(36).slice(2)}`);
  await db.open();
});
afterEach(async () => {
  vi.useRealTimers();
  db.close();
  await Dexie.delete(db.name);
});

it('one day of data: the week table names each day once as 「11月17日」, empty days say 「—」, and the chart spans a week', async () => {
  await increment(db, '小王', '2026-11-23', 'day', 'consults', 2);
  render(<Tally db={db} />);
  const chart = await screen.findByTestId('tally-chart');
  await waitFor(() => expect(chart.querySelector('[data-day="2026-11-23"]')?.getAttribute('data-consults')).toBe('2'));
  expect(chart.querySelectorAll('rect[data-day]')).toHaveLength(7);
  expect(screen.getByText(/^最近 7 天（柱/)).toBeInTheDocument(); // the caption names the days drawn, not 30
  const empty = screen.getByTestId('tally-day-2026-11-22');
  expect(within(empty).getAllByRole('cell')[0]).toHaveTextContent('11月22日');
  expect(empty).not.toHaveTextContent('暂无询单');
  expect(within(empty).getAllByRole('cell')[3]).toHaveTextContent('—');
  expect(screen.queryAllByText(/暂无询单/).length).toBeLessThanOrEqual(1);
});
