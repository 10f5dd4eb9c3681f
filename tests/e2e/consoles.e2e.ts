// The console adapters on evidence-shaped fixture pages (tests/fixtures/adapters/*.html), served over HTTPS under
// the consoles' real host names (tests/e2e/consoles/server.mjs) to the PRODUCTION build: its own match patterns
// decide where the extension runs. Each page behaves as tests/e2e/consoles/behaviour.ts says (拼多多's send
// ignores untrusted events, as the evidence reports of the live page).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { PRODUCTION_DIR } from './browser.mjs';
import { serveConsoles } from './consoles/server.mjs';
import { STOCK, startHarness, type Harness } from './harness';
import { chatScriptStarts, shadow } from './shadow';

let h: Harness;
let consoles: Awaited<ReturnType<typeof serveConsoles>>;
beforeAll(async () => {
  consoles = await serveConsoles();
  h = await startHarness({ extensionDir: PRODUCTION_DIR, args: consoles.args });
});
afterAll(async () => {
  await h?.close();
  await consoles?.close();
});

type Site = 'pinduoduo' | 'doudian' | 'jd' | 'kuaishou';
const BOX: Record<Site, string> = {
  pinduoduo: '#replyTextarea',
  doudian: '#im-input-box textarea',
  jd: '.EditorContent',
  kuaishou: '.SendBox .ql-editor',
};
const SEND: Record<Site, string> = {
  pinduoduo: '.reply-box .send-btn',
  doudian: '[data-qa-id="qa-send-message-button"]',
  jd: '.SendButtonGroup .send-button',
  kuaishou: '.SendBox-buttonRight .ant-btn-primary',
};

async function openConsole(site: Site | 'taobao', query = ''): Promise<Page> {
  const page = await h.context.newPage();
  await page.goto(consoles.url(site, query));
  await expect.poll(async () => (await chatScriptStarts(page)).length, { timeout: 10_000 }).toBeGreaterThan(0);
  return page;
}
const boxText = (page: Page, site: Site) =>
  page.$eval(BOX[site], (el) => (el instanceof HTMLTextAreaElement ? el.value : (el as HTMLElement).innerText).trim());
const sent = (page: Page) => page.evaluate(() => (window as unknown as { __consoleSent: string[] }).__consoleSent);
const timer = async (page: Page) => {
  const pill = shadow(page, 'kefu-wait', '[role="timer"]');
  return (await pill.count()) ? pill.textContent() : null;
};
const served = (panel: Page) => panel.textContent('[data-testid="served"]');
const note = async (page: Page) => {
  const n = shadow(page, 'kefu-send-note', '[role="status"]');
  return (await n.count()) ? n.textContent() : null;
};

/** Per console: the site's name in the panel, the open buyer, another conversation's row and its buyer. */
const CASES: [Site, string, string, string, string][] = [
  ['pinduoduo', '拼多多', '小***物', '.chat-item-box[data-random="6120-0-all"]', 'S*******n'],
  ['doudian', '抖店飞鸽', '抖音用户123', '[data-conversation="dy-5521"]', '抖音用户5521'],
  ['jd', '京东咚咚', 'jd_buyer_77', '.alluser-item[data-conversation="jd_wang2019"]', 'jd_wang2019'],
  ['kuaishou', '快手小店', '阿花的小店铺', '.SessionStarCard[data-conversation="33010"]', '快手用户_33010'],
];

