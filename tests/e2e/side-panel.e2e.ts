// The built extension in real headless Chromium against the local demo console.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STOCK, replyText, sentTexts, startHarness, type Harness } from './harness';

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
    await panel.click('[data-phrase-id="stock-yes"]');
    await expect.poll(() => panel.textContent('[data-testid="notice"]')).toBe('已插入：有货');
    expect(await replyText(demo)).toBe(`亲，${STOCK}`);

    await demo.keyboard.type('😊'); // the caret is after the inserted text
    expect(await replyText(demo)).toBe(`亲，${STOCK}😊`);

    await demo.click('[data-role="send"]');
    await expect.poll(() => sentTexts(demo)).toEqual([`亲，${STOCK}😊`]); // the 😊 may still be in its check
    expect(await demo.locator('[data-from="agent"] .bubble').last().textContent()).toBe(`亲，${STOCK}😊`);
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
    // The send goes once the guard has checked the draft (a check still running holds it): on a busy machine that is
    // after the key press returns.
    await expect.poll(() => sentTexts(demo), { timeout: 5000 }).toEqual(['亲，第一行\n第二行']);
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
    await panel.click('[data-phrase-id="stock-yes"]');
    await expect.poll(() => panel.textContent('[data-testid="notice"]')).toContain('已复制到剪贴板');
    expect(await panel.evaluate(() => navigator.clipboard.readText())).toBe(STOCK);
    await Promise.all([page.close(), panel.close()]);
  });
});

describe('quick phrases from the panel', () => {
  it.each(['react', 'contenteditable'] as const)('puts the caret where the phrase marks it ({光标}) in the %s box', async (editor) => {
    const demo = await h.openDemo(editor);
    await demo.click('[data-role="reply-box"]');
    const panel = await h.openPanel(await h.tabIdOf(demo));
    await panel.click('[data-phrase-id="stock-link-alt"]');
    await expect.poll(() => panel.textContent('[data-testid="notice"]')).toBe('已插入：发送替代链接');
    await demo.keyboard.type('https://item.example/1');
    expect(await replyText(demo)).toBe(
      '您好，有的，请稍等，我把链接发给您：https://item.example/1。宝贝下方有详细的尺寸和参数，有不懂的随时问我。',
    );
    await Promise.all([demo.close(), panel.close()]);
  });

  it('search by shortcut code, then Alt+1 inserts the first result', async () => {
    const demo = await h.openDemo('react');
    await demo.click('[data-role="reply-box"]');
    const panel = await h.openPanel(await h.tabIdOf(demo));
    await panel.fill('input[type="search"]', 'yh');
    await expect.poll(() => panel.getAttribute('[role="option"]:first-child button', 'data-phrase-id')).toBe('stock-yes');
    await panel.keyboard.press('Alt+1');
    await expect.poll(() => replyText(demo)).toBe(STOCK);
    await Promise.all([demo.close(), panel.close()]);
  });

  it('fills placeholders from the settings and the open conversation', async () => {
    const demo = await h.openDemo('textarea');
    await demo.click('[data-buyer-id="b1003"]');
    await demo.click('[data-role="reply-box"]');
    const panel = await h.openPanel(await h.tabIdOf(demo));
    await panel.click('button[aria-label="设置"]');
    await panel.fill('label:has-text("店铺名") input', '小美服饰');
    await panel.fill('label:has-text("客服名") input', '小王');
    await panel.click('button:has-text("保存")');
    await panel.click('[data-phrase-id="greeting-hello-buyer"]');
    // Settings saved, then the phrase flow (values, same buyer?, insert): more than the default second on a busy machine.
    await expect.poll(() => replyText(demo), { timeout: 5000 }).toBe('林林您好，欢迎光临小美服饰，我是客服小王，请问看中哪款宝贝了呢？');
    await Promise.all([demo.close(), panel.close()]);
  });
});

describe('import from a file', () => {
  it('previews a Qianniu GBK file, applies it, and the new phrase inserts', async () => {
    const demo = await h.openDemo('react');
    await demo.click('[data-role="reply-box"]');
    const panel = await h.openPanel(await h.tabIdOf(demo));
    // "快捷短语编码,快捷短语,快捷短语分组" + one row, GBK-encoded as Qianniu writes it.
    const gbk = await panel.evaluate(() => {
      const text = '快捷短语编码,快捷短语,快捷短语分组\r\nzbfh,亲，周末仓库照常发货。,物流\r\n';
      const dec = new TextDecoder('gbk');
      const table = new Map<string, number[]>();
      for (let a = 0x81; a <= 0xfe; a++) for (let b = 0x40; b <= 0xfe; b++) table.set(dec.decode(new Uint8Array([a, b])), [a, b]);
      return [...text].flatMap((ch) => (ch.charCodeAt(0) < 0x80 ? [ch.charCodeAt(0)] : table.get(ch)!));
    });
    await panel.setInputFiles('[data-testid="import-file"]', { name: 'qianniu.csv', mimeType: 'text/csv', buffer: Buffer.from(gbk) });
    await expect.poll(() => panel.textContent('[data-testid="import-preview"]')).toContain('新增 1 · 更新 0 · 重复 0 · 无效 0');
    await panel.click('[data-testid="import-preview"] button:has-text("导入")');
    await expect.poll(() => panel.textContent('[data-testid="notice"]')).toBe('已导入 1 条短语');
    await panel.fill('input[type="search"]', 'zbfh');
    await panel.keyboard.press('Enter');
    await expect.poll(() => replyText(demo)).toBe('亲，周末仓库照常发货。');
    await Promise.all([demo.close(), panel.close()]);
  });
});

