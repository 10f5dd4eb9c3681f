// @vitest-environment happy-dom
// A full disk (QuotaExceededError) is said, and what the agent wrote is kept.
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { SidePanel, type InsertFn } from '../../components/SidePanel';
import { DbProvider } from '../../components/shared/db-context';
import { BuyerNote } from '../../components/notebooks/BuyerNote';
import type { KefuDB } from '../../storage/db';
import { freshDbPerTest } from '../helpers/db';
import type { Served } from '../../scripts-library/shared/served-tab';

const freshDb = freshDbPerTest('quota');
let db: KefuDB;
beforeEach(() => {
  db = freshDb();
  localStorage.clear();
});
afterEach(() => vi.restoreAllMocks());

const quota = () => new DOMException('The quota has been exceeded.', 'QuotaExceededError');
const served: Served = {
  state: 'chat',
  tab: { tabId: 12, windowId: 1, seenAt: 1, status: { site: 'pinduoduo', hasInput: true, inputKind: 'textarea', buyer: { id: 'u1', name: '小美' } } },
};

it('a buyer note that cannot be saved says so, keeps the text across a panel close, and saves once there is room', async () => {
  const put = vi.spyOn(db.notes, 'put').mockRejectedValue(quota());
  render(<DbProvider db={db}><BuyerNote site="pinduoduo" buyerId="u1" buyerName="小美" /></DbProvider>);
  await userEvent.click(screen.getByText(/买家备注/));
  await userEvent.type(screen.getByRole('textbox'), '老顾客，M码');
  expect(await screen.findByRole('alert', {}, { timeout: 3000 })).toHaveTextContent('存储空间已满');
  cleanup(); // the panel closes
  put.mockRestore(); // space was freed
  render(<DbProvider db={db}><BuyerNote site="pinduoduo" buyerId="u1" buyerName="小美" /></DbProvider>);
  expect(screen.getByRole('textbox')).toHaveValue('老顾客，M码');
  await waitFor(async () => expect((await db.notes.get('buyer|pinduoduo|u1'))?.text).toBe('老顾客，M码'));
  expect(localStorage.length).toBe(0);
});

it('询单 +1 on a full disk tells the agent instead of failing silently', async () => {
  vi.spyOn(db.tally, 'put').mockRejectedValue(quota());
  render(<SidePanel db={db} served={served} insert={vi.fn<InsertFn>().mockResolvedValue({ kind: 'inserted' })} />);
  await userEvent.click(await screen.findByRole('button', { name: '询单 +1' }));
  await waitFor(() => expect(screen.getByTestId('notice')).toHaveTextContent('未能保存：浏览器的存储空间已满'));
});

it('a 问题登记 that cannot be saved stays in the form with the reason', async () => {
  vi.spyOn(db.notes, 'add').mockRejectedValue(quota());
  render(<SidePanel db={db} served={served} insert={vi.fn<InsertFn>()} />);
  await userEvent.click(await screen.findByRole('tab', { name: '笔记' }));
  await userEvent.type(screen.getByLabelText('遇到的问题'), '羽绒服能机洗吗');
  await userEvent.click(screen.getByRole('button', { name: '登记' }));
  expect(await screen.findByRole('alert')).toHaveTextContent('存储空间已满');
  expect(screen.getByLabelText('遇到的问题')).toHaveValue('羽绒服能机洗吗');
});
