// @vitest-environment happy-dom
// The side panel while an agent works in it: a buyer switch resets what belonged to the last buyer.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { SidePanel, type InsertFn } from '../../components/SidePanel';
import { KefuDB } from '../../storage/db';
import { freshDbPerTest } from '../helpers/db';
import { saveSettings } from '../../storage/repositories/settings';
import type { Served } from '../../scripts-library/shared/served-tab';
import type { ChatTab } from '../../scripts-library/shared/protocol';

const freshDb = freshDbPerTest();
let db: KefuDB;
beforeEach(async () => {
  db = freshDb();
});

const chatTab = (over: Partial<ChatTab['status']> = {}): ChatTab => ({
  tabId: 12,
  windowId: 1,
  seenAt: 1,
  status: { site: 'pinduoduo', hasInput: true, inputKind: 'textarea', buyer: { id: 'u1', name: '小美' }, ...over },
});
const servedFor = (id: string, name: string, over: Partial<ChatTab['status']> = {}): Served => ({ state: 'chat', tab: chatTab({ buyer: { id, name }, ...over }) });

describe('a buyer switch', { timeout: 20_000 }, () => {
  it('closes an open fill-in form: nothing typed for 小美 is inserted for, or remembered under, 阿强', async () => {
    const insert = vi.fn<InsertFn>().mockResolvedValue({ kind: 'inserted' });
    const { rerender } = render(<SidePanel db={db} served={servedFor('u1', '小美')} insert={insert} />);
    await userEvent.click(await screen.findByText('物流单号'));
    const form = await screen.findByRole('dialog', { name: '请填写短语中的空白' });
    await userEvent.type(within(form).getByLabelText('快递公司'), '顺丰');
    await userEvent.type(within(form).getByLabelText('运单号'), 'SF1234567890');
    rerender(<SidePanel db={db} served={servedFor('u2', '阿强')} insert={insert} />);
    await waitFor(() => expect(screen.queryByRole('dialog', { name: '请填写短语中的空白' })).toBeNull());
    expect(insert).not.toHaveBeenCalled();
    expect((await db.settings.get('orderMemory'))?.value ?? {}).not.toHaveProperty('pinduoduo|u2');
  });

  it('clears the search and the 跟进 kind picked for the last buyer', async () => {
    const insert = vi.fn<InsertFn>();
    const { rerender } = render(<SidePanel db={db} served={servedFor('u1', '小美')} insert={insert} />);
    await screen.findByText('主动招呼', undefined, { timeout: 5000 });
    await userEvent.type(screen.getByRole('searchbox'), '退款');
    const kind = screen.getByRole('combobox', { name: '跟进提醒' });
    await userEvent.selectOptions(kind, '中差评跟进');
    rerender(<SidePanel db={db} served={servedFor('u2', '阿强')} insert={insert} />);
    await waitFor(() => expect(screen.getByRole('searchbox')).toHaveValue(''));
    expect(screen.getByRole('combobox', { name: '跟进提醒' })).toHaveDisplayValue('咨询未下单');
  });
});

const rowIds = () => [...screen.getByRole('listbox').querySelectorAll<HTMLElement>('[data-phrase-id]')].map((b) => b.dataset.phraseId);

