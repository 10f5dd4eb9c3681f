/**
 * Counters written from several contexts at once (the background for each chat tab, the side panel) lose
 * nothing: every read-modify-write runs in one transaction. Three writers here are three database connections
 * to the same database, as the background and two panels would hold.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Dexie } from 'dexie';
import { KefuDB } from '../../../storage/db';
import { ChatTabRegistry } from '../../../storage/chat-tabs';
import { backgroundFor } from '../../helpers/background';
import { getSettings, updateSettings } from '../../../storage/repositories/settings';
import { ensureDefaultPacks } from '../../../storage/repositories/packs';
import { recordPhraseUse } from '../../../storage/repositories/phrases';
import { countOne, tallyForDays } from '../../../storage/repositories/tally';

let name: string;
let connections: KefuDB[];
beforeEach(async () => {
  name = `concurrent-${Math.random().toString(36).slice(2)}`;
  connections = [new KefuDB(name), new KefuDB(name), new KefuDB(name)];
  for (const db of connections) await db.open();
});
afterEach(async () => {
  for (const db of connections) db.close();
  await Dexie.delete(name);
});

const registry = () => new ChatTabRegistry({ get: async () => ({}), set: async () => {} });
const ROUNDS = 20;

describe('three writers at once', () => {
  it('仍要发送 counts from three chat tabs add up', async () => {
    const services = connections.map((db) => backgroundFor(db, {}, registry()).send);
    await Promise.all(services.flatMap((s) => Array.from({ length: ROUNDS }, () => s('guard/override', { ruleIds: ['contact-wechat', 'absolute-first'] }))));
    expect((await getSettings(connections[0]!)).guardOverrides).toEqual({ 'contact-wechat': 3 * ROUNDS, 'absolute-first': 3 * ROUNDS });
  });

  it('不再提示 allows and remembered values from three writers are all kept', async () => {
    const services = connections.map((db) => backgroundFor(db, {}, registry()).send);
    await Promise.all([
      ...services.map((s, i) => s('guard/allow', { ruleId: 'contact-wechat', context: `上下文${i}` })),
      ...services.map((s, i) => s('placeholders/remember', { values: { 运单号: `SF${i}` }, buyer: `demo|buyer${i}` })),
      updateSettings(connections[0]!, ({ enabledSites }) => ({ enabledSites: [...enabledSites, 'https://a.example/*'] })),
      updateSettings(connections[1]!, ({ enabledSites }) => ({ enabledSites: [...enabledSites, 'https://b.example/*'] })),
    ]);
    const s = await getSettings(connections[2]!);
    expect([...s.guardAllows['contact-wechat']!].sort()).toEqual(['上下文0', '上下文1', '上下文2']);
    expect(Object.keys(s.orderMemory).sort()).toEqual(['demo|buyer0', 'demo|buyer1', 'demo|buyer2']);
    expect([...s.enabledSites].sort()).toEqual(['https://a.example/*', 'https://b.example/*']);
  });

  it('phrase uses and tally counts from three writers add up', async () => {
    await ensureDefaultPacks(connections[0]!);
    await Promise.all(
      connections.flatMap((db) =>
        Array.from({ length: ROUNDS }, () => [recordPhraseUse(db, 'greeting-hello'), countOne(db, '小王', '2026-12-02', 'day', 'consults', 1)]).flat(),
      ),
    );
    expect((await connections[1]!.phrases.get('greeting-hello'))?.useCount).toBe(3 * ROUNDS);
    const [row] = await tallyForDays(connections[2]!, '小王', ['2026-12-02']);
    expect(row?.consults).toBe(3 * ROUNDS);
  });
});
