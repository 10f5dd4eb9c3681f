// @vitest-environment happy-dom
// 催付提醒 in the side panel: start the ladder for the open buyer, 已付款, and a clicked notification's step.
import { beforeEach, expect, it, vi } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { SidePanel, type InsertFn } from '../../components/SidePanel';
import type { KefuDB } from '../../storage/db';
import { freshDbPerTest } from '../helpers/db';
import { saveSettings } from '../../storage/repositories/settings';
import { fireReminder } from '../../storage/repositories/reminders';
import { CHASE_FOCUS_KEY } from '../../scripts-library/chase/reminders';
import type { Served } from '../../scripts-library/shared/served-tab';

const freshDb = freshDbPerTest('chase');
let db: KefuDB;
let sent: unknown[];
beforeEach(async () => {
  db = freshDb();
  sent = [];
  vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation(async (m: unknown) => void sent.push(m));
});

const served = (buyerId: string, name: string): Served => ({
  state: 'chat',
  tab: { tabId: 12, windowId: 1, seenAt: 1, status: { site: 'pinduoduo', hasInput: true, inputKind: 'textarea', buyer: { id: buyerId, name } } },
});

async function renderPanel(s: Served) {
  const insert = vi.fn<InsertFn>().mockResolvedValue({ kind: 'inserted' });
  const view = render(<SidePanel db={db} served={s} insert={insert} />);
  await screen.findByText('主动招呼');
  return { insert, view };
}

it('催付提醒 schedules the ladder for the open buyer and tells the background; 已付款 cancels what remains', async () => {
  await saveSettings(db, { shopName: '小美服饰' });
  await renderPanel(served('u1', '小美'));
  await userEvent.click(screen.getByRole('button', { name: '催付提醒' }));
  await waitFor(() => expect(screen.getByTestId('notice')).toHaveTextContent('已为 小美 设好催付提醒：15 分钟 / 24 小时 / 48 小时 / 72 小时'));
  expect(await db.reminders.where('status').equals('pending').count()).toBe(4);
  expect(sent).toContainEqual({ type: 'reminders/changed' });
  expect(await screen.findByText(/下次催付：小美（15 分钟/)).toBeInTheDocument();

  // 已付款 takes 催付提醒's place only a moment later (a double click must not cancel what it started).
  await waitFor(() => expect(screen.getByRole('button', { name: '已付款' })).toBeEnabled());
  await userEvent.click(screen.getByRole('button', { name: '已付款' }));
  await waitFor(() => expect(screen.getByTestId('notice')).toHaveTextContent('小美 已付款，取消了 4 条催付提醒'));
  expect(await db.reminders.where('status').equals('cancelled').count()).toBe(4);
  expect(await screen.findByRole('button', { name: '催付提醒' })).toBeInTheDocument(); // once the list re-read
  expect(screen.queryByText(/下次催付/)).not.toBeInTheDocument();
});

it('a double click on 催付提醒 starts the ladder and does not cancel it', async () => {
  await renderPanel(served('u1', '小美'));
  const spot = screen.getByRole('button', { name: '催付提醒' });
  await userEvent.click(spot);
  await screen.findByText('催付中');
  // The second click of a double click lands where the first did: that must not be 已付款.
  await userEvent.click(spot);
  await new Promise((r) => setTimeout(r, 100));
  expect(await db.reminders.where('status').equals('pending').count()).toBe(4);
  expect(await db.reminders.where('status').equals('cancelled').count()).toBe(0);
});

it('a clicked notification opens the panel with that step\'s phrase ready; inserting it marks the step done', async () => {
  await saveSettings(db, { shopName: '小美服饰', agentName: '小王' });
  const { insert } = await renderPanel(served('u1', '小美'));
  await userEvent.click(screen.getByRole('button', { name: '催付提醒' }));
  await waitFor(async () => expect(await db.reminders.count()).toBe(4));
  const second = (await db.reminders.toArray()).find((r) => r.step === 1)!;
  await fireReminder(db, second.id);
  await fakeBrowser.storage.session.set({ [CHASE_FOCUS_KEY]: second.id }); // what the background does on the click

  const card = await screen.findByTestId('chase-focus');
  expect(card).toHaveTextContent('催付 小美（拍下 24 小时）');
  expect(card).toHaveTextContent('您好，我是{店铺名}的客服{客服名}');
  await userEvent.click(within(card).getByRole('button', { name: '插入催付话术' }));
  // The step's phrase is read from the database before it goes in: the insert follows the click, not within it.
  await waitFor(() => expect(insert).toHaveBeenCalledWith(12, '您好，我是小美服饰的客服小王，不好意思打扰一下，您昨天拍下的订单还没付款，现在付款今天就能为您安排发货。', undefined));
  await waitFor(async () => expect((await db.reminders.get(second.id))?.status).toBe('done'));
  await waitFor(() => expect(screen.queryByTestId('chase-focus')).not.toBeInTheDocument());
  expect(await fakeBrowser.storage.session.get(CHASE_FOCUS_KEY)).toEqual({});
});

