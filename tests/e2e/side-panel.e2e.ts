// The built extension in real headless Chromium against the local demo console.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { replyText, sentTexts, startHarness, type Harness } from './harness';

const HELLO = '您好，欢迎光临本店，很高兴为您服务，请问有什么可以帮您的呢？';
let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

describe('served chat tab', () => {
  it('finds the demo reply box and names the buyer; follows a conversation switch', async () => {
    const demo = await h.openDemo('react');
    await demo.click('[data-role="reply-box"]'); // the agent is in the chat page
    const panel = await h.openPanel(); // not pinned: serves the most recent chat tab
    await expect.poll(() => panel.textContent('[data-testid="served"]')).toBe('正在服务：演示工作台 · 买家 小美爱购物');
    await demo.click('[data-buyer-id="b1002"]');
    await expect.poll(() => panel.textContent('[data-testid="served"]')).toBe('正在服务：演示工作台 · 买家 阿强_2019');
    await Promise.all([demo.close(), panel.close()]);
  });

  it('stops serving a tab that navigates away from the console', async () => {
    const demo = await h.openDemo('react');
    const panel = await h.openPanel(await h.tabIdOf(demo));
    await expect.poll(() => panel.textContent('[data-testid="served"]')).toContain('演示工作台');
    await demo.goto(`${h.siteUrl}/no-input.html`);
    await expect.poll(() => panel.textContent('[data-testid="served"]')).toContain('此标签页未找到聊天输入框');
    await Promise.all([demo.close(), panel.close()]);
  });
});

describe.each(['textarea', 'react', 'contenteditable'] as const)('inserting into the %s reply box', (editor) => {
  it('lands at the caret, leaves the caret after it, and the demo sends exactly that text', async () => {
    const demo = await h.openDemo(editor);
    await demo.click('[data-role="reply-box"]');
    await demo.keyboard.type('亲，');
    const panel = await h.openPanel(await h.tabIdOf(demo));
    await panel.click('[data-phrase-id="starter-greeting-hello"]');
    await expect.poll(() => panel.textContent('[data-testid="notice"]')).toBe('已插入：主动招呼');
    expect(await replyText(demo)).toBe(`亲，${HELLO}`);

    await demo.keyboard.type('😊'); // the caret is after the inserted text
    expect(await replyText(demo)).toBe(`亲，${HELLO}😊`);

    await demo.click('[data-role="send"]');
    expect(await sentTexts(demo)).toEqual([`亲，${HELLO}😊`]);
    expect(await demo.locator('[data-from="agent"] .bubble').last().textContent()).toBe(`亲，${HELLO}😊`);
    expect(await replyText(demo)).toBe('');
    await Promise.all([demo.close(), panel.close()]);
  });

  it('replaces the selection and keeps line breaks; Enter sends it', async () => {
    const demo = await h.openDemo(editor);
    await demo.click('[data-role="reply-box"]');
    await demo.keyboard.type('亲，XXX');
    for (let i = 0; i < 3; i++) await demo.keyboard.press('Shift+ArrowLeft');
    const panel = await h.openPanel(await h.tabIdOf(demo));
    const tabId = await h.tabIdOf(demo);
    const reply = await panel.evaluate(
      ([id, text]) => chrome.tabs.sendMessage(id, { type: 'chat/insert', text }),
      [tabId, '第一行\n第二行'] as const,
    );
    expect(reply).toEqual({ ok: true, method: 'execCommand' });
    expect(await replyText(demo)).toBe('亲，第一行\n第二行');
    await demo.keyboard.press('Enter');
    expect(await sentTexts(demo)).toEqual(['亲，第一行\n第二行']);
    await Promise.all([demo.close(), panel.close()]);
  });
});

describe('bad input', () => {
  it('a malformed message is rejected whole and the reply box is untouched', async () => {
    const demo = await h.openDemo('react');
    await demo.click('[data-role="reply-box"]');
    await demo.keyboard.type('草稿');
    const panel = await h.openPanel(await h.tabIdOf(demo));
    const tabId = await h.tabIdOf(demo);
    const replies = await panel.evaluate(async (id) => {
      return Promise.all([
        chrome.tabs.sendMessage(id, { type: 'chat/insert', text: 'x'.repeat(5001) }),
        chrome.tabs.sendMessage(id, { type: 'chat/insert', text: 42 }),
        chrome.tabs.sendMessage(id, { type: 'chat/erase' }),
      ]);
    }, tabId);
    for (const r of replies) expect(r).toMatchObject({ ok: false, reason: 'invalid' });
    expect(await replyText(demo)).toBe('草稿');
    await Promise.all([demo.close(), panel.close()]);
  });

  it('with no chat input on the tab, the phrase goes to the clipboard and the panel says so', async () => {
    await h.context.grantPermissions(['clipboard-read', 'clipboard-write']);
    const page = await h.openPage('no-input.html');
    const panel = await h.openPanel(await h.tabIdOf(page));
    await expect.poll(() => panel.textContent('[data-testid="served"]')).toContain('此标签页未找到聊天输入框');
    await panel.click('[data-phrase-id="starter-greeting-hello"]');
    await expect.poll(() => panel.textContent('[data-testid="notice"]')).toContain('已复制到剪贴板');
    expect(await panel.evaluate(() => navigator.clipboard.readText())).toBe(HELLO);
    await Promise.all([page.close(), panel.close()]);
  });
});
