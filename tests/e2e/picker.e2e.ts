// The "/" picker in the demo console's reply boxes, in real Chromium with the built extension.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { STOCK, replyText, sentTexts, startHarness, type Harness } from './harness';
import { shadow } from './shadow';

// 快递时效 reads {快递时效}, filled from ⚙ settings (a fresh install's default: 江浙沪2-3天，其他地区3-6天).
const TRANSIT = '快递一般江浙沪2-3天，其他地区3-6天送达，偏远地区会稍慢一些，超过时间没收到请联系我为您查件。';
let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

const pickerItems = (page: Page) => shadow(page, 'kefu-slash-picker', '[role="option"]');

describe.each(['react', 'textarea', 'contenteditable'] as const)('"/" picker in the %s box', (editor) => {
  it('opens on "/" at a word start, filters, and Enter replaces "/query" without sending', async () => {
    const demo = await h.openDemo(editor);
    await demo.click('[data-role="reply-box"]');
    await demo.keyboard.type('亲，/yh');
    await expect.poll(() => pickerItems(demo).first().getAttribute('data-phrase-id')).toBe('stock-yes');
    await demo.keyboard.press('Enter');
    await expect.poll(() => replyText(demo)).toBe(`亲，${STOCK}`);
    expect(await pickerItems(demo).count()).toBe(0);
    expect(await sentTexts(demo)).toEqual([]); // the Enter was the picker's, not the console's send
    await demo.keyboard.type('！');
    await demo.keyboard.press('Enter');
    await expect.poll(() => sentTexts(demo)).toEqual([`亲，${STOCK}！`]); // may pass through the guard's fresh check first
    await demo.close();
  });
});

describe('"/" picker keys', () => {
  it('↓ then Tab picks the second result; Esc closes and leaves the text as typed', async () => {
    const demo = await h.openDemo('contenteditable');
    await demo.click('[data-role="reply-box"]');
    await demo.keyboard.type('/kd');
    // The list of "/kd" itself, not the one for "/k" still showing (on a slow machine its second row is the
    // first of "/kd").
    await expect.poll(() => pickerItems(demo).first().getAttribute('data-phrase-id')).toBe('logistics-transit');
    await expect.poll(() => pickerItems(demo).count()).toBeGreaterThan(1);
    const second = await pickerItems(demo).nth(1).getAttribute('data-phrase-id');
    await demo.keyboard.press('Escape');
    expect(await pickerItems(demo).count()).toBe(0);
    expect(await replyText(demo)).toBe('/kd');
    await demo.keyboard.press('Backspace');
    await demo.keyboard.type('d');
    // Wait for the list of "/kd" itself (the one for "/k" may still be showing): an arrow key pressed before
    // the new list arrives moves the old one.
    await expect.poll(() => pickerItems(demo).first().getAttribute('data-phrase-id')).toBe('logistics-transit');
    await expect.poll(() => pickerItems(demo).count()).toBeGreaterThan(1);
    expect(second).not.toBe('logistics-transit');
    await demo.keyboard.press('ArrowDown'); // second
    await expect.poll(() => pickerItems(demo).nth(1).getAttribute('aria-selected')).toBe('true');
    await demo.keyboard.press('ArrowUp'); // back to the first
    await demo.keyboard.press('Tab');
    await expect.poll(() => replyText(demo)).toBe(TRANSIT);
    await demo.close();
  });

  it('does not open for URLs or fractions', async () => {
    const demo = await h.openDemo('react');
    await demo.click('[data-role="reply-box"]');
    await demo.keyboard.type('http://a 1/2');
    await demo.waitForTimeout(300);
    expect(await pickerItems(demo).count()).toBe(0);
    await demo.close();
  });

  it('a click on a suggestion inserts it', async () => {
    const demo = await h.openDemo('react');
    await demo.click('[data-role="reply-box"]');
    await demo.keyboard.type('/kd');
    await pickerItems(demo).filter({ hasText: '快递时效' }).click();
    await expect.poll(() => replyText(demo)).toBe(TRANSIT);
    await demo.close();
  });

  it('never acts during IME composition, and Enter while composing neither inserts nor sends', async () => {
    const demo = await h.openDemo('react');
    await demo.click('[data-role="reply-box"]');
    await demo.keyboard.type('/');
    await expect.poll(() => pickerItems(demo).count()).toBeGreaterThan(0);
    const cdp = await h.context.newCDPSession(demo);
    // The agent goes on through a Chinese input method: "kd" is composition, not yet text.
    await cdp.send('Input.imeSetComposition', { text: 'kd', selectionStart: 2, selectionEnd: 2 });
    await demo.keyboard.press('Enter'); // Chromium flags this keydown isComposing: the picker must leave it alone
    expect(await replyText(demo)).not.toContain('您');
    expect(await sentTexts(demo)).toEqual([]);
    await cdp.send('Input.insertText', { text: '快递' }); // commit
    await expect.poll(() => replyText(demo)).toMatch(/^\/快递/);
    // Once committed, the text is a normal trigger: the picker follows it.
    await expect.poll(() => pickerItems(demo).first().textContent()).toContain('快递');
    await demo.close();
  });
});

