// Team server figures (npm run bench → tests/bench/team-server.bench.ts runs this and records them; or alone:
// `node server/bench.mjs` prints JSON). The server runs as a child process on 127.0.0.1 in a temp dir, clients are
// real providers in this process.
//   - 10,000 phrases lead → agent Y.Doc (live: an agent already connected; cold: an agent joining afterwards)
//   - 20 agents × 500 tally increments (absolute totals in their own rows) → all visible at the lead
//   - server memory (RSS) idle, and with the library plus 200 agents' tally documents loaded
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as Y from 'yjs';
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import WebSocket from 'ws';
import { issueToken } from './tokens.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
async function until(fn, what, ms = 120_000) {
  const t0 = Date.now();
  while (!fn()) {
    if (Date.now() - t0 > ms) throw new Error(`bench: timed out waiting for ${what}`);
    await sleep(5);
  }
}
const rssMb = (pid) => {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Math.round(Number(m[1]) / 102.4) / 10 : NaN;
};

function startServer(dir) {
  const child = spawn(process.execPath, [join(here, 'cli.mjs'), '--port', '0', '--data', dir], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  return new Promise((resolve, reject) => {
    const onData = (d) => {
      out += d;
      const m = /ready: (ws:\/\/127\.0\.0\.1:\d+)/.exec(out);
      if (m) resolve({ child, url: m[1] });
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => reject(new Error(`server exited ${code}: ${out}`)));
  });
}

function connect(socket, name, token, doc = new Y.Doc()) {
  let synced = false;
  const provider = new HocuspocusProvider({ websocketProvider: socket, name, document: doc, token, onSynced: () => (synced = true) });
  provider.attach();
  return { doc, provider, synced: () => synced };
}
const newSocket = (url) => new HocuspocusProviderWebsocket({ url, WebSocketPolyfill: WebSocket, delay: 100, factor: 1.5, minDelay: 100, maxDelay: 500 });

function phrase(n) {
  return { title: `团队短语${n}`, body: `亲，第${n}号话术：库存充足，今天下单今天发货，有问题随时联系客服～`, stageId: ['welcome', 'bargain', 'stock', 'logistics'][n % 4], code: `t${n}`, tags: ['发货'], pack: { id: 'shop1', ref: `tp-${n}`, version: 1 }, createdAt: 1790000000000 + n, updatedAt: 1790000000000 + n };
}
function tallyRow(i) {
  return { consults: 20 + (i % 7), autoConsults: i % 4, conversions: 5 + (i % 3), amount: 100 * (i % 5), pricedSales: 5, refunds: i % 2, badReviews: 0, responses: 60, responseMs: 2_700_000, firstResponses: 20, firstResponseMs: 600_000, fastResponses: 55 };
}

export async function run() {
  const dir = mkdtempSync(join(tmpdir(), 'kefu-server-bench-'));
  const out = {};
  const sockets = [];
  let server;
  try {
    const lead = issueToken(dir, { team: 'shop1', role: 'lead', agent: 'lead1' }).token;
    const agents = Array.from({ length: 200 }, (_, i) => ({ id: `agent${i + 1}`, token: issueToken(dir, { team: 'shop1', role: 'agent', agent: `agent${i + 1}` }).token }));
    server = await startServer(dir);
    await sleep(300);
    out['team.server.rss_mb.idle'] = rssMb(server.child.pid);
    const leadSocket = newSocket(server.url);
    const agentSocket = newSocket(server.url);
    sockets.push(leadSocket, agentSocket);

    // 10,000 phrases: the lead writes them in one transaction; a connected agent has them all
    const l = connect(leadSocket, 'shop1/library', lead);
    const a = connect(agentSocket, 'shop1/library', agents[0].token);
    await until(() => l.synced() && a.synced(), 'library sync');
    let t = performance.now();
    l.doc.transact(() => {
      for (let n = 1; n <= 10_000; n++) l.doc.getMap('phrases').set(`tp-${String(n).padStart(5, '0')}`, phrase(n));
    });
    await until(() => a.doc.getMap('phrases').size === 10_000, '10,000 phrases at the agent');
    out['team.server.library_10k.lead_to_agent_ms'] = Math.round(performance.now() - t);
    out['team.server.library_10k.doc_bytes'] = Y.encodeStateAsUpdate(l.doc).length;
    // a new seat joining: connect and receive the whole library
    const coldSocket = newSocket(server.url);
    sockets.push(coldSocket);
    t = performance.now();
    const cold = connect(coldSocket, 'shop1/library', agents[1].token);
    await until(() => cold.doc.getMap('phrases').size === 10_000, 'a cold join');
    out['team.server.library_10k.cold_join_ms'] = Math.round(performance.now() - t);

    // 20 agents × 500 increments of their own row (absolute totals), the lead watching the 20 tally documents
    const day = '2026-12-07';
    const tallies = agents.slice(0, 20).map((ag) => connect(agentSocket, `shop1/tally/${ag.id}`, ag.token));
    const watched = agents.slice(0, 20).map((ag) => connect(leadSocket, `shop1/tally/${ag.id}`, lead));
    await until(() => [...tallies, ...watched].every((c) => c.synced()), 'tally sync');
    t = performance.now();
    for (let i = 1; i <= 500; i++) {
      for (const c of tallies) c.doc.getMap('rows').set(`dev1|${day}|day`, { ...tallyRow(i), consults: i });
      if (i % 25 === 0) await sleep(0);
    }
    const lastIncrement = performance.now();
    await until(() => watched.every((c) => c.doc.getMap('rows').get(`dev1|${day}|day`)?.consults === 500), 'all increments at the lead');
    out['team.server.tally_20x500.visible_at_lead_after_last_ms'] = Math.round(performance.now() - lastIncrement);
    out['team.server.tally_20x500.total_ms'] = Math.round(performance.now() - t);

    // 200 agents' tally documents (a month: 2 devices × 30 days × 2 shifts each) loaded on the server
    const rest = agents.slice(20).map((ag) => connect(agentSocket, `shop1/tally/${ag.id}`, ag.token));
    const all = [...tallies, ...rest];
    await until(() => all.every((c) => c.synced()), '200 tally documents');
    for (const c of all) {
      c.doc.transact(() => {
        for (let d = 1; d <= 30; d++) for (const dev of ['dev1', 'dev2']) for (const shift of ['day', 'night']) c.doc.getMap('rows').set(`${dev}|2026-11-${String(d).padStart(2, '0')}|${shift}`, tallyRow(d));
      });
    }
    const leadAll = agents.slice(20).map((ag) => connect(leadSocket, `shop1/tally/${ag.id}`, lead));
    await until(() => leadAll.every((c) => c.doc.getMap('rows').size === 120), 'the lead to read 200 tally documents');
    await sleep(500);
    out['team.server.rss_mb.library_10k_and_200_tally_docs'] = rssMb(server.child.pid);
    out['team.server.tally_doc_bytes.month'] = Y.encodeStateAsUpdate(rest[0].doc).length;
    return out;
  } finally {
    for (const s of sockets) s.destroy();
    if (server) {
      server.child.kill('SIGKILL');
      await new Promise((r) => (server.child.exitCode !== null ? r() : server.child.once('exit', r)));
    }
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const out = await run();
  console.log(JSON.stringify(out, null, 2));
  process.exit(0);
}
