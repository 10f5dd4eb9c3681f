// @vitest-environment happy-dom
import { beforeEach, expect, it, vi } from 'vitest';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DbProvider } from '../../components/shared/db-context';
import { SitesPanel } from '../../components/settings/SitesPanel';
import type { KefuDB } from '../../storage/db';
import { getSettings } from '../../storage/repositories/settings';
import { freshDbPerTest } from '../helpers/db';

const freshDb = freshDbPerTest('sites');
let db: KefuDB;
let sent: unknown[];
beforeEach(() => {
  db = freshDb();
  sent = [];
  vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation(async (m: unknown) => {
    sent.push(m);
    return { ok: true };
  });
});

it('asks for that one site\'s permission, then enables it; 移除 gives the permission back', async () => {
  const request = vi.spyOn(fakeBrowser.permissions, 'request').mockResolvedValue(true);
  const remove = vi.spyOn(fakeBrowser.permissions, 'remove').mockResolvedValue(true);
  const notify = vi.fn();
  render(<DbProvider db={db}><SitesPanel notify={notify} /></DbProvider>);
  await userEvent.type(screen.getByLabelText('网站地址'), 'https://im.kwaixiaodian.com/workbench');
  await userEvent.click(screen.getByRole('button', { name: '在此网站启用' }));
  expect(request).toHaveBeenCalledWith({ origins: ['https://im.kwaixiaodian.com/*'] });
  await waitFor(() => expect(notify).toHaveBeenCalledWith('已在 im.kwaixiaodian.com 启用，刷新该页面即可使用', 'ok'));
  expect(sent).toContainEqual({ type: 'sites/enable', pattern: 'https://im.kwaixiaodian.com/*' });
  expect((await getSettings(db)).enabledSites).toEqual(['https://im.kwaixiaodian.com/*']);
  expect(await screen.findByText('im.kwaixiaodian.com')).toBeInTheDocument();

  await userEvent.click(screen.getByRole('button', { name: '移除 im.kwaixiaodian.com' }));
  await waitFor(async () => expect((await getSettings(db)).enabledSites).toEqual([]));
  expect(remove).toHaveBeenCalledWith({ origins: ['https://im.kwaixiaodian.com/*'] });
  expect(sent).toContainEqual({ type: 'sites/disable', pattern: 'https://im.kwaixiaodian.com/*' });
  expect(notify).toHaveBeenLastCalledWith('已移除 im.kwaixiaodian.com，并收回了访问权限', 'ok');
});

it('removing a site whose access came with the extension says the access stays', async () => {
  vi.spyOn(fakeBrowser.permissions, 'request').mockResolvedValue(true);
  vi.spyOn(fakeBrowser.permissions, 'remove').mockRejectedValue(new Error('You cannot remove required permissions.'));
  const notify = vi.fn();
  render(<DbProvider db={db}><SitesPanel notify={notify} /></DbProvider>);
  await userEvent.type(screen.getByLabelText('网站地址'), 'dongdong.jd.com');
  await userEvent.click(screen.getByRole('button', { name: '在此网站启用' }));
  await userEvent.click(await screen.findByRole('button', { name: '移除 dongdong.jd.com' }));
  await waitFor(() => expect(notify).toHaveBeenLastCalledWith('已移除 dongdong.jd.com（该网站的访问权限随扩展安装，仍保留）', 'ok'));
  expect((await getSettings(db)).enabledSites).toEqual([]);
});

it('a refused permission or a bad address enables nothing and says why', async () => {
  vi.spyOn(fakeBrowser.permissions, 'request').mockResolvedValue(false);
  render(<DbProvider db={db}><SitesPanel notify={vi.fn()} /></DbProvider>);
  await userEvent.type(screen.getByLabelText('网站地址'), 'ftp://x');
  await userEvent.click(screen.getByRole('button', { name: '在此网站启用' }));
  expect(await screen.findByRole('alert')).toHaveTextContent('请输入网址');
  await userEvent.clear(screen.getByLabelText('网站地址'));
  await userEvent.type(screen.getByLabelText('网站地址'), 'shop.example.com');
  await userEvent.click(screen.getByRole('button', { name: '在此网站启用' }));
  await waitFor(() => expect(screen.getByRole('alert')).toHaveTextContent('未获得访问 shop.example.com 的权限，未启用'));
  expect(sent).toEqual([]);
  expect((await getSettings(db)).enabledSites).toEqual([]);
});
