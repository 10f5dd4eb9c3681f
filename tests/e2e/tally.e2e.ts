// 服务统计本 in Chromium: two panels counting at the same time never lose a count.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startHarness, type Harness } from './harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

it('two panels (two tabs) increment 100 times each concurrently → exactly 200', async () => {
  const [a, b] = await Promise.all([h.openPanel(), h.openPanel()]);
  for (const p of [a!, b!]) await p.click('.views [role="tab"]:has-text("统计")');
  const hammer = (page: typeof a) =>
    page!.evaluate(() => {
      const plus = document.querySelector<HTMLButtonElement>('button[aria-label="询单 +1"]')!;
      for (let i = 0; i < 100; i++) plus.click();
    });
  await Promise.all([hammer(a), hammer(b)]);
  await expect.poll(() => a!.textContent('[data-testid="tally-consults"]'), { timeout: 10_000 }).toBe('200');
  await expect.poll(() => b!.textContent('[data-testid="tally-consults"]'), { timeout: 10_000 }).toBe('200');
  await Promise.all([a!.close(), b!.close()]);
});

it('counts each buyer\'s first opened conversation of the day once, and 成交 +1 counts a sale for the open buyer', async () => {
  const panel = await h.openPanel();
  await panel.click('.views [role="tab"]:has-text("统计")');
  await panel.waitForTimeout(500); // let the counts load from the database
  const start = Number(await panel.textContent('[data-testid="tally-consults"]'));
  await panel.click('text=自动计询单');
  await expect.poll(() => panel.isChecked('label:has-text("自动计询单") input')).toBe(true);
  const demo = await h.openDemo('react'); // opens 小美 (b1001)
  // An agent reads each conversation for a moment before switching to the next one.
  for (const buyer of ['b1002', 'b1003', 'b1002' /* seen today already */]) {
    await demo.waitForTimeout(400);
    await demo.click(`[data-buyer-id="${buyer}"]`);
  }
  await demo.click('[data-role="reply-box"]');
  await expect.poll(() => panel.textContent('[data-testid="tally-consults"]'), { timeout: 10_000 }).toBe(String(start + 3));
  const served = await h.openPanel(await h.tabIdOf(demo));
  await served.click('button.sale:has-text("成交 +1")');
  await served.getByLabel('本单金额（可选）').press('Enter'); // no amount: the sale counts without one
  await expect.poll(() => served.textContent('[data-testid="notice"]')).toBe('已记一单成交：阿强_2019');
  await expect.poll(() => panel.textContent('[data-testid="tally-conversions"]')).toBe('1');
  await Promise.all([demo.close(), panel.close(), served.close()]);
});

it('a chase ladder shortened to seconds fires its first step as a notification, and 已付款 cancels the rest', async () => {
  const demo = await h.openDemo('react'); // 小美爱购物 (b1001)
  const panel = await h.openPanel(await h.tabIdOf(demo));
  await panel.click('button[aria-label="设置"]');
  await panel.fill('label:has-text("催付提醒") input', '0.05, 0.15'); // 3 s and 9 s instead of 15 min and 24 h
  await panel.click('form[aria-label="设置"] button[type="submit"]');
  await panel.click('.buyerbar__fold > summary'); // 跟进: 催付提醒 is in the buyer bar's fold
  await panel.click('.chase__start');
  await expect.poll(() => panel.textContent('[data-testid="notice"]')).toContain('已为 小美爱购物 设好催付提醒：3 秒 / 9 秒');
  // The background's alarm fires after 3 s: the step is due in the panel and a notification is up.
  await expect.poll(() => panel.textContent('.chase__list'), { timeout: 15_000 }).toContain('该催付了：小美爱购物（3 秒）');
  const notifications = () => panel.evaluate(async () => Object.keys(await chrome.notifications.getAll()));
  await expect.poll(notifications).toHaveLength(1);
  await panel.click('.chase__paid');
  await expect.poll(() => panel.textContent('[data-testid="notice"]')).toContain('小美爱购物 已付款，取消了 2 条催付提醒');
  await panel.waitForTimeout(8000); // past the second step's time
  expect(await notifications()).toHaveLength(1); // the second step never fired
  const states = await panel.evaluate(() =>
    new Promise<string[]>((resolve) => {
      const open = indexedDB.open('kefu-assistant');
      open.onsuccess = () => {
        const all = open.result.transaction('reminders').objectStore('reminders').getAll();
        all.onsuccess = () => resolve((all.result as { status: string }[]).map((r) => r.status).sort());
      };
    }),
  );
  expect(states).toEqual(['cancelled', 'cancelled']);
  expect(await panel.locator('.chase__start').count()).toBe(1);
  await Promise.all([demo.close(), panel.close()]);
});
