// @vitest-environment happy-dom
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { SidePanel, type InsertFn } from '../../components/SidePanel';
import { Dexie } from 'dexie';
import { KefuDB } from '../../storage/db';
import { freshDbPerTest } from '../helpers/db';
import { addHandover, addProblem } from '../../storage/repositories/notes';

const freshDb = freshDbPerTest();
let db: KefuDB;
beforeEach(() => {
  db = freshDb();
});

const panel = async () => {
  render(<SidePanel db={db} served={{ state: 'no-input' }} insert={vi.fn<InsertFn>()} />);
  await screen.findByText('主动招呼');
};

describe('问题登记本', () => {
  it('records a problem, answers it later, shows the weekly summary, and searches', async () => {
    await panel();
    await userEvent.click(screen.getByRole('tab', { name: '笔记' }));
    const form = screen.getByRole('form', { name: '问题登记本' });
    await userEvent.type(within(form).getByLabelText('遇到的问题'), '羽绒服能机洗吗');
    await userEvent.type(within(form).getByLabelText('买家 / 订单'), '小美 2311230001');
    await userEvent.click(within(form).getByRole('button', { name: '登记' }));
    expect(await screen.findByText(/1 个问题，已解决 0/)).toBeInTheDocument();
    await userEvent.type(screen.getByLabelText('答案：羽绒服能机洗吗'), '可以，轻柔模式，30度以下');
    await userEvent.tab();
    expect(await screen.findByText(/1 个问题，已解决 1/)).toBeInTheDocument();
    await userEvent.type(screen.getByRole('searchbox', { name: '搜索问题' }), '轻柔');
    expect(screen.getByText('羽绒服能机洗吗')).toBeInTheDocument();
    await userEvent.clear(screen.getByRole('searchbox', { name: '搜索问题' }));
    await userEvent.type(screen.getByRole('searchbox', { name: '搜索问题' }), '退款');
    await waitFor(() => expect(screen.queryByText('羽绒服能机洗吗')).toBeNull());
  });
});

describe('交接记录本', () => {
  it('the next shift sees unread handovers on opening the panel and marks them read', async () => {
    await addHandover(db, { shift: 'day', inProgress: '小美：等尺码确认', urgent: '阿强的包裹丢失，等快递回复', potential: '林林想买两件', text: '' });
    await panel();
    await userEvent.click(await screen.findByRole('button', { name: '有 1 条未读交接' }));
    const item = await screen.findByTestId('handover');
    expect(item).toHaveTextContent('紧急事项：阿强的包裹丢失，等快递回复');
    await userEvent.click(within(item).getByRole('button', { name: '标记已读' }));
    await waitFor(async () => expect((await db.notes.where('kind').equals('handover').first())?.read).toBe(true));
  });

  it('writes a handover at shift end', async () => {
    await panel();
    await userEvent.click(screen.getByRole('tab', { name: '笔记' }));
    await userEvent.click(screen.getByRole('tab', { name: '交接记录本' }));
    const form = screen.getByRole('form', { name: '交接记录本' });
    await userEvent.type(within(form).getByLabelText('紧急事项'), '3 个订单待改地址');
    await userEvent.click(within(form).getByRole('button', { name: '提交交接' }));
    await waitFor(async () => expect((await db.notes.where('kind').equals('handover').toArray())[0]).toMatchObject({ urgent: '3 个订单待改地址', read: false }));
    // Written for the next shift: the writer does not see it as unread.
    const item = await screen.findByTestId('handover');
    expect(item).toHaveAttribute('data-unread', 'false');
    expect(within(item).queryByRole('button', { name: '标记已读' })).toBeNull();
    await userEvent.click(screen.getByRole('tab', { name: '短语' }));
    expect(screen.queryByRole('button', { name: /条未读交接/ })).toBeNull();
  });
});

describe('导出笔记 / 导入笔记 between two agents\' machines', () => {
  it('exports the two notebooks, and importing merges by id: new notes added, nothing removed, a second import adds nothing', async () => {
    // Machine A: a problem and a handover, exported from the panel.
    await addProblem(db, '羽绒服能机洗吗', '小美');
    await addHandover(db, { shift: 'day', inProgress: '小美：等尺码确认', urgent: '', potential: '', text: '' });
    const blobs: Blob[] = [];
    vi.spyOn(URL, 'createObjectURL').mockImplementation((b) => (blobs.push(b as Blob), 'blob:notes'));
    const { unmount } = render(<SidePanel db={db} served={{ state: 'no-input' }} insert={vi.fn<InsertFn>()} />);
    await screen.findByText('主动招呼');
    await userEvent.click(screen.getByRole('tab', { name: '笔记' }));
    await userEvent.click(screen.getByRole('button', { name: '导出笔记' }));
    await waitFor(() => expect(blobs).toHaveLength(1));
    const file = await blobs[0]!.text();
    unmount();

    // Machine B: its own problem; the file from A.
    const b = new KefuDB(`notes-b-${Math.random().toString(36).slice(2)}`);
    await b.open();
    try {
      await addProblem(b, '能开发票吗', '阿强');
      render(<SidePanel db={b} served={{ state: 'no-input' }} insert={vi.fn<InsertFn>()} />);
      await screen.findByText('主动招呼');
      await userEvent.click(screen.getByRole('tab', { name: '笔记' }));
      await userEvent.upload(screen.getByTestId('notes-import-file'), new File(['{"format":"kefu-notebooks","notes":'], 'cut.json'));
      expect(await screen.findByRole('alert')).toHaveTextContent(/^没有导入：JSON 无法解析（文件可能不完整）：.*。本机的笔记没有改动。$/);
      expect(await b.notes.count()).toBe(1);

      await userEvent.upload(screen.getByTestId('notes-import-file'), new File([file], 'notes.json'));
      const preview = await screen.findByRole('dialog', { name: '导入笔记' });
      expect(preview).toHaveTextContent('新增 2 条，更新 0 条，0 条本机已有不变。本机的笔记一条都不会删除。');
      await userEvent.click(within(preview).getByRole('button', { name: '合并' }));
      expect(await screen.findByText('已合并：新增 2 条，更新 0 条')).toBeInTheDocument();
      expect((await b.notes.toArray()).map((n) => n.question ?? n.inProgress).sort()).toEqual(['小美：等尺码确认', '羽绒服能机洗吗', '能开发票吗'].sort());

      await userEvent.upload(screen.getByTestId('notes-import-file'), new File([file], 'notes.json'));
      const again = await screen.findByRole('dialog', { name: '导入笔记' });
      expect(again).toHaveTextContent('新增 0 条，更新 0 条，2 条本机已有不变');
      expect(within(again).getByRole('button', { name: '合并' })).toBeDisabled();
    } finally {
      b.close();
      await Dexie.delete(b.name);
    }
  });
});
