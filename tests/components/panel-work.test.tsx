// @vitest-environment happy-dom
// The side panel while an agent works in it: a buyer switch resets what belonged to the last buyer.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { SidePanel, type InsertFn } from '../../components/SidePanel';
import { KefuDB } from '../../storage/db';
import { freshDbPerTest } from '../helpers/db';
import type { Served } from '../../scripts-library/served-tab';
import type { ChatTab } from '../../scripts-library/protocol';

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
