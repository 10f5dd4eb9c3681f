// @vitest-environment happy-dom
import { beforeEach, expect, it, vi } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DbProvider } from '../../components/shared/db-context';
import { TeamPanel } from '../../components/team/TeamPanel';
import { useTeam } from '../../components/team/use-team';
import { TeamTallyView } from '../../components/team/TeamTallyView';
import type { KefuDB } from '../../storage/db';
import { getTeamConfig, saveTeamConfig } from '../../storage/repositories/team';
import { addProblem } from '../../storage/repositories/notes';
import { SettingsSchema, type Note } from '../../scripts-library/shared/schema';
import type { TeamTally } from '../../scripts-library/team/team-config';
import { freshDbPerTest } from '../helpers/db';

const freshDb = freshDbPerTest('team');
let db: KefuDB;
beforeEach(() => {
  db = freshDb();
});

const TOKEN = `kft_${'A'.repeat(32)}`;
const answer = (status: number, body: unknown) => vi.fn(async () => ({ status, json: async () => body }) as unknown as Response);

function Harness({ fetcher, notify = vi.fn() }: { fetcher: typeof fetch; notify?: (t: string, tone: string) => void }) {
  const team = useTeam(notify);
  return <TeamPanel team={team} notify={notify} fetcher={fetcher} />;
}
const show = (fetcher: typeof fetch, notify = vi.fn()) => render(<DbProvider db={db}><Harness fetcher={fetcher} notify={notify} /></DbProvider>);

async function fill(address: string, token: string) {
  await userEvent.type(await screen.findByLabelText('服务器地址'), address);
  await userEvent.type(screen.getByLabelText('邀请码'), token);
  await userEvent.click(screen.getByRole('button', { name: '查看' }));
}

it('is off by default and says what would go to the server', async () => {
  show(answer(200, {}));
  expect(await screen.findByRole('button', { name: '查看' })).toBeInTheDocument();
  expect(screen.getByText(/个人短语、买家备注、催付提醒/)).toBeInTheDocument();
  expect(await getTeamConfig(db)).toBeUndefined();
});

it('shows team, role and agent from /whoami before joining, asks for that one origin, and joins', async () => {
  const fetcher = answer(200, { team: 'shop1', role: 'agent', agent: 'xiaomei' });
  const request = vi.spyOn(fakeBrowser.permissions, 'request').mockResolvedValue(true);
  const notify = vi.fn();
  show(fetcher, notify);
  await fill('ws://127.0.0.1:9', TOKEN);
  expect(fetcher).toHaveBeenCalledWith('http://127.0.0.1:9/whoami', expect.objectContaining({ headers: { Authorization: `Bearer ${TOKEN}` } }));
  expect(await screen.findByText('团队 shop1 · 客服 · xiaomei')).toBeInTheDocument();
  expect(await getTeamConfig(db)).toBeUndefined(); // nothing joined yet
  await userEvent.click(screen.getByRole('button', { name: '加入团队' }));
  expect(request).toHaveBeenCalledWith({ origins: ['http://127.0.0.1/*'] });
  await waitFor(async () => expect(await getTeamConfig(db)).toMatchObject({ team: 'shop1', role: 'agent', agent: 'xiaomei', server: 'http://127.0.0.1:9', token: TOKEN }));
  expect(await screen.findByText('已加入团队 shop1（客服 · xiaomei），服务器 127.0.0.1:9')).toBeInTheDocument();
  expect(screen.getByRole('status')).toHaveTextContent(/连接中|离线/);
  // the token is a settings row of this browser, not a field of the settings object anything else reads
  expect(Object.keys(SettingsSchema.shape)).not.toContain('team');
});

it('says clearly what is wrong: the address, the token, a token the server refuses, a server it cannot reach', async () => {
  const cases: [string, string, typeof fetch, RegExp][] = [
    ['ftp://x.com', TOKEN, answer(200, {}), /服务器地址不对/],
    ['ws://127.0.0.1:9', 'abc', answer(200, {}), /邀请码格式不对/],
    ['ws://127.0.0.1:9', TOKEN, answer(401, { error: 'unauthorized' }), /服务器不认这个邀请码/],
    ['ws://127.0.0.1:9', TOKEN, vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))) as unknown as typeof fetch, /连不上这个服务器/],
    ['https://example.com', TOKEN, answer(200, '<html>'), /不是客服助手的团队服务器/],
  ];
  for (const [address, token, fetcher, text] of cases) {
    const view = show(fetcher);
    await fill(address, token);
    expect(await screen.findByRole('alert')).toHaveTextContent(text);
    expect(screen.queryByRole('button', { name: '加入团队' })).toBeNull();
    view.unmount();
  }
  expect(await getTeamConfig(db)).toBeUndefined();
});

