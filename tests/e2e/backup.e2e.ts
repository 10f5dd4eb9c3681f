// Backup in Chromium: export everything → wipe → restore gives identical data.
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startHarness, type Harness } from './harness';
import { idbInPage } from './idb';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

/** Every store of the extension's database, read (or cleared) from an extension page. */
const idb = (page: Page, op: 'dump' | 'wipe') => page.evaluate(idbInPage, op);

it('export → wipe → restore gives identical data', async () => {
  const panel = await h.openPanel();
  await panel.click('.views [role="tab"]:has-text("统计")');
  for (let i = 0; i < 3; i++) await panel.click('button[aria-label="询单 +1"]');
  await expect.poll(() => panel.textContent('[data-testid="tally-consults"]')).toBe('3');
  await panel.click('button[aria-label="设置"]');
  const before = await idb(panel, 'dump');
  // Capture the file the panel hands to the browser's download (a blob: URL), as the agent would save it.
  await panel.evaluate(() => {
    const original = URL.createObjectURL.bind(URL);
    URL.createObjectURL = (blob: Blob | MediaSource) => {
      (window as unknown as { saved: Blob }).saved = blob as Blob;
      return original(blob);
    };
  });
  await panel.click('button:has-text("导出全部数据")');
  await panel.waitForFunction(() => 'saved' in window);
  const saved = await panel.evaluate(() => (window as unknown as { saved: Blob }).saved.text());

  await idb(panel, 'wipe');
  expect(JSON.parse(await idb(panel, 'dump')).phrases).toEqual([]);

  await panel.setInputFiles('[data-testid="restore-file"]', { name: 'backup.json', mimeType: 'application/json', buffer: Buffer.from(saved) });
  await expect.poll(() => panel.textContent('[data-testid="restore-preview"]')).toContain('新增');
  await panel.click('[data-testid="restore-preview"] button:has-text("恢复")');
  await expect.poll(() => panel.textContent('[data-testid="notice"]')).toBe('已从备份恢复');
  expect(await idb(panel, 'dump')).toBe(before);
  await panel.close();
});
