// The chat loader and the agent the background injects after a console has loaded, in real Chromium.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXTENSION_DIR } from './browser.mjs';
import { STOCK, replyText, startHarness, type Harness } from './harness';
import { chatScriptStarts, shadow } from './shadow';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

describe('chat loader', () => {
  it('the agent starts only after the console has loaded, then serves the page', async () => {
    const demo = await h.openDemo('react');
    await expect.poll(async () => (await chatScriptStarts(demo)).length, { timeout: 10_000 }).toBe(1);
    const start = (await chatScriptStarts(demo))[0]!.at;
    const loaded = await demo.evaluate(() => (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).loadEventEnd);
    expect(loaded).toBeGreaterThan(0);
    expect(start).toBeGreaterThanOrEqual(loaded);
    const panel = await h.openPanel(await h.tabIdOf(demo));
    await expect.poll(() => panel.locator('[data-testid="served"]').textContent()).toContain('正在服务');
    await panel.close();
    await demo.close();
  });

  it('a console whose load never completes still gets its agent, a few seconds in', async () => {
    const page = await h.context.newPage();
    await page.goto(`${h.siteUrl}/stalled-load.html`, { waitUntil: 'domcontentloaded' });
    await expect.poll(async () => (await chatScriptStarts(page)).length, { timeout: 10_000 }).toBe(1);
    expect(await page.evaluate(() => document.readyState)).not.toBe('complete');
    await page.click('[data-role="reply-box"]');
    const panel = await h.openPanel(await h.tabIdOf(page));
    await panel.click('[data-phrase-id="stock-yes"]');
    await expect.poll(() => replyText(page)).toBe(STOCK);
    await Promise.all([panel.close(), page.close()]);
  });

  it('a draft typed before the agent started is checked as it starts: the badge shows and Enter is held, no keystroke needed', async () => {
    const page = await h.context.newPage();
    await page.goto(`${h.siteUrl}/stalled-load.html`, { waitUntil: 'domcontentloaded' });
    await page.click('[data-role="reply-box"]');
    await page.keyboard.type('有事加我vx');
    expect(await chatScriptStarts(page)).toHaveLength(0); // typed before the agent was there
    await expect.poll(async () => (await chatScriptStarts(page)).length, { timeout: 10_000 }).toBe(1);
    await expect.poll(() => shadow(page, 'kefu-guard', '[data-testid="guard-badge"]').textContent(), { timeout: 5_000 }).toBe('必改 1');
    await page.keyboard.press('Enter');
    await expect.poll(() => shadow(page, 'kefu-guard', '[role="dialog"]').textContent()).toContain('已暂停发送');
    expect(await replyText(page)).toBe('有事加我vx');
    await page.close();
  });

  it('an agent injected a second time into the same page does not wire itself twice', async () => {
    const demo = await h.openDemo('react');
    await expect.poll(async () => (await chatScriptStarts(demo)).length, { timeout: 10_000 }).toBe(1);
    const tabId = await h.tabIdOf(demo);
    const panel = await h.openPanel(tabId);
    await panel.evaluate((id) => chrome.scripting.executeScript({ target: { tabId: id }, files: ['/chat-script.js'] }), tabId);
    await demo.click('[data-role="reply-box"]');
    await demo.keyboard.type('亲，/yh');
    await expect.poll(() => shadow(demo, 'kefu-slash-picker', '[role="option"]').first().getAttribute('data-phrase-id')).toBe('stock-yes');
    expect(await demo.locator('kefu-slash-picker').count()).toBe(1);
    await demo.keyboard.press('Enter');
    await expect.poll(() => replyText(demo)).toBe(`亲，${STOCK}`);
    expect(await chatScriptStarts(demo)).toHaveLength(1);
    await panel.close();
    await demo.close();
  });

  // Last in this file: updating the extension closes its pages (the harness's helper among them).
  it('after an update the console already open keeps working without a reload', async () => {
    const demo = await h.openDemo('react');
    await expect.poll(async () => (await chatScriptStarts(demo)).length, { timeout: 10_000 }).toBe(1);
    const tabId = await h.tabIdOf(demo);
    // What an update does: the same unpacked extension loaded again (Chromium's DevTools protocol; a
    // runtime.reload() from the extension leaves a command-line-loaded extension switched off).
    const cdp = await h.context.browser()!.newBrowserCDPSession();
    expect(await cdp.send('Extensions.loadUnpacked', { path: EXTENSION_DIR })).toEqual({ id: h.extensionId });
    // The new version put a fresh agent into the open console (the old one can no longer reach the extension).
    await expect.poll(async () => (await chatScriptStarts(demo)).length, { timeout: 10_000 }).toBe(2);
    await demo.click('[data-role="reply-box"]');
    const panel = await h.openPanel(tabId);
    await expect.poll(() => panel.textContent('[data-testid="served"]')).toBe('正在服务：演示工作台 · 买家 小美爱购物');
    await panel.click('[data-phrase-id="stock-yes"]');
    await expect.poll(() => replyText(demo)).toBe(STOCK);
    // The old chat script was retired by the new one's "started" event (it is orphaned, so it takes it): one
    // badge, the new script's, not a second one failing closed because its extension is gone.
    await demo.click('[data-role="reply-box"]');
    await demo.keyboard.press('End');
    await demo.keyboard.type('加微信');
    await expect.poll(() => shadow(demo, 'kefu-guard', '[data-testid="guard-badge"]').textContent()).toContain('必改');
    await demo.waitForTimeout(500);
    expect(await demo.locator('kefu-guard').count()).toBe(1);
    await Promise.all([panel.close(), demo.close()]);
  });
});
