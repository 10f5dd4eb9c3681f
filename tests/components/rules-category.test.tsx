// @vitest-environment happy-dom
// #29 item 21: switching off a whole rule category asks first, with the number of rules it turns off.
import { beforeEach, expect, it, vi } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { SidePanel, type InsertFn } from '../../components/SidePanel';
import type { KefuDB } from '../../storage/db';
import { freshDbPerTest } from '../helpers/db';
import { DEFAULT_RULES } from '../../scripts-library/guard';

const freshDb = freshDbPerTest('rules-category');
let db: KefuDB;
beforeEach(async () => {
  db = freshDb();
  render(<SidePanel db={db} served={{ state: 'no-input' }} insert={vi.fn<InsertFn>()} />);
  await screen.findByText('主动招呼');
  await userEvent.click(screen.getByRole('tab', { name: '规则' }));
  await waitFor(() => expect(screen.getByLabelText('站外交易/联系 启用')).toBeChecked());
});

const offPlatform = DEFAULT_RULES.filter((r) => r.category === 'off-platform').length;
const enabledOffPlatform = async () => (await db.rules.where('category').equals('off-platform').toArray()).filter((r) => r.enabled).length;

it('asks before switching off 站外交易, naming how many rules; 取消 changes nothing', async () => {
  await userEvent.click(screen.getByLabelText('站外交易/联系 启用'));
  const ask = await screen.findByRole('alertdialog');
  expect(ask).toHaveTextContent(`关闭“站外交易/联系”的全部 ${offPlatform} 条规则？`);
  expect(screen.getByLabelText('站外交易/联系 启用')).toBeChecked();
  await userEvent.click(within(ask).getByRole('button', { name: '取消' }));
  expect(screen.queryByRole('alertdialog')).toBeNull();
  expect(await enabledOffPlatform()).toBe(offPlatform);
});

it('switches the category off once confirmed, and back on without asking', async () => {
  await userEvent.click(screen.getByLabelText('站外交易/联系 启用'));
  await userEvent.click(within(await screen.findByRole('alertdialog')).getByRole('button', { name: `关闭 ${offPlatform} 条` }));
  await waitFor(async () => expect(await enabledOffPlatform()).toBe(0));
  await userEvent.click(screen.getByLabelText('站外交易/联系 启用'));
  expect(screen.queryByRole('alertdialog')).toBeNull();
  await waitFor(async () => expect(await enabledOffPlatform()).toBe(offPlatform));
});
