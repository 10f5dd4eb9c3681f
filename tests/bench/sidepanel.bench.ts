/**
 * Side panel open time with 10,000 phrases, in Chromium with the built extension: from navigation to the list
 * being rendered and the search box focused (interactive). The library is written straight into the
 * extension's IndexedDB with precomputed search keys, as the import path stores it.
 */
import { launchWithExtension } from '../e2e/browser.mjs';
import { buildFixtures } from '../e2e/build-fixtures.mjs';
import { serve } from '../e2e/server.mjs';
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
  const { context, extensionId } = await launchWithExtension();
  try {
    const url = `chrome-extension://${extensionId}/sidepanel.html`;
    const seed = await context.newPage();
    await seed.goto(url);
    await seed.waitForSelector('[data-phrase-id]'); // default library installed, schema created
    await seed.evaluate(async (rows) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const req = indexedDB.open('kefu-assistant');
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      });
      await new Promise<void>((resolve, reject) => {
        const tx = db.transaction('phrases', 'readwrite');
        for (const row of rows) tx.objectStore('phrases').put(row);
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error);
      });
      db.close();
    }, phrases);
    await seed.close();

    const samples: number[] = [];
    for (let i = 0; i < 7; i++) {
      const page = await context.newPage();
      const t = performance.now();
      await page.goto(url);
      await page.waitForFunction(
        () => document.querySelectorAll('[data-phrase-id]').length > 0 && document.activeElement?.getAttribute('type') === 'search',
      );
      samples.push(performance.now() - t);
      if (i === 0) {
        const rows = await page.evaluate(() => document.querySelectorAll('[data-phrase-id]').length);
        if (rows > 200) throw new Error(`list not virtualized: ${rows} rows rendered`);
      }
      await page.close();
    }
    samples.shift(); // the first open also compiles the extension page's code

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
      'background.cold_guard_check_ms': Math.round(percentile(cold, 50)),
    };
  } finally {
    await context.close();
  }
}
