// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Dexie } from 'dexie';
import { SidePanel } from '../../components/SidePanel';
import { KefuDB } from '../../storage/db';
import type { Served } from '../../scripts-library/served-tab';
import type { ChatTab } from '../../storage/protocol';

let db: KefuDB;
beforeEach(async () => {
  db = new KefuDB(`panel-${Math.random().toString(36).slice(2)}`);
  await db.open();
});
afterEach(async () => {
  db.close();
  await Dexie.delete(db.name);
});

const chatTab = (over: Partial<ChatTab['status']> = {}): ChatTab => ({
  tabId: 12,
  windowId: 1,
  seenAt: 1,
  status: { site: 'pinduoduo', hasInput: true, inputKind: 'textarea', buyer: { id: 'u1', name: '小美' }, ...over },
});
const serving: Served = { state: 'chat', tab: chatTab() };

async function renderPanel(served: Served | undefined, insert = vi.fn().mockResolvedValue({ kind: 'inserted' })) {
  render(<SidePanel db={db} served={served} insert={insert} />);
  await screen.findByText('主动招呼'); // the starter pack is in
  return insert;
}

describe('SidePanel', () => {
  it('shows the served site and buyer', async () => {
    await renderPanel(serving);
    expect(screen.getByTestId('served')).toHaveTextContent('正在服务：拼多多 · 买家 小美');
  });

  it('shows the site alone when the buyer is unknown, and the generic-mode notice', async () => {
    await renderPanel({ state: 'chat', tab: chatTab({ site: 'jd', buyer: null, notice: 'generic-fallback' }) });
    expect(screen.getByTestId('served')).toHaveTextContent('正在服务：京东咚咚');
    expect(screen.getByTestId('served')).toHaveTextContent('已改用通用模式');
  });

  it('shows a clear state when the tab has no chat input', async () => {
    await renderPanel({ state: 'no-input' });
    expect(screen.getByTestId('served')).toHaveTextContent('此标签页未找到聊天输入框');
  });

  it('inserts a clicked phrase into the served tab and counts the use', async () => {
    const insert = await renderPanel(serving);
    await userEvent.click(screen.getByText('主动招呼'));
    expect(insert).toHaveBeenCalledWith(12, '您好，欢迎光临本店，很高兴为您服务，请问有什么可以帮您的呢？');
    await waitFor(() => expect(screen.getByTestId('notice')).toHaveTextContent('已插入：主动招呼'));
    await waitFor(async () => expect((await db.phrases.get('starter-greeting-hello'))?.useCount).toBe(1));
  });

  it('says visibly when the phrase went to the clipboard instead, and does not count a use', async () => {
    const insert = vi.fn().mockResolvedValue({ kind: 'copied', message: '未能插入聊天框（页面上没有找到回复框），已复制到剪贴板' });
    await renderPanel({ state: 'no-input' }, insert);
    await userEvent.click(screen.getByText('有货'));
    expect(insert).toHaveBeenCalledWith(undefined, expect.stringContaining('有货'));
    await waitFor(() => expect(screen.getByTestId('notice')).toHaveTextContent('已复制到剪贴板'));
    expect((await db.phrases.get('starter-stock-yes'))?.useCount).toBe(0);
  });

  it('filters by stage and by search text', async () => {
    await renderPanel(serving);
    await userEvent.click(screen.getByRole('tab', { name: '物流' }));
    const list = screen.getByRole('list');
    expect(within(list).getAllByRole('button').map((b) => b.dataset.phraseId)).toEqual(
      expect.arrayContaining(['starter-logistics-ship', 'starter-logistics-transit']),
    );
    expect(within(list).queryByText('主动招呼')).toBeNull();
    await userEvent.click(screen.getByRole('tab', { name: '全部' }));
    await userEvent.type(screen.getByRole('searchbox', { name: '搜索短语' }), '拒收');
    expect(within(screen.getByRole('list')).getAllByRole('button')).toHaveLength(1);
    await userEvent.type(screen.getByRole('searchbox'), 'zzz');
    expect(screen.getByText('没有匹配的短语')).toBeInTheDocument();
  });

  it('renders phrase text as text, never as HTML', async () => {
    await renderPanel(serving);
    await db.phrases.update('starter-greeting-hello', { body: '<img src=x onerror=alert(1)>' });
    expect(await screen.findByText('<img src=x onerror=alert(1)>')).toBeInTheDocument();
    expect(document.querySelector('img')).toBeNull();
  });
});
