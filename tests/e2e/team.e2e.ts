// Team mode end to end (#35's done-when): the real team server (server/, file persistence in a temp dir, tokens
// issued by its admin module) on 127.0.0.1, and the built e2e extension in three Chromium profiles — the lead, a
// day-shift agent and the night shift (its own clock: TZ puts it in 晚班 while the others are in 白班). Everything is
// done and read in the side panel as the agents do it: joining through ⚙ → 团队 (the optional host permission for
// the server's origin is asked; the e2e build holds http://127.0.0.1/* from install, so Chromium answers without a
// prompt Playwright could not click, as in sites.e2e.ts), the lead's phrase edit, the tally, a handover, an agent's
// edit of a team phrase, and an outsider's token.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { launchWithExtension } from './browser.mjs';
import { issueToken, revokeToken, startServer, type RunningServer } from '../../server/index.mjs';
import { connect } from '../../server/test/helpers';

/** A fixed-offset zone whose local time is `hour`:mm now (Etc/GMT-N is UTC+N). */
function zoneAt(hour: number): string {
  let offset = (hour - new Date().getUTCHours() + 48) % 24;
  if (offset > 14) offset -= 24;
  return offset === 0 ? 'Etc/GMT' : offset > 0 ? `Etc/GMT-${offset}` : `Etc/GMT+${-offset}`;
}
const DAY_ZONE = zoneAt(12); // 白班 09:00–17:30
const NIGHT_ZONE = zoneAt(20); // 晚班 17:30–22:30

interface Seat {
  context: BrowserContext;
  extensionId: string;
  panel: Page;
}

let server: RunningServer;
let dataDir: string;
const tokens: Record<'lead' | 'agent' | 'night' | 'outsider', string> = { lead: '', agent: '', night: '', outsider: '' };
/** Uncaught errors in the panels (none expected). */
const errors: string[] = [];
let lead: Seat;
let agent: Seat;
let night: Seat;

