// @vitest-environment happy-dom
// Follow-up ladders in the panel: what the form accepts (#30 N7) and how the chase list reads (#29 item 12).
import { beforeEach, expect, it, vi } from 'vitest';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { SidePanel, type InsertFn } from '../../components/SidePanel';
import type { KefuDB } from '../../storage/db';
import { freshDbPerTest } from '../helpers/db';
import type { Served } from '../../scripts-library/shared/served-tab';

const freshDb = freshDbPerTest('chase-wording');
let db: KefuDB;
beforeEach(() => {
  db = freshDb();
  vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockResolvedValue(undefined);
});

const served: Served = {
  state: 'chat',
  tab: { tabId: 12, windowId: 1, seenAt: 1, status: { site: 'pinduoduo', hasInput: true, inputKind: 'textarea', buyer: { id: 'u1', name: '小美' } } },
};

async function renderPanel() {
  render(<SidePanel db={db} served={served} insert={vi.fn<InsertFn>().mockResolvedValue({ kind: 'inserted' })} />);
  await screen.findByText('主动招呼');
}

it('refuses a follow-up counted from the year 0202 with a reason, and stores nothing', async () => {
  await renderPanel();
  await userEvent.type(screen.getByLabelText('从何时算起（可选：下单/发货/评价时间）'), '0202-12-06T10:00');
  await userEvent.click(screen.getByRole('button', { name: '开始跟进' }));
  await waitFor(() => expect(screen.getByTestId('notice')).toHaveTextContent('时间太早：只能从一年内的时间算起'));
  expect(await db.reminders.count()).toBe(0);
});

it('right after 催付提醒 the list says the chase is scheduled, in its own words (not the countdown\'s 等待)', async () => {
  await renderPanel();
  await userEvent.click(screen.getByRole('button', { name: '催付提醒' }));
  const summary = await screen.findByText(/已排期/, { selector: 'summary' });
  expect(summary).toHaveTextContent('催付已排期 1 位买家');
  expect(summary).not.toHaveTextContent('等待');
});

it('an at-once follow-up step is due now, counted as 跟进 (not 催付), and never 「0 秒」 or 「浏览器关闭时错过」', async () => {
  await renderPanel();
  await userEvent.selectOptions(screen.getByRole('combobox', { name: '跟进提醒' }), '发货延迟致歉');
  await userEvent.click(screen.getByRole('button', { name: '开始跟进' }));
  await waitFor(() => expect(screen.getByTestId('notice')).toHaveTextContent('已为 小美 设好发货延迟致歉提醒：立即 / 24 小时'));
  const step = await screen.findByText(/该跟进了（发货延迟致歉）：小美（立即）/);
  expect(step.closest('li')).toHaveAttribute('data-state', 'due');
  const summary = screen.getByText(/该跟进/, { selector: 'summary' });
  expect(summary).toHaveTextContent('该跟进 1 项 · 跟进已排期 1 项');
  expect(summary).not.toHaveTextContent('催付');
  expect(screen.getByTestId('follow-ups').closest('section')).not.toHaveTextContent(/0 秒|浏览器关闭时错过/);
});
