// Real rich-text editors (built from their npm packages, tests/fixtures/editors): every way the extension
// writes into a reply box — side panel, "/" picker, the guard's 替换 — must land in the EDITOR'S MODEL, which is
// what the console's own send button sends.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { STOCK, sentTexts, startHarness, type Harness } from './harness';
import { shadow } from './shadow';

const FAMILIES = ['lexical', 'slate', 'draft', 'quill', 'tiptap'] as const;

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

const editable = '[data-role="reply-box"] [contenteditable="true"]';
const model = (page: Page) => page.evaluate(() => window.__editorText());

async function openEditor(family: string): Promise<Page> {
  const page = await h.openPage(`editor-${family}.html`);
  await page.waitForSelector(editable);
  await page.click(editable);
  return page;
}

/** The panel for `page`'s tab; the 全部 chip is picked so every phrase shows. */
async function panelFor(page: Page): Promise<Page> {
  const panel = await h.openPanel(await h.tabIdOf(page));
  await expect.poll(() => panel.textContent('[data-testid="served"]')).toContain('小美爱购物');
  return panel;
}

describe.each(FAMILIES)('%s', (family) => {
  it('side panel: replaces the selection, keeps the caret after the text, and the console sends the model', async () => {
    const page = await openEditor(family);
    await page.keyboard.type('亲，XY');
    await page.keyboard.press('Shift+ArrowLeft');
    await page.keyboard.press('Shift+ArrowLeft');
    const panel = await panelFor(page);
    await panel.click('[data-phrase-id="stock-yes"]');
    await expect.poll(() => panel.textContent('[data-testid="notice"]')).toContain('已插入：有货');
    await expect.poll(() => model(page)).toBe(`亲，${STOCK}`);
    await page.bringToFront();
    await page.keyboard.type('！'); // the caret is after the inserted text, in the model too
    await expect.poll(() => model(page)).toBe(`亲，${STOCK}！`);
    await page.click('[data-role="send"]');
    await expect.poll(() => sentTexts(page)).toEqual([`亲，${STOCK}！`]); // the guard may check the fresh text first
    await Promise.all([page.close(), panel.close()]);
  });

  it('line breaks survive and the caret lands where the phrase marks it', async () => {
    const page = await openEditor(family);
    const panel = await panelFor(page);
    const reply = await panel.evaluate(
      async (tabId) => chrome.tabs.sendMessage(tabId, { type: 'chat/insert', text: '第一行\n第二行：', caret: 4 }),
      await h.tabIdOf(page),
    );
    expect(reply).toEqual({ ok: true, method: 'paste' });
    await page.bringToFront();
    await page.keyboard.type('新');
    await expect.poll(() => model(page)).toBe('第一行\n新第二行：');
    await page.click('[data-role="send"]');
    await expect.poll(() => sentTexts(page)).toEqual(['第一行\n新第二行：']); // the guard may check the fresh text first
    await Promise.all([page.close(), panel.close()]);
  });

  it('after the console sent (the focus on 发送, the editor re-rendered empty), the next phrase still lands in the model', async () => {
    const page = await openEditor(family);
    const panel = await panelFor(page);
    const tabId = await h.tabIdOf(page);
    for (const text of ['第一条', '第二条']) {
      const reply = await panel.evaluate(async ([id, t]) => chrome.tabs.sendMessage(id as number, { type: 'chat/insert', text: t }), [tabId, text] as const);
      expect(reply).toMatchObject({ ok: true });
      await expect.poll(() => model(page)).toBe(text);
      await page.click('[data-role="send"]');
      await expect.poll(() => model(page)).toBe('');
    }
    expect(await sentTexts(page)).toEqual(['第一条', '第二条']);
    await Promise.all([page.close(), panel.close()]);
  });

  it('the editor\'s own undo takes the insertion back', async () => {
    const page = await openEditor(family);
    const panel = await panelFor(page);
    const reply = await panel.evaluate(async (id) => chrome.tabs.sendMessage(id, { type: 'chat/insert', text: '有货的亲' }), await h.tabIdOf(page));
    expect(reply).toMatchObject({ ok: true });
    await expect.poll(() => model(page)).toBe('有货的亲');
    await page.bringToFront();
    await page.keyboard.press('Control+z');
    await expect.poll(() => model(page)).toBe('');
    await Promise.all([page.close(), panel.close()]);
  });

  it('"/" picker: Enter replaces "/query" with the phrase in the model, without sending', async () => {
    const page = await openEditor(family);
    await page.keyboard.type('亲，/yh');
    const first = shadow(page, 'kefu-slash-picker', '[role="option"]').first();
    await expect.poll(() => first.getAttribute('data-phrase-id')).toBe('stock-yes');
    await page.keyboard.press('Enter');
    await expect.poll(() => model(page)).toBe(`亲，${STOCK}`);
    expect(await sentTexts(page)).toEqual([]);
    await page.click('[data-role="send"]');
    await expect.poll(() => sentTexts(page)).toEqual([`亲，${STOCK}`]); // the guard may check the fresh text first
    await page.close();
  });

  it('guard 改写此句: the clause is rewritten in the model and the console sends the fixed text', async () => {
    const page = await openEditor(family);
    await page.keyboard.type('亲，我不知道这个');
    const badge = shadow(page, 'kefu-guard', '[data-testid="guard-badge"]');
    await expect.poll(() => badge.textContent()).toBe('建议改 1');
    await badge.click();
    await shadow(page, 'kefu-guard', '[role="dialog"] .hit').filter({ hasText: '我不知道' }).locator('button', { hasText: '改写此句' }).click();
    const fixed = '亲，这个问题我帮您确认一下，请稍等片刻';
    await expect.poll(() => model(page)).toBe(fixed);
    await expect.poll(() => badge.count()).toBe(0);
    await page.click('[data-role="send"]');
    await expect.poll(() => sentTexts(page)).toEqual([fixed]); // the guard may check the fresh text first
    await page.close();
  });
});

