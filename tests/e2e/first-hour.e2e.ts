// What a new agent hits in the first hour, checked in real Chromium with the built extension: per-buyer order
// values, a search that matches nothing, import counts, readable titles, a pinned search box, tally hotkeys.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { replyText, sentTexts, startHarness, type Harness } from './harness';
import { shadow } from './shadow';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

const pickerForm = (page: Page) => shadow(page, 'kefu-slash-picker', 'form');

describe("one buyer's order values never reach another", () => {
  it('"/dh" for a second buyer asks again: no tracking number prefilled, the courier only suggested', async () => {
    const demo = await h.openDemo('react');
    await demo.click('[data-role="reply-box"]');
    await demo.keyboard.type('/dh');
    await expect.poll(() => shadow(demo, 'kefu-slash-picker', '[role="option"]').first().getAttribute('data-phrase-id')).toBe('logistics-tracking-result');
    await demo.keyboard.press('Enter');
    await pickerForm(demo).locator('input[name="快递公司"]').fill('顺丰');
    await pickerForm(demo).locator('input[name="运单号"]').fill('SF1234567890');
    await pickerForm(demo).locator('input[name="运单号"]').press('Enter');
    await expect.poll(() => replyText(demo)).toContain('SF1234567890');
    await demo.click('[data-role="send"]');
    await expect.poll(() => sentTexts(demo)).toHaveLength(1);

    await demo.click('[data-buyer-id="b1002"]');
    await demo.click('[data-role="reply-box"]');
    await demo.keyboard.type('/dh');
    await expect.poll(() => shadow(demo, 'kefu-slash-picker', '[role="option"]').first().getAttribute('data-phrase-id')).toBe('logistics-tracking-result');
    await demo.keyboard.press('Enter');
    await expect.poll(() => pickerForm(demo).locator('input[name="快递公司"]').inputValue()).toBe('顺丰');
    expect(await pickerForm(demo).locator('input[name="运单号"]').inputValue()).toBe('');
    expect(await replyText(demo)).not.toContain('SF1234567890');

    // The side panel asks the same way for this buyer.
    await demo.keyboard.press('Escape');
    const panel = await h.openPanel(await h.tabIdOf(demo));
    await panel.click('[data-phrase-id="logistics-tracking-result"]');
    const form = panel.getByRole('dialog', { name: '请填写短语中的空白' });
    await expect.poll(() => form.getByLabel('运单号').inputValue()).toBe('');
    expect(await replyText(demo)).not.toContain('SF1234567890');
    await Promise.all([demo.close(), panel.close()]);
  });
});

describe('a search that matches nothing inserts nothing', () => {
  it('"/qwerty" + Enter: the picker shows nothing to pick and the Enter goes to the console as typed', async () => {
    const demo = await h.openDemo('react');
    await demo.click('[data-role="reply-box"]');
    await demo.keyboard.type('/qwerty');
    await expect.poll(() => shadow(demo, 'kefu-slash-picker', '.empty').count()).toBe(1);
    await demo.keyboard.press('Enter');
    await expect.poll(() => sentTexts(demo)).toEqual(['/qwerty']);
    await demo.close();
  });

  it('the panel says no phrase matched and Enter leaves the reply box alone', async () => {
    const demo = await h.openDemo('react');
    await demo.click('[data-role="reply-box"]');
    const panel = await h.openPanel(await h.tabIdOf(demo));
    await panel.fill('input[type="search"]', 'xyz不存在');
    await panel.keyboard.press('Enter');
    await expect.poll(() => panel.textContent('.empty')).toBe('没有匹配的短语');
    expect(await replyText(demo)).toBe('');
    await Promise.all([demo.close(), panel.close()]);
  });
});

describe('the panel reads well', () => {
  it('a phrase title is at least as large as its body, and the search box stays in view while the list scrolls', async () => {
    const demo = await h.openDemo('react');
    const panel = await h.openPanel(await h.tabIdOf(demo));
    await panel.setViewportSize({ width: 380, height: 700 });
    const [title, body] = await panel.locator('[data-phrase-id]').first().evaluate((el) => [
      parseFloat(getComputedStyle(el.querySelector('.phrase__title')!).fontSize),
      parseFloat(getComputedStyle(el.querySelector('.phrase__body')!).fontSize),
    ]);
    expect(title).toBeGreaterThanOrEqual(body);
    expect(title).toBeGreaterThanOrEqual(13);
    await panel.mouse.wheel(0, 2500);
    await expect.poll(() => panel.evaluate(() => window.scrollY)).toBeGreaterThan(500);
    const box = await panel.locator('input[type="search"]').boundingBox();
    expect(box!.y).toBeGreaterThanOrEqual(0);
    expect(box!.y).toBeLessThan(20);
    const chips = await panel.locator('.stages').boundingBox();
    expect(chips!.y).toBeLessThan(120);
    await Promise.all([demo.close(), panel.close()]);
  });
});

