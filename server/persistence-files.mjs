// The embedded store: one snapshot file per document plus an append-only log of the updates received since it.
// An update a client sends is appended to the log (synchronously) before the server applies and acknowledges it
// (the `beforeSync` hook, which Hocuspocus awaits first), so a server killed at any moment (SIGKILL, power) loses
// nothing it acknowledged: the next load replays snapshot + log and ignores a torn last record. The debounced store
// writes a fresh snapshot atomically (tmp + rename) and empties this instance's log. Yjs updates are idempotent, so
// a record replayed twice changes nothing.
import { createHash } from 'node:crypto';
import { appendFileSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as Y from 'yjs';

/** A file-name-safe stem for a document name (readable when short, hashed when long). */
export function fileStem(documentName) {
  const enc = encodeURIComponent(documentName).replace(/\./g, '%2E');
  return enc.length <= 160 ? enc : `h-${createHash('sha256').update(documentName).digest('hex')}`;
}

/** Read `[u32 length][bytes]` records; a torn tail (a kill mid-append) is ignored. */
export function readLog(buf) {
  const out = [];
  let at = 0;
  while (at + 4 <= buf.length) {
    const len = buf.readUInt32LE(at);
    if (at + 4 + len > buf.length) break;
    out.push(new Uint8Array(buf.buffer, buf.byteOffset + at + 4, len));
    at += 4 + len;
  }
  return out;
}

/**
 * @param {{ dir: string, instance: string }} options  `instance` names this process's log (two instances sharing a
 *   directory each keep their own log and replay everyone's).
 * @returns {import('@hocuspocus/server').Extension & { extensionName: string }}
 */
export function filePersistence({ dir, instance }) {
  mkdirSync(dir, { recursive: true });
  const logTag = encodeURIComponent(instance).replace(/\./g, '%2E');
  const snapshot = (name) => join(dir, `${fileStem(name)}.ybin`);
  const ownLog = (name) => join(dir, `${fileStem(name)}.${logTag}.log`);
  const logsOf = (name) => {
    const stem = `${fileStem(name)}.`;
    return readdirSync(dir)
      .filter((f) => f.startsWith(stem) && f.endsWith('.log') && !f.slice(stem.length, -4).includes('.'))
      .map((f) => join(dir, f));
  };
  /** Synchronous from encoding to truncation: no update can be logged in between. */
  const store = (document, documentName) => {
    const file = snapshot(documentName);
    writeFileSync(`${file}.${logTag}.tmp`, Y.encodeStateAsUpdate(document));
    renameSync(`${file}.${logTag}.tmp`, file);
    if (existsSync(ownLog(documentName))) truncateSync(ownLog(documentName), 0);
  };
  return {
    extensionName: 'kefu-file-store',
    async onLoadDocument({ document, documentName }) {
      const file = snapshot(documentName);
      if (existsSync(file)) Y.applyUpdate(document, new Uint8Array(readFileSync(file)));
      let replayed = 0;
      for (const log of logsOf(documentName)) {
        for (const update of readLog(readFileSync(log))) {
          Y.applyUpdate(document, update);
          replayed += 1;
        }
      }
      // a document loaded with logged updates (after a kill) is stored at once: an unchanged one is never stored
      if (replayed) store(document, documentName);
    },
    // 1 = SyncStep2 (a client's catch-up, offline edits included), 2 = an update; read-only ones are never applied
    async beforeSync({ connection, documentName, type, payload }) {
      if (connection.readOnly || (type !== 1 && type !== 2)) return;
      const head = Buffer.alloc(4);
      head.writeUInt32LE(payload.length, 0);
      appendFileSync(ownLog(documentName), Buffer.concat([head, payload]));
    },
    async onStoreDocument({ document, documentName }) {
      store(document, documentName);
    },
  };
}