describe('team packs', () => {
  const pack = (version: number, phrases: [string, string, string][]) =>
    Buffer.from(
      JSON.stringify({ format: 'kefu-phrase-pack', version: 1, id: 'team-e2e', name: '售后组', packVersion: version, author: '组长', stages: [{ id: 'aftersales', name: '售后', order: 90, color: '#0f766e', builtin: true }], phrases: phrases.map(([id, title, body]) => ({ id, stageId: 'aftersales', title, body, tags: [] })) }),
    );

  it('imports pack v1, keeps an edit made here through v2, and shows the merge before writing', async () => {
    const demo = await h.openDemo('react');
    await demo.click('[data-role="reply-box"]');
    const panel = await h.openPanel(await h.tabIdOf(demo));
    await panel.setInputFiles('[data-testid="import-file"]', { name: 'team-v1.json', mimeType: 'application/json', buffer: pack(1, [['sorry', '组内致歉', '非常抱歉给您添麻烦了'], ['check', '组内核实', '我马上为您核实一下']]) });
    await expect.poll(() => panel.textContent('[data-testid="team-pack-counts"]')).toContain('新增 2 · 更新 0');
    await panel.click('[data-testid="team-pack-preview"] button:has-text("更新到 v1")');
    await expect.poll(() => panel.textContent('[data-testid="notice"]')).toBe('已更新团队包「售后组」到 v1');

    // The agent rewords one pack phrase in the editor.
    await panel.click('button:has-text("管理")');
    await panel.fill('input[type="search"]', '组内核实');
    await panel.click('[aria-label="组内核实"] button:has-text("编辑")');
    await panel.fill('form[aria-label="编辑短语"] textarea', '亲，我这就帮您查一下');
    await panel.click('form[aria-label="编辑短语"] button:has-text("保存")');
    await expect.poll(() => panel.textContent('[role="option"]:first-child')).toContain('团队包 v1 · 已改');

    await panel.setInputFiles('[data-testid="import-file"]', { name: 'team-v2.json', mimeType: 'application/json', buffer: pack(2, [['sorry', '组内致歉', '非常抱歉，马上为您处理'], ['check', '组内核实', '我马上为您核实订单'], ['wait', '组内稍候', '请您稍等片刻']]) });
    await expect.poll(() => panel.textContent('[data-testid="team-pack-preview"]')).toContain('v1 → v2');
    expect(await panel.textContent('[data-testid="team-pack-counts"]')).toBe('新增 1 · 更新 1 · 包中已移除 0 · 保留 1 · 无变化 0');
    expect(await panel.textContent('[data-testid="team-pack-preview"]')).toContain('组内核实 · 新版本有新说法');
    await panel.click('[data-testid="team-pack-preview"] button:has-text("更新到 v2")');
    await expect.poll(() => panel.textContent('[data-testid="notice"]')).toBe('已更新团队包「售后组」到 v2');

    await panel.click('button[aria-pressed="true"]:has-text("完成")');
    await panel.fill('input[type="search"]', '组内核实');
    await panel.keyboard.press('Enter');
    await expect.poll(() => replyText(demo)).toBe('亲，我这就帮您查一下');
    await demo.fill('[data-role="reply-box"]', '');
    await panel.fill('input[type="search"]', '组内致歉');
    await panel.keyboard.press('Enter');
    await expect.poll(() => replyText(demo)).toBe('非常抱歉，马上为您处理');
    await Promise.all([demo.close(), panel.close()]);
  });
});

describe('stage hint', () => {
  it('pre-selects the stage from the open conversation\'s latest buyer message', async () => {
    const demo = await h.openDemo('react');
    const panel = await h.openPanel(await h.tabIdOf(demo), { allStages: false });
    await expect.poll(() => panel.getAttribute('[data-hinted]', 'aria-selected')).toBe('true');
    expect(await panel.textContent('[data-hinted]')).toContain('物流'); // "今天下单什么时候发货呀"
    await demo.click('[data-buyer-id="b1003"]'); // "能便宜点吗？买两件有优惠吗"
    await expect.poll(() => panel.textContent('.stages [role="tab"][aria-selected="true"]')).toContain('议价');
    await Promise.all([demo.close(), panel.close()]);
  });
});

