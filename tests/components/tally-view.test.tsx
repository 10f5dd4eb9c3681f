// @vitest-environment happy-dom
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Dexie } from 'dexie';
import { TallyView } from '../../components/TallyView';
import { KefuDB } from '../../storage/db';

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
  render(<TallyView db={db} agent="小王" autoConsult={false} />);
  expect(screen.getByText('今日 2026-11-23 · 当前班次：白班')).toBeInTheDocument();
  expect(screen.getByTestId('tally-rate')).toHaveTextContent('—（暂无询单）');
  for (let i = 0; i < 4; i++) await userEvent.click(screen.getByRole('button', { name: '询单 +1' }));
  await userEvent.click(screen.getByRole('button', { name: '成交 +1' }));
  await waitFor(() => expect(screen.getByTestId('tally-consults')).toHaveTextContent('4'));
  await waitFor(() => expect(screen.getByTestId('tally-rate')).toHaveTextContent('25.0%'));
  await userEvent.click(screen.getByRole('button', { name: '询单 −1' }));
  await waitFor(() => expect(screen.getByTestId('tally-rate')).toHaveTextContent('33.3%'));
});

it('draws 30 days of bars with today\'s counts', async () => {
  render(<TallyView db={db} agent="小王" autoConsult={false} />);
  await userEvent.click(screen.getByRole('button', { name: '询单 +1' }));
  await waitFor(() => expect(document.querySelector('[data-day="2026-11-23"]')?.getAttribute('data-consults')).toBe('1'));
  expect(document.querySelectorAll('rect[data-day]')).toHaveLength(30);
});
