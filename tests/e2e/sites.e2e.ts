// 其他网站 end to end: enable a console the extension does not know, use it there, remove it. Runs on the build
// whose only difference is that the test host is granted at install (wxt.config.ts, KEFU_BUILD=e2e-sites):
// Playwright cannot answer Chromium's permission prompt, and a request for a granted origin needs none.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { E2E_SITES_DIR } from './browser.mjs';
import { DEMO_SITE } from './build-fixtures.mjs';
import { serve } from './server.mjs';
import { STOCK, replyText, sentTexts, startHarness, type Harness } from './harness';
import { chatScriptStarts, shadow } from './shadow';

let h: Harness;
let other: { url: string; close(): Promise<void> };
beforeAll(async () => {
  h = await startHarness({ extensionDir: E2E_SITES_DIR });
  other = await serve(DEMO_SITE, 0, '127.0.0.3'); // the same console on a host the extension is not declared for
});
afterAll(async () => {
  await h?.close();
  await other?.close();
});

async function openConsole(): Promise<Page> {
  const page = await h.context.newPage();
  await page.goto(`${other.url}/index.html?editor=react`);
  await page.waitForSelector('[data-role="reply-box"]');
  return page;
}
/**
 * Whether the agent started in the page within `ms` of its load. It normally does within ≈ 0.2 s; a page where
 * it must not start is watched for 1.5 s, one where it must is given 10 s (a busy CI machine).
 */
const agentStarted = async (page: Page, ms = 1500) => {
  const until = Date.now() + ms;
  for (;;) {
    if ((await chatScriptStarts(page)).length > 0) return true;
    if (Date.now() > until) return false;
    await page.waitForTimeout(100);
  }
};

describe('其他网站', () => {
  it('enable → the console is served in generic mode, takes a phrase, holds a click on 发送; remove → it is not any more', async () => {
    const before = await openConsole();
    expect(await agentStarted(before)).toBe(false);

    const settings = await h.openPanel();
    await settings.click('button[aria-label="设置"]');
    const sites = settings.locator('form[aria-label="其他网站"]');
    await sites.getByLabel('网站地址').fill(`${other.url}/index.html`);
    await sites.getByRole('button', { name: '在此网站启用' }).click();
    await expect.poll(() => settings.textContent('[data-testid="notice"]')).toBe('已在 127.0.0.3 启用，刷新该页面即可使用');
    // The list follows the stored settings (a live query), a moment after the notice.
    await expect.poll(() => sites.locator('li span').allTextContents()).toEqual(['127.0.0.3']);
    await before.close();

    const page = await openConsole();
    expect(await agentStarted(page, 10_000)).toBe(true);
    await page.click('[data-role="reply-box"]');
    await page.keyboard.type('亲，');
    const panel = await h.openPanel(await h.tabIdOf(page));
    await expect.poll(() => panel.textContent('[data-testid="served"]')).toContain('正在服务：网页聊天'); // the generic adapter
    await panel.click('[data-phrase-id="stock-yes"]');
    await expect.poll(() => replyText(page)).toBe(`亲，${STOCK}`);
    await page.click('[data-role="send"]');
    await expect.poll(() => sentTexts(page)).toEqual([`亲，${STOCK}`]);
    // No adapter names this console's send button: the generic rule finds it by its 发送 label, so a click on it
    // is held like Enter when the draft must change.
    await page.click('[data-role="reply-box"]');
    await page.keyboard.type('好评返现5元');
    await expect.poll(() => shadow(page, 'kefu-guard', '[data-testid="guard-badge"]').count()).toBe(1);
    await page.click('[data-role="send"]');
    await expect.poll(() => shadow(page, 'kefu-guard', '[role="dialog"]').textContent()).toContain('已暂停发送');
    expect(await sentTexts(page)).toEqual([`亲，${STOCK}`]);
    await Promise.all([page.close(), panel.close()]);

    await sites.getByRole('button', { name: '移除 127.0.0.3' }).click();
    await expect.poll(() => sites.locator('li').count()).toBe(0);
    // The test host's access is part of this build's manifest, so it stays (a real site's would be given back).
    expect(await settings.textContent('[data-testid="notice"]')).toBe('已移除 127.0.0.3（该网站的访问权限随扩展安装，仍保留）');
    const after = await openConsole();
    expect(await agentStarted(after)).toBe(false);
    await Promise.all([after.close(), settings.close()]);
  });
});
