// The evidence-shaped fixture consoles (tests/fixtures/adapters/*.html) served over HTTPS under their real host
// names: a self-signed certificate is made at start (openssl), Chromium maps each console's host:443 to this
// server (--host-resolver-rules) and trusts this one certificate only (--ignore-certificate-errors-spki-list), so
// the production build's own match patterns are what serves them.
import { createServer } from 'node:https';
import { execFileSync } from 'node:child_process';
import { createHash, X509Certificate } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEMO_SITE } from '../build-fixtures.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

/** Each console's host, the page the tests open there, and its fixture. */
export const CONSOLES = {
  pinduoduo: { host: 'mms.pinduoduo.com', path: '/chat-merchant/index.html#/' },
  doudian: { host: 'im.jinritemai.com', path: '/pc_seller_v2/main/workspace' },
  jd: { host: 'dongdong.jd.com', path: '/' },
  kuaishou: { host: 'im.kwaixiaodian.com', path: '/workbench' },
  taobao: { host: 'qn.taobao.com', path: '/home.htm/app-customer-service/toolpage/Message' },
  // A console unlike any adapter (teach.e2e.ts): its own page and script, every class renamed on each load.
  unknown: { host: 'kefu.unknown-shop.test', path: '/workbench', fixture: 'tests/fixtures/teach/unknown.html' },
};

function certificate() {
  const dir = mkdtempSync(join(tmpdir(), 'kefu-cert-'));
  try {
    const san = Object.values(CONSOLES).map((c) => `DNS:${c.host}`).join(',');
    execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '2', '-subj', '/CN=kefu-e2e-consoles',
      '-addext', `subjectAltName=${san}`, '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem')], { stdio: 'ignore' });
    return { cert: readFileSync(join(dir, 'cert.pem')), key: readFileSync(join(dir, 'key.pem')) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** @returns {Promise<{ args: string[], url(site: keyof typeof CONSOLES, query?: string): string, close(): Promise<void> }>} */
export async function serveConsoles() {
  const { cert, key } = certificate();
  const spki = createHash('sha256').update(new X509Certificate(cert).publicKey.export({ type: 'spki', format: 'der' })).digest('base64');
  const server = createServer({ cert, key }, (req, res) => {
    const host = (req.headers.host ?? '').replace(/:\d+$/, '');
    const site = Object.entries(CONSOLES).find(([, c]) => c.host === host)?.[0];
    const path = new URL(req.url ?? '/', 'https://x').pathname;
    if (path === '/__kefu/behaviour.js') {
      res.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'no-store' });
      return void res.end(readFileSync(join(DEMO_SITE, 'consoles', 'behaviour.js')));
    }
    if (!site || path === '/favicon.ico') return void (res.writeHead(404), res.end());
    const own = /** @type {{ fixture?: string }} */ (CONSOLES[/** @type {keyof typeof CONSOLES} */ (site)]).fixture;
    if (own) {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
      return void res.end(readFileSync(join(root, own), 'utf8'));
    }
    const fixture = readFileSync(join(root, 'tests/fixtures/adapters', `${site}.html`), 'utf8');
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
    res.end(`<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${site}</title><link rel="icon" href="data:,"></head><body>${fixture}` +
      `<script src="/__kefu/behaviour.js" data-site="${site}"></script></body></html>`);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)));
  const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
  const rules = Object.values(CONSOLES).map((c) => `MAP ${c.host}:443 127.0.0.1:${port}`).join(', ');
  return {
    args: [`--host-resolver-rules=${rules}`, `--ignore-certificate-errors-spki-list=${spki}`],
    url: (site, query = '') => {
      const { host, path } = CONSOLES[site];
      const [p, hash = ''] = path.split('#');
      return `https://${host}${p}${query}${hash ? `#${hash}` : ''}`;
    },
    close: () => new Promise((resolve) => (server.close(() => resolve(undefined)), server.closeAllConnections())),
  };
}
