/**
 * Side-panel open, two (or more) builds side by side (#36 item 5): each build in its own Chromium with the same 10k
 * library, opened in turn round after round (the order alternating), so a loaded machine disturbs all alike.
 * Reads the page's own clock: the floor page painted, navigation timing, first-contentful-paint, and the panel's
 * marks (kefu:early-read and kefu:static-rows of the head script's static first screen, kefu:modules, kefu:render,
 * kefu:rows, kefu:react-phrase, kefu:first-phrase; a mark a build lacks is left out).
 *
 *   npx esbuild tests/tools/panel-open-ab.ts --bundle --platform=node --format=esm --outfile=tests/bench/.tmp/ab.mjs \
 *     --external:playwright-core --external:esbuild && node tests/bench/.tmp/ab.mjs <build dir> <build dir> [rounds]
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { launchWithExtension } from '../e2e/browser.mjs';
import { putPhrasesInPage } from '../e2e/idb';
import { phrasePinyin } from '../../scripts-library/shared/pinyin';
import { syntheticPhrases } from '../bench/search.bench';
import { percentile } from '../bench/stats';

const MARKS = ['kefu:early-read', 'kefu:static-rows', 'kefu:modules', 'kefu:render', 'kefu:rows', 'kefu:react-phrase', 'kefu:first-phrase'];
const dirs = process.argv.slice(2).filter((a) => !/^\d+$/.test(a));
const rounds = Number(process.argv.slice(2).find((a) => /^\d+$/.test(a)) ?? 12);

async function open(dir: string) {
  writeFileSync(join(dir, 'bench-floor.html'), '<!doctype html><meta charset="utf-8"><p>客服助手</p>');
  const { context, extensionId } = await launchWithExtension({ extensionDir: dir });
  const url = `chrome-extension://${extensionId}/sidepanel.html`;
  const seed = await context.newPage();
  await seed.goto(url);
  await seed.waitForSelector('[data-phrase-id]');
  await seed.getByRole('button', { name: '以后再说' }).click();
  const now = Date.now();
  const rows = syntheticPhrases(10_000).map((p) => ({ ...p, createdAt: now, updatedAt: now, origin: 'bench', pinyin: phrasePinyin([p.title, p.body, ...p.tags]) }));
  await seed.evaluate(putPhrasesInPage, rows);
  // The first screen's ids are written once the library has been read: open once and wait for it.
  await seed.reload();
  await seed.waitForSelector('[data-phrase-id]');
  await seed.waitForTimeout(3000);
  await seed.close();
  return { context, extensionId, url };
}

type Run = Record<string, number[]>;
const painted = () => new Promise<number>((r) => requestAnimationFrame(() => setTimeout(() => r(performance.now()), 0)));

async function once(b: Awaited<ReturnType<typeof open>>, run: Run) {
  const push = (k: string, v: number | undefined) => v !== undefined && Number.isFinite(v) && (run[k] ??= []).push(v);
  const bare = await b.context.newPage();
  await bare.goto(`chrome-extension://${b.extensionId}/bench-floor.html`);
  push('floor', await bare.evaluate(painted));
  await bare.close();
  const page = await b.context.newPage();
  await page.goto(b.url);
  await page.waitForFunction(() => performance.getEntriesByName('kefu:first-phrase').length > 0, undefined, { timeout: 20_000 });
  // A static first screen was painted: React's takeover comes later (its mark kefu:react-phrase).
  await page.waitForFunction(() => !performance.getEntriesByName('kefu:static-rows').length || performance.getEntriesByName('kefu:react-phrase').length > 0, undefined, { timeout: 20_000 });
  const got = await page.evaluate((marks) => {
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
    const out: Record<string, number> = { responseEnd: nav.responseEnd, domInteractive: nav.domInteractive, domContentLoaded: nav.domContentLoadedEventStart };
    for (const m of marks) {
      const e = performance.getEntriesByName(m)[0];
      if (e) out[m.replace('kefu:', '')] = e.startTime;
    }
    const fcp = performance.getEntriesByName('first-contentful-paint')[0];
    if (fcp) out.fcp = fcp.startTime;
    return out;
  }, MARKS);
  for (const [k, v] of Object.entries(got)) push(k, v);
  await page.close();
}

const builds = [];
for (const dir of dirs) builds.push(await open(dir));
const runs: Run[] = builds.map(() => ({}));
for (let r = 0; r < rounds + 1; r++) {
  const order = builds.map((_, i) => i);
  if (r % 2) order.reverse();
  for (const i of order) await once(builds[i]!, r === 0 ? {} : runs[i]!); // round 0 compiles the page's code
}
for (const b of builds) await b.context.close();
const keys = ['floor', 'responseEnd', 'domInteractive', 'early-read', 'static-rows', 'modules', 'domContentLoaded', 'render', 'rows', 'fcp', 'react-phrase', 'first-phrase'];
console.log(`${rounds} rounds; medians (p25–p75) ms from navigation start`);
for (const k of keys) {
  const cells = runs.map((run) => {
    const xs = run[k];
    return xs?.length ? `${percentile(xs, 50).toFixed(0)} (${percentile(xs, 25).toFixed(0)}–${percentile(xs, 75).toFixed(0)})` : '—';
  });
  console.log(k.padEnd(18), cells.map((c) => c.padEnd(18)).join(' '));
}
