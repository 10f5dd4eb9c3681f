import { describe, expect, it, vi } from 'vitest';
import { freshDbPerTest } from '../../helpers/db';
import { ensureDefaults } from '../../../storage/defaults';
import * as packs from '../../../storage/repositories/packs';

const freshDb = freshDbPerTest('defaults');

describe('the one place defaults are installed', () => {
  it('installs the phrase pack and the rule pack once, never over what the agent changed since', async () => {
    const db = freshDb();
    const load = vi.fn(async () => packs);
    await ensureDefaults(db, load);
    const phrases = await db.phrases.count();
    const rules = await db.rules.count();
    expect(phrases).toBeGreaterThan(50);
    expect(rules).toBeGreaterThan(100);

    const first = (await db.phrases.toCollection().first())!;
    await db.phrases.delete(first.id);
    await db.rules.update((await db.rules.toCollection().first())!.id, { enabled: false });
    await ensureDefaults(db, load);
    expect(load).toHaveBeenCalledTimes(1); // the pack is not even loaded once it is installed
    expect(await db.phrases.get(first.id)).toBeUndefined(); // a deleted default stays deleted
    expect(await db.rules.filter((r) => !r.enabled).count()).toBe(1);
    expect(await db.rules.count()).toBe(rules);
  });
});
