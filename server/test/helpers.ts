// Helpers for the server tests: real @hocuspocus/provider clients over `ws` against a real server on 127.0.0.1.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import * as Y from 'yjs';
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import WebSocket from 'ws';

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Poll until fn() is truthy; throws with `what` after ms. */
export async function until(fn: () => unknown, what: string, ms = 15_000, step = 20): Promise<void> {
  const t0 = Date.now();
  while (Date.now() - t0 < ms) {
    if (await fn()) return;
    await sleep(step);
  }
  throw new Error(`timed out after ${ms} ms waiting for ${what}`);
}

export function tempDir(tag: string): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), `kefu-server-${tag}-`));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

export interface Client {
  doc: Y.Doc;
  provider: HocuspocusProvider;
  socket: HocuspocusProviderWebsocket;
  /** Resolves once synced, or once authentication failed (then `failed` holds the reason). */
  ready: Promise<void>;
  failed: () => string | null;
  stateless: string[];
  close: () => void;
}

/** One provider (with its own socket) for one document. */
export function connect(url: string, name: string, token: string, doc: Y.Doc = new Y.Doc()): Client {
  const socket = new HocuspocusProviderWebsocket({ url, WebSocketPolyfill: WebSocket as never, delay: 100, factor: 1.5, maxDelay: 500, minDelay: 100 });
  let failed: string | null = null;
  const stateless: string[] = [];
  let settle: () => void = () => {};
  const ready = new Promise<void>((resolve) => (settle = resolve));
  const provider = new HocuspocusProvider({
    websocketProvider: socket,
    name,
    document: doc,
    token,
    onAuthenticationFailed: ({ reason }) => {
      failed = reason;
      settle();
    },
    onSynced: () => settle(),
    onStateless: ({ payload }) => stateless.push(payload),
  });
  provider.attach();
  return {
    doc,
    provider,
    socket,
    ready,
    failed: () => failed,
    stateless,
    close: () => {
      provider.destroy();
      socket.destroy();
    },
  };
}

export interface PhraseRow { id: string; title: string; body: string; stageId: string; code: string; pack: { id: string; version: number } }

export function makePhrase(n: number, version = 1): PhraseRow {
  return {
    id: `tp-${String(n).padStart(5, '0')}`,
    title: `团队短语${n}`,
    body: `亲，第${n}号话术 v${version}：库存充足，今天下单今天发货～`,
    stageId: ['welcome', 'bargain', 'stock', 'logistics'][n % 4] ?? 'welcome',
    code: `t${n}`,
    pack: { id: 'shop1', version },
  };
}

/** Order-independent checksum of phrase rows (id + body), and the count of rows seen. */
export function checksum(rows: Iterable<[string, unknown]>): string {
  const list = [...rows].map(([id, p]) => `${id}\u0000${(p as PhraseRow).body}`).sort();
  return createHash('sha256').update(list.join('\u0001')).digest('hex').slice(0, 16);
}