describe('a reply box inside a same-origin iframe', () => {
  async function openFrame(): Promise<Page> {
    const page = await h.openPage('editor-iframe.html');
    await page.frameLocator('iframe').locator('body[contenteditable="true"]').click();
    return page;
  }

  it('side panel: inserts at the caret in the frame and the console sends it', async () => {
    const page = await openFrame();
    await page.keyboard.type('亲，');
    const panel = await panelFor(page);
    await panel.click('[data-phrase-id="stock-yes"]');
    await expect.poll(() => model(page)).toBe(`亲，${STOCK}`);
    await page.click('[data-role="send"]');
    await expect.poll(() => sentTexts(page)).toEqual([`亲，${STOCK}`]); // the guard may check the fresh text first
    await Promise.all([page.close(), panel.close()]);
  });

  it('"/" picker and guard 改写此句 work in the frame too', async () => {
    const page = await openFrame();
    await page.keyboard.type('/yh');
    const first = shadow(page, 'kefu-slash-picker', '[role="option"]').first();
    await expect.poll(() => first.getAttribute('data-phrase-id')).toBe('stock-yes');
    await page.keyboard.press('Enter');
    await expect.poll(() => model(page)).toBe(STOCK);
    await page.keyboard.type('我不知道');
    const badge = shadow(page, 'kefu-guard', '[data-testid="guard-badge"]');
    await expect.poll(() => badge.textContent()).toBe('建议改 1');
    await badge.click();
    await shadow(page, 'kefu-guard', '[role="dialog"] .hit').filter({ hasText: '我不知道' }).locator('button', { hasText: '改写此句' }).click();
    await expect.poll(() => model(page)).toBe(`${STOCK}这个问题我帮您确认一下，请稍等片刻`);
    await page.click('[data-role="send"]');
    await expect.poll(() => sentTexts(page)).toEqual([`${STOCK}这个问题我帮您确认一下，请稍等片刻`]); // the guard may check the fresh text first
    await page.close();
  });
});
