// A service worker the browser stopped (MV3 stops it after ~30 s idle), woken by the chat page: its core answers the
// guard's check before the rest of the background is loaded, and never answers from a guess — a draft that must be
// held is held on the first keystroke's check after the wake, also when nothing was kept between wakes. The rest
// (worker-features.js) is imported on later wakes too (a worker may import a script after its start only if it
// imported it while installing).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CDPSession, Page } from 'playwright-core';
import { sentTexts, startHarness, type Harness } from './harness';
import { shadow } from './shadow';

let h: Harness;
let cdp: CDPSession;
let extensionPage: Page;
beforeAll(async () => {
  h = await startHarness();
  extensionPage = await h.context.newPage();
  await extensionPage.goto(`chrome-extension://${h.extensionId}/sidepanel.html`);
  cdp = await h.context.newCDPSession(extensionPage);
  await cdp.send('ServiceWorker.enable');
});
afterAll(async () => {
  await h?.close();
});

const badge = (page: Page) => shadow(page, 'kefu-guard', '[data-testid="guard-badge"]');
const panel = (page: Page) => shadow(page, 'kefu-guard', '[role="dialog"]');

/** Stop every service worker, as the browser does after the worker idles, and let it go. */
async function stopWorker() {
  await cdp.send('ServiceWorker.stopAllWorkers');
  await extensionPage.waitForTimeout(300);
}

/** The guard's cache (compiled rules, the model's reader) deleted: the next wake keeps nothing. */
async function forgetKept() {
  await extensionPage.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const req = indexedDB.deleteDatabase('kefu-guard-cache');
        req.onsuccess = () => resolve();
        req.onerror = () => reject(req.error ?? new Error('delete'));
        req.onblocked = () => resolve(); // the stopped worker's connection is gone; deleted once it closes
      }),
  );
}

/** The key of the compiled rules the guard cache keeps (undefined when none), read from an extension page. */
function keptRulesKey() {
  return extensionPage.evaluate(
    () =>
      new Promise<string | undefined>((resolve) => {
        const req = indexedDB.open('kefu-guard-cache');
        req.onupgradeneeded = () => req.transaction?.abort(); // not there: not made here either
        req.onerror = () => resolve(undefined);
        req.onsuccess = () => {
          const db = req.result;
          const get = db.transaction('compiled').objectStore('compiled').get('latest');
          get.onsuccess = () => {
            resolve((get.result as { key?: string } | undefined)?.key);
            db.close();
          };
        };
      }),
  );
}

/** The performance marks of the worker now running (the guard's first-check steps, guard.ts). */
async function workerMarks(): Promise<string[]> {
  const worker = h.context.serviceWorkers().at(-1);
  return worker ? worker.evaluate(() => performance.getEntriesByType('mark').map((m) => m.name)) : [];
}

async function typeAndSend(text: string) {
  const demo = await h.openDemo('react');
  await demo.click('[data-role="reply-box"]');
  await stopWorker();
  await demo.keyboard.type(text);
  await demo.keyboard.press('Enter');
  return demo;
}

describe('a woken worker', () => {
  it('holds a blocking draft typed right after the worker was stopped', async () => {
    const demo = await typeAndSend('有事加我vx');
    await expect.poll(() => panel(demo).textContent()).toContain('已暂停发送');
    await expect.poll(() => badge(demo).textContent()).toContain('必改 1');
    expect(await sentTexts(demo)).toEqual([]);
    await demo.close();
  });

  it('holds it too when the wake finds nothing kept (the shipped model and rules read from the extension files)', async () => {
    await stopWorker();
    await forgetKept();
    const demo = await typeAndSend('有事加我vx');
    await expect.poll(() => panel(demo).textContent()).toContain('已暂停发送');
    expect(await sentTexts(demo)).toEqual([]);
    // The intent model is there too: a paraphrase no rule lists is flagged after such a wake.
    await stopWorker();
    await forgetKept();
    const model = await h.openDemo('react');
    await model.click('[data-role="reply-box"]');
    await model.keyboard.type('真服了，脑子笨到家了');
    await expect.poll(() => badge(model).textContent()).toBe('建议改 1');
    await demo.close();
    await model.close();
  });

  it('lets a clean draft go on the first check after a wake', async () => {
    const demo = await typeAndSend('亲，今天下单明天就发货');
    await expect.poll(() => sentTexts(demo)).toEqual(['亲，今天下单明天就发货']);
    await demo.close();
  });

  it('checks with a rule added in the panel while the worker slept, and compiles nothing on the next wake', async () => {
    await expect.poll(keptRulesKey, { timeout: 10_000 }).toBeDefined();
    const before = await keptRulesKey();
    await extensionPage.click('.views [role="tab"]:has-text("规则")');
    await extensionPage.getByRole('button', { name: '新建规则' }).click();
    const editor = extensionPage.locator('form[aria-label="编辑规则"]');
    await editor.locator('label.field:has-text("级别") select').selectOption('block');
    await editor.locator('label.field:has-text("词语") textarea').fill('周三特供');
    await editor.locator('label.field:has-text("建议说法") input').fill('说本周活动款');
    await stopWorker();
    await editor.getByRole('button', { name: '保存' }).click();
    // The panel told the sleeping worker (guard/prepare, which wakes it): it kept the new rules' form at once.
    await expect.poll(keptRulesKey, { timeout: 10_000 }).not.toBe(before);
    const demo = await typeAndSend('亲，这是周三特供款');
    await expect.poll(() => panel(demo).textContent()).toContain('已暂停发送');
    await expect.poll(() => badge(demo).textContent()).toContain('必改 1');
    expect(await sentTexts(demo)).toEqual([]);
    const marks = await workerMarks();
    expect(marks).toContain('kefu:guard-judged');
    expect(marks).not.toContain('kefu:guard-none-kept');
    await extensionPage.click('.views [role="tab"]:has-text("短语")');
    await demo.close();
  });

  it('answers the rest of the background’s messages after a wake (its script imported again)', async () => {
    const demo = await h.openDemo('react');
    const tabId = await h.tabIdOf(demo);
    const listed = async () => {
      const tabs = await extensionPage.evaluate(() => chrome.runtime.sendMessage({ type: 'panel/list-chat-tabs' }) as Promise<unknown>);
      return Array.isArray(tabs) && (tabs as { tabId: number }[]).some((t) => t.tabId === tabId);
    };
    await expect.poll(listed).toBe(true); // the console has told the worker about itself (its first report)
    await stopWorker();
    const tabs = await extensionPage.evaluate(() => chrome.runtime.sendMessage({ type: 'panel/list-chat-tabs' }) as Promise<unknown>);
    expect(Array.isArray(tabs)).toBe(true);
    expect((tabs as { tabId: number }[]).some((t) => t.tabId === tabId)).toBe(true);
    await demo.close();
  });

  it('suggests replies for the buyer’s message after a wake (the rest’s model texts read from the extension files)', async () => {
    const demo = await h.openDemo('react');
    const tabId = await h.tabIdOf(demo);
    await stopWorker();
    // Sent as the chat page's picker sends it (the content script's world), with nothing typed after "/".
    const reply = await extensionPage.evaluate(async (id) => {
      const [first] = await chrome.scripting.executeScript({
        target: { tabId: id },
        func: () => chrome.runtime.sendMessage({ type: 'picker/search', query: '', message: '什么时候发货啊' }) as Promise<unknown>,
      });
      return first?.result;
    }, tabId);
    expect(JSON.stringify(reply)).toContain('发货');
    expect(reply).not.toHaveProperty('error');
    await demo.close();
  });
});
