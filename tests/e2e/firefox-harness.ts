/**
 * Firefox under test: Debian's firefox-esr driven over WebDriver BiDi by puppeteer-core, with the Firefox e2e build
 * (.output/firefox-mv2-e2e) installed as a temporary add-on, against the same demo console the Chromium tests use.
 *
 * Two Firefox facts shape it:
 * - BiDi refuses to navigate a tab to a moz-extension:// page, so a tab opens the panel by navigating itself there
 *   from the demo site (the e2e build makes sidepanel.html web-accessible; the real build does not). The sidebar
 *   itself is browser chrome, which BiDi does not reach: the panel is tested as a page, pinned to a chat tab by
 *   ?tabId= exactly as the sidebar pins itself.
 * - The extension's internal UUID is random per profile; the pref extensions.webextensions.uuids fixes it, so the
 *   panel's address is known before the install.
 */
import { resolve } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { ensureFixtures } from './build-fixtures.mjs';
import { serve } from './server.mjs';

const ADDON_ID = 'kefu-assistant@kefu.local';
const UUID = '0b7e4c1a-5d2f-4e6a-9c3b-7a1d2e3f4a5b';
export const PANEL_URL = `moz-extension://${UUID}/sidepanel.html`;
export const FIREFOX = process.env.KEFU_FIREFOX ?? '/usr/bin/firefox-esr';

export interface FirefoxHarness {
  browser: Browser;
  siteUrl: string;
  openDemo(editor?: 'textarea' | 'react' | 'contenteditable'): Promise<Page>;
  /** The panel in a tab of its own, pinned to the chat tab `demo` is (when given), 全部 stage picked. */
  openPanel(demo?: Page): Promise<Page>;
  close(): Promise<void>;
}

declare const browser: { tabs: { query(q: object): Promise<{ id?: number; url?: string }[]> } };

export async function startFirefox(): Promise<FirefoxHarness> {
  const dir = await ensureFixtures();
  const site = await serve(dir);
  const ff = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    protocol: 'webDriverBiDi',
    // zh-CN from Debian's firefox-esr-l10n-zh-cn: the extension's UI language follows the browser's.
    extraPrefsFirefox: { 'extensions.webextensions.uuids': JSON.stringify({ [ADDON_ID]: UUID }), 'intl.locale.requested': 'zh-CN' },
  });
  await ff.installExtension(resolve('.output/firefox-mv2-e2e'));
  const pageAt = async (url: string) => {
    const page = await ff.newPage();
    await page.setViewport({ width: 1000, height: 800 });
    await page.goto(url);
    return page;
  };
  // A page of the site that navigates itself to the panel (see above); it waits until the default library is
  // installed (a fresh profile), so no test races the install.
  const panelAt = async (query: string) => {
    const page = await pageAt(`${site.url}/no-input.html`);
    await page.evaluate((u) => void (location.href = u), `${PANEL_URL}${query}`);
    await page.waitForSelector('[data-phrase-id]', { timeout: 20_000 });
    return page;
  };
  // An extension page that stays open answers tab-id questions (as in the Chromium harness).
  const helper = await panelAt('');
  const h: FirefoxHarness = {
    browser: ff,
    siteUrl: site.url,
    async openDemo(editor = 'react') {
      const page = await pageAt(`${site.url}/index.html?editor=${editor}`);
      await page.waitForSelector('[data-role="reply-box"]');
      return page;
    },
    async openPanel(demo) {
      let query = '';
      if (demo) {
        const url = demo.url();
        const id = await helper.evaluate(async (u) => (await browser.tabs.query({})).find((t) => t.url === u)?.id, url);
        if (id === undefined) throw new Error(`no tab with url ${url}`);
        query = `?tabId=${id}`;
      }
      const panel = await panelAt(query);
      await panel.waitForFunction(() => /正在服务|未找到/.test(document.querySelector('[data-testid="served"]')?.textContent ?? ''));
      await panel.click('.stages [role="tab"]');
      return panel;
    },
    async close() {
      await ff.close();
      await site.close();
    },
  };
  return h;
}

/** What the demo console's reply box holds, and what it sent (its send button's own record). */
export const replyOf = (page: Page) =>
  page.$eval('[data-role="reply-box"]', (el) => (el instanceof HTMLTextAreaElement ? el.value : (el as HTMLElement).innerText));
export const sentOf = (page: Page) => page.evaluate(() => (window as unknown as { __demoSent: { text: string }[] }).__demoSent.map((m) => m.text));
/**
 * Polls `read` until it gives `want`; after `ms`, the last value (for the test's expect to show) or, when `read`
 * kept failing (an element not there yet), its last error.
 */
export async function until<T>(read: () => Promise<T>, want: T, ms = 10_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    let last: { value: T } | { error: unknown };
    try {
      last = { value: await read() };
    } catch (error) {
      last = { error };
    }
    if ('value' in last && JSON.stringify(last.value) === JSON.stringify(want)) return last.value;
    if (Date.now() >= end) {
      if ('value' in last) return last.value;
      throw last.error;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}
