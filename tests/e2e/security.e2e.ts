// A hostile console page (#30 S1, S2): what its own scripts (the page's MAIN world, where page.evaluate runs) can
// do to the chat script. Everything the agent does here goes through Playwright's mouse and keyboard (trusted).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { STOCK, replyText, sentTexts, startHarness, type Harness } from './harness';
import { shadow } from './shadow';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

const BAD = '亲，加我微信私聊，给你返现';

/** The event WXT's contexts retire on, as the page can build it (the extension id is public). */
function spoofStarted(page: Page, name: 'chat' | 'chat-script'): Promise<void> {
  return page.evaluate(
    ([id, entry]) => {
      document.dispatchEvent(
        new CustomEvent(`${id}:${entry}:wxt:content-script-started`, { detail: { contentScriptName: entry, messageId: 'x' } }),
      );
    },
    [h.extensionId, name] as const,
  );
}

/** The chat script is up: a draft that must change shows the badge's host; then the box is emptied again. */
async function waitForChatScript(page: Page): Promise<void> {
  await page.click('[data-role="reply-box"]');
  await page.keyboard.type('加微信');
  await expect.poll(() => page.locator('kefu-guard').count(), { timeout: 10_000 }).toBe(1);
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Backspace');
  await expect.poll(() => page.locator('kefu-guard').count()).toBe(0);
}

/** Rows of one table of the extension's database, read in an extension page. */
function rows(panel: Page, table: string): Promise<unknown[]> {
  return panel.evaluate(
    (name) =>
      new Promise<unknown[]>((resolve) => {
        const open = indexedDB.open('kefu-assistant');
        open.onsuccess = () => {
          const all = open.result.transaction(name).objectStore(name).getAll();
          all.onsuccess = () => resolve(all.result as unknown[]);
        };
      }),
    table,
  );
}

describe('a page cannot switch the guard off', () => {
  it('a forged "content script started" event leaves the guard running: Enter on 「亲，加我微信私聊，给你返现」 is held', async () => {
    const demo = await h.openDemo('react');
    await waitForChatScript(demo);
    await spoofStarted(demo, 'chat-script');
    await spoofStarted(demo, 'chat');
    await demo.keyboard.type(BAD);
    await expect.poll(() => shadow(demo, 'kefu-guard', '[data-testid="guard-badge"]').textContent()).toContain('必改');
    await demo.keyboard.press('Enter');
    await expect.poll(() => shadow(demo, 'kefu-guard', '[role="dialog"]').textContent()).toContain('已暂停发送');
    expect(await sentTexts(demo)).toEqual([]);
    expect(await replyText(demo)).toBe(BAD);
    await demo.close();
  });

  it('nor does one sent before the loader asked for the chat script (the page fires it all through its load)', async () => {
    const page = await h.context.newPage();
    await page.addInitScript((id) => {
      const fire = () => {
        for (const entry of ['chat', 'chat-script']) {
          document.dispatchEvent(new CustomEvent(`${id}:${entry}:wxt:content-script-started`, { detail: { contentScriptName: entry, messageId: 'x' } }));
        }
      };
      const timer = setInterval(fire, 5);
      addEventListener('load', () => {
        fire();
        setTimeout(() => clearInterval(timer), 1000);
      });
    }, h.extensionId);
    await page.goto(`${h.siteUrl}/index.html?editor=react`);
    await page.waitForTimeout(1200);
    await page.click('[data-role="reply-box"]');
    await page.keyboard.type(BAD);
    await expect.poll(() => page.locator('kefu-guard').count(), { timeout: 10_000 }).toBe(1);
    await page.keyboard.press('Enter');
    await expect.poll(() => shadow(page, 'kefu-guard', '[role="dialog"]').textContent()).toContain('已暂停发送');
    expect(await sentTexts(page)).toEqual([]);
    await page.close();
  });
});

