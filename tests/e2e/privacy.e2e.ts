// What the extension promises about privacy, checked in Chromium across the demo flows: no network request
// beyond the local fixture console, and nothing posted to the page that names the extension.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Request } from 'playwright-core';
import { replyText, STOCK, startHarness, type Harness } from './harness';
import { shadow } from './shadow';

// Service-worker requests (the background) are reported to Playwright only with this switch.
process.env.PW_EXPERIMENTAL_SERVICE_WORKER_NETWORK_EVENTS = '1';

let h: Harness;
const requests: string[] = [];
beforeAll(async () => {
  h = await startHarness();
  h.context.on('request', (r: Request) => requests.push(r.url()));
  // Every window message a console page receives, from the first script on.
  await h.context.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __kefuSeen: string[] }).__kefuSeen = seen;
    window.addEventListener('message', (e) => seen.push(JSON.stringify(e.data) ?? String(e.data)), true);
  });
});
afterAll(async () => {
  await h?.close();
});

describe('privacy', () => {
  it('the demo flows make no request beyond the fixture console and the extension itself, and post nothing naming the extension', async () => {
    const demo = await h.openDemo('react');
    await demo.click('[data-role="reply-box"]');
    const panel = await h.openPanel(await h.tabIdOf(demo));
    // Insert from the panel, pick with "/", trip the guard, count with Alt+X, check a phrase search.
    await panel.click('[data-phrase-id="stock-yes"]');
    await expect.poll(() => replyText(demo)).toBe(STOCK);
    await demo.click('[data-role="reply-box"]');
    await demo.keyboard.press('End');
    await demo.keyboard.type(' /kd');
    await expect.poll(() => shadow(demo, 'kefu-slash-picker', '[role="option"]').count()).toBeGreaterThan(0);
    await demo.keyboard.press('Enter');
    await demo.keyboard.type('加我微信');
    await expect.poll(() => shadow(demo, 'kefu-guard', '[data-testid="guard-badge"]').textContent()).toContain('必改');
    await demo.keyboard.press('Alt+KeyX');
    await expect.poll(() => demo.locator('kefu-toast').count()).toBe(1);
    await panel.fill('input[type="search"]', 'fhsj');
    await expect.poll(() => panel.locator('[data-phrase-id]').count()).toBeGreaterThan(0);
    await panel.click('[role="tab"]:has-text("统计")');
    await panel.click('[role="tab"]:has-text("笔记")');

    const allowed = [new URL(h.siteUrl).origin, `chrome-extension://${h.extensionId}`];
    const elsewhere = requests.filter((u) => !allowed.some((a) => u.startsWith(a)) && !/^(data|blob|about):/.test(u));
    expect(elsewhere).toEqual([]);
    expect(requests.some((u) => u.startsWith(new URL(h.siteUrl).origin))).toBe(true); // the log does record requests

    const seen = await demo.evaluate(() => (window as unknown as { __kefuSeen: string[] }).__kefuSeen);
    expect(seen.filter((m) => m.includes(h.extensionId) || /wxt|kefu/i.test(m))).toEqual([]);
    await Promise.all([demo.close(), panel.close()]);
  });
});