async function seat(zone: string): Promise<Seat> {
  const { context, extensionId } = await launchWithExtension({ env: { TZ: zone } });
  context.setDefaultTimeout(15_000);
  const panel = await context.newPage();
  panel.on('pageerror', (e) => errors.push(`${zone}: ${e.message}`));
  await panel.goto(`chrome-extension://${extensionId}/sidepanel.html`);
  await panel.waitForSelector('[data-phrase-id]');
  // A new seat: the agent answers the first-run card (以后再说), which sits over the panel's foot until then.
  const card = panel.locator('form.onboarding');
  await card.waitFor({ state: 'visible', timeout: 5000 }).catch(() => {});
  if (await card.count()) {
    await card.locator('button[type="button"]').click();
    await card.waitFor({ state: 'detached' });
  }
  return { context, extensionId, panel };
}

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'kefu-team-e2e-'));
  tokens.lead = issueToken(dataDir, { team: 'shop1', role: 'lead', agent: 'zhang' }).token;
  tokens.agent = issueToken(dataDir, { team: 'shop1', role: 'agent', agent: 'xiaomei' }).token;
  tokens.night = issueToken(dataDir, { team: 'shop1', role: 'agent', agent: 'aliang' }).token;
  // An outsider: someone whose invite the lead took back (or who made one up) — the server does not know it.
  tokens.outsider = issueToken(dataDir, { team: 'shop1', role: 'agent', agent: 'left-the-shop' }).token;
  revokeToken(dataDir, tokens.outsider.slice(0, 12));
  server = await startServer({ dataDir, quiet: true, debounce: 200 });
  [lead, agent, night] = await Promise.all([seat(DAY_ZONE), seat(DAY_ZONE), seat(NIGHT_ZONE)]);
});
afterAll(async () => {
  await Promise.all([lead, agent, night].map((s) => s?.context.close()));
  await server?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

/** Each wait on the server or the database (a loaded 2-core CI machine); expect.poll's own default is 1 s. */
const WAIT = { timeout: 10_000 };
const teamForm = (p: Page) => p.locator('form[aria-label="团队"]');
const notice = (p: Page) => p.textContent('[data-testid="notice"]');

/** ⚙ → 团队: the address and the invite, 查看 (the server says who it is), then 加入团队. */
async function joinTeam(s: Seat, token: string, who: string) {
  const p = s.panel;
  if (!(await teamForm(p).count())) await p.click('button[aria-label="设置"]');
  await teamForm(p).getByLabel('服务器地址').fill(server.httpUrl);
  await teamForm(p).getByLabel('邀请码').fill(token);
  await teamForm(p).getByRole('button', { name: '查看' }).click();
  await expect.poll(() => teamForm(p).locator('[role="status"]').textContent(), WAIT).toBe(`团队 shop1 · ${who}`);
  await teamForm(p).getByRole('button', { name: '加入团队' }).click();
  await expect.poll(() => notice(p), WAIT).toBe(`已加入团队 shop1（${who.replace(' · ', ' · ')}），服务器 127.0.0.1:${server.port}`);
  await expect.poll(() => p.locator('section[aria-label="团队"] [role="status"]').textContent(), { message: `${who} online`, timeout: 10_000 }).toBe('已连接');
  await p.click('button[aria-label="设置"]'); // close the settings
}

/** The phrase list searched for `title`: the rows' text (title, tag and body as shown). */
async function rowsFor(p: Page, title: string): Promise<string> {
  await p.fill('input[type="search"]', title);
  return (await p.locator(`[role="option"]:has-text("${title}")`).allTextContents()).join('\n');
}

describe('team mode through one real server, three browsers', () => {
  it("an outsider's token reads nothing: the join is refused with the reason, no team row arrives", async () => {
    const p = night.panel;
    await p.click('button[aria-label="设置"]');
    await teamForm(p).getByLabel('服务器地址').fill(server.httpUrl);
    await teamForm(p).getByLabel('邀请码').fill(tokens.outsider);
    await teamForm(p).getByRole('button', { name: '查看' }).click();
    await expect.poll(() => teamForm(p).locator('[role="alert"]').textContent(), WAIT).toBe('服务器不认这个邀请码（可能输错、已被收回或属于别的团队），请向组长要新的');
    expect(await teamForm(p).getByRole('button', { name: '加入团队' }).count()).toBe(0);
    expect(await p.locator('.phrase__pack:text-is("团队")').count()).toBe(0);
  });

  it("the lead's edited phrase reaches the agent; the agent's edit of it stays theirs and the lead's wording stays the team's", async () => {
    await Promise.all([joinTeam(lead, tokens.lead, '组长 · zhang'), joinTeam(agent, tokens.agent, '客服 · xiaomei'), joinTeam(night, tokens.night, '客服 · aliang')]);
    const l = lead.panel;
    await l.click('button[aria-label="设置"]');
    await l.getByRole('button', { name: '把我的短语库发布到团队' }).click();
    await expect.poll(() => notice(l), WAIT).toMatch(/^已发布 \d+ 条短语到团队$/);
    await l.click('button[aria-label="设置"]');

    // The lead rewords 有货 in the editor.
    const leads = '亲，这款有现货，今天16点前拍下今天就发出哦';
    await l.click('button:has-text("管理")');
    await l.fill('input[type="search"]', '有货');
    await l.click('[aria-label="有货"] button:has-text("编辑")');
    await l.fill('form[aria-label="编辑短语"] textarea', leads);
    await l.click('form[aria-label="编辑短语"] button:has-text("保存")');
    await expect.poll(() => notice(l), WAIT).toBe('已保存：有货');

    const a = agent.panel;
    await expect.poll(() => rowsFor(a, '有货'), { timeout: 10_000 }).toContain(leads);

    // The agent tries to change it (a 团队 row): told why, kept as 团队 · 已改 here, the team's wording unchanged.
    await a.click('button:has-text("管理")');
    expect(await rowsFor(a, '有货')).toMatch(/^1有货编码 yh团队亲，这款有现货/);
    await a.fill('input[type="search"]', '有货');
    await a.click('[aria-label="有货"] button:has-text("编辑")');
    await a.fill('form[aria-label="编辑短语"] textarea', '亲，有货的，随时可以拍');
    await a.click('form[aria-label="编辑短语"] button:has-text("保存")');
    await expect.poll(() => notice(a), WAIT).toBe('团队短语只有组长能改，已保留为你的本地修改');
    await expect.poll(() => rowsFor(a, '有货'), WAIT).toContain('团队 · 已改');
    await a.click('button[aria-pressed="true"]:has-text("完成")');

    // Had the agent's browser sent it anyway (a forged write with its token), the server refuses it out loud.
    const forged = connect(server.url, 'shop1/library', tokens.agent);
    await forged.ready;
    forged.doc.getMap('phrases').set('stock-yes', { stageId: 'stock', title: '有货', body: '亲，有货的，随时可以拍', tags: [] });
    await expect.poll(() => forged.stateless.map((m) => JSON.parse(m) as unknown), WAIT).toEqual([{ type: 'refused', document: 'shop1/library', reason: 'read-only' }]);
    forged.close();
  });

  it("the agent's tally shows in the lead's 统计 → 团队 table", async () => {
    const a = agent.panel;
    await a.click('.views [role="tab"]:has-text("统计")');
    for (let i = 0; i < 3; i++) await a.click('button[aria-label="询单 +1"]');
    await a.getByLabel('本单金额（可选）').fill('128');
    await a.getByRole('button', { name: '记一单成交' }).click();
    await expect.poll(() => a.textContent('[data-testid="tally-consults"]'), WAIT).toBe('3');

    const l = lead.panel;
    await l.click('button[aria-pressed="true"]:has-text("完成")').catch(() => {});
    await l.click('.views [role="tab"]:has-text("统计")');
    await l.click('[aria-label="统计"] [role="tab"]:has-text("团队")');
    const row = l.locator('section[aria-label="团队"] tbody tr:has-text("xiaomei")');
    await expect.poll(() => row.locator('td').allTextContents(), { timeout: 10_000 }).toEqual(expect.arrayContaining(['xiaomei', '白班', '3', '1', '33.3%', '¥128.00']));

    // By now the agent's edit of 有货 would have reached the lead, had the server taken it: the lead's wording stands.
    await l.click('.views [role="tab"]:has-text("短语")');
    expect(await rowsFor(l, '有货')).toContain('亲，这款有现货，今天16点前拍下今天就发出哦');
    expect(await rowsFor(l, '有货')).not.toContain('随时可以拍');
  });

  it("a team phrase and a team rule the lead deletes leave the seats; the agent's edited copy of the phrase stays, as the agent's own", async () => {
    const l = lead.panel;
    await l.click('button:has-text("管理")');
    await l.fill('input[type="search"]', '有货');
    await l.click('[aria-label="有货"] button:has-text("删除")');
    await expect.poll(() => notice(l), WAIT).toContain('已删除：有货');
    await l.click('button[aria-pressed="true"]:has-text("完成")');
    await expect.poll(() => rowsFor(night.panel, '有货'), { timeout: 10_000 }).not.toContain('亲，这款有现货，今天16点前拍下今天就发出哦');
    const a = agent.panel;
    await a.click('.views [role="tab"]:has-text("短语")');
    await expect.poll(() => rowsFor(a, '有货'), { timeout: 10_000 }).not.toContain('团队');
    expect(await rowsFor(a, '有货')).toContain('亲，有货的，随时可以拍');

    // A team rule (the default rules were published with the library) deleted by the lead leaves the agent's rules.
    const ruleRows = async (p: Page) => {
      await p.fill('input[type="search"][aria-label="搜索规则词"]', '加微信');
      return p.locator('li.rule-row').count();
    };
    for (const p of [l, a]) await p.click('.views [role="tab"]:has-text("规则")');
    const before = await ruleRows(a);
    expect(await ruleRows(l)).toBe(before);
    await l.locator('li.rule-row').first().getByRole('button', { name: '编辑' }).click();
    await l.locator('form[aria-label="编辑规则"]').getByRole('button', { name: '删除' }).click();
    await expect.poll(() => notice(l), WAIT).toMatch(/^已删除：/);
    await expect.poll(() => ruleRows(a), { timeout: 10_000 }).toBe(before - 1);
    for (const p of [l, a]) await p.click('.views [role="tab"]:has-text("短语")');
  });

  it('a handover written by the day shift shows at the night shift as 有 1 条未读交接 within seconds', async () => {
    const a = agent.panel;
    await a.click('.views [role="tab"]:has-text("笔记")');
    await a.click('[role="tab"]:has-text("交接记录本")');
    await a.getByLabel('进行中的买家').fill('小美：退款审核中，晚班请跟进');
    const t0 = Date.now();
    await a.getByRole('button', { name: '提交交接' }).click();
    await expect.poll(() => night.panel.locator('button.unread').textContent(), { timeout: 10_000 }).toBe('有 1 条未读交接');
    expect(Date.now() - t0).toBeLessThan(5_000);
    await night.panel.click('button.unread');
    await expect.poll(() => night.panel.locator('[data-testid="handover"]').first().textContent(), WAIT).toContain('小美：退款审核中，晚班请跟进');
    expect(errors).toEqual([]);
  });
});