it('a refused permission joins nothing; leaving gives the permission back and keeps the local copy', async () => {
  vi.spyOn(fakeBrowser.permissions, 'request').mockResolvedValue(false);
  const view = show(answer(200, { team: 'shop1', role: 'lead', agent: 'zhang' }));
  await fill('ws://127.0.0.1:9', TOKEN);
  await userEvent.click(await screen.findByRole('button', { name: '加入团队' }));
  expect(await screen.findByRole('alert')).toHaveTextContent('没有得到访问 127.0.0.1:9 的权限，未加入');
  expect(await getTeamConfig(db)).toBeUndefined();
  view.unmount();

  await saveTeamConfig(db, { team: 'shop1', role: 'lead', agent: 'zhang', server: 'http://127.0.0.1:9', token: TOKEN, joinedAt: 1 });
  await addProblem(db, '团队里登记的问题', '');
  const remove = vi.spyOn(fakeBrowser.permissions, 'remove').mockResolvedValue(true);
  const notify = vi.fn();
  show(answer(200, {}), notify);
  expect(await screen.findByRole('button', { name: '把我的短语库发布到团队' })).toBeInTheDocument();
  await userEvent.click(screen.getByRole('button', { name: '离开团队' }));
  await waitFor(() => expect(remove).toHaveBeenCalledWith({ origins: ['http://127.0.0.1/*'] }));
  expect(await getTeamConfig(db)).toBeUndefined();
  expect(notify).toHaveBeenCalledWith('已离开团队；团队短语、笔记和统计的本地副本保留在本机', 'ok');
  expect((await db.notes.toArray()).map((n) => n.question)).toContain('团队里登记的问题');
  expect(await screen.findByRole('button', { name: '查看' })).toBeInTheDocument();
});

const row = (agent: string, device: string, day: string, shift: string, c: Partial<TeamTally>): TeamTally => ({
  id: `${agent}|${device}|${day}|${shift}`, agent, device, day, shift, consults: 0, autoConsults: 0, conversions: 0, amount: 0, pricedSales: 0, refunds: 0, badReviews: 0, responses: 0, responseMs: 0, firstResponses: 0, firstResponseMs: 0, fastResponses: 0, ...c,
});

it("统计 → 团队: per agent and shift, devices summed, sortable, by period, with the week's problem log", async () => {
  const settings = SettingsSchema.parse({});
  const rows = [
    row('xiaomei', 'd-aaaaaaaa', '2026-12-07', 'day', { consults: 10, conversions: 2, amount: 200, pricedSales: 2, responses: 4, responseMs: 4 * 30_000, fastResponses: 4, firstResponses: 2, firstResponseMs: 2 * 20_000 }),
    row('xiaomei', 'd-bbbbbbbb', '2026-12-07', 'day', { consults: 10, conversions: 2 }),
    row('aliang', 'd-cccccccc', '2026-12-07', 'night', { consults: 5, conversions: 3, refunds: 1, badReviews: 1 }),
    row('aliang', 'd-cccccccc', '2026-12-01', 'night', { consults: 100, conversions: 50 }),
  ];
  const problems: Note[] = [
    { id: 'problem|1', kind: 'problem', text: '', question: '能开专票吗', answer: '可以', createdAt: new Date(2026, 11, 7, 10).getTime(), updatedAt: 1 },
    { id: 'problem|2', kind: 'problem', text: '', question: '支持花呗吗', createdAt: new Date(2026, 11, 7, 11).getTime(), updatedAt: 1 },
    { id: 'problem|3', kind: 'problem', text: '', question: '上周的问题', createdAt: new Date(2026, 10, 20).getTime(), updatedAt: 1 },
  ];
  render(<TeamTallyView rows={rows} problems={problems} day="2026-12-07" settings={settings} />);
  const lines = () => screen.getAllByRole('row').slice(1).map((r) => within(r).getAllByRole('cell').map((c) => c.textContent));
  // today, by 成交 (most first): xiaomei's two devices are one line
  expect(lines()).toEqual([
    ['xiaomei', '白班', '20', '4', '20.0%', '¥100.00', '20s', '30s', '100.0%', '0', '0'],
    ['aliang', '晚班', '5', '3', '60.0%', '—', '—', '—', '—', '1', '1'],
  ]);
  await userEvent.click(screen.getByRole('button', { name: '转化率' }));
  expect(lines().map((l) => l[0])).toEqual(['aliang', 'xiaomei']);
  await userEvent.click(screen.getByRole('button', { name: '转化率' }));
  expect(lines().map((l) => l[0])).toEqual(['xiaomei', 'aliang']);
  await userEvent.click(screen.getByRole('tab', { name: '本月' }));
  expect(lines().find((l) => l[0] === 'aliang')!.slice(2, 4)).toEqual(['105', '53']);
  expect(screen.getByText('本周问题登记本：1 条待解答，1 条已解答')).toBeInTheDocument();
  expect(screen.getByText('能开专票吗 — 可以')).toBeInTheDocument();
  expect(screen.queryByText('上周的问题')).toBeNull();
});