it('lists due and overdue steps of every buyer; only the open buyer\'s can be inserted', async () => {
  await renderPanel(served('u1', '小美'));
  await userEvent.click(screen.getByRole('button', { name: '催付提醒' }));
  await waitFor(async () => expect(await db.reminders.count()).toBe(4));
  const steps = await db.reminders.toArray();
  await fireReminder(db, steps.find((r) => r.step === 0)!.id);
  // Another buyer's step whose time passed while the browser was closed (never fired).
  await db.reminders.put({ ...steps[0]!, id: 'other-0', ladderId: 'other', buyerId: 'u2', buyerName: '阿强', status: 'pending', createdAt: Date.now() - 16 * 60_000, dueAt: Date.now() - 60_000 });
  expect(await screen.findByText('该催付了：小美（15 分钟）')).toBeInTheDocument();
  const overdue = await screen.findByText(/已逾期：阿强（15 分钟/);
  expect(within(overdue.closest('li')!).queryByRole('button')).toBeNull();
  expect(within(screen.getByText('该催付了：小美（15 分钟）').closest('li')!).getByRole('button', { name: '插入催付话术' })).toBeInTheDocument();
});

it('counts the tally from the keyboard anywhere in the panel: Alt+X 询单, Alt+C 成交, with Shift −1', async () => {
  await saveSettings(db, { agentName: '小王' });
  await renderPanel(served('u1', '小美'));
  await userEvent.click(screen.getByRole('searchbox'));
  await userEvent.keyboard('{Alt>}x{/Alt}{Alt>}x{/Alt}{Alt>}c{/Alt}{Alt>}{Shift>}x{/Shift}{/Alt}');
  await waitFor(async () => {
    const rows = await db.tally.toArray();
    expect(rows.reduce((n, r) => n + r.consults, 0)).toBe(1);
    expect(rows.reduce((n, r) => n + r.conversions, 0)).toBe(1);
  });
  expect((screen.getByRole('searchbox') as HTMLInputElement).value).toBe(''); // the keys did not type into search
});

it('a follow-up ladder (中差评跟进) counted from the review time the agent entered: due at once, then 已完成 stops it', async () => {
  await renderPanel(served('u1', '小美'));
  await userEvent.selectOptions(screen.getByRole('combobox', { name: '跟进提醒' }), '中差评跟进');
  const reviewed = new Date(Date.now() - 3 * 3600_000); // the review came in three hours ago
  const local = new Date(reviewed.getTime() - reviewed.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
  const from = screen.getByLabelText('从何时算起（可选：下单/发货/评价时间）');
  await userEvent.type(from, local);
  await userEvent.click(screen.getByRole('button', { name: '开始跟进' }));
  await waitFor(() => expect(screen.getByTestId('notice')).toHaveTextContent('已为 小美 设好中差评跟进提醒：立即 / 24 小时'));
  // The first step was already past when the ladder started: it is due now (no alarm missed it), its phrase one click away.
  expect(await screen.findByText(/该跟进了（中差评跟进）：小美（立即）/)).toBeInTheDocument();
  expect(await screen.findByText(/下次跟进（中差评跟进）：小美（24 小时/)).toBeInTheDocument();
  const rows = await db.reminders.toArray();
  expect(rows.map((r) => [r.kind, r.phraseId])).toEqual([['bad-review', 'aftersales-bad-review'], ['bad-review', 'followup-bad-review-day2']]);
  expect(Math.abs(rows[1]!.dueAt - (reviewed.getTime() + 24 * 3600_000))).toBeLessThan(60_000);
  // 催付 is a ladder of its own: still offered.
  expect(screen.getByRole('button', { name: '催付提醒' })).toBeInTheDocument();
  await userEvent.click(screen.getByRole('button', { name: '中差评跟进已完成' }));
  await waitFor(() => expect(screen.getByTestId('notice')).toHaveTextContent('小美 的中差评跟进已完成，取消了 2 条提醒'));
});

it('refuses a follow-up counted from a time in the future, and stores nothing', async () => {
  await renderPanel(served('u1', '小美'));
  const later = new Date(Date.now() + 2 * 86_400_000);
  const local = new Date(later.getTime() - later.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
  await userEvent.type(screen.getByLabelText('从何时算起（可选：下单/发货/评价时间）'), local);
  await userEvent.click(screen.getByRole('button', { name: '开始跟进' }));
  await waitFor(() => expect(screen.getByTestId('notice')).toHaveTextContent('时间不能晚于现在'));
  expect(await db.reminders.count()).toBe(0);
});