describe('a page cannot act for the agent', () => {
  it('a page-made Alt+X counts nothing; the agent\'s own Alt+X counts one 询单', async () => {
    const panel = await h.openPanel();
    await panel.click('.views [role="tab"]:has-text("统计")');
    await panel.waitForTimeout(500); // the counts load from the database
    const start = Number(await panel.textContent('[data-testid="tally-consults"]'));
    const demo = await h.openDemo('react');
    await waitForChatScript(demo);
    await demo.evaluate(() => {
      for (let i = 0; i < 3; i++) {
        const init = { key: 'x', code: 'KeyX', altKey: true, bubbles: true, cancelable: true };
        document.activeElement!.dispatchEvent(new KeyboardEvent('keydown', init));
        window.dispatchEvent(new KeyboardEvent('keydown', init));
      }
    });
    await demo.waitForTimeout(800);
    expect(Number(await panel.textContent('[data-testid="tally-consults"]'))).toBe(start);
    await demo.keyboard.press('Alt+KeyX');
    await expect.poll(() => panel.textContent('[data-testid="tally-consults"]')).toBe(String(start + 1));
    await Promise.all([demo.close(), panel.close()]);
  });

  it('the page can neither reach nor click 存为短语 or 不再提示: no phrase stored, no allow written', async () => {
    const demo = await h.openDemo('react');
    await demo.click('[data-role="reply-box"]');
    await demo.keyboard.type('亲，周末下单周一统一发货哦 /');
    await expect.poll(() => shadow(demo, 'kefu-slash-picker', '[data-testid="picker-save-draft"]').textContent()).toContain('存为短语');
    const reached = await demo.evaluate(() => {
      const save = document.querySelector('kefu-slash-picker')?.shadowRoot?.querySelector<HTMLElement>('[data-testid="picker-save-draft"]');
      save?.click();
      // What the page can reach: the host. A click on it does not go inside.
      document.querySelector('kefu-slash-picker')?.dispatchEvent(new MouseEvent('click', { bubbles: true }));
      return Boolean(save);
    });
    await demo.keyboard.press('Escape');
    await demo.keyboard.press('Control+A');
    await demo.keyboard.press('Backspace');
    await demo.keyboard.type('有事加我vx');
    await expect.poll(() => shadow(demo, 'kefu-guard', '[data-testid="guard-badge"]').textContent()).toContain('必改 1');
    const silenced = await demo.evaluate(() => {
      const root = document.querySelector('kefu-guard')?.shadowRoot;
      root?.querySelector<HTMLElement>('[data-testid="guard-badge"]')?.click();
      const never = [...(root?.querySelectorAll('button') ?? [])].find((b) => b.textContent === '不再提示');
      never?.click();
      return Boolean(root);
    });
    await demo.waitForTimeout(800);
    // The same wording typed again is still flagged, and nothing reached the database.
    await demo.keyboard.press('Control+A');
    await demo.keyboard.press('Backspace');
    await demo.keyboard.type('有事加我vx');
    await expect.poll(() => shadow(demo, 'kefu-guard', '[data-testid="guard-badge"]').textContent()).toContain('必改 1');
    const panel = await h.openPanel();
    const phrases = (await rows(panel, 'phrases')) as { body: string }[];
    expect(phrases.filter((p) => p.body.includes('周末下单周一统一发货哦'))).toEqual([]);
    expect(JSON.stringify(await rows(panel, 'settings'))).not.toContain('加我vx');
    // Closed shadow roots: the page never even found the buttons.
    expect({ reached, silenced }).toEqual({ reached: false, silenced: false });
    await Promise.all([demo.close(), panel.close()]);
  });

  it('a page-made click on a phrase of the "/" picker, or an Enter the page dispatches, picks nothing', async () => {
    const demo = await h.openDemo('textarea');
    await demo.click('[data-role="reply-box"]');
    await demo.keyboard.type('亲，/yh');
    await expect.poll(() => shadow(demo, 'kefu-slash-picker', '[role="option"]').count()).toBeGreaterThan(0);
    await demo.evaluate(() => {
      const init = { key: 'Enter', code: 'Enter', keyCode: 13, bubbles: true, cancelable: true };
      document.activeElement!.dispatchEvent(new KeyboardEvent('keydown', init));
    });
    await demo.waitForTimeout(500);
    expect(await replyText(demo)).not.toContain(STOCK);
    await demo.close();
  });
});

describe('what a page can see of the extension (#30 m6)', () => {
  it('no performance entry of ours on its timeline, and no way into the badge, picker or toast', async () => {
    const demo = await h.openDemo('react');
    await demo.click('[data-role="reply-box"]');
    await demo.keyboard.type('加我微信 /');
    await expect.poll(() => shadow(demo, 'kefu-guard', '[data-testid="guard-badge"]').count()).toBe(1);
    await expect.poll(() => shadow(demo, 'kefu-slash-picker', '[role="option"]').count()).toBeGreaterThan(0);
    await demo.keyboard.press('Alt+KeyX');
    await expect.poll(() => demo.locator('kefu-toast').count()).toBe(1);
    const seen = await demo.evaluate(() => ({
      entries: performance.getEntries().map((e) => e.name).filter((n) => /kefu|chat-script|wxt|chrome-extension/i.test(n)),
      hosts: [...document.querySelectorAll('kefu-guard, kefu-slash-picker, kefu-toast, kefu-wait')].map((el) => ({
        tag: el.localName,
        root: el.shadowRoot !== null,
        children: el.childNodes.length,
      })),
    }));
    expect(seen.entries).toEqual([]);
    expect(seen.hosts.length).toBeGreaterThanOrEqual(3);
    expect(seen.hosts.filter((x) => x.root || x.children)).toEqual([]);
    await demo.close();
  });
});