describe('buyer notes', () => {
  it('follow the open conversation', async () => {
    const demo = await h.openDemo('react');
    const panel = await h.openPanel(await h.tabIdOf(demo));
    await panel.locator('.buyerbar__fold > summary').click(); // 跟进: the buyer bar's fold holds the note
    await panel.locator('.buyer-note summary').click();
    await panel.fill('textarea[aria-label="买家备注：小美爱购物"]', '老顾客，穿M码');
    await panel.waitForSelector('text=备注已保存');
    await demo.click('[data-buyer-id="b1002"]');
    await expect.poll(() => panel.locator('.buyer-note summary').textContent()).toBe('买家备注：阿强_2019');
    await demo.click('[data-buyer-id="b1001"]');
    await expect.poll(() => panel.inputValue('textarea[aria-label="买家备注：小美爱购物"]')).toBe('老顾客，穿M码');
    await Promise.all([demo.close(), panel.close()]);
  });
});

/**
 * A panel opened on a first screen the previous open wrote (an open writes the first screen's ids once the library is
 * read; the next open draws those rows at once, before React), with `atRows` run in the page the moment rows appear
 * (the window before React takes over is tens of milliseconds: too short for input sent from here).
 */
async function panelOnFirstScreen(tabId: number, atRows: () => void) {
  const first = await h.openPanel(tabId);
  await first.waitForFunction(() => localStorage.getItem('kefu.firstScreen') !== null);
  await first.close();
  const panel = await h.context.newPage();
  await panel.addInitScript(atRows);
  await panel.goto(`chrome-extension://${h.extensionId}/sidepanel.html?tabId=${tabId}`);
  await panel.waitForFunction(() => (globalThis as Record<string, unknown>).__early !== undefined, undefined, { timeout: 5000 });
  return panel;
}

describe('the first screen before React (entrypoints/first-screen, static-first-screen.ts)', () => {
  it('paints the rows before React, and a row clicked then is inserted once the panel takes over (no lost click)', async () => {
    const demo = await h.openDemo('react');
    await demo.click('[data-role="reply-box"]');
    // A row is clicked the moment the static rows are there. The tests of static-first-screen.ts click with a mouse.
    const panel = await panelOnFirstScreen(await h.tabIdOf(demo), () => {
      const g = globalThis as { __kefuFirstPaint?: { painted?: boolean; taken?: boolean }; __early?: { title: string | null } };
      const seen = new MutationObserver(() => {
        if (!document.querySelector('[data-phrase-id]')) return;
        // A phrase that asks for nothing (one with {店铺名} would open the fill-in form instead of inserting).
        const row = [...document.querySelectorAll<HTMLButtonElement>('[data-phrase-id]')].find((b) => !b.querySelector('[data-slot]'))!;
        seen.disconnect();
        if (g.__kefuFirstPaint?.painted && !g.__kefuFirstPaint.taken) g.__early = { title: row.querySelector('.phrase__title')!.textContent };
        row.click();
      });
      seen.observe(document, { childList: true, subtree: true });
    });
    const title = await panel.evaluate(() => (globalThis as { __early?: { title: string } }).__early!.title);
    await expect.poll(() => panel.textContent('[data-testid="notice"]'), { timeout: 15_000 }).toBe(`已插入：${title}`);
    expect(await replyText(demo)).not.toBe('');
    const marks = await panel.evaluate(() => Object.fromEntries(['kefu:static-rows', 'kefu:first-phrase', 'kefu:react-phrase'].map((n) => [n, performance.getEntriesByName(n)[0]?.startTime ?? NaN])));
    expect(marks['kefu:first-phrase']).toBeLessThan(marks['kefu:react-phrase']!);
    expect(marks['kefu:static-rows']).toBeLessThan(marks['kefu:first-phrase']!);
    await Promise.all([demo.close(), panel.close()]);
  });

  it('letters typed on the static rows, before React takes over, are the search once it has the box (no lost keys)', async () => {
    const demo = await h.openDemo('react');
    const panel = await panelOnFirstScreen(await h.tabIdOf(demo), () => {
      const g = globalThis as { __kefuFirstPaint?: { painted?: boolean; taken?: boolean }; __early?: boolean };
      const seen = new MutationObserver(() => {
        if (!document.querySelector('[data-phrase-id]')) return;
        seen.disconnect();
        g.__early = !!g.__kefuFirstPaint?.painted && !g.__kefuFirstPaint.taken; // typed while the static rows showed
        for (const key of ['y', 'h']) window.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }));
      });
      seen.observe(document, { childList: true, subtree: true });
    });
    expect(await panel.evaluate(() => (globalThis as { __early?: boolean }).__early)).toBe(true);
    await expect.poll(() => panel.inputValue('input.search:not([readonly])'), { timeout: 15_000 }).toBe('yh');
    await expect.poll(() => panel.getAttribute('[data-phrase-id]', 'data-phrase-id')).toBe('stock-yes'); // 有货's code
    await Promise.all([demo.close(), panel.close()]);
  });
});
