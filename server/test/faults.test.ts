// Faults: the server (a child process) SIGKILLed mid-sync of 10,000 phrases and restarted on the same data dir; the
// server killed right after acknowledging a write that no client will ever resend; a client offline for a shift.
import { afterAll, describe, expect, it } from 'vitest';
import { isDeepStrictEqual } from 'node:util';
import * as Y from 'yjs';
import { issueToken } from '../index.mjs';
import { connect, tempDir, until, sleep, checksum, makePhrase, type Client, type PhraseRow } from './helpers';
import { startServerProcess, stopChild } from './services';

const cleanups: (() => unknown)[] = [];
afterAll(async () => {
  // (hook timeout below: stopping Postgres and Redis takes seconds on a busy machine)
  for (const c of cleanups.reverse()) await c();
}, 60_000);
const rows = (list: PhraseRow[]) => list.map((p) => [p.id, p] as [string, PhraseRow]);
const sameStateVector = (a: Y.Doc, b: Y.Doc) => Buffer.from(Y.encodeStateVector(a)).equals(Buffer.from(Y.encodeStateVector(b)));

function setup(tag: string) {
  const tmp = tempDir(tag);
  cleanups.push(tmp.remove);
  const clients: Client[] = [];
  cleanups.push(() => clients.forEach((c) => c.close()));
  const open = (url: string, name: string, token: string, doc?: Y.Doc) => {
    const c = connect(url, name, token, doc);
    clients.push(c);
    return c;
  };
  const lead = issueToken(tmp.dir, { team: 'shop1', role: 'lead', agent: 'lead1' }).token;
  const agent = issueToken(tmp.dir, { team: 'shop1', role: 'agent', agent: 'agentA' }).token;
  const night = issueToken(tmp.dir, { team: 'shop1', role: 'agent', agent: 'agentN' }).token;
  return { dir: tmp.dir, open, lead, agent, night };
}

async function serverProcess(dir: string, port = 0, extra: string[] = []) {
  const s = await startServerProcess(dir, port, extra);
  cleanups.push(() => stopChild(s.child, 'SIGKILL'));
  return s;
}

