// The Firefox subset: the Firefox build in real headless Firefox ESR (WebDriver BiDi), against the demo console.
// What an agent on Firefox relies on: the panel opens and inserts into every reply-box kind, the guard holds a send,
// the tally counts, and a backup round-trips.
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { STOCK } from './harness';
import { FIREFOX, replyOf, sentOf, startFirefox, until, type FirefoxHarness } from './firefox-harness';
import { idbInPage } from './idb';

let h: FirefoxHarness;
beforeAll(async () => {
  if (!existsSync(FIREFOX)) throw new Error(`Firefox is not installed at ${FIREFOX}: run bash .ci/setup`);
  h = await startFirefox();
}, 120_000);
afterAll(async () => {
  await h?.close();
});

describe('Firefox: the panel', () => {
  it('is the sidebar of the Firefox build (Alt+K toggles it), and opens with the default library', async () => {
    const manifest = JSON.parse(readFileSync('.output/firefox-mv2-e2e/manifest.json', 'utf8'));
    expect(manifest.sidebar_action.default_panel).toBe('sidepanel.html');
    expect(manifest.commands._execute_sidebar_action.suggested_key.default).toBe('Alt+K');
    const panel = await h.openPanel();
    expect(await text(panel, '[data-testid="served"]')).toContain('未找到');
    expect((await panel.$$('[data-phrase-id]')).length).toBeGreaterThan(20);
    await panel.close();
  });
});

const text = (page: Page, css: string) => page.$eval(css, (el) => el.textContent ?? '');

describe.each(['textarea', 'react', 'contenteditable'] as const)('Firefox: the panel inserts into the %s reply box', (editor) => {
  it('a click on 有货 puts its text at the caret, and the console sends exactly that', async () => {
    const demo = await h.openDemo(editor);
    await demo.click('[data-role="reply-box"]');
    await demo.keyboard.type('亲，');
    const panel = await h.openPanel(demo);
    expect(await until(() => text(panel, '[data-testid="served"]'), '正在服务：演示工作台 · 买家 小美爱购物')).toBe('正在服务：演示工作台 · 买家 小美爱购物');
    await panel.click('[data-phrase-id="stock-yes"]');
    expect(await until(() => text(panel, '[data-testid="notice"]'), '已插入：有货')).toBe('已插入：有货');
    expect(await until(() => replyOf(demo), `亲，${STOCK}`)).toBe(`亲，${STOCK}`);
    await demo.bringToFront();
    await demo.click('[data-role="send"]');
    expect(await until(() => sentOf(demo), [`亲，${STOCK}`])).toEqual([`亲，${STOCK}`]);
    await Promise.all([demo.close(), panel.close()]);
  });
});

describe('Firefox: the guard', () => {
  it('holds Enter and a click on 发送 for 加我微信; a clean reply then goes out on Enter', async () => {
    const demo = await h.openDemo('react');
    await demo.click('[data-role="reply-box"]');
    await demo.keyboard.type('有问题加我微信 kefu888');
    await demo.waitForSelector('kefu-guard'); // the badge (its own UI is a closed shadow root)
    await demo.keyboard.press('Enter');
    await demo.click('[data-role="send"]');
    await new Promise((r) => setTimeout(r, 500));
    expect(await sentOf(demo)).toEqual([]);
    expect(await replyOf(demo)).toBe('有问题加我微信 kefu888');

    await demo.click('[data-role="reply-box"]'); // back from the hold's box to the draft, as the agent does
    await demo.keyboard.down('Control');
    await demo.keyboard.press('KeyA');
    await demo.keyboard.up('Control');
    await demo.keyboard.press('Backspace');
    await demo.keyboard.type('好的亲，今天下午就给您发货');
    expect(await until(() => replyOf(demo), '好的亲，今天下午就给您发货')).toBe('好的亲，今天下午就给您发货');
    await new Promise((r) => setTimeout(r, 300));
    await demo.keyboard.press('Enter');
    expect(await until(() => sentOf(demo), ['好的亲，今天下午就给您发货'])).toEqual(['好的亲，今天下午就给您发货']);
    await demo.close();
  });
});

describe('Firefox: the tally', () => {
  it('Alt+X in the reply box counts a consult, and the panel shows it', async () => {
    const demo = await h.openDemo('react');
    const panel = await h.openPanel(demo);
    await panel.evaluate(() => [...document.querySelectorAll<HTMLElement>('.views [role="tab"]')].find((t) => t.textContent?.includes('统计'))?.click());
    await panel.waitForSelector('[data-testid="tally-consults"]');
    const before = Number(await text(panel, '[data-testid="tally-consults"]'));
    await demo.bringToFront();
    await demo.click('[data-role="reply-box"]');
    await demo.keyboard.down('Alt');
    await demo.keyboard.press('KeyX');
    await demo.keyboard.up('Alt');
    expect(await until(async () => Number(await text(panel, '[data-testid="tally-consults"]')), before + 1)).toBe(before + 1);
    expect(await replyOf(demo)).toBe(''); // the key did not type into the reply box
    await Promise.all([demo.close(), panel.close()]);
  });
});

/** Every store of the extension's database, read (or cleared) from an extension page. */
const idb = (page: Page, op: 'dump' | 'wipe') => page.evaluate(idbInPage, op);

const clickText = (page: Page, css: string, label: string) =>
  page.evaluate((css, label) => [...document.querySelectorAll<HTMLElement>(css)].find((b) => b.textContent?.includes(label))?.click(), css, label);

describe('Firefox: backup', () => {
  it('export → wipe → restore gives identical data', async () => {
    const panel = await h.openPanel();
    await clickText(panel, '.views [role="tab"]', '统计');
    await panel.waitForSelector('[data-testid="tally-consults"]');
    const counted = Number(await text(panel, '[data-testid="tally-consults"]')) + 3;
    for (let i = 0; i < 3; i++) await panel.click('button[aria-label="询单 +1"]');
    expect(await until(async () => Number(await text(panel, '[data-testid="tally-consults"]')), counted)).toBe(counted);
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
    await clickText(panel, 'button', '导出全部数据');
    await panel.waitForFunction(() => 'saved' in window);
    const saved = await panel.evaluate(() => (window as unknown as { saved: Blob }).saved.text());

    await idb(panel, 'wipe');
    expect(JSON.parse(await idb(panel, 'dump')).phrases).toEqual([]);

    const file = join(mkdtempSync(join(tmpdir(), 'kefu-ff-')), 'backup.json');
    writeFileSync(file, saved);
    const input = await panel.$('[data-testid="restore-file"]');
    await (input as unknown as { uploadFile(path: string): Promise<void> }).uploadFile(file);
    expect(await until(async () => (await text(panel, '[data-testid="restore-preview"]')).includes('新增'), true)).toBe(true);
    await clickText(panel, '[data-testid="restore-preview"] button', '恢复');
    expect(await until(() => text(panel, '[data-testid="notice"]'), '已从备份恢复')).toBe('已从备份恢复');
    // The same records (a restored row may list its keys in another order: compared as data, not as text).
    expect(JSON.parse(await idb(panel, 'dump'))).toEqual(JSON.parse(before));
    await panel.close();
  });
});
