// Where a woken service worker's first guard check spends its time (#36 item 4), in real Chromium with the e2e
// build (KEFU_BUILD=e2e wxt build): the worker is stopped (CDP), a check is sent from a chat page's content-script
// world as the bench does, and the worker's own performance marks (kefu:bg-modules: its modules evaluated;
// kefu:bg-main, kefu:bg-message, kefu:guard-*: the first check's steps) are read on its clock, from its start.
// Usage: node tests/tools/wake-profile.mjs [rounds=5] [--floor [--pad=<file>] [--import=<file>]] [--profile]
//   --floor: an empty extension woken the same way (the floor); --pad=<file>: that file's text inside a function
//   never called in the empty worker (what merely loading and parsing it costs a wake); --import=<file>: the empty
//   worker imports that file's text (inside a function never called) while installing, as the core imports the rest;
//   --profile: also a CPU profile of one wake (named by source with KEFU_SOURCEMAP=1 builds; works on some Chromium
//   runs only: the worker must be attached before its script runs, else it waits).
import { existsSync, mkdtempSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';
import { TraceMap, originalPositionFor } from '@jridgewell/trace-mapping';
import { launchWithExtension, EXTENSION_DIR } from '../e2e/browser.mjs';
import { buildFixtures } from '../e2e/build-fixtures.mjs';
import { serve } from '../e2e/server.mjs';

// With a source map (KEFU_SOURCEMAP=1 KEFU_BUILD=e2e wxt build), frames are named by source file and function.
const mapFile = join(EXTENSION_DIR, 'background.js.map');
const traced = !process.argv.includes('--floor') && existsSync(mapFile) ? new TraceMap(readFileSync(mapFile, 'utf8')) : undefined;
function frameName(f) {
  const file = f.url.split('/').pop() || `(${f.functionName || 'native'})`;
  if (traced && file === 'background.js') {
    const o = originalPositionFor(traced, { line: f.lineNumber + 1, column: f.columnNumber });
    if (o.source) return `${o.name ?? f.functionName ?? '(anon)'} ${o.source.replace(/^.*?\/(scripts-library|storage|entrypoints|node_modules|components)\//, '$1/')}:${o.line}`;
  }
  return `${f.functionName || '(anon)'} ${file}:${f.lineNumber}`;
}
const inclusive = new Map();
const rounds = Number(process.argv.find((a) => /^\d+$/.test(a)) ?? 5);
const floor = process.argv.includes('--floor');
const port = 9300 + Math.floor(Math.random() * 500);

function floorExtension() {
  const dir = mkdtempSync(join(tmpdir(), 'kefu-floor-'));
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify({ manifest_version: 3, name: 'floor', version: '1', background: { service_worker: 'bg.js' }, permissions: ['scripting'], host_permissions: ['http://127.0.0.1/*'] }));
  // --pad=<file>: that script's text in the worker too, inside a function never called (what parsing it costs).
  const pad = process.argv.find((a) => a.startsWith('--pad='));
  const padText = pad ? `function neverCalled() {\n${readFileSync(pad.slice(6), 'utf8')}\n}\n` : '';
  // --import=<file>: that script imported while installing (as the core imports the rest), never called after.
  const imp = process.argv.find((a) => a.startsWith('--import='));
  if (imp) writeFileSync(join(dir, 'imported.js'), `function neverCalledToo() {\n${readFileSync(imp.slice(9), 'utf8')}\n}\n`);
  const install = imp ? `self.addEventListener('install', () => importScripts('imported.js'));\n` : '';
  writeFileSync(join(dir, 'bg.js'), `${padText}${install}chrome.runtime.onMessage.addListener((m, s, r) => { r([{ ok: 1 }]); });`);
  mkdirSync(join(dir, 'x'), { recursive: true });
  writeFileSync(join(dir, 'x', 'p.html'), '<p>x</p>');
  return dir;
}

const log = (...a) => process.env.KEFU_VERBOSE && console.log(...a);
const { context, extensionId } = await launchWithExtension({ extensionDir: floor ? floorExtension() : EXTENSION_DIR, args: [`--remote-debugging-port=${port}`] });
const panelUrl = floor ? `chrome-extension://${extensionId}/x/p.html` : `chrome-extension://${extensionId}/sidepanel.html`;
if (!floor) {
  const seed = await context.newPage();
  await seed.goto(panelUrl);
  await seed.waitForSelector('[data-phrase-id]');
  await seed.close();
}
log('seeded');
const site = await serve(await buildFixtures());
const chat = await context.newPage();
await chat.goto(`${site.url}/index.html`);
const page = await context.newPage();
await page.goto(panelUrl);
const chatTabId = await page.evaluate(async (u) => (await chrome.tabs.query({})).find((t) => t.url === u)?.id, chat.url());
const cdp = await context.newCDPSession(page);
await cdp.send('ServiceWorker.enable');

log('cdp');
const version = await (await globalThis.fetch(`http://127.0.0.1:${port}/json/version`)).json();
const ws = new WebSocket(version.webSocketDebuggerUrl);
await new Promise((r) => ws.once('open', r));
let nextId = 1;
const pending = new Map();
const listeners = [];
ws.on('message', (data) => {
  const msg = JSON.parse(String(data));
  if (msg.id && pending.has(msg.id)) {
    const { resolve, reject } = pending.get(msg.id);
    pending.delete(msg.id);
    if (msg.error) reject(new Error(JSON.stringify(msg.error)));
    else resolve(msg.result);
  } else {
    log('event', msg.method, msg.params?.targetInfo?.type ?? '');
    for (const l of listeners) l(msg);
  }
});
const send = (method, params = {}, sessionId) =>
  new Promise((resolve, reject) => {
    const id = nextId++;
    pending.set(id, { resolve, reject });
    ws.send(JSON.stringify({ id, method, params, ...(sessionId ? { sessionId } : {}) }));
  });

