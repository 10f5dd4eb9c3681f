// A tiny static file server on 127.0.0.1 (random port) for the demo console and fixture pages.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';

const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8', '.png': 'image/png' };

/** @returns {Promise<{ url: string, close(): Promise<void> }>} (host: a loopback address) */
export function serve(dir, port = 0, host = '127.0.0.1') {
  const server = createServer(async (req, res) => {
    // A resource that never arrives: a page that uses it never fires its load event (a console still loading).
    if (req.url === '/__stall') return void res.writeHead(200, { 'content-type': 'image/png' });
    const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
    const file = join(dir, path.endsWith('/') ? `${path}index.html` : path);
    try {
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
      res.end(body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
    }
  });
  return new Promise((resolve) => {
    server.listen(port, host, () => {
      const { port: p } = /** @type {import('node:net').AddressInfo} */ (server.address());
      resolve({ url: `http://${host}:${p}`, close: () => new Promise((r) => (server.close(() => r()), server.closeAllConnections())) });
    });
  });
}
