// Documents survive a restart: the embedded file store, and Postgres (a throwaway cluster started by the test).
import { afterAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { startServer, issueToken } from '../index.mjs';
import { connect, tempDir, until, checksum, makePhrase, type Client } from './helpers';
import { postgresBin, psql, startPostgres, startServerProcess, stopChild, type Service } from './services';

const cleanups: (() => unknown)[] = [];
afterAll(async () => {
  // (hook timeout below: stopping Postgres and Redis takes seconds on a busy machine)
  for (const c of cleanups.reverse()) await c();
}, 60_000);

/** Lead writes phrases and a note; the server stops; a new server on the same store gives them back to an agent. */
async function roundTrip(dataDir: string, postgres?: string) {
  const lead = issueToken(dataDir, { team: 'shop1', role: 'lead', agent: 'lead1' }).token;
  const agent = issueToken(dataDir, { team: 'shop1', role: 'agent', agent: 'agentA' }).token;
  const phrases = Array.from({ length: 500 }, (_, i) => makePhrase(i + 1));

  // a long debounce: whatever is back after the restart was stored by stop(), not by a timer that happened to fire
  const first = await startServer({ dataDir, postgres, debounce: 60_000, maxDebounce: 120_000 });
  cleanups.push(() => first.stop());
  const clients: Client[] = [];
  const l = connect(first.url, 'shop1/library', lead);
  const n = connect(first.url, 'shop1/notebooks', agent);
  clients.push(l, n);
  await Promise.all([l.ready, n.ready]);
  l.doc.transact(() => {
    for (const p of phrases) l.doc.getMap('phrases').set(p.id, p);
  });
  const note = new Y.Map<unknown>([['text', '交接：买家小美 退款处理中']]);
  n.doc.getMap('notes').set('handover:1', note);
  // the server has the edits once another client got them from it (provider.unsyncedChanges can read 0 too early)
  const watch = connect(first.url, 'shop1/library', agent);
  const watchNotes = connect(first.url, 'shop1/notebooks', lead);
  clients.push(watch, watchNotes);
  await until(() => watch.doc.getMap('phrases').size === phrases.length && watchNotes.doc.getMap('notes').has('handover:1'), 'the server to have the edits');
  for (const c of clients) c.close();
  await first.stop();

  const second = await startServer({ dataDir, postgres });
  cleanups.push(() => second.stop());
  const a = connect(second.url, 'shop1/library', agent);
  const an = connect(second.url, 'shop1/notebooks', agent);
  await Promise.all([a.ready, an.ready]);
  const back = { phrases: a.doc.getMap('phrases').size, checksum: checksum(a.doc.getMap('phrases').entries()), note: (an.doc.getMap('notes').get('handover:1') as Y.Map<unknown> | undefined)?.get('text') };
  a.close();
  an.close();
  await second.stop();
  return { back, expected: { phrases: phrases.length, checksum: checksum(phrases.map((p) => [p.id, p] as [string, unknown])), note: '交接：买家小美 退款处理中' } };
}

describe('persistence', () => {
  it('keeps documents in files under dataDir across a restart', async () => {
    const tmp = tempDir('files');
    cleanups.push(tmp.remove);
    const { back, expected } = await roundTrip(tmp.dir);
    expect(back).toEqual(expected);
  });

  const bin = postgresBin();
  if (!bin) console.warn('[server tests] Postgres persistence test SKIPPED: no /usr/lib/postgresql/*/bin/initdb (apt-get install postgresql)');
  it.skipIf(!bin)('keeps documents in Postgres across a restart', async () => {
    const pg: Service = await startPostgres(bin!);
    cleanups.push(pg.stop);
    const tmp = tempDir('pg');
    cleanups.push(tmp.remove);
    const { back, expected } = await roundTrip(tmp.dir, pg.url);
    expect(back).toEqual(expected);
    // the documents are in Postgres, not in the data dir (which holds only the tokens)
    const { readdirSync } = await import('node:fs');
    expect(readdirSync(tmp.dir)).toEqual(['tokens.json']);
  }, 60_000);
});

describe('persistence against a killed server', () => {
  const bin = postgresBin();
  it.skipIf(!bin)('keeps a write Postgres-backed server applied when it is killed before its store and no client resends', async () => {
    const pg: Service = await startPostgres(bin!);
    cleanups.push(pg.stop);
    const tmp = tempDir('pg-kill');
    cleanups.push(tmp.remove);
    const lead = issueToken(tmp.dir, { team: 'shop1', role: 'lead', agent: 'lead1' }).token;
    const agent = issueToken(tmp.dir, { team: 'shop1', role: 'agent', agent: 'agentA' }).token;
    const args = ['--postgres', pg.url, '--debounce', '60000'];
    let server = await startServerProcess(tmp.dir, 0, args);
    cleanups.push(() => stopChild(server.child, 'SIGKILL'));
    const l = connect(server.url, 'shop1/library', lead);
    const watcher = connect(server.url, 'shop1/library', agent);
    cleanups.push(() => [l, watcher].forEach((c) => c.close()));
    await Promise.all([l.ready, watcher.ready]);
    const phrases = Array.from({ length: 1000 }, (_, i) => makePhrase(i + 1, 4));
    l.doc.transact(() => {
      for (const p of phrases.slice(0, 500)) l.doc.getMap('phrases').set(p.id, p);
    });
    for (const p of phrases.slice(500)) l.doc.getMap('phrases').set(p.id, p); // 500 small updates too
    await until(() => watcher.doc.getMap('phrases').size === 1000, 'the phrases through the server');
    l.close();
    await stopChild(server.child, 'SIGKILL');
    watcher.close();
    server = await startServerProcess(tmp.dir, server.port, args);
    const a = connect(server.url, 'shop1/library', agent);
    cleanups.push(() => a.close());
    await a.ready;
    expect(a.doc.getMap('phrases').size).toBe(1000);
    expect(checksum(a.doc.getMap('phrases').entries())).toBe(checksum(phrases.map((p) => [p.id, p] as [string, unknown])));
    // a graceful stop stores the state and empties the log of what it holds
    a.close();
    await stopChild(server.child, 'SIGTERM');
    expect(psql(bin!, pg.port, 'SELECT (SELECT count(*) FROM kefu_team_updates), (SELECT count(*) FROM kefu_team_documents)')).toBe('0|1');
  }, 90_000);
});
