// Teach by pointing and the self-check (#33 items 5, 6) in real Chromium. An unknown console
// (tests/fixtures/teach/unknown.html: no ids, no data attributes, every class renamed on each load) is served over
// HTTPS under a host no adapter knows (tests/e2e/consoles/server.mjs), enabled in ⚙ → 其他网站 on the build that has
// that host granted at install (KEFU_BUILD=e2e-sites: Playwright cannot answer the permission prompt), taught by the
// agent's own (trusted) clicks, reloaded — and then read by what it was taught.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { E2E_SITES_DIR } from './browser.mjs';
import { serveConsoles } from './consoles/server.mjs';
import { startHarness, type Harness } from './harness';
import { chatScriptStarts, shadow } from './shadow';

let h: Harness;
let consoles: Awaited<ReturnType<typeof serveConsoles>>;
beforeAll(async () => {
  consoles = await serveConsoles();
  h = await startHarness({ extensionDir: E2E_SITES_DIR, args: consoles.args });
});
afterAll(async () => {
  await h?.close();
  await consoles?.close();
});

const started = (page: Page) => expect.poll(async () => (await chatScriptStarts(page)).length, { timeout: 10_000 }).toBeGreaterThan(0);
const classes = (page: Page) => page.$eval('textarea', (el) => el.className);
const sent = (page: Page) => page.evaluate(() => (window as unknown as { __consoleSent: string[] }).__consoleSent);
const step = async (page: Page) => {
  const bar = shadow(page, 'kefu-teach', '[role="status"]');
  return (await bar.count()) ? bar.textContent() : null;
};
const timer = async (page: Page) => {
  const pill = shadow(page, 'kefu-wait', '[role="timer"]');
  return (await pill.count()) ? pill.textContent() : null;
};
/** The agent's own click (trusted) at the middle of what `selector` finds; the pointing layer lies over the page. */
async function point(page: Page, selector: string): Promise<void> {
  const box = (await page.locator(selector).first().boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
}

describe('教一次', () => {
  it('an unknown console with hashed classes: taught by pointing, then after a reload the buyer, the countdown and a held send work', async () => {
    const settings = await h.openPanel();
    await settings.click('button[aria-label="设置"]');
    const sites = settings.locator('form[aria-label="其他网站"]');
    await sites.getByLabel('网站地址').fill(consoles.url('unknown'));
    await sites.getByRole('button', { name: '在此网站启用' }).click();
    await expect.poll(() => sites.locator('li span').allTextContents()).toEqual(['kefu.unknown-shop.test']);

    const page = await h.context.newPage();
    await page.goto(consoles.url('unknown'));
    await started(page);
    const before = await classes(page);
    await sites.getByRole('button', { name: '教一次 kefu.unknown-shop.test' }).click();
    await page.bringToFront();
    await expect.poll(() => step(page)).toContain('第 1/4 步：点一下回复框');

    // A page-made click is not the agent's: it answers no step (and reaches nothing).
    await page.evaluate(() => document.querySelector('textarea')!.click());
    await point(page, 'textarea');
    await expect.poll(() => step(page)).toContain('第 2/4 步：点一下发送按钮');
    await point(page, 'text=发 送');
    await expect.poll(() => step(page)).toContain('第 3/4 步：点一下买家名字');
    expect(await sent(page)).toEqual([]); // the click on 发 送 went to the pointing layer, not the page
    await point(page, 'header b');
    await expect.poll(() => step(page)).toContain('第 4/4 步：点一条买家消息');
    await point(page, 'text=这件有货吗');
    await expect.poll(() => step(page)).toBe('已学会。买家：小红 · 最后一条（买家）：这件有货吗');

    await page.reload();
    await started(page);
    expect(await classes(page)).not.toBe(before); // every class renamed
    const panel = await h.openPanel(await h.tabIdOf(page));
    await expect.poll(() => panel.textContent('[data-testid="served"]')).toContain('正在服务：网页聊天（已教） · 买家 小红');
    await expect.poll(() => timer(page)).toBe('—'); // the buyer wrote last (the system row does not count)

    // The guard holds a must-change draft at the taught 发 送; 仍要发送 releases it and the send is seen to go.
    await page.bringToFront();
    await page.click('textarea');
    await page.keyboard.type('好评返现5元');
    await expect.poll(() => shadow(page, 'kefu-guard', '[data-severity="block"]').count()).toBe(1);
    await page.click('text=发 送');
    await expect.poll(() => shadow(page, 'kefu-guard', '[role="dialog"]').textContent()).toContain('已暂停发送');
    expect(await sent(page)).toEqual([]);
    await shadow(page, 'kefu-guard', 'button').filter({ hasText: '仍要发送' }).click();
    await expect.poll(() => sent(page)).toEqual(['好评返现5元']);
    await expect.poll(() => timer(page)).toBeNull(); // the agent's row is the last one now

    await page.evaluate(() => (window as unknown as { __consoleReceive(t: string): void }).__consoleReceive('今天能发货吗'));
    await expect.poll(() => timer(page)).toMatch(/^0:0\d$/); // a buyer message starts the countdown

    await settings.bringToFront();
    await sites.getByRole('button', { name: '检查 kefu.unknown-shop.test' }).click();
    const check = settings.getByRole('group', { name: 'kefu.unknown-shop.test 现在读到的内容' });
    await expect.poll(() => check.textContent()).toContain('最后一条（买家）今天能发货吗');
    await Promise.all([page.close(), panel.close(), settings.close()]);
  });
});

describe('the self-check', () => {
  it('a known console whose reply box is gone: after 20 s the panel names the field and offers 教一次', async () => {
    const page = await h.context.newPage();
    await page.goto(consoles.url('doudian'));
    await started(page);
    const panel = await h.openPanel(await h.tabIdOf(page));
    await expect.poll(() => panel.textContent('[data-testid="served"]')).toContain('抖店飞鸽');
    await page.bringToFront();
    await page.evaluate(() => document.querySelector('#im-input-box textarea')!.remove());
    await expect.poll(() => panel.textContent('[data-testid="self-check"]'), { timeout: 35_000, interval: 1000 }).toContain('读不到：回复框');
    await Promise.all([page.close(), panel.close()]);
  }, 60_000);
});
