import { afterAll, beforeAll, expect, it } from 'vitest';
import { startHarness, type Harness } from './harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ lang: 'en' });
});
afterAll(async () => {
  await h?.close();
});

it('speaks English in an English browser', async () => {
  const demo = await h.openDemo();
  await demo.click('[data-role="reply-box"]');
  const panel = await h.openPanel(await h.tabIdOf(demo));
  expect(await panel.textContent('h1')).toBe('Kefu Assistant');
  await expect.poll(() => panel.textContent('[data-testid="served"]')).toBe('Serving: Demo console · buyer 小美爱购物');
  expect(await panel.getAttribute('input[type="search"]', 'placeholder')).toBe('Search phrases, codes or tags');
});
