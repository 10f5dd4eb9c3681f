// 客服助手 team server: Yjs documents synced through Hocuspocus, for one shop's team.
//   - token auth (tokens.mjs), per-document scopes (scopes.mjs); a write to a read-only document is refused and the
//     connection told with a stateless message {"type":"refused","document":…,"reason":"read-only"};
//   - persistence: files under dataDir (persistence-files.mjs), or Postgres when `postgres` is given;
//   - the Redis extension when `redis` is given (more than one instance behind a load balancer);
//   - HTTP on the same port: GET /whoami, /health, /metrics.
import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Server } from '@hocuspocus/server';
import { Redis } from '@hocuspocus/extension-redis';
import * as Y from 'yjs';
import { z } from 'zod';
import { TokenStore } from './tokens.mjs';
import { accessTo } from './scopes.mjs';
import { filePersistence } from './persistence-files.mjs';
import { postgresPersistence } from './persistence-postgres.mjs';
import { Metrics } from './metrics.mjs';

export { issueToken, revokeToken, readTokens, TokenStore } from './tokens.mjs';
export { accessTo } from './scopes.mjs';

const optionsSchema = z.object({
  host: z.string().default('127.0.0.1'),
  port: z.number().int().min(0).max(65535).default(0),
  dataDir: z.string().min(1),
  postgres: z.string().min(1).optional(),
  redis: z.object({ host: z.string().default('127.0.0.1'), port: z.number().int().min(1).max(65535), prefix: z.string().optional() }).optional(),
  name: z.string().min(1).max(64).optional(),
  /** ms before a changed document is stored (snapshot / Postgres row); the file log makes every update durable anyway */
  debounce: z.number().int().min(0).default(2000),
  maxDebounce: z.number().int().min(0).default(10000),
  quiet: z.boolean().default(true),
});

/** @typedef {z.input<typeof optionsSchema>} StartOptions */
/** @typedef {{ url: string, httpUrl: string, port: number, instance: string, stop: () => Promise<void>, hocuspocus: import('@hocuspocus/server').Hocuspocus }} RunningServer */

const EXTENSION_ORIGIN = /^(chrome|moz)-extension:\/\/[A-Za-z0-9-]{1,64}$/;

/**
 * A rejection Hocuspocus passes to the client as `onAuthenticationFailed({ reason })`. A plain object, not an Error:
 * Hocuspocus logs every hook error that has a message, and refused tokens are counted in /metrics instead.
 */
const denied = (reason) => ({ reason });

/**
 * Start a team server. Binds 127.0.0.1 unless told otherwise.
 * @param {StartOptions} options
 * @returns {Promise<RunningServer>}
 */
