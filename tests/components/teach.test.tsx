// @vitest-environment happy-dom
// 教一次 / 检查 / 重新教 in ⚙ → 其他网站 (#33 item 5), and the self-check's notice and counts (#33 item 6).
import { beforeEach, expect, it, vi } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DbProvider } from '../../components/shared/db-context';
import { SitesPanel } from '../../components/settings/SitesPanel';
import { ServedTabBar } from '../../components/served/ServedTabBar';
import type { KefuDB } from '../../storage/db';
import { saveSettings } from '../../storage/repositories/settings';
import { addMiss } from '../../scripts-library/sites/self-check';
import type { TeachCheckReply } from '../../scripts-library/shared/protocol';
import { freshDbPerTest } from '../helpers/db';

const SITE = 'https://im.unknown-shop.example/*';
const freshDb = freshDbPerTest('teach');
let db: KefuDB;
let toTab: { tabId: number; message: { type: string } }[];
let checkReply: TeachCheckReply;
beforeEach(async () => {
  db = freshDb();
  toTab = [];
  checkReply = { taught: true, replyBox: true, send: true, buyerName: '小红', lastMessage: { from: 'buyer', text: '有货吗' } };
  vi.spyOn(fakeBrowser.tabs, 'query').mockResolvedValue([{ id: 42, active: false } as never]);
  vi.spyOn(fakeBrowser.tabs, 'update').mockResolvedValue({} as never);
  vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockImplementation((async (tabId: number, message: { type: string }) => {
    toTab.push({ tabId, message });
    return message.type === 'chat/teach-check' ? checkReply : { ok: true };
  }) as never);
  await saveSettings(db, { enabledSites: [SITE] });
});

const panel = () => render(<DbProvider db={db}><SitesPanel notify={vi.fn()} /></DbProvider>);

it('检查 shows what the page reads now: buyer, the last message and who sent it; nothing to re-teach while it all matches', async () => {
  panel();
  await userEvent.click(await screen.findByRole('button', { name: '检查 im.unknown-shop.example' }));
  const check = await screen.findByRole('group', { name: 'im.unknown-shop.example 现在读到的内容' });
  expect(toTab).toEqual([{ tabId: 42, message: { type: 'chat/teach-check' } }]);
  expect(check).toHaveTextContent('买家小红');
  expect(check).toHaveTextContent('最后一条（买家）有货吗');
  expect(within(check).queryByRole('button')).toBeNull();
});

it('a field that stopped matching is marked 读不到 and 重新教 puts the page in pointing mode', async () => {
  checkReply = { ...checkReply, buyerName: null };
  panel();
  await userEvent.click(await screen.findByRole('button', { name: '检查 im.unknown-shop.example' }));
  const check = await screen.findByRole('group', { name: 'im.unknown-shop.example 现在读到的内容' });
  expect(check).toHaveTextContent('买家读不到');
  await userEvent.click(within(check).getByRole('button', { name: '重新教' }));
  await waitFor(() => expect(toTab.at(-1)).toEqual({ tabId: 42, message: { type: 'chat/teach' } }));
  expect(fakeBrowser.tabs.update).toHaveBeenCalledWith(42, { active: true });
});

it('教一次 with no tab of that site open says to open it first, in Chinese', async () => {
  vi.mocked(fakeBrowser.tabs.query).mockResolvedValue([]);
  panel();
  await userEvent.click(await screen.findByRole('button', { name: '教一次 im.unknown-shop.example' }));
  expect(await screen.findByRole('alert')).toHaveTextContent('请先打开 im.unknown-shop.example 的聊天页面');
  expect(toTab).toEqual([]);
});

it('the self-check\'s misses of the last 7 days are listed per site, known consoles too', async () => {
  const now = Date.now();
  let misses = addMiss({}, SITE, 'buyerName', now);
  misses = addMiss(misses, SITE, 'buyerName', now);
  misses = addMiss(misses, SITE, 'buyerName', now - 2 * 86_400_000);
  misses = addMiss(misses, 'https://im.jinritemai.com/*', 'replyBox', now);
  await saveSettings(db, { fieldMisses: misses });
  panel();
  expect(await screen.findByText('最近 7 天读不到：买家 3 次')).toBeInTheDocument();
  expect(await screen.findByText('最近 7 天读不到：回复框 1 次')).toBeInTheDocument();
});

it('the served bar names the field a console stopped yielding and offers 教一次', async () => {
  const status = { site: 'doudian', hasInput: true, inputKind: 'textarea' as const, buyer: null, missing: ['buyerName' as const, 'messages' as const] };
  render(<ServedTabBar served={{ state: 'chat', tab: { tabId: 7, windowId: 1, seenAt: 1, status } }} />);
  expect(screen.getByTestId('self-check')).toHaveTextContent('读不到：买家、消息');
  await userEvent.click(within(screen.getByTestId('self-check')).getByRole('button', { name: '教一次' }));
  await waitFor(() => expect(toTab).toEqual([{ tabId: 7, message: { type: 'chat/teach' } }]));
});
