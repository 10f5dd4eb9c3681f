/**
 * How fast the side panel follows a new buyer message (#29 item 7), in Chromium with the built extension: the demo
 * console appends a buyer message (its own React render, as a real console's would) → the chat script sees the
 * node, pushes its status → the background tells the panel → the panel's suggested rows change. Both ends are
 * stamped in the pages themselves (Date.now(), one machine clock): the console when it is told to show the
 * message, the panel when a mutation observer first sees another suggestion on top.
 */
import { launchWithExtension } from '../e2e/browser.mjs';
import { buildFixtures } from '../e2e/build-fixtures.mjs';
import { serve } from '../e2e/server.mjs';
import { percentile } from './stats';

/** Buyer messages of four different stages, so each one changes the suggestion on top. */
const MESSAGES = ['还有货吗', '裤子开线了，怎么处理', '快递到哪了？三天了还没到', '能便宜点吗？买两件有优惠吗'];
const ROUNDS = 5;

declare global {
  interface Window {
    __demoReceive?: (text: string) => void;
    __follow?: { top: string | null; at: number };
  }
}

export async function run(): Promise<Record<string, number>> {
  const site = await serve(await buildFixtures());
  const { context, extensionId } = await launchWithExtension();
  try {
    const helper = await context.newPage();
    await helper.goto(`chrome-extension://${extensionId}/sidepanel.html`);
    await helper.waitForSelector('[data-phrase-id]'); // default library installed
    const demo = await context.newPage();
    await demo.goto(`${site.url}/index.html?editor=textarea`);
    await demo.waitForSelector('[data-role="reply-box"]');
    const tabId = await helper.evaluate(async (u) => (await chrome.tabs.query({})).find((t) => t.url === u)?.id, demo.url());
    const panel = await context.newPage();
    await panel.goto(`chrome-extension://${extensionId}/sidepanel.html?tabId=${tabId}`);
    await panel.waitForSelector('[data-suggested]');
    await panel.evaluate(() => {
      const top = () => document.querySelector('[role="option"]:has([data-suggested]) [data-phrase-id]')?.getAttribute('data-phrase-id') ?? null;
      const follow = (window.__follow = { top: top(), at: 0 });
      new MutationObserver(() => {
        const now = top();
        if (now !== follow.top) Object.assign(follow, { top: now, at: Date.now() });
      }).observe(document.body, { subtree: true, childList: true, attributes: true });
    });
    const samples: number[] = [];
    for (let r = 0; r < ROUNDS; r++) {
      for (const message of MESSAGES) {
        const sent = await demo.evaluate((m) => {
          const t = Date.now();
          window.__demoReceive?.(m);
          return t;
        }, message);
        await panel.waitForFunction((t) => (window.__follow?.at ?? 0) >= t, sent, { timeout: 10_000 });
        samples.push((await panel.evaluate(() => window.__follow!.at)) - sent);
        await demo.waitForTimeout(300); // an agent reads before the next message comes
      }
    }
    samples.shift(); // the first also wakes the worker's search for suggestions
    return {
      'panel.follow_ms.median': Math.round(percentile(samples, 50)),
      'panel.follow_ms.p95': Math.round(percentile(samples, 95)),
    };
  } finally {
    await context.close();
    await site.close();
  }
}
