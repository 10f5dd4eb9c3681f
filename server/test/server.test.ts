// The team server's contract, against the real server and real providers: scopes, the refused message, whoami,
// health and metrics.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { startServer, issueToken, revokeToken } from '../index.mjs';
import { connect, tempDir, until, sleep, type Client } from './helpers';

const tmp = tempDir('contract');
let server: Awaited<ReturnType<typeof startServer>>;
const clients: Client[] = [];
const open = (name: string, token: string, doc?: Y.Doc) => {
  const c = connect(server.url, name, token, doc);
  clients.push(c);
  return c;
};
let lead: string, agentA: string, agentB: string, outsider: string;

beforeAll(async () => {
  server = await startServer({ dataDir: tmp.dir });
  lead = issueToken(tmp.dir, { team: 'shop1', role: 'lead', agent: 'lead1' }).token;
  agentA = issueToken(tmp.dir, { team: 'shop1', role: 'agent', agent: 'agentA' }).token;
  agentB = issueToken(tmp.dir, { team: 'shop1', role: 'agent', agent: 'agentB' }).token;
  outsider = issueToken(tmp.dir, { team: 'shop2', role: 'lead', agent: 'boss' }).token;
});
afterAll(async () => {
  for (const c of clients) c.close();
  await server?.stop();
  tmp.remove();
});

