// npm run demo: build the extension, serve the demo chat console, and open Chromium with the extension loaded.
// With a display: a normal browser window (click the toolbar icon to open the side panel).
// Without one (servers, CI): headless, and screenshots of the demo page and the side panel are saved.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildFixtures } from './build-fixtures.mjs';
import { EXTENSION_DIR, launchWithExtension } from './browser.mjs';
import { serve } from './server.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const outDir = join(root, '.output', 'demo');
const headed = Boolean(process.env.DISPLAY) && !process.argv.includes('--headless');

console.log('[demo] building the extension (wxt build)…');
// The e2e build: the same code, with the local demo console among the consoles it serves.
execFileSync(process.platform === 'win32' ? 'npx.cmd' : 'npx', ['wxt', 'build'], { cwd: root, stdio: 'ignore', env: { ...process.env, KEFU_BUILD: 'e2e' } });
const site = await serve(await buildFixtures(), Number(process.env.DEMO_PORT ?? 0));
const demoUrl = `${site.url}/index.html`;
console.log(`[demo] demo chat console: ${demoUrl}  (?editor=textarea | react | contenteditable)`);
console.log(`[demo] unpacked extension: ${EXTENSION_DIR}`);

const { context, extensionId } = await launchWithExtension({ headless: !headed, viewport: headed ? null : { width: 1000, height: 640 } });
const demo = await context.newPage();
await demo.goto(demoUrl);

if (headed) {
  console.log('[demo] Chromium is open with 客服助手 loaded: click its toolbar icon to open the side panel,');
  console.log('[demo] click the reply box, then click a phrase. Close the browser window to stop.');
  await new Promise((resolve) => context.on('close', resolve));
  await site.close();
  process.exit(0);
}

// Headless: act like an agent (click the reply box, insert a phrase from the panel) and take screenshots.
mkdirSync(outDir, { recursive: true });
await demo.click('[data-role="reply-box"]');
const helper = await context.newPage();
await helper.goto(`chrome-extension://${extensionId}/sidepanel.html`);
const tabId = await helper.evaluate(async (u) => (await chrome.tabs.query({})).find((t) => t.url === u)?.id, demo.url());
await helper.close();
const panel = await context.newPage();
await panel.setViewportSize({ width: 380, height: 640 });
await panel.goto(`chrome-extension://${extensionId}/sidepanel.html?tabId=${tabId}`);
await panel.waitForSelector('[data-phrase-id]');
// First run: the agent fills in the shop and their own name once (the card then goes for good).
await panel.fill('form[aria-label="欢迎使用客服助手"] label:has-text("店铺名") input', '小美服饰');
await panel.fill('form[aria-label="欢迎使用客服助手"] label:has-text("客服名") input', '小王');
await panel.click('form[aria-label="欢迎使用客服助手"] button[type="submit"]');
await panel.waitForSelector('form[aria-label="欢迎使用客服助手"]', { state: 'detached' });
// The buyer asked "今天下单什么时候发货呀": the panel pre-selects 物流; answer with the shipping-time phrase.
await panel.waitForSelector('[data-phrase-id="logistics-ship-time"]');
await panel.click('[data-phrase-id="logistics-ship-time"]');
await panel.waitForFunction(() => document.querySelector('[data-testid="notice"]')?.textContent);

const shots = {
  demo: join(outDir, 'demo-page.png'),
  panel: join(outDir, 'side-panel.png'),
  beside: join(outDir, 'side-panel-beside-demo.png'),
};
await demo.screenshot({ path: shots.demo });
await panel.screenshot({ path: shots.panel });
// The two side by side, as an agent sees them (the real side panel is a separate browser surface).
const img = (p) => `data:image/png;base64,${readFileSync(p).toString('base64')}`;
const sheet = await context.newPage();
await sheet.setViewportSize({ width: 1390, height: 650 });
await sheet.setContent(
  `<body style="margin:0;background:#cbd5e1;display:flex;gap:5px;padding:5px"><img src="${img(shots.demo)}"><img src="${img(shots.panel)}"></body>`,
);
await sheet.screenshot({ path: shots.beside });

await context.close();
await site.close();
for (const [name, path] of Object.entries(shots)) console.log(`[demo] screenshot (${name}): ${relative(process.cwd(), path)}`);
console.log('[demo] no display found, so Chromium ran headless. To use the extension yourself, load the unpacked');
console.log(`[demo] folder ${relative(process.cwd(), EXTENSION_DIR)} at chrome://extensions (Developer mode → Load unpacked).`);
