/**
 * Side panel open time with 10,000 phrases, in Chromium with the built extension: from navigation to the list
 * being rendered and the search box focused (interactive). The library is written straight into the
 * extension's IndexedDB with precomputed search keys, as the import path stores it.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { EXTENSION_DIR, launchWithExtension } from '../e2e/browser.mjs';
import { buildFixtures } from '../e2e/build-fixtures.mjs';
import { serve } from '../e2e/server.mjs';
import { putPhrasesInPage } from '../e2e/idb';
import { phrasePinyin } from '../../scripts-library/shared/pinyin';
import { syntheticPhrases } from './search.bench';
import { percentile } from './stats';

export async function run(): Promise<Record<string, number>> {
  const now = Date.now();
  const phrases = syntheticPhrases(10_000).map((p) => ({
    ...p,
    code: p.code,
    createdAt: now,
    updatedAt: now,
    origin: 'bench',
    pinyin: phrasePinyin([p.title, p.body, ...p.tags]),
  }));
  // The floor: an extension page with one line of text and no script, opened the same way in the same run.
  writeFileSync(join(EXTENSION_DIR, 'bench-floor.html'), '<!doctype html><meta charset="utf-8"><p>客服助手</p>');
  const { context, extensionId } = await launchWithExtension();
  try {
    const url = `chrome-extension://${extensionId}/sidepanel.html`;
    const seed = await context.newPage();
    await seed.goto(url);
    await seed.waitForSelector('[data-phrase-id]'); // default library installed, schema created
    // A new profile shows the first-run card (its 店铺名 box takes the focus): skipped, as an agent does once.
    await seed.getByRole('button', { name: '以后再说' }).click();
    await seed.evaluate(putPhrasesInPage, phrases);
    await seed.close();

    const samples: number[] = [];
    // From the page's navigation start (its performance clock), read in the page: the floor page painted (the task
    // after its first frame); the panel's modules evaluated (mark kefu:modules); its first phrases painted (mark
    // kefu:first-phrase: the task after the first frame holding phrase rows with their titles — the head script's
    // static first screen, or React's list when there was none). Both the floor and the panel also as the browser's
    // first-contentful-paint, which comes later on a loaded machine (the frame presented).
    const floor: number[] = [];
    const floorFcp: number[] = [];
    const modules: number[] = [];
    const firstPhrase: number[] = [];
    // The breakdown: the HTML parsed (domInteractive), the head script's rows read (kefu:early-read), React's first
    // render (kefu:render), the first screen's rows in the module's hands (kefu:rows), React's rows painted
    // (kefu:react-phrase: the static screen taken over), the first contentful paint.
    const parsed: number[] = [];
    const earlyRead: number[] = [];
    const render: number[] = [];
    const rows: number[] = [];
    const reactPhrase: number[] = [];
    const fcp: number[] = [];
    // The browser reports a paint once it is presented, after the task that follows the frame: waited for.
    const fcpOf = () =>
      new Promise<number>((resolve) => {
        new PerformanceObserver((list) => resolve(list.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN)).observe({ type: 'paint', buffered: true });
        setTimeout(() => resolve(NaN), 2000);
      });
    const painted = () => new Promise<number>((r) => requestAnimationFrame(() => setTimeout(() => r(performance.now()), 0)));
    for (let i = 0; i < 7; i++) {
      const bare = await context.newPage();
      await bare.goto(`chrome-extension://${extensionId}/bench-floor.html`);
      floor.push(await bare.evaluate(painted));
      floorFcp.push(await bare.evaluate(fcpOf));
      await bare.close();
      const page = await context.newPage();
      const t = performance.now();
      await page.goto(url);
      await page.waitForFunction(
        () => document.querySelectorAll('[data-phrase-id]').length > 0 && document.activeElement?.getAttribute('type') === 'search',
      );
      samples.push(performance.now() - t);
      await page.waitForFunction(() => performance.getEntriesByName('kefu:react-phrase').length > 0);
      const marks = await page.evaluate(() => [
        ...['kefu:modules', 'kefu:first-phrase', 'kefu:render', 'kefu:rows', 'kefu:early-read', 'kefu:react-phrase'].map((n) => performance.getEntriesByName(n)[0]?.startTime ?? NaN),
        (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).domInteractive,
      ]);
      for (const [i, xs] of [modules, firstPhrase, render, rows, earlyRead, reactPhrase, parsed].entries()) xs.push(marks[i]!);
      fcp.push(await page.evaluate(fcpOf));
      if (i === 0) {
        const rows = await page.evaluate(() => document.querySelectorAll('[data-phrase-id]').length);
        if (rows > 200) throw new Error(`list not virtualized: ${rows} rows rendered`);
      }
      await page.close();
    }
    for (const xs of [samples, floor, floorFcp, modules, firstPhrase, parsed, earlyRead, render, rows, reactPhrase, fcp]) xs.shift(); // the first open also compiles the page's code

    // A guard check answered by a service worker the browser had stopped (it stops it after 30 s idle): the
    // worker's start-up (its script, the database, the rules) is what the agent's first keystroke then waits for.
    // guard/check is accepted only from a chat page, so it is sent from a content-script world in a demo tab.
    const site = await serve(await buildFixtures());
    const chat = await context.newPage();
    await chat.goto(`${site.url}/index.html`);
    const page = await context.newPage();
    await page.goto(url);
    const chatTabId = await page.evaluate(async (u) => (await chrome.tabs.query({})).find((t) => t.url === u)?.id, chat.url());
    const cdp = await context.newCDPSession(page);
    await cdp.send('ServiceWorker.enable');
    const cold: number[] = [];
    for (let i = 0; i < 9; i++) {
      await cdp.send('ServiceWorker.stopAllWorkers');
      await page.waitForTimeout(300);
      cold.push(
        await page.evaluate(async (tabId) => {
          // (The test typings of `chrome` know only the file form of executeScript.)
          const run = chrome.scripting.executeScript as unknown as (o: object) => Promise<{ result: unknown }[]>;
          const [first] = await run({
            target: { tabId: tabId! },
            func: async () => {
              const t = performance.now();
              const hits = (await chrome.runtime.sendMessage({ type: 'guard/check', text: '加我微信吧' })) as unknown[];
              if (!Array.isArray(hits) || !hits.length) throw new Error('the guard did not answer');
              return performance.now() - t;
            },
          });
          return first!.result as number;
        }, chatTabId),
      );
    }
    await chat.close();
    await site.close();
    await page.close();
    return {
      'sidepanel.open_ms.10k': Math.round(percentile(samples, 50)),
      'sidepanel.open_p95_ms.10k': Math.round(percentile(samples, 95)),
      'sidepanel.floor_ms': Math.round(percentile(floor, 50)),
      'sidepanel.modules_ms.10k': Math.round(percentile(modules, 50)),
      'sidepanel.first_phrase_ms.10k': Math.round(percentile(firstPhrase, 50)),
      'sidepanel.html_parsed_ms.10k': Math.round(percentile(parsed, 50)),
      'sidepanel.render_ms.10k': Math.round(percentile(render, 50)),
      'sidepanel.rows_ms.10k': Math.round(percentile(rows, 50)),
      'sidepanel.early_read_ms.10k': Math.round(percentile(earlyRead, 50)),
      'sidepanel.react_phrase_ms.10k': Math.round(percentile(reactPhrase, 50)),
      'sidepanel.fcp_ms.10k': Math.round(percentile(fcp, 50)),
      'sidepanel.floor_fcp_ms': Math.round(percentile(floorFcp, 50)),
      'background.cold_guard_check_ms': Math.round(percentile(cold, 50)),
    };
  } finally {
    await context.close();
  }
}
