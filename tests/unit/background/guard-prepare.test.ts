// A rule edited while the worker sleeps: the panel tells the worker (guard/prepare), which keeps the new rules'
// compiled form at once, so the first check after the next wake compiles nothing — and answers with the new rule,
// never with a form kept for other rules.
import { beforeEach, describe, expect, it } from 'vitest';
import type { KefuDB } from '../../../storage/db';
import { freshDbPerTest } from '../../helpers/db';
import { guardSourceFor } from '../../helpers/background';
import { guardHandlers } from '../../../entrypoints/background/guard';
import { bundledShipped } from '../../../entrypoints/background/shipped-bundled';
import { tellGuardOnWrites } from '../../../components/shared/guard-prepare';
import { ensureDefaultRules, setRuleEnabled } from '../../../storage/repositories/rules';
import { savePhrase } from '../../../storage/repositories/phrase-writes';
import { saveSettings } from '../../../storage/repositories/settings';
import { RuleSchema } from '../../../scripts-library/shared/schema';
import { rulesKey } from '../../../scripts-library/guard/compiled-form';
import { effectiveRules } from '../../../scripts-library/guard/effective-rules';
import type { GuardCache } from '../../../storage/guard-cache';
import type { GuardSource } from '../../../storage/guard-source';
import type { MessageContext } from '../../../entrypoints/background/messages';

const freshDb = freshDbPerTest();
let db: KefuDB;
beforeEach(async () => {
  db = freshDb();
  await ensureDefaultRules(db);
});

/** The guard cache as a map, counting what was compiled and kept. */
function memoryCache() {
  const slots = new Map<string, { key: string; value: unknown }>();
  let puts = 0;
  const cache: GuardCache = {
    get: async (key, slot = 'latest') => (slots.get(slot)?.key === key ? structuredClone(slots.get(slot)!.value) : undefined),
    put: async (key, value, slot = 'latest') => {
      if (slot === 'latest') puts++;
      slots.set(slot, { key, value: structuredClone(value) });
    },
    clear: async () => slots.clear(),
  };
  return { cache, key: () => slots.get('latest')?.key, puts: () => puts };
}

/** A worker as a wake starts it; `asleep`: it hears no write (a stopped worker hears nothing). */
function worker(kept: GuardCache, asleep = false) {
  const live = guardSourceFor(db);
  const source: GuardSource = asleep ? { read: live.read, onWritten: () => {} } : live;
  const handlers = guardHandlers(source, bundledShipped(), kept);
  const ctx = {} as MessageContext;
  return {
    check: async (text: string) => (await handlers['guard/check']({ type: 'guard/check', text }, ctx)).map((h) => h.ruleId),
    prepare: () => handlers['guard/prepare']({ type: 'guard/prepare' }, ctx),
  };
}
const settle = () => new Promise((r) => setTimeout(r, 30));
const keyOfStored = async () => await rulesKey(effectiveRules(await db.rules.toArray(), {}));

describe('a rule edited while the worker sleeps', () => {
  it('guard/prepare keeps the new rules’ form; the next wake’s first check compiles nothing and uses the new rule', async () => {
    const kept = memoryCache();
    await worker(kept.cache, true).check('亲，在的');
    await settle();
    const before = kept.key();
    expect(before).toBe(await keyOfStored());
    // Edited in the panel while the worker sleeps: its form is now for other rules.
    await db.rules.bulkPut([RuleSchema.parse({ id: 'team-soldout', terms: ['卖光了'], category: 'false-promise', severity: 'block', suggestion: '说暂时缺货' })]);
    await setRuleEnabled(db, 'taboo-001', false);
    await settle();
    expect(kept.key()).toBe(before);
    // The panel's notice wakes a worker, which keeps the new rules' form without any check.
    await worker(kept.cache, true).prepare();
    await settle();
    expect(kept.key()).toBe(await keyOfStored());
    expect(kept.key()).not.toBe(before);
    // The next wake revives it: its first check compiles nothing, and holds the new rule.
    const puts = kept.puts();
    expect(await worker(kept.cache, true).check('亲，这个颜色卖光了')).toContain('team-soldout');
    await settle();
    expect(kept.puts()).toBe(puts);
  });

  it('without the notice the first check compiles the new rules — a form kept for the old ones never answers', async () => {
    const kept = memoryCache();
    await worker(kept.cache, true).check('亲，在的');
    await settle();
    await db.rules.bulkPut([RuleSchema.parse({ id: 'team-soldout', terms: ['卖光了'], category: 'false-promise', severity: 'block', suggestion: '说暂时缺货' })]);
    const puts = kept.puts();
    expect(await worker(kept.cache, true).check('亲，这个颜色卖光了')).toContain('team-soldout');
    await settle();
    expect(kept.puts()).toBe(puts + 1);
    expect(kept.key()).toBe(await keyOfStored());
  });

  it('a worker awake hears the edit and checks with it, not with the rules it read at its start', async () => {
    const kept = memoryCache();
    const awake = worker(kept.cache);
    expect(await awake.check('亲，这个颜色卖光了')).toEqual([]);
    await db.rules.bulkPut([RuleSchema.parse({ id: 'team-soldout', terms: ['卖光了'], category: 'false-promise', severity: 'block', suggestion: '说暂时缺货' })]);
    await expect.poll(() => awake.check('亲，这个颜色卖光了')).toContain('team-soldout');
    await expect.poll(() => kept.key()).toBe(await keyOfStored());
  });
});

describe('the panel tells the worker', () => {
  it('once after a burst of rule or settings writes, whoever made them; not for other tables', async () => {
    let told = 0;
    const unwatch = tellGuardOnWrites(db, () => told++, 20);
    try {
      await setRuleEnabled(db, 'taboo-001', false);
      await setRuleEnabled(db, 'taboo-001', true);
      await expect.poll(() => told).toBe(1);
      await saveSettings(db, { guardAllows: { 'abuse-001': ['上下文'] } });
      await expect.poll(() => told).toBe(2);
      await savePhrase(db, { id: 'hello', title: '问候', body: '亲，在的', stageId: 'pre-sale', tags: [] });
      await new Promise((r) => setTimeout(r, 60));
      expect(told).toBe(2);
    } finally {
      unwatch();
    }
  });
});
