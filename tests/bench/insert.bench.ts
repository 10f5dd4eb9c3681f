/**
 * Insertion in Chromium with the built extension, over the fixture editors (demo textarea/React/contenteditable,
 * Lexical, Slate, Draft.js, Quill, TipTap, iframe): the time from the side panel's insert request to the text
 * being in the editor's model (the content script answers once the editor has taken it; every sample is
 * checked against the model). Also what the content script costs a chat page: its start-up (timed in its own
 * isolated world), and the demo page's load time with and without it.
 */
import { buildFixtures, EDITOR_FAMILIES } from '../e2e/build-fixtures.mjs';
import { launchWithExtension } from '../e2e/browser.mjs';
import { serve } from '../e2e/server.mjs';
import { chatScriptStarts } from '../e2e/shadow';
import { percentile } from './stats';

const TEXT = '亲，您问的这款有货的，现在拍下付款就可以为您安排发货哦。';
const ROUNDS = 15;

async function loadTimes(context: import('playwright-core').BrowserContext, url: string, n: number): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const page = await context.newPage();
    await page.goto(url, { waitUntil: 'load' });
    await page.waitForTimeout(50);
    out.push(await page.evaluate(() => {
      const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
      return nav.loadEventEnd - nav.startTime;
    }));
    await page.close();
  }
  return out;
}

/** The chat script's start in the page (waits for it): when, and how long it held the page. */
async function started(page: import('playwright-core').Page): Promise<{ at: number; ms: number }> {
  for (let i = 0; i < 200; i++) {
    const [first] = await chatScriptStarts(page);
    if (first) return first;
    await page.waitForTimeout(50);
  }
  throw new Error('the chat script did not start');
}

/**
 * The longest the page's main thread was held in the 800 ms after its load event (a 4 ms timer chain started at
 * document start; a gap between ticks is time the page could not run), in ms.
 */
async function stallAfterLoad(context: import('playwright-core').BrowserContext, url: string, agent: boolean): Promise<number> {
  const page = await context.newPage();
  await page.addInitScript(() => {
    const ticks: number[] = ((window as unknown as { __ticks: number[] }).__ticks = []);
    const tick = () => {
      ticks.push(performance.now());
      if (ticks.length < 2000) setTimeout(tick, 4);
    };
    tick();
  });
  await page.goto(url, { waitUntil: 'load' });
  if (agent) await started(page);
  await page.waitForTimeout(900);
  const gap = await page.evaluate(() => {
    const loaded = (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).loadEventEnd;
    const ticks = (window as unknown as { __ticks: number[] }).__ticks.filter((t) => t >= loaded && t <= loaded + 800);
    let max = 0;
    for (let k = 1; k < ticks.length; k++) max = Math.max(max, ticks[k]! - ticks[k - 1]!);
    return max;
  });
  await page.close();
  return gap;
}