const check = () =>
  page.evaluate(async (tabId) => {
    const run = chrome.scripting.executeScript;
    const [first] = await run({
      target: { tabId },
      func: async () => {
        const t = performance.now();
        const hits = await chrome.runtime.sendMessage({ type: 'guard/check', text: '加我微信吧' });
        if (!Array.isArray(hits) || !hits.length) throw new Error('the guard did not answer');
        return performance.now() - t;
      },
    });
    return first.result;
  }, chatTabId);

// Without the profiler: the figure the bench reports, and the worker's own marks (on its clock, from its start).
const plain = [];
const steps = new Map();
for (let i = 0; i < rounds + 1; i++) {
  await cdp.send('ServiceWorker.stopAllWorkers');
  await page.waitForTimeout(300);
  plain.push(await check());
  const worker = context.serviceWorkers().at(-1);
  const marks = floor ? [] : await worker.evaluate(() => performance.getEntriesByType('mark').map((m) => [m.name, m.startTime])).catch(() => []);
  if (i) for (const [name, t] of marks) steps.set(name, [...(steps.get(name) ?? []), t]);
}
plain.shift();
const med = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
console.log('cold check ms (sent → answered in the chat page):', plain.map((x) => x.toFixed(0)).join(' '), ' median', med(plain).toFixed(0));
for (const [name, ts] of [...steps].sort((a, b) => med(a[1]) - med(b[1]))) console.log(`  ${name.padEnd(24)} median ${med(ts).toFixed(1).padStart(7)} ms after the worker's start  (${ts.map((t) => t.toFixed(0)).join(' ')})`);
if (!process.argv.includes('--profile')) {
  await chat.close();
  await site.close();
  await context.close();
  process.exit(0);
}
// With the profiler. The worker's target outlives its stops: the session attached here sees each restart
// (Inspector.workerScriptLoaded) with the worker waiting for the debugger, before its script runs.
const firstAttach = new Promise((resolve) => listeners.push((msg) => msg.method === 'Target.attachedToTarget' && msg.params.targetInfo.type === 'service_worker' && resolve(msg.params.sessionId)));
await send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: true, flatten: true, filter: [{ type: 'service_worker', exclude: false }, { exclude: true }] });
let sid = await firstAttach;
const totals = new Map();
const byUrl = new Map();
let totalMs = 0;
for (let i = 0; i < rounds; i++) {
  await cdp.send('ServiceWorker.stopAllWorkers');
  await page.waitForTimeout(300);
  const loaded = new Promise((resolve) => {
    const l = (msg) => {
      // Either the same target restarted, or a new one (then a new session, also waiting for the debugger).
      if (msg.method === 'Target.attachedToTarget' && msg.params.targetInfo.type === 'service_worker') {
        if (!msg.params.waitingForDebugger) console.log('(attached after the script ran: this round misses the start-up)');
        sid = msg.params.sessionId;
        listeners.splice(listeners.indexOf(l), 1);
        resolve();
      }
    };
    listeners.push(l);
  });
  const answer = check();
  await loaded;
  await send('Profiler.enable', {}, sid);
  await send('Profiler.setSamplingInterval', { interval: 100 }, sid);
  await send('Profiler.start', {}, sid);
  await send('Runtime.runIfWaitingForDebugger', {}, sid);
  const ms = await answer;
  const { profile } = await send('Profiler.stop', {}, sid);
  totalMs += (profile.endTime - profile.startTime) / 1000;
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const dt = new Map();
  profile.samples.forEach((id, k) => dt.set(id, (dt.get(id) ?? 0) + (profile.timeDeltas[k + 1] ?? 0) / 1000));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  for (const [id, t] of dt) {
    const f = nodes.get(id).callFrame;
    const file = f.url.split('/').pop() || `(${f.functionName || 'native'})`;
    const key = frameName(f);
    const seen = new Set();
    for (let up = id; up !== undefined; up = parent.get(up)) {
      const k = frameName(nodes.get(up).callFrame);
      if (seen.has(k)) continue;
      seen.add(k);
      inclusive.set(k, (inclusive.get(k) ?? 0) + t);
    }
    totals.set(key, (totals.get(key) ?? 0) + t);
    byUrl.set(file, (byUrl.get(file) ?? 0) + t);
  }
  console.log(`profiled check ${i + 1}: ${ms.toFixed(0)} ms (profile ${((profile.endTime - profile.startTime) / 1000).toFixed(0)} ms)`);
}
const show = (m, n) => [...m].sort((a, b) => b[1] - a[1]).slice(0, n).map(([k, v]) => `  ${(v / rounds).toFixed(1).padStart(7)} ms  ${k}`).join('\n');
console.log(`profile per check (${(totalMs / rounds).toFixed(0)} ms), self time by script:\n${show(byUrl, 12)}`);
console.log(`by function:\n${show(totals, 40)}`);
console.log(`inclusive (the function and what it calls):\n${show(inclusive, 60)}`);
ws.close();
await chat.close();
await site.close();
await context.close();
