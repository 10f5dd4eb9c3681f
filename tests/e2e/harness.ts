/** Shared set-up for end-to-end tests: demo site server + Chromium with the built extension. */
import type { BrowserContext, Page } from 'playwright-core';
import { ensureFixtures } from './build-fixtures.mjs';
import { launchWithExtension } from './browser.mjs';
import { serve } from './server.mjs';
import { chatScriptStarts } from './shadow';

export interface Harness {
  context: BrowserContext;
  extensionId: string;
  siteUrl: string;
  openDemo(editor?: 'textarea' | 'react' | 'contenteditable'): Promise<Page>;
  openPage(path: string): Promise<Page>;
  /**
   * The side panel UI opened as a tab, optionally pinned to a chat tab. By default the agent then picks the
   * 全部 stage chip, so the stage hint from the buyer's message does not filter the list.
   */
  openPanel(tabId?: number, options?: { allStages?: boolean }): Promise<Page>;
  tabIdOf(page: Page): Promise<number>;
  close(): Promise<void>;
}

export async function startHarness(options: { lang?: string; extensionDir?: string; args?: string[] } = {}): Promise<Harness> {
  const dir = await ensureFixtures();
  const site = await serve(dir);
  const { context, extensionId } = await launchWithExtension({ lang: options.lang, extensionDir: options.extensionDir, args: options.args });
  // A missing element fails the step that waited for it (with its selector), not the whole test at 60 s.
  context.setDefaultTimeout(15_000);
  // An extension page that stays open: it answers tab-id questions, and opening it first waits until the
  // default phrase library is installed (fresh profile), so no test races the install.
  const helper = await context.newPage();
  await helper.goto(`chrome-extension://${extensionId}/sidepanel.html`);
  await helper.waitForSelector('[data-phrase-id]');

  const h: Harness = {
    context,
    extensionId,
    siteUrl: site.url,
    async openPage(path) {
      const page = await context.newPage();
      await page.goto(`${site.url}/${path}`);
      return page;
    },
    async openDemo(editor = 'react') {
      const page = await h.openPage(`index.html?editor=${editor}`);
      await page.waitForSelector('[data-role="reply-box"]');
      // The agent's first keystroke comes once the extension is in the page, as for an agent who opens the console
      // and reads the buyer first (a draft typed before that is loader.e2e's case).
      for (const until = Date.now() + 15_000; (await chatScriptStarts(page)).length === 0; ) {
        if (Date.now() > until) throw new Error('the chat script never started in the demo console');
        await page.waitForTimeout(50);
      }
      return page;
    },
    async openPanel(tabId, { allStages = true } = {}) {
      const page = await context.newPage();
      await page.goto(`chrome-extension://${extensionId}/sidepanel.html${tabId ? `?tabId=${tabId}` : ''}`);
      await page.waitForSelector('[data-phrase-id]');
      await page.waitForFunction(() => /正在服务|未找到|Serving|No chat/.test(document.querySelector('[data-testid="served"]')?.textContent ?? ''));
      if (allStages) await page.locator('.stages [role="tab"]').first().click();
      return page;
    },
    async tabIdOf(page) {
      const url = page.url();
      const id = await helper.evaluate(async (u) => (await chrome.tabs.query({})).find((t) => t.url === u)?.id, url);
      if (id === undefined) throw new Error(`no tab with url ${url}`);
      return id;
    },
    async close() {
      await context.close();
      await site.close();
    },
  };
  return h;
}

/** The body of the default pack's phrase `stock-yes` (有货), the phrase most tests insert. */
export const STOCK = '让您久等了，您问的这款有货的，现在拍下付款就可以为您安排发货哦。';

/** What the reply box holds as the page sees it (value, or innerText for contenteditable). */
export function replyText(page: Page): Promise<string> {
  return page.$eval('[data-role="reply-box"]', (el) =>
    el instanceof HTMLTextAreaElement ? el.value : (el as HTMLElement).innerText,
  );
}

/** What the demo console actually sent (its send button's own record). */
export function sentTexts(page: Page): Promise<string[]> {
  return page.evaluate(() => window.__demoSent.map((m) => m.text));
}

declare global {
  interface Window {
    __demoSent: { buyerId: string; text: string }[];
  }
}