describe('team server', () => {
  it('binds 127.0.0.1 on a free port', () => {
    expect(server.url).toMatch(/^ws:\/\/127\.0\.0\.1:\d+$/);
    expect(server.httpUrl).toBe(`http://127.0.0.1:${server.port}`);
  });

  it("delivers the lead's phrase to an agent, refuses the agent's write to the library and tells it", async () => {
    const l = open('shop1/library', lead);
    const a = open('shop1/library', agentA);
    await Promise.all([l.ready, a.ready]);
    expect(l.failed()).toBeNull();
    expect(a.provider.authorizedScope).toBe('readonly');
    l.doc.getMap('phrases').set('tp-1', { title: '发货', body: '亲，今天下单今天发' });
    await until(() => a.doc.getMap('phrases').get('tp-1'), 'the phrase at the agent');
    expect(a.doc.getMap('phrases').get('tp-1')).toEqual({ title: '发货', body: '亲，今天下单今天发' });

    a.doc.getMap('phrases').set('tp-1', { title: '发货', body: '改过的' });
    await until(() => a.stateless.length > 0, 'the refusal');
    expect(JSON.parse(a.stateless[0]!)).toEqual({ type: 'refused', document: 'shop1/library', reason: 'read-only' });
    await sleep(200);
    expect((l.doc.getMap('phrases').get('tp-1') as { body: string }).body).toBe('亲，今天下单今天发');
  });

  it('lets an agent write its own tally and the lead read it; agent B cannot open A’s tally', async () => {
    const a = open('shop1/tally/agentA', agentA);
    const l = open('shop1/tally/agentA', lead);
    const b = open('shop1/tally/agentA', agentB);
    await Promise.all([a.ready, l.ready, b.ready]);
    expect(b.failed()).toBe('not-your-tally');
    expect(a.provider.authorizedScope).toBe('read-write');
    a.doc.getMap('rows').set('dev1|2026-12-07|day', { consults: 3 });
    await until(() => l.doc.getMap('rows').get('dev1|2026-12-07|day'), 'the tally at the lead');
    expect(b.doc.getMap('rows').size).toBe(0);
    // the lead may read, not write
    l.doc.getMap('rows').set('dev1|2026-12-07|day', { consults: 99 });
    await until(() => l.stateless.length > 0, 'the refusal at the lead');
    await sleep(200);
    expect(a.doc.getMap('rows').get('dev1|2026-12-07|day')).toEqual({ consults: 3 });
  });

  it('lets every member of the team write the notebooks, field by field', async () => {
    const a = open('shop1/notebooks', agentA);
    const b = open('shop1/notebooks', agentB);
    await Promise.all([a.ready, b.ready]);
    const note = new Y.Map<unknown>();
    a.doc.getMap('notes').set('handover:1', note);
    note.set('text', '买家小美 退款处理中');
    await until(() => (b.doc.getMap('notes').get('handover:1') as Y.Map<unknown> | undefined)?.get('text'), 'the note at B');
    (b.doc.getMap('notes').get('handover:1') as Y.Map<unknown>).set('read', true);
    await until(() => note.get('read') === true, 'read at A');
    expect(b.stateless).toEqual([]);
  });

  it('gives an outsider, a wrong token and no token nothing', async () => {
    // the lead's library has a phrase; none of these may see it
    const l = open('shop1/library', lead);
    await l.ready;
    const other = open('shop1/library', outsider);
    const wrong = open('shop1/library', 'kft_' + 'x'.repeat(32));
    const none = open('shop1/library', '');
    const otherOwn = open('shop2/library', outsider);
    await Promise.all([other.ready, wrong.ready, none.ready, otherOwn.ready]);
    expect(other.failed()).toBe('other-team');
    expect(wrong.failed()).toBe('invalid-token');
    expect(none.failed()).toBe('invalid-token');
    for (const c of [other, wrong, none]) expect(c.doc.getMap('phrases').size).toBe(0);
    expect(otherOwn.failed()).toBeNull(); // their own team's documents work
    expect(otherOwn.doc.getMap('phrases').size).toBe(0);
    const unknown = open('shop1/secrets', lead);
    await unknown.ready;
    expect(unknown.failed()).toBe('unknown-document');
  });

  it('cuts off a revoked token, open connections included', async () => {
    const { token } = issueToken(tmp.dir, { team: 'shop1', role: 'agent', agent: 'agentGone' });
    const c = open('shop1/notebooks', token);
    const closed: string[] = [];
    c.provider.on('close', ({ event }: { event: { reason: string } }) => closed.push(event.reason));
    await c.ready;
    expect(c.failed()).toBeNull();
    expect((await fetch(`${server.httpUrl}/whoami`, { headers: { Authorization: `Bearer ${token}` } })).status).toBe(200);
    expect(revokeToken(tmp.dir, token.slice(0, 10)).map((t) => t.agent)).toEqual(['agentGone']);
    await until(() => c.failed() === 'invalid-token', 'the open connection to be cut off and refused on reconnect');
    expect(closed).toContain('token-revoked');
    expect((await fetch(`${server.httpUrl}/whoami`, { headers: { Authorization: `Bearer ${token}` } })).status).toBe(401);
    // writes made after the cut never reach the team
    c.doc.getMap('notes').set('handover:gone', new Y.Map<unknown>([['text', '离职后写的']]));
    const a = open('shop1/notebooks', agentA);
    await a.ready;
    await sleep(300);
    expect(a.doc.getMap('notes').has('handover:gone')).toBe(false);
  });

  it('answers /whoami for a token (with CORS for extension pages) and 401 without', async () => {
    const ok = await fetch(`${server.httpUrl}/whoami`, { headers: { Authorization: `Bearer ${agentA}`, Origin: 'chrome-extension://abcdefghijklmnopabcdefghijklmnop' } });
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({ team: 'shop1', role: 'agent', agent: 'agentA' });
    expect(ok.headers.get('access-control-allow-origin')).toBe('chrome-extension://abcdefghijklmnopabcdefghijklmnop');
    const pre = await fetch(`${server.httpUrl}/whoami`, { method: 'OPTIONS', headers: { Origin: 'moz-extension://1234-abcd', 'Access-Control-Request-Headers': 'authorization' } });
    expect(pre.status).toBe(204);
    expect(pre.headers.get('access-control-allow-origin')).toBe('moz-extension://1234-abcd');
    expect(pre.headers.get('access-control-allow-headers')).toMatch(/authorization/i);
    const web = await fetch(`${server.httpUrl}/whoami`, { headers: { Authorization: `Bearer ${agentA}`, Origin: 'https://evil.example' } });
    expect(web.headers.get('access-control-allow-origin')).toBeNull();
    const bad = await fetch(`${server.httpUrl}/whoami`, { headers: { Authorization: 'Bearer kft_nope' } });
    expect(bad.status).toBe(401);
    expect((await fetch(`${server.httpUrl}/whoami`)).status).toBe(401);
  });

  it('reports health and metrics', async () => {
    const health = (await (await fetch(`${server.httpUrl}/health`)).json()) as Record<string, unknown>;
    expect(health).toMatchObject({ ok: true, instance: server.instance });
    expect(health.documents).toBeGreaterThanOrEqual(4);
    expect(health.connections).toBeGreaterThanOrEqual(1);
    const text = await (await fetch(`${server.httpUrl}/metrics`)).text();
    const metric = (name: string) => Number(new RegExp(`^${name}\\{[^}]*\\} (\\d+)$`, 'm').exec(text)?.[1]);
    expect(metric('kefu_team_updates_refused_total')).toBeGreaterThanOrEqual(2);
    expect(metric('kefu_team_auth_failures_total')).toBeGreaterThanOrEqual(6);
    expect(metric('kefu_team_updates_applied_total')).toBeGreaterThanOrEqual(4);
    expect(metric('kefu_team_documents_loaded')).toBe(health.documents);
    expect(metric('kefu_team_connections')).toBeGreaterThanOrEqual(1);
  });
});