describe('faults', () => {
  it('loses nothing and applies nothing twice when the server is killed mid-sync of 10,000 phrases', async () => {
    const { dir, open, lead, agent } = setup('kill');
    let server = await serverProcess(dir);
    const phrases = Array.from({ length: 10_000 }, (_, i) => makePhrase(i + 1));
    const l = open(server.url, 'shop1/library', lead);
    const a = open(server.url, 'shop1/library', agent);
    await Promise.all([l.ready, a.ready]);
    let atKill = -1;
    for (let b = 0; b < 100; b++) {
      l.doc.transact(() => {
        for (const p of phrases.slice(b * 100, (b + 1) * 100)) l.doc.getMap('phrases').set(p.id, p);
      });
      await sleep(5);
      if (b === 29) {
        await stopChild(server.child, 'SIGKILL');
        atKill = a.doc.getMap('phrases').size;
        // restarted on the same port and data dir a moment later, while the lead goes on writing
        setTimeout(() => void serverProcess(dir, server.port).then((s) => (server = s)), 800);
      }
    }
    expect(atKill).toBeGreaterThan(0);
    expect(atKill).toBeLessThan(10_000);
    // (not provider.unsyncedChanges: it counts messages, and those queued while offline are replaced by one sync)
    await until(() => a.doc.getMap('phrases').size === 10_000 && sameStateVector(a.doc, l.doc), 'all 10,000 at the agent', 90_000);
    expect(checksum(a.doc.getMap('phrases').entries())).toBe(checksum(rows(phrases)));
    expect(sameStateVector(a.doc, l.doc)).toBe(true);

    // the server's own copy: a graceful restart, a fresh agent with an empty doc gets exactly the lead's document
    await stopChild(server.child, 'SIGTERM');
    server = await serverProcess(dir, server.port);
    const fresh = open(server.url, 'shop1/library', agent);
    await fresh.ready;
    expect(fresh.doc.getMap('phrases').size).toBe(10_000);
    expect(checksum(fresh.doc.getMap('phrases').entries())).toBe(checksum(rows(phrases)));
    expect(sameStateVector(fresh.doc, l.doc)).toBe(true); // every update once: same clocks, nothing replayed as new
  }, 120_000); // seconds on an idle 2-core machine; the margin is for a machine shared with other builds

  it('keeps a write the server has applied when it is killed before its debounced store and no client resends', async () => {
    const { dir, open, lead, agent } = setup('ack');
    let server = await serverProcess(dir, 0, ['--debounce', '60000']);
    const l = open(server.url, 'shop1/library', lead);
    const watcher = open(server.url, 'shop1/library', agent); // read-only: it can never resend the phrases
    await Promise.all([l.ready, watcher.ready]);
    const phrases = Array.from({ length: 1000 }, (_, i) => makePhrase(i + 1, 3));
    l.doc.transact(() => {
      for (const p of phrases) l.doc.getMap('phrases').set(p.id, p);
    });
    // the server has applied them once another client got them from it; the watcher stays connected, so the
    // document is not unloaded (unloading stores it) and only the update log can have them
    await until(() => watcher.doc.getMap('phrases').size === 1000, 'the phrases through the server');
    l.close(); // the writer is gone: only the server has the phrases now
    await stopChild(server.child, 'SIGKILL'); // well within the 60 s store debounce
    watcher.close();
    server = await serverProcess(dir, server.port);
    const a = open(server.url, 'shop1/library', agent);
    await a.ready;
    expect(a.doc.getMap('phrases').size).toBe(1000);
    expect(checksum(a.doc.getMap('phrases').entries())).toBe(checksum(rows(phrases)));
  }, 30_000);

  it('merges a client that was offline for a shift: notes field by field, its own tally rows', async () => {
    const { dir, open, lead, agent, night } = setup('shift');
    const server = await serverProcess(dir);
    const day = open(server.url, 'shop1/notebooks', agent);
    const nightShift = open(server.url, 'shop1/notebooks', night);
    const tally = open(server.url, 'shop1/tally/agentA', agent);
    await Promise.all([day.ready, nightShift.ready, tally.ready]);
    const note = new Y.Map<unknown>([['text', '买家小美 退款处理中'], ['read', false]]);
    day.doc.getMap('notes').set('handover:1', note);
    await until(() => nightShift.doc.getMap('notes').has('handover:1'), 'the handover at the night shift');

    // the day shift's browser goes offline for a shift and keeps working on its own copies
    const dayDoc = day.doc;
    const tallyDoc = tally.doc;
    day.close();
    tally.close();
    note.set('text', '买家小美 退款已完成');
    dayDoc.getMap('notes').set('problem:7', new Y.Map<unknown>([['question', '断网时登记的问题']]));
    for (let i = 1; i <= 40; i++) tallyDoc.getMap('rows').set('dev1|2026-12-07|day', { consults: i, conversions: Math.floor(i / 4) });
    // meanwhile the night shift marks the handover read and writes its own
    (nightShift.doc.getMap('notes').get('handover:1') as Y.Map<unknown>).set('read', true);
    nightShift.doc.getMap('notes').set('handover:2', new Y.Map<unknown>([['text', '夜班：3 单待发货']]));

    // back online: a new provider around the same documents
    const back = open(server.url, 'shop1/notebooks', agent, dayDoc);
    const backTally = open(server.url, 'shop1/tally/agentA', agent, tallyDoc);
    const leadTally = open(server.url, 'shop1/tally/agentA', lead);
    await Promise.all([back.ready, backTally.ready, leadTally.ready]);
    const merged = (d: Y.Doc) => (d.getMap('notes').toJSON() as Record<string, unknown>);
    await until(() => isDeepStrictEqual(merged(back.doc), merged(nightShift.doc)) && nightShift.doc.getMap('notes').has('problem:7'), 'both shifts to converge');
    expect(merged(nightShift.doc)).toEqual({
      'handover:1': { text: '买家小美 退款已完成', read: true },
      'handover:2': { text: '夜班：3 单待发货' },
      'problem:7': { question: '断网时登记的问题' },
    });
    await until(() => (leadTally.doc.getMap('rows').get('dev1|2026-12-07|day') as { consults: number } | undefined)?.consults === 40, 'the tally at the lead');
    expect(leadTally.doc.getMap('rows').toJSON()).toEqual({ 'dev1|2026-12-07|day': { consults: 40, conversions: 10 } });
  }, 30_000);
});
