/**
 * Rule pack import/export, pure (same shape as phrase import): read a JSON rule pack, compare it with the stored
 * rules (new / updated / duplicate / invalid with reasons), and let the repository apply it in one transaction.
 */
import { z } from 'zod';
import { RulePackSchema, RuleSchema, type Rule } from '../shared/schema';
import { parseJsonFile, type FileResult } from './file-result';
import { issueText } from './issue-text';
import { fileText } from './file-text';

const PackHeadSchema = z.object({ format: z.literal('kefu-rule-pack'), version: z.literal(1), rules: z.array(z.unknown()) });

export interface RuleImportPlan {
  added: Rule[];
  updated: Rule[];
  duplicates: string[];
  invalid: { index: number; reason: string }[];
}

export type RuleReadResult = FileResult<{ rules: unknown[] }>;

export function readRulePack(text: string): RuleReadResult {
  const parsed = parseJsonFile(text);
  if (!parsed.ok) return parsed;
  const head = PackHeadSchema.safeParse(parsed.json);
  if (!head.success) return { ok: false, error: fileText('fileNotRulePack') };
  return { ok: true, rules: head.data.rules };
}

export function planRuleImport(rows: readonly unknown[], existing: readonly Rule[]): RuleImportPlan {
  const plan: RuleImportPlan = { added: [], updated: [], duplicates: [], invalid: [] };
  const byId = new Map(existing.map((r) => [r.id, r]));
  const seen = new Set<string>();
  rows.forEach((raw, index) => {
    const parsed = RuleSchema.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      plan.invalid.push({ index: index + 1, reason: issueText(issue, fileText('fileIssueRuleRoot')) });
      return;
    }
    const rule = parsed.data;
    if (seen.has(rule.id)) {
      plan.invalid.push({ index: index + 1, reason: fileText('fileRuleDuplicate', rule.id) });
      return;
    }
    seen.add(rule.id);
    const old = byId.get(rule.id);
    if (!old) plan.added.push(rule);
    else if (JSON.stringify(old) === JSON.stringify({ ...old, ...rule })) plan.duplicates.push(rule.id);
    else plan.updated.push(rule);
  });
  return plan;
}

export function exportRulePack(rules: readonly Rule[]): string {
  return JSON.stringify(RulePackSchema.parse({ format: 'kefu-rule-pack', version: 1, id: 'rules-export', name: '导出的规则', rules }), null, 1);
}
