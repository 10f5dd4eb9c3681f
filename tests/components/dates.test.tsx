// @vitest-environment happy-dom
// #29 item 22: the panel writes dates one way — 「12月6日 12:44」, a week as 「11月30日–12月6日」.
import { beforeEach, expect, it, vi } from 'vitest';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { SidePanel, type InsertFn } from '../../components/SidePanel';
import type { KefuDB } from '../../storage/db';
import { freshDbPerTest } from '../helpers/db';
import { addHandover, addProblem } from '../../storage/repositories/notes';

const freshDb = freshDbPerTest('dates');
let db: KefuDB;
beforeEach(() => {
  db = freshDb();
});
const year = new Date().getFullYear();

it('the problem log\'s weeks and the handovers\' times read as 「11月30日–12月6日」 and 「12月6日 12:44」', async () => {
  // A Monday-to-Sunday week of this year: 30 Nov – 6 Dec in 2026; another year's dates shift, so take the week of 6 Dec.
  const sunday = new Date(year, 11, 6, 12, 44);
  const monday = new Date(year, 11, 6 - ((sunday.getDay() + 6) % 7), 12);
  const sundayOfWeek = new Date(monday.getFullYear(), monday.getMonth(), monday.getDate() + 6);
  await addProblem(db, '羽绒服能机洗吗', '小美', sunday.getTime());
  await addHandover(db, { shift: 'day', inProgress: '小美：等尺码确认', urgent: '', potential: '', text: '' }, sunday.getTime());
  render(<SidePanel db={db} served={{ state: 'no-input' }} insert={vi.fn<InsertFn>()} />);
  await screen.findByText('主动招呼');
  await userEvent.click(screen.getByRole('tab', { name: '笔记' }));
  const weekText = `${monday.getMonth() + 1}月${monday.getDate()}日–${sundayOfWeek.getMonth() + 1}月${sundayOfWeek.getDate()}日`;
  expect(await screen.findByText(`${weekText}：1 个问题，已解决 0`)).toBeInTheDocument();
  await userEvent.click(screen.getByRole('tab', { name: '交接记录本' }));
  expect(await screen.findByText(/^12月6日 12:44 · /)).toBeInTheDocument();
});