export async function run(): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  const dir = await buildFixtures();
  const site = await serve(dir);
  const { context, extensionId } = await launchWithExtension();
  try {
    const panel = await context.newPage();
    await panel.goto(`chrome-extension://${extensionId}/sidepanel.html`);
    await panel.waitForSelector('[data-phrase-id]');
    const pages = [
      ...['textarea', 'react', 'contenteditable'].map((e) => ({ name: `demo-${e}`, path: `index.html?editor=${e}` })),
      ...EDITOR_FAMILIES.map((f: string) => ({ name: f, path: `editor-${f}.html` })),
    ];
    const all: number[] = [];
    for (const { name, path } of pages) {
      const page = await context.newPage();
      await page.goto(`${site.url}/${path}`);
      const frame = name === 'iframe';
      const box = frame ? page.frameLocator('iframe').locator('body') : page.locator('[data-role="reply-box"] [contenteditable="true"], [data-role="reply-box"]:is(textarea, [contenteditable])').first();
      await box.click();
      await page.waitForTimeout(300); // the content script has reported the tab
      const tabId = await panel.evaluate(async (u) => (await chrome.tabs.query({})).find((t) => t.url === u)?.id, page.url());
      const samples: number[] = [];
      for (let i = 0; i < ROUNDS + 2; i++) {
        const ms = await panel.evaluate(async ([id, text]) => {
          const t = performance.now();
          const reply = (await chrome.tabs.sendMessage(id as number, { type: 'chat/insert', text })) as { ok: boolean };
          if (!reply.ok) throw new Error('insert failed');
          return performance.now() - t;
        }, [tabId, TEXT] as const);
        const model = await page.evaluate(() =>
          typeof window.__editorText === 'function'
            ? window.__editorText()
            : (document.querySelector<HTMLTextAreaElement>('[data-role="reply-box"]')?.value ?? document.querySelector<HTMLElement>('[data-role="reply-box"]')!.innerText),
        );
        if (!model.endsWith(TEXT)) throw new Error(`${name}: the model does not hold the text`);
        if (i >= 2) samples.push(ms); // the first inserts also compile the code paths
        await page.click('[data-role="send"]'); // the console sends and clears
        await page.waitForFunction(() => window.__demoSent.length > 0);
        await page.evaluate(() => void (window.__demoSent.length = 0));
      }
      out[`insert.p95_ms.${name}`] = Math.round(percentile(samples, 95) * 10) / 10;
      all.push(...samples);
      await page.close();
    }
    out['insert.p95_ms'] = Math.round(percentile(all, 95) * 10) / 10;
    out['insert.median_ms'] = Math.round(percentile(all, 50) * 10) / 10;

    // The content script's start-up, as it timed itself (kept in its isolated world, not on the page's timeline).
    const starts: number[] = [];
    for (let i = 0; i < 7; i++) {
      const page = await context.newPage();
      await page.goto(`${site.url}/index.html`);
      starts.push((await started(page)).ms);
      await page.close();
    }
    out['content_script.start_ms'] = Math.round(percentile(starts, 50) * 100) / 100;
    // What the content script adds to the demo page's load: the same page in the same browser, served from a
    // loopback address the content script matches (127.0.0.1) and from one it does not (127.0.0.2), interleaved
    // so that drift on the machine hits both alike.
    const unmatched = await serve(dir, 0, '127.0.0.2');
    const withExt: number[] = [];
    const without: number[] = [];
    const paired: number[] = [];
    await loadTimes(context, `${unmatched.url}/index.html`, 2); // warm up both
    await loadTimes(context, `${site.url}/index.html`, 2);
    for (let i = 0; i < 30; i++) {
      const [a] = await loadTimes(context, `${site.url}/index.html`, 1);
      const [b] = await loadTimes(context, `${unmatched.url}/index.html`, 1);
      withExt.push(a!);
      without.push(b!);
      paired.push(a! - b!);
    }
    // The agent is injected after the load event: what that holds the page for (parsing and starting it), as the
    // longest main-thread stall after load, with the agent minus without.
    const stalls: number[] = [];
    for (let i = 0; i < 15; i++) {
      const a = await stallAfterLoad(context, `${site.url}/index.html`, true);
      const b = await stallAfterLoad(context, `${unmatched.url}/index.html`, false);
      stalls.push(a - b);
    }
    out['content_script.agent_stall_ms'] = Math.round(Math.max(0, percentile(stalls, 50)) * 10) / 10;
    await unmatched.close();
    // The median of the back-to-back differences: far steadier here than the difference of two medians.
    out['content_script.load_ms'] = Math.round(Math.max(0, percentile(paired, 50)) * 10) / 10;
    out['demo.load_ms.with_content_script'] = Math.round(percentile(withExt, 50));
    out['demo.load_ms.without_content_script'] = Math.round(percentile(without, 50));
  } finally {
    await context.close();
    await site.close();
  }
  return out;
}
