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
