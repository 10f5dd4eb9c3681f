/**
 * A new revision of the default rule pack reaches an installed rule set (rule-upgrade.ts), on a database as round
 * 5 left it (tests/fixtures/db/rules-round5.json: the pack as commit 81d8c2d shipped it), without undoing the
 * agent's edits, deletions or switches.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { freshDbPerTest } from '../../helpers/db';
import { ensureDefaultRules, listRules } from '../../../storage/repositories/rules';
import { checkDraft, DEFAULT_RULES } from '../../../scripts-library/guard';
import { planRuleUpgrade, ruleContentHash, RuleHistorySchema } from '../../../scripts-library/guard/rule-upgrade';
import { RulePackSchema, RuleSchema, type Rule } from '../../../scripts-library/shared/schema';
import history from '../../../scripts-library/packs/history/rules-default.json';

const freshDb = freshDbPerTest('rule-upgrade');
const round5 = RulePackSchema.parse(JSON.parse(readFileSync(join(__dirname, '../../fixtures/db/rules-round5.json'), 'utf8'))).rules;
const rule = (id: string, terms: string[], extra: Partial<Rule> = {}) => RuleSchema.parse({ id, terms, category: 'abuse', severity: 'block', ...extra });

describe('planning an upgrade', () => {
  const old = [rule('a', ['甲']), rule('b', ['乙']), rule('c', ['丙']), rule('gone', ['丁'])];
  const hist = { format: 'kefu-rule-history' as const, pack: 'p', about: '', revisions: { '1': Object.fromEntries(old.map((r) => [r.id, ruleContentHash(r)])) } };
  const next = [rule('a', ['甲', '甲甲']), rule('b', ['乙', '乙乙']), rule('c', ['丙', '丙丙']), rule('new', ['戊'])];

  it('never-edited rules take the new content (keeping the switch), edited ones stay, deleted ones stay deleted, new ones come', () => {
    const stored = [{ ...old[0]!, enabled: false }, { ...old[1]!, terms: ['乙', '我加的'] }, old[3]!]; // c deleted
    const plan = planRuleUpgrade(stored, next, hist);
    expect(plan.put).toEqual([{ ...next[0]!, enabled: false }, next[3]]);
    expect(plan.kept).toEqual(['b']);
    expect(plan.remove).toEqual(['gone']);
  });

  it('the content hash ignores the switch and empty fields, and sees any real change', () => {
    expect(ruleContentHash({ ...old[0]!, enabled: false })).toBe(ruleContentHash(old[0]!));
    expect(ruleContentHash({ ...old[0]!, allow: [], note: '' })).toBe(ruleContentHash({ id: 'a', terms: ['甲'], category: 'abuse', severity: 'block' }));
    expect(ruleContentHash({ ...old[0]!, severity: 'warn' })).not.toBe(ruleContentHash(old[0]!));
  });
});

describe('the shipped history', () => {
  it('is valid and holds the current pack (run npm run rules:history after changing rules-default.json)', () => {
    const h = RuleHistorySchema.parse(history);
    const current = Object.fromEntries(DEFAULT_RULES.map((r) => [r.id, ruleContentHash(r)]));
    expect(Object.values(h.revisions)).toContainEqual(current);
    expect(Object.values(h.revisions)).toContainEqual(Object.fromEntries(round5.map((r) => [r.id, ruleContentHash(r)])));
  });
});

describe('a database installed at round 5', () => {
  async function installedAtRound5() {
    const db = freshDb();
    await db.rules.bulkAdd(round5);
    await db.settings.put({ key: 'installedRules:rules-default', value: 1 });
    return db;
  }

  it('gets the new rules and the new wording of the rules the agent never touched', async () => {
    const db = await installedAtRound5();
    const blocks = (draft: string, rules: Rule[]) => checkDraft(draft, rules).filter((h) => h.severity === 'block');
    expect(blocks('懒得理你，自己看详情', await listRules(db))).toEqual([]);
    expect(blocks('做完任务返本金加佣金', await listRules(db))).toEqual([]);
    const written = await ensureDefaultRules(db);
    expect(written).toBeGreaterThan(5);
    const rules = await listRules(db);
    expect(blocks('懒得理你，自己看详情', rules)).toHaveLength(1);
    expect(blocks('做完任务返本金加佣金', rules)).toHaveLength(1);
    expect(rules.map((r) => ruleContentHash(r)).sort()).toEqual(DEFAULT_RULES.map((r) => ruleContentHash(r)).sort());
    expect(await ensureDefaultRules(db)).toBe(0); // once
  });

  it("keeps the agent's edits, deletions and switches", async () => {
    const db = await installedAtRound5();
    await db.rules.update('offplatform-063', { terms: ['薇信', '我自己加的'] }); // edited
    await db.rules.delete('abuse-r4'); // deleted
    await db.rules.update('absolute-160', { enabled: false }); // switched off
    await ensureDefaultRules(db);
    expect((await db.rules.get('offplatform-063'))!.terms).toEqual(['薇信', '我自己加的']);
    expect(await db.rules.get('abuse-r4')).toBeUndefined();
    const switched = (await db.rules.get('absolute-160'))!;
    expect(switched.enabled).toBe(false);
    expect(switched.severity).toBe(DEFAULT_RULES.find((r) => r.id === 'absolute-160')!.severity); // new content
    expect(await db.rules.get('taboo-r6')).toBeDefined(); // new in this revision
  });

  it("keeps a team's own rules", async () => {
    const db = await installedAtRound5();
    await db.rules.put(rule('team-1', ['我们自己的词']));
    await ensureDefaultRules(db);
    expect(await db.rules.get('team-1')).toMatchObject({ terms: ['我们自己的词'] });
  });
});

describe('a stored rule whose pattern the check now refuses (#30 N8)', () => {
  it('is quarantined at the next start: switched off, its unsafe patterns set aside with the reason, its safe ones kept; never run', async () => {
    const db = freshDb();
    await ensureDefaultRules(db);
    // Rows an older version let through, put there as they were (that version had no pattern-check mark).
    await db.settings.delete('rulesPatternCheck');
    const legacy = { ...rule('mine', ['加我']), patterns: ['(\\d\\d?)+x', '1[3-9]\\d{9}'] };
    const onlyBad = { ...rule('dots', ['x']), terms: [], patterns: ['.*.*.*='] };
    await db.rules.bulkPut([legacy, onlyBad] as Rule[]);
    await ensureDefaultRules(db);
    const stored = (await listRules(db)).filter((r) => r.id === 'mine' || r.id === 'dots');
    expect(stored.map((r) => [r.id, r.enabled, r.patterns, r.quarantinedPatterns])).toEqual([
      ['dots', false, [], ['.*.*.*=']],
      ['mine', false, ['1[3-9]\\d{9}'], ['(\\d\\d?)+x']],
    ]);
    for (const r of stored) {
      expect(r.quarantine).toContain('长消息会让检查卡死');
      expect(RuleSchema.safeParse(r).success).toBe(true); // a backup of it restores
    }
    expect(checkDraft('1'.repeat(3000), await listRules(db))).toEqual([]);
  });
});