describe('import preview counts what is stored', () => {
  it('a row repeated in the file is a duplicate, and importing the file again adds nothing', async () => {
    const panel = await h.openPanel();
    const csv = '\ufeff阶段,标题,快捷编码,内容,标签\r\n物流,周末发货,zmfh,亲，周末也发货。,\r\n物流,周末发货,zmfh,亲，周末也发货。,\r\n售后,补发说明,bfsm,亲，少件的话我们马上补发。,\r\n';
    const count = () => panel.evaluate(() => document.querySelectorAll('[data-phrase-id]').length);
    await panel.click('.stages [role="tab"]');
    const before = await count();
    await panel.setInputFiles('[data-testid="import-file"]', { name: 'mine.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await expect.poll(() => panel.textContent('[data-testid="import-preview"]')).toContain('新增 2 · 更新 0 · 重复 1 · 无效 0');
    await panel.click('[data-testid="import-preview"] button:has-text("导入")');
    await expect.poll(() => panel.textContent('[data-testid="notice"]')).toBe('已导入 2 条短语');
    await expect.poll(count).toBe(before + 2);
    await panel.setInputFiles('[data-testid="import-file"]', { name: 'mine.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await expect.poll(() => panel.textContent('[data-testid="import-preview"]')).toContain('新增 0 · 更新 0 · 重复 3 · 无效 0');
    await panel.close();
  });
});

describe('tally hotkeys from the chat page', () => {
  it('Alt+X in the reply box counts a consult (a toast says so) and the panel shows it', async () => {
    const demo = await h.openDemo('react');
    await demo.click('[data-role="reply-box"]');
    const panel = await h.openPanel(await h.tabIdOf(demo));
    await panel.getByRole('tab', { name: '统计' }).click();
    const before = Number(await panel.textContent('[data-testid="tally-consults"]'));
    await demo.bringToFront();
    await demo.click('[data-role="reply-box"]');
    await demo.keyboard.press('Alt+KeyX');
    await expect.poll(() => shadow(demo, 'kefu-toast', '[role="status"]').textContent()).toBe('询单 +1');
    await expect.poll(async () => Number(await panel.textContent('[data-testid="tally-consults"]'))).toBe(before + 1);
    expect(await replyText(demo)).toBe(''); // the key did not type into the reply box
    await Promise.all([demo.close(), panel.close()]);
  });
});

describe('the 千牛 companion window', () => {
  it('a click copies the phrase for 千牛 and never types into a console open beside it', async () => {
    const demo = await h.openDemo('react');
    await demo.click('[data-role="reply-box"]'); // a console is open and ready: the companion must still leave it alone
    const origin = `chrome-extension://${h.extensionId}`;
    const companion = await h.context.newPage();
    // What the panel hands the clipboard, recorded on its way (the browser's own write still decides success).
    await companion.addInitScript(() => {
      const write = navigator.clipboard.writeText.bind(navigator.clipboard);
      (window as unknown as { copied: string[] }).copied = [];
      navigator.clipboard.writeText = (text: string) => ((window as unknown as { copied: string[] }).copied.push(text), write(text));
    });
    await companion.setViewportSize({ width: 420, height: 780 });
    await companion.goto(`${origin}/sidepanel.html?companion=1`);
    await expect.poll(() => companion.textContent('[data-testid="served"]')).toContain('千牛伴侣');
    await companion.locator('.stages [role="tab"]').first().click();
    await companion.click('[data-phrase-id="stock-yes"]');
    await expect.poll(() => companion.textContent('[data-testid="notice"]')).toBe('已复制：有货 · 到千牛回复框按 Ctrl+V 粘贴');
    expect(await companion.evaluate(() => (window as unknown as { copied: string[] }).copied)).toEqual(['让您久等了，您问的这款有货的，现在拍下付款就可以为您安排发货哦。']);
    expect(await replyText(demo)).toBe('');
    expect(await sentTexts(demo)).toEqual([]);
    await Promise.all([demo.close(), companion.close()]);
  });
});
