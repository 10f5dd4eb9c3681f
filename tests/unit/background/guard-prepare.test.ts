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

// A second review's finding: a check that came while another check's (or a write's) rules read was still on its way
// answered with what `stored` held before it — the shipped defaults just after a wake, the previous rules after an
// edit — so a draft the shop's own rule blocks went out.
describe('a check during a rules read in flight waits for it', () => {
  const soldOut = () => db.rules.bulkPut([RuleSchema.parse({ id: 'team-soldout', terms: ['卖光了'], category: 'false-promise', severity: 'block', suggestion: '说暂时缺货' })]);
  const slowSource = (slow: () => number, told?: (l: (rules: boolean) => void) => void): GuardSource => {
    const live = guardSourceFor(db);
    return {
      read: async (withRules) => {
        const r = await live.read(withRules);
        if (withRules && slow()) await new Promise((res) => setTimeout(res, slow()));
        return r;
      },
      onWritten: (l) => told?.(l),
    };
  };
  const checker = (source: GuardSource) => {
    const h = guardHandlers(source, bundledShipped(), memoryCache().cache);
    return async (text: string) => (await h['guard/check']({ type: 'guard/check', text }, {} as MessageContext)).map((x) => x.ruleId);
  };

  it.each([0, 50])('two keystrokes at a wake (rules read %i ms slower) are both checked with the shop\'s own rules', async (delay) => {
    await soldOut();
    const check = checker(slowSource(() => delay));
    const [a, b] = await Promise.all([check('这款卖光了'), check('这款卖光了')]);
    expect(a).toContain('team-soldout');
    expect(b).toContain('team-soldout');
  });

  it('a check while the rules are read again after an edit answers with the edited rules', async () => {
    let slow = 0;
    let tell: (rules: boolean) => void = () => {};
    const check = checker(slowSource(() => slow, (l) => (tell = l)));
    expect(await check('亲，在的')).toEqual([]);
    await soldOut();
    slow = 300;
    tell(true); // Dexie's broadcast of the rules write
    await new Promise((r) => setTimeout(r, 5)); // the worker's own re-read (prepare) is on its way
    expect(await check('这款卖光了')).toContain('team-soldout');
  });
});
