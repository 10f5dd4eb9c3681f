// Two server instances joined by Redis (a throwaway redis-server): edits cross instances, and a client that moves
// from one instance to the other mid-way loses nothing.
import { afterAll, describe, expect, it } from 'vitest';
import { startServer, issueToken } from '../index.mjs';
import { connect, tempDir, until, checksum, makePhrase, type Client, type PhraseRow } from './helpers';
import { redisBin, startRedis } from './services';

const cleanups: (() => unknown)[] = [];
afterAll(async () => {
  // (hook timeout below: stopping Postgres and Redis takes seconds on a busy machine)
  for (const c of cleanups.reverse()) await c();
}, 60_000);

const bin = redisBin();
if (!bin) console.warn('[server tests] Redis tests SKIPPED: no /usr/bin/redis-server (apt-get install redis-server)');

describe.skipIf(!bin)('two instances behind Redis', () => {
  it('syncs edits across instances and loses nothing when a client switches instance', async () => {
    const redis = await startRedis(bin!);
    cleanups.push(redis.stop);
    const tmp = tempDir('redis');
    cleanups.push(tmp.remove);
    const lead = issueToken(tmp.dir, { team: 'shop1', role: 'lead', agent: 'lead1' }).token;
    const agent = issueToken(tmp.dir, { team: 'shop1', role: 'agent', agent: 'agentA' }).token;
    const one = await startServer({ dataDir: tmp.dir, name: 'one', redis: { host: '127.0.0.1', port: redis.port } });
    cleanups.push(() => one.stop());
    const two = await startServer({ dataDir: tmp.dir, name: 'two', redis: { host: '127.0.0.1', port: redis.port } });
    cleanups.push(() => two.stop());
    const clients: Client[] = [];
    cleanups.push(() => clients.forEach((c) => c.close()));
    const open = (url: string, name: string, token: string, doc?: Client['doc']) => {
      const c = connect(url, name, token, doc);
      clients.push(c);
      return c;
    };

    // both directions across instances (notebooks: everyone writes)
    const n1 = open(one.url, 'shop1/notebooks', lead);
    const n2 = open(two.url, 'shop1/notebooks', agent);
    await Promise.all([n1.ready, n2.ready]);
    n1.doc.getMap('notes').set('problem:1', '顺丰能到新疆吗');
    n2.doc.getMap('notes').set('problem:2', '赠品什么时候发');
    await until(() => n2.doc.getMap('notes').get('problem:1') && n1.doc.getMap('notes').get('problem:2'), 'notes across instances');

    // the lead writes 2,000 phrases in 20 batches on instance one; the agent reads on instance two; after batch 8
    // the lead's connection drops, it keeps editing offline, and comes back on instance two
    const phrases = Array.from({ length: 2000 }, (_, i) => makePhrase(i + 1));
    let l = open(one.url, 'shop1/library', lead);
    const a = open(two.url, 'shop1/library', agent);
    await Promise.all([l.ready, a.ready]);
    const doc = l.doc;
    for (let b = 0; b < 20; b++) {
      doc.transact(() => {
        for (const p of phrases.slice(b * 100, (b + 1) * 100)) doc.getMap('phrases').set(p.id, p);
      });
      if (b === 8) {
        await until(() => a.doc.getMap('phrases').size > 0, 'first batches at the agent');
        l.close();
      }
      if (b === 12) {
        l = open(two.url, 'shop1/library', lead, doc);
        await l.ready;
      }
      await new Promise((r) => setTimeout(r, 10));
    }
    await until(() => a.doc.getMap('phrases').size === 2000, 'all 2,000 phrases at the agent', 20_000);
    expect(checksum(a.doc.getMap('phrases').entries())).toBe(checksum(phrases.map((p) => [p.id, p] as [string, PhraseRow])));
    // and instance one has them too (a client there sees the same)
    const a1 = open(one.url, 'shop1/library', agent);
    await a1.ready;
    await until(() => a1.doc.getMap('phrases').size === 2000, 'all phrases on instance one');
    expect(checksum(a1.doc.getMap('phrases').entries())).toBe(checksum(a.doc.getMap('phrases').entries()));
  }, 60_000);
});