describe('the consoles under their real host names (production build)', () => {
  it.each(CASES)('%s: buyer, countdown past system and robot rows, panel and "/" insertion, a send that stops it, a buyer switch', async (site, name, buyer, other, otherBuyer) => {
    const page = await openConsole(site);
    const panel = await h.openPanel(await h.tabIdOf(page));
    await expect.poll(() => served(panel)).toContain(`正在服务：${name} · 买家 ${buyer}`);
    // The buyer wrote last (system rows, the robot's reply, a notice card after it do not count): waiting since
    // before the page loaded, start unknown.
    await expect.poll(() => timer(page)).toBe('—');

    await page.click(BOX[site]);
    await panel.click('[data-phrase-id="stock-yes"]');
    await expect.poll(() => boxText(page, site)).toBe(STOCK);
    await page.bringToFront();
    await page.click(SEND[site]); // the agent's own click
    // The guard lets the click through once its check of the inserted text answered. When that check did not answer
    // in time (a cold service worker on a busy machine), the send is held and, on a console that ignores
    // script-made sends, handed back with a note at the box: the agent presses once more, as the note says.
    await expect.poll(async () => (await sent(page)).length > 0 || (await shadow(page, 'kefu-send-note', '[role="status"]').count()) > 0, { timeout: 5000 }).toBe(true);
    if (!(await sent(page)).length) await page.click(SEND[site]);
    await expect.poll(() => sent(page), { timeout: 5000 }).toEqual([STOCK]);
    await expect.poll(() => timer(page)).toBeNull(); // the agent's row is the last one now

    await page.evaluate(() => (window as unknown as { __consoleReceive(t: string): void }).__consoleReceive('今天能发货吗'));
    await expect.poll(() => timer(page)).toMatch(/^0:0\d$/); // a wait seen to start: a clock from 0:00
    await page.click(BOX[site]);
    await page.keyboard.type('/yh');
    await expect.poll(() => shadow(page, 'kefu-slash-picker', '[role="option"]').first().getAttribute('data-phrase-id')).toBe('stock-yes');
    await page.keyboard.press('Enter');
    await expect.poll(() => boxText(page, site)).toBe(STOCK);
    expect(await sent(page)).toEqual([STOCK]); // the picker's Enter picks, it does not send

    await page.click(other);
    await expect.poll(() => served(panel)).toContain(`买家 ${otherBuyer}`);
    await Promise.all([page.close(), panel.close()]);
  });

  it('淘宝: the web page is a chat-record search; the extension runs there and reports no reply box', async () => {
    const page = await openConsole('taobao');
    const panel = await h.openPanel(await h.tabIdOf(page));
    await expect.poll(() => served(panel)).toContain('未找到');
    await Promise.all([page.close(), panel.close()]);
  });
});

const BLOCKED = '好评返现5元';

/** Type a must-change draft and press 发送 (or Enter): the send is held; then 仍要发送. */
async function holdAndRelease(page: Page, site: Site, press: 'click' | 'Enter'): Promise<void> {
  await page.click(BOX[site]);
  await page.keyboard.type(BLOCKED);
  await expect.poll(() => shadow(page, 'kefu-guard', '[data-severity="block"]').count()).toBe(1);
  if (press === 'click') await page.click(SEND[site]);
  else await page.keyboard.press('Enter');
  await expect.poll(() => shadow(page, 'kefu-guard', '[role="dialog"]').textContent()).toContain('已暂停发送');
  await shadow(page, 'kefu-guard', 'button').filter({ hasText: '仍要发送' }).click();
}
const focusedIsBox = (page: Page, site: Site) => page.evaluate((sel) => !!document.activeElement?.closest(sel), BOX[site]);

describe('held sends, released and verified', () => {
  it.each(['click', 'Enter'] as const)('拼多多 (ignores script-made sends), %s: handed back at once; one real press sends', async (press) => {
    const page = await openConsole('pinduoduo');
    await holdAndRelease(page, 'pinduoduo', press);
    await expect.poll(() => note(page)).toBe('已放行，请再按一次发送');
    expect(await sent(page)).toEqual([]);
    expect(await boxText(page, 'pinduoduo')).toBe(BLOCKED); // nothing lost
    expect(await focusedIsBox(page, 'pinduoduo')).toBe(true);
    if (press === 'click') await page.click(SEND.pinduoduo);
    else await page.keyboard.press('Enter');
    await expect.poll(() => sent(page)).toEqual([BLOCKED]);
    expect(await note(page)).toBeNull();
    await page.close();
  });

  it.each(['doudian', 'kuaishou'] as const)('%s (takes the released click): sent, and seen to be sent — nothing more to do', async (site) => {
    const page = await openConsole(site);
    await holdAndRelease(page, site, 'click');
    await expect.poll(() => sent(page)).toEqual([BLOCKED]);
    await expect.poll(() => boxText(page, site)).toBe('');
    await page.waitForTimeout(1800); // past the watch: no note
    expect(await note(page)).toBeNull();
    await page.close();
  });

  it('a console that ignores the released click without the adapter knowing (咚咚 set so): the agent is told, and one real press sends', async () => {
    const page = await openConsole('jd', '?untrusted=ignored');
    await holdAndRelease(page, 'jd', 'click');
    await expect.poll(() => note(page), { timeout: 5000 }).toBe('没看到这条消息发出，请再按一次发送');
    expect(await sent(page)).toEqual([]);
    expect(await focusedIsBox(page, 'jd')).toBe(true);
    await page.click(SEND.jd);
    await expect.poll(() => sent(page)).toEqual([BLOCKED]);
    await page.close();
  });
});
