import { afterAll, beforeAll, expect, it } from 'vitest';
import { startHarness, type Harness } from './harness';
import { shadow } from './shadow';

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

it('the guard badge in English is one line, inside the window, and clear of the countdown pill', async () => {
  const demo = await h.openDemo('textarea'); // 小美 waits: the pill shows
  await demo.click('[data-role="reply-box"]');
  await demo.keyboard.type('有问题加我vx：kefu888，保证全网最低价');
  const badge = shadow(demo, 'kefu-guard', '[data-testid="guard-badge"]');
  await expect.poll(() => badge.textContent()).toBe('must fix 1rephrase 1hint 1');
  const rect = (el: Element) => {
    const r = el.getBoundingClientRect();
    return { left: r.left, top: r.top, right: r.right, bottom: r.bottom, height: r.height, width: document.documentElement.clientWidth };
  };
  const b = await badge.evaluate(rect);
  const pill = await shadow(demo, 'kefu-wait', '[role="timer"]').evaluate(rect);
  expect(b.height, JSON.stringify(b)).toBeLessThan(30); // one line: no count wrapped under its label
  expect(b.left >= 0 && b.right <= b.width, JSON.stringify(b)).toBe(true);
  const overlaps = b.left < pill.right && pill.left < b.right && b.top < pill.bottom && pill.top < b.bottom;
  expect(overlaps, JSON.stringify({ badge: b, pill })).toBe(false);
  await demo.close();
});
