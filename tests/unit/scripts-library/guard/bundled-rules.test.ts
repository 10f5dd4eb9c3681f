/**
 * The default rule pack read without zod where the guard starts (#36 items 4–5): parsing it with RulePackSchema
 * took 30–150 ms at every service-worker wake, panel open and chat page load. It is our own file, so it is held to
 * the schema here instead: read the fast way, it gives exactly what the schema's parse gives.
 */
import { describe, expect, it, vi } from 'vitest';
import rulePack from '../../../../scripts-library/packs/rules-default.json';
import { RulePackSchema, RuleSchema } from '../../../../scripts-library/shared/schema';
import { bundledRules, RULE_KEYS } from '../../../../scripts-library/guard/bundled-rules';

describe('the bundled default rules', () => {
  it('are what the schema makes of the pack, field for field and in the same order', () => {
    expect(JSON.stringify(bundledRules(rulePack))).toBe(JSON.stringify(RulePackSchema.parse(rulePack).rules));
  });

  it('fill every default the schema fills, and know every field it has (a new one fails here)', () => {
    expect([...RULE_KEYS].sort()).toEqual(Object.keys(RuleSchema.shape).sort());
    const bare = { id: 'x-1', terms: ['某词'], category: 'abuse', severity: 'warn', extra: 1 };
    expect(JSON.stringify(bundledRules({ rules: [bare] }))).toBe(JSON.stringify([RuleSchema.parse(bare)]));
  });

  it('are read when the guard module starts without running the schema over the pack', async () => {
    vi.resetModules();
    const schema = await import('../../../../scripts-library/shared/schema');
    const parse = vi.spyOn(schema.RulePackSchema, 'parse');
    const guard = await import('../../../../scripts-library/guard');
    expect(guard.DEFAULT_RULES.map((r) => r.id)).toEqual(rulePack.rules.map((r) => r.id));
    expect(parse).not.toHaveBeenCalled();
  });
});