describe('"/" picker placeholders', () => {
  it('asks for missing values inline, inserts, and counts the use', async () => {
    const demo = await h.openDemo('textarea');
    await demo.click('[data-role="reply-box"]');
    await demo.keyboard.type('/dh');
    await expect.poll(() => pickerItems(demo).first().getAttribute('data-phrase-id')).toBe('logistics-tracking-result');
    await demo.keyboard.press('Enter');
    const inputs = shadow(demo, 'kefu-slash-picker', 'form input');
    await expect.poll(() => inputs.count()).toBe(2);
    await inputs.nth(0).fill('中通');
    await inputs.nth(1).fill('7510');
    await inputs.nth(1).press('Enter');
    await expect.poll(() => replyText(demo)).toBe('亲，您的包裹已由中通发出，运单号是7510，您可以在订单详情里实时查看物流。');
    expect(await sentTexts(demo)).toEqual([]);
    await demo.close();
  });

  it('the default pack\'s shop facts come from ⚙: a new cut-off time and shifts are what the buyer reads, with no form', async () => {
    const demo = await h.openDemo('textarea');
    const panel = await h.openPanel(await h.tabIdOf(demo));
    await panel.click('button[aria-label="设置"]');
    await panel.fill('label:has-text("截单时间") input', '17:30');
    await panel.fill('input[aria-label="晚班结束"]', '23:00');
    await panel.click('form[aria-label="设置"] button[type="submit"]');
    await demo.bringToFront();
    await demo.click('[data-role="reply-box"]');
    await demo.keyboard.type('/drfh');
    await expect.poll(() => pickerItems(demo).first().getAttribute('data-phrase-id')).toBe('logistics-ship-today');
    await demo.keyboard.press('Enter');
    await expect.poll(() => replyText(demo)).toBe('亲，每天17:30前付款的订单当天发出，之后付款的第二天发出。');
    await demo.fill('[data-role="reply-box"]', '');
    await demo.keyboard.type('/xb');
    await expect.poll(() => pickerItems(demo).first().getAttribute('data-phrase-id')).toBe('away-off-hours');
    await demo.keyboard.press('Enter');
    await expect.poll(() => replyText(demo)).toBe('您好，现在是客服下班时间（工作时间 09:00-23:00），您可以先留言，上班后我们会按顺序回复您。');
    expect(await shadow(demo, 'kefu-slash-picker', 'form').count()).toBe(0);
    await Promise.all([demo.close(), panel.close()]);
  });

  it('a choice list is a menu in the picker form; Enter on it inserts, with the date filled in', async () => {
    const demo = await h.openDemo('textarea');
    await demo.click('[data-role="reply-box"]');
    const panel = await h.openPanel(await h.tabIdOf(demo));
    const csv = '\ufeff阶段,标题,快捷编码,内容,标签\r\n物流,选快递发出,xzkd,亲，已用{快递公司=顺丰/中通/圆通}发出，预计{日期+1|M月D日}送达,\r\n';
    await panel.setInputFiles('[data-testid="import-file"]', { name: 'mine.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await panel.click('[data-testid="import-preview"] button:has-text("导入")');
    await expect.poll(() => panel.textContent('[data-testid="notice"]')).toBe('已导入 1 条短语');
    await demo.bringToFront();
    await demo.click('[data-role="reply-box"]');
    await demo.keyboard.type('/xzkd');
    await expect.poll(() => pickerItems(demo).first().textContent()).toContain('选快递发出');
    await demo.keyboard.press('Enter');
    const menu = shadow(demo, 'kefu-slash-picker', 'form select');
    await expect.poll(() => menu.evaluate((m: HTMLSelectElement) => [...m.options].map((o) => o.value).join('/'))).toBe('顺丰/中通/圆通');
    await menu.selectOption('中通');
    await menu.press('Enter');
    const tomorrow = await demo.evaluate(() => {
      const d = new Date();
      const t = new Date(d.getFullYear(), d.getMonth(), d.getDate() + 1);
      return `${t.getMonth() + 1}月${t.getDate()}日`;
    });
    await expect.poll(() => replyText(demo)).toBe(`亲，已用中通发出，预计${tomorrow}送达`);
    expect(await sentTexts(demo)).toEqual([]);
    await Promise.all([demo.close(), panel.close()]);
  });

  it('the same reply to the same buyer again is warned of (not held); a phrase with other wordings gives the next one', async () => {
    const demo = await h.openDemo('textarea');
    await demo.click('[data-role="reply-box"]');
    const panel = await h.openPanel(await h.tabIdOf(demo));
    const pack = { format: 'kefu-phrase-pack', version: 1, id: 'mine', name: '我的', stages: [], phrases: [] as unknown[] };
    pack.stages = [{ id: 'greeting', name: '欢迎', order: 10, color: '#0f766e', builtin: true }] as never;
    pack.phrases = [{ id: 'here', stageId: 'greeting', title: '在的', code: 'zaide', body: '亲，在的，请问有什么可以帮您', variants: ['您好，我在的，您请说'], tags: [] }];
    await panel.setInputFiles('[data-testid="import-file"]', { name: 'mine.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(pack)) });
    await panel.click('[data-testid="import-preview"] button:has-text("导入")');
    await expect.poll(() => panel.textContent('[data-testid="notice"]')).toBe('已导入 1 条短语');
    await demo.bringToFront();
    await demo.click('[data-role="reply-box"]');

    // Typed, sent, typed again: the badge warns, and Enter still sends.
    await demo.keyboard.type('好的亲，马上为您查');
    await demo.keyboard.press('Enter');
    await expect.poll(() => sentTexts(demo)).toEqual(['好的亲，马上为您查']);
    await demo.waitForTimeout(700); // the send is taken as sent once the box has emptied
    await demo.keyboard.type('好的亲，马上为您查');
    const badge = shadow(demo, 'kefu-guard', '[data-testid="guard-badge"]');
    await expect.poll(() => badge.textContent()).toBe('建议改 1');
    await badge.click();
    expect(await shadow(demo, 'kefu-guard', '.hit').textContent()).toContain('重复回复');
    await demo.click('[data-role="reply-box"]');
    await demo.keyboard.press('Enter');
    await expect.poll(() => sentTexts(demo)).toHaveLength(2);

    // The phrase twice through the "/" picker: its two wordings in turn.
    for (const expected of ['亲，在的，请问有什么可以帮您', '您好，我在的，您请说']) {
      await demo.keyboard.type('/zaide');
      await expect.poll(() => pickerItems(demo).first().textContent()).toContain('在的');
      await demo.keyboard.press('Enter');
      await expect.poll(() => replyText(demo)).toBe(expected);
      await demo.keyboard.press('Enter');
      await expect.poll(() => sentTexts(demo).then((s) => s.at(-1))).toBe(expected);
    }
    await Promise.all([demo.close(), panel.close()]);
  });

  it('存为短语 in the "/" picker stores the box’s words (without "/") as a phrase the panel finds, pinyin included', async () => {
    const demo = await h.openDemo('react');
    await demo.click('[data-role="reply-box"]');
    await demo.keyboard.type('亲，周末下单周一统一发货哦 /');
    const save = shadow(demo, 'kefu-slash-picker', '[data-testid="picker-save-draft"]');
    await expect.poll(() => save.textContent()).toBe('＋ 存为短语：亲，周末下单周一统一发货哦');
    await save.click();
    await expect.poll(() => shadow(demo, 'kefu-toast', '[role="status"]').textContent()).toContain('已存为短语：周末下单周一统一发货哦');
    const panel = await h.openPanel(await h.tabIdOf(demo));
    await panel.fill('input[type="search"]', 'zmxd'); // 周末下单, by its pinyin initials: keys were added by the panel
    await expect.poll(() => panel.textContent('[role="option"]:first-child')).toContain('周末下单周一统一发货哦');
    await Promise.all([demo.close(), panel.close()]);
  });

  it('存为短语 in the panel reads the served tab’s reply box', async () => {
    const demo = await h.openDemo('contenteditable');
    await demo.click('[data-role="reply-box"]');
    await demo.keyboard.type('亲，这款今天有现货');
    const panel = await h.openPanel(await h.tabIdOf(demo));
    await panel.click('button:has-text("管理")'); // the library tools are inside 管理
    await panel.click('button:has-text("存为短语")');
    await expect.poll(() => panel.inputValue('form[aria-label="编辑短语"] textarea')).toBe('亲，这款今天有现货');
    await Promise.all([demo.close(), panel.close()]);
  });
});