describe('the rows hold still under the agent', { timeout: 20_000 }, () => {
  it('an insert does not reorder the list: the row clicked stays where it was, and the one below it too', async () => {
    await saveSettings(db, { shopName: '小美服饰', agentName: '小王', onboarded: true });
    const insert = vi.fn<InsertFn>().mockResolvedValue({ kind: 'inserted' });
    render(<SidePanel db={db} served={servedFor('u1', '小美')} insert={insert} />);
    await screen.findByText('主动招呼', undefined, { timeout: 5000 });
    const before = rowIds();
    const sixth = before[5]!;
    await userEvent.click(screen.getByRole('listbox').querySelector<HTMLElement>(`[data-phrase-id="${sixth}"]`)!);
    await waitFor(() => expect(insert).toHaveBeenCalledTimes(1)); // inserted at once (no order values in it)
    await waitFor(async () => expect((await db.phrases.get(sixth))?.useCount).toBe(1));
    await new Promise((r) => setTimeout(r, 200)); // the library's live query has delivered the new count
    expect(rowIds().slice(0, 10)).toEqual(before.slice(0, 10));
  });

  it('Enter and Alt+n do nothing for 300 ms after a new buyer message changed the rows, then insert the new first row', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      const insert = vi.fn<InsertFn>().mockResolvedValue({ kind: 'inserted' });
      const { rerender } = render(<SidePanel db={db} served={servedFor('u1', '小美', { lastBuyerMessage: '这款还有货吗' })} insert={insert} />);
      await waitFor(() => expect(screen.getAllByText('建议').length).toBeGreaterThan(0), { timeout: 5000 });
      await userEvent.click(screen.getByText('以后再说'));
      const box = screen.getByRole('searchbox');
      box.focus();
      rerender(<SidePanel db={db} served={servedFor('u1', '小美', { lastBuyerMessage: '能便宜点吗' })} insert={insert} />);
      await waitFor(() => expect(screen.getByRole('tab', { name: '议价' })).toHaveAttribute('aria-selected', 'true'));
      box.focus();
      await userEvent.keyboard('{Enter}');
      await userEvent.keyboard('{Alt>}2{/Alt}');
      expect(insert).not.toHaveBeenCalled();
      expect(screen.queryByRole('dialog', { name: '请填写短语中的空白' })).toBeNull();
      vi.setSystemTime(Date.now() + 350);
      await userEvent.keyboard('{Enter}');
      await waitFor(() => expect(insert.mock.calls.length + screen.queryAllByRole('dialog').length).toBeGreaterThan(0));
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('row previews', { timeout: 20_000 }, () => {
  const row = (id: string) => screen.getByRole('listbox').querySelector<HTMLElement>(`[data-phrase-id="${id}"]`)!;

  it("show the shop's values where the phrase has them, and what the form asks for as a slot", async () => {
    await saveSettings(db, { shipDays: '3', cutoffTime: '17:00', onboarded: true });
    render(<SidePanel db={db} served={servedFor('u1', '小美')} insert={vi.fn<InsertFn>()} />);
    await screen.findByText('主动招呼', undefined, { timeout: 5000 });
    const shipTime = row('logistics-ship-time');
    expect(shipTime).toHaveTextContent('正常付款后3天内发出');
    expect(shipTime).not.toHaveTextContent('{发货天数}');
    const tracking = row('logistics-tracking-result');
    expect([...tracking.querySelectorAll('[data-slot]')].map((s) => s.textContent)).toEqual(['{快递公司}', '{运单号}']);
  });

  it('the whole body can be read: in the row\'s tooltip, and unfolded on the row ↑/↓ chose', async () => {
    await saveSettings(db, { onboarded: true });
    render(<SidePanel db={db} served={servedFor('u1', '小美')} insert={vi.fn<InsertFn>()} />);
    await screen.findByText('主动招呼', undefined, { timeout: 5000 });
    await userEvent.type(screen.getByRole('searchbox'), '有货');
    await waitFor(() => expect(rowIds().length).toBeGreaterThan(1));
    expect(row('stock-yes').getAttribute('title')).toContain('让您久等了，您问的这款有货的，现在拍下付款就可以为您安排发货哦。');
    const second = rowIds()[1]!;
    await userEvent.keyboard('{ArrowDown}');
    expect(row(second)).toHaveClass('phrase--open');
    expect(row(rowIds()[0]!)).not.toHaveClass('phrase--open');
  });
});

describe('a double click on a row', { timeout: 20_000 }, () => {
  it('inserts the phrase once, not twice (the second click of a double click is not a second insert)', async () => {
    await saveSettings(db, { shopName: '小美服饰', agentName: '小王', onboarded: true });
    const insert = vi.fn<InsertFn>().mockResolvedValue({ kind: 'inserted' });
    render(<SidePanel db={db} served={servedFor('u1', '小美')} insert={insert} />);
    await userEvent.dblClick(await screen.findByText('主动招呼', undefined, { timeout: 5000 }));
    await waitFor(() => expect(insert).toHaveBeenCalled());
    await new Promise((r) => setTimeout(r, 200));
    expect(insert).toHaveBeenCalledTimes(1);
  });

  it('two separate clicks still insert twice (an agent may want the phrase again)', async () => {
    await saveSettings(db, { shopName: '小美服饰', agentName: '小王', onboarded: true });
    const insert = vi.fn<InsertFn>().mockResolvedValue({ kind: 'inserted' });
    render(<SidePanel db={db} served={servedFor('u1', '小美')} insert={insert} />);
    const row = await screen.findByText('主动招呼', undefined, { timeout: 5000 });
    await userEvent.click(row);
    await waitFor(() => expect(insert).toHaveBeenCalledTimes(1));
    await userEvent.click(row);
    await waitFor(() => expect(insert).toHaveBeenCalledTimes(2));
  });
});
