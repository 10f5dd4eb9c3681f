/**
 * The default rule pack (packs/rules-default.json) as the guard reads it where it starts — every service-worker
 * wake, panel open and chat page load (#36 items 4–5). RulePackSchema's parse took 30–150 ms there; the pack is
 * our own file, held to the schema by a test (bundled-rules.test.ts: this gives exactly what the parse gives),
 * so here its rules only get the schema's defaults, with the fields in the schema's order.
 */
import type { Rule } from '../shared/schema';

/** RuleSchema's fields, in its order (the test fails when the schema gains one). */
export const RULE_KEYS = [
  'id', 'terms', 'patterns', 'category', 'severity', 'suggestion', 'replacement', 'allow', 'cleanNear', 'near',
  'nearWithin', 'nearOrdered', 'check', 'note', 'source', 'enabled', 'quarantinedPatterns', 'quarantine', 'team',
] as const satisfies readonly (keyof Rule)[];

/** RuleSchema's defaults (each a new value, as the schema's are). */
const DEFAULTS: Partial<Record<keyof Rule, () => unknown>> = {
  terms: () => [],
  suggestion: () => '',
  allow: () => [],
  note: () => '',
  source: () => '',
  enabled: () => true,
};

/** The rules of a bundled pack with the schema's defaults filled in and unknown fields left out. */
export function bundledRules(pack: { rules: readonly object[] }): Rule[] {
  return pack.rules.map((raw) => {
    const r = raw as Record<string, unknown>;
    const out: Record<string, unknown> = {};
    for (const key of RULE_KEYS) {
      if (r[key] !== undefined) out[key] = r[key];
      else if (DEFAULTS[key]) out[key] = DEFAULTS[key]();
    }
    return out as Rule;
  });
}
