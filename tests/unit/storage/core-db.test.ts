import { afterEach, describe, expect, it } from 'vitest';
import { Dexie } from 'dexie';
import { KefuDB } from '../../../storage/db';
import { DB_VERSION } from '../../../storage/db-name';
import { SCHEMA_VERSIONS } from '../../../storage/schema-versions';
import { storedDb } from '../../../storage/core-db';
import { readGuardReads } from '../../../storage/repositories/guard-reads';
import { getSettings } from '../../../storage/repositories/settings';
import { ensureDefaultRules } from '../../../storage/repositories/rules';
import { RULE_CATEGORIES } from '../../../scripts-library/shared/rule-categories';
import { RuleCategorySchema } from '../../../scripts-library/shared/schema';

const opened: { name: string; close(): void }[] = [];
const fresh = () => `core-${Math.random().toString(36).slice(2)}`;
afterEach(async () => {
  for (const db of opened.splice(0)) {
    db.close();
    await Dexie.delete(db.name);
  }
});

describe('the database as the worker’s core opens it', () => {
  it('DB_VERSION is the schema history’s last version', () => {
    expect(DB_VERSION).toBe(SCHEMA_VERSIONS.at(-1)!.version);
  });

  it('a database not there yet is made by the whole schema first, then read: the rules the full schema stored', async () => {
    const name = fresh();
    let full: KefuDB | undefined;
    const db = await storedDb(async () => {
      full = new KefuDB(name);
      opened.push(full);
      await ensureDefaultRules(full);
    }, name)();
    opened.push(db);
    expect(full).toBeDefined();
    const { rules } = await readGuardReads(db, true);
    expect(rules).toEqual(await full!.rules.toArray());
    expect(rules!.length).toBeGreaterThan(100);
  });

  it('an older database is upgraded by the whole schema first; the latest one is read as it is', async () => {
    const name = fresh();
    const old = new KefuDB(name, DB_VERSION - 1);
    await old.open();
    old.close();
    let upgrades = 0;
    const upgrade = async () => {
      upgrades++;
      const full = new KefuDB(name);
      opened.push(full);
      await full.open();
    };
    const db = await storedDb(upgrade, name)();
    opened.push(db);
    expect(upgrades).toBe(1);
    expect(db.version).toBe(DB_VERSION * 10);
    const again = await storedDb(upgrade, name)();
    opened.push(again);
    expect(upgrades).toBe(1);
  });

  it('lets a newer schema open the database: its connection closes, and the next use opens it again', async () => {
    const name = fresh();
    const full = new KefuDB(name);
    await full.open();
    full.close();
    const open = storedDb(async () => {}, name);
    const first = await open();
    const newer = new Dexie(name);
    newer.version(DB_VERSION + 1).stores({ extra: 'id' });
    await newer.open(); // would wait forever were the core's connection kept open
    newer.close();
    const second = await open();
    opened.push(second, { name, close: () => first.close() });
    expect(second).not.toBe(first);
    expect(second.version).toBe((DB_VERSION + 1) * 10);
  });
});

describe('what the core reads without schemas', () => {
  it('the rule categories are the schema’s', () => {
    expect([...RULE_CATEGORIES]).toEqual(RuleCategorySchema.options);
  });
});

describe('the guard’s allows read alone', () => {
  it('give what the settings give, for none, good and refused values', async () => {
    const db = new KefuDB(fresh());
    opened.push(db);
    await db.open();
    const raw = await storedDb(async () => {}, db.name)();
    opened.push(raw);
    const same = async () => expect((await readGuardReads(raw, false)).guardAllows).toEqual((await getSettings(db)).guardAllows);
    await same();
    for (const value of [{ 'abuse-001': ['上下文'] }, { 'abuse-001': ['x'.repeat(61)] }, { a: 'not a list' }, 'nonsense', { '*': ['亲'], 'model-abuse': [] }]) {
      await db.settings.put({ key: 'guardAllows', value });
      await same();
    }
  });
});