export async function startServer(options) {
  const opts = optionsSchema.parse(options);
  mkdirSync(opts.dataDir, { recursive: true });
  const instance = opts.name ?? `kefu-${randomUUID().slice(0, 8)}`;
  const tokens = new TokenStore(opts.dataDir);
  tokens.refresh();
  const metrics = new Metrics();

  const closers = [];
  /** @type {any[]} */
  const extensions = [];
  if (opts.postgres) {
    const pgStore = await postgresPersistence(opts.postgres, instance);
    extensions.push(pgStore.extension);
    closers.push(pgStore.close);
  } else {
    extensions.push(filePersistence({ dir: join(opts.dataDir, 'documents'), instance: opts.name ?? 'main' }));
  }
  if (opts.redis) {
    extensions.push(new Redis({ host: opts.redis.host, port: opts.redis.port, prefix: opts.redis.prefix ?? 'kefu-team', identifier: instance }));
  }

  /** Tell the connection its write was not applied (again on each attempt: a client resends on every reconnect). */
  const refuse = (connection, documentName) => {
    metrics.updatesRefused += 1;
    connection.sendStateless(JSON.stringify({ type: 'refused', document: documentName, reason: 'read-only' }));
  };

  const server = new Server({
    port: opts.port,
    address: opts.host,
    name: instance,
    quiet: opts.quiet,
    stopOnSignals: false,
    debounce: opts.debounce,
    maxDebounce: opts.maxDebounce,
    extensions,

    async onAuthenticate({ token, documentName, connectionConfig }) {
      const who = tokens.verify(token);
      if (!who) {
        metrics.authFailures += 1;
        throw denied('invalid-token');
      }
      const { access, reason } = accessTo(who, documentName);
      if (access === 'none') {
        metrics.authFailures += 1;
        throw denied(reason ?? 'no-access');
      }
      connectionConfig.readOnly = access === 'read';
      return { who, token };
    },

    // Hocuspocus drops a read-only connection's update without a word (it only answers "not synced"); here every
    // update that carries changes the document does not have is refused out loud.
    async beforeSync({ connection, document, documentName, type, payload }) {
      if (!connection.readOnly || (type !== 1 && type !== 2)) return;
      if (!Y.snapshotContainsUpdate(Y.snapshot(document), payload)) refuse(connection, documentName);
    },

    async onChange() {
      metrics.updatesApplied += 1;
    },

    async onRequest({ request, response }) {
      const url = new URL(request.url ?? '/', 'http://localhost');
      const origin = request.headers.origin;
      const cors = typeof origin === 'string' && EXTENSION_ORIGIN.test(origin) ? { 'Access-Control-Allow-Origin': origin, Vary: 'Origin' } : {};
      const send = (status, body, type = 'application/json; charset=utf-8', extra = {}) => {
        response.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-store', ...extra });
        response.end(typeof body === 'string' ? body : JSON.stringify(body));
      };
      if (url.pathname === '/whoami') {
        if (request.method === 'OPTIONS') {
          send(204, '', 'text/plain', { ...cors, 'Access-Control-Allow-Methods': 'GET, OPTIONS', 'Access-Control-Allow-Headers': 'Authorization', 'Access-Control-Max-Age': '600' });
        } else {
          const auth = request.headers.authorization ?? '';
          const who = auth.startsWith('Bearer ') ? tokens.verify(auth.slice(7).trim()) : null;
          if (!who) metrics.authFailures += 1;
          send(who ? 200 : 401, who ?? { error: 'invalid-token' }, undefined, cors);
        }
      } else if (url.pathname === '/health') {
        send(200, { ok: true, instance, documents: hocuspocus.getDocumentsCount(), connections: hocuspocus.getConnectionsCount() });
      } else if (url.pathname === '/metrics') {
        send(200, metrics.render({ instance, documents: hocuspocus.getDocumentsCount(), connections: hocuspocus.getConnectionsCount() }), 'text/plain; version=0.0.4; charset=utf-8');
      } else {
        send(404, { error: 'not-found' });
      }
      // Hocuspocus answers "Welcome to Hocuspocus!" unless a hook rejects (with nothing): this one answered.
      throw null;
    },
  });
  const hocuspocus = server.hocuspocus;

  // A revoked token loses its open connections too (the token file is re-read when it changes).
  let seenGeneration = tokens.generation;
  const revocationCheck = setInterval(() => {
    try {
      tokens.refresh();
    } catch {
      return; // a broken file: keep the last good one (verify() logs it)
    }
    if (tokens.generation === seenGeneration) return;
    seenGeneration = tokens.generation;
    for (const document of hocuspocus.documents.values()) {
      for (const connection of document.getConnections()) {
        const token = connection.context?.token;
        if (typeof token !== 'string' || tokens.isLive(token)) continue;
        // tell the provider why (its onClose gets reason 'token-revoked'), then drop the socket: a reconnect is
        // refused with 'invalid-token' like any unknown token
        connection.close({ code: 4401, reason: 'token-revoked' });
        setTimeout(() => connection.webSocket?.close?.(4401, 'token-revoked'), 50).unref();
      }
    }
  }, 1000);
  revocationCheck.unref();

  await server.listen();
  const port = server.address.port;
  const shownHost = opts.host.includes(':') ? `[${opts.host}]` : opts.host;
  let stopping;
  return {
    url: `ws://${shownHost}:${port}`,
    httpUrl: `http://${shownHost}:${port}`,
    port,
    instance,
    hocuspocus,
    stop() {
      stopping ??= (async () => {
        clearInterval(revocationCheck);
        await server.destroy();
        for (const close of closers) await close();
      })();
      return stopping;
    },
  };
}
