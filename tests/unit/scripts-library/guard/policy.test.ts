/**
 * #31 item 1: 必改 needs evidence. A send is held only by a rule that matched a term, words that go together or a
 * pattern; the intent model alone says 建议改 at most, in every category, however sure it is.
 */
import { describe, expect, it } from 'vitest';
import { judgeDraft, SURE } from '../../../../scripts-library/guard/judge';
import { checkDraft, DEFAULT_RULES } from '../../../../scripts-library/guard';
import { SEVERITY_POLICY, severityFor, type Evidence } from '../../../../scripts-library/guard/policy';
import { RuleCategorySchema, type RuleCategory, type Severity } from '../../../../scripts-library/shared/schema';
import { loadCorpus } from '../../../fixtures/guard/corpus';

const rank: Record<Severity, number> = { hint: 1, warn: 2, block: 3 };
const evidenceOf = (r: (typeof DEFAULT_RULES)[number]): Evidence => (r.patterns?.length ? 'pattern' : r.near?.length ? 'near' : 'term');

/**
 * Drafts no rule speaks on and the model reads, surely and unexcused, as harm of their own category (from the tune
 * split): a sure reading the judge lowers to a hint (a review request with no reward in its clause) says nothing of
 * the policy, so it is not an example of it.
 */
const sureModelOnly = (() => {
  const out = new Map<RuleCategory, string>();
  for (const p of loadCorpus().positives) {
    if (out.has(p.category as RuleCategory) || checkDraft(p.draft).length) continue;
    const hit = judgeDraft(p.draft).find((h) => h.ruleId.startsWith('model-') && h.category === p.category && (h.confidence ?? 0) >= SURE && h.severity !== 'hint');
    if (hit) out.set(hit.category, p.draft);
  }
  return out;
})();

describe('the severity policy', () => {
  it('never lets the model alone hold a send, in any category', () => {
    for (const category of RuleCategorySchema.options) expect([category, SEVERITY_POLICY[category].model]).not.toEqual([category, 'block']);
    for (const category of RuleCategorySchema.options) expect([category, severityFor(category, 'model', 'block')]).toEqual([category, 'warn']);
  });

  it('a sure reading of the model is 建议改, not 必改, in each category it reads alone', () => {
    // Categories whose rules hold the send (必改) are the ones this is about: at least three of them met here.
    expect([...sureModelOnly.keys()].filter((c) => SEVERITY_POLICY[c].term === 'block' && c !== 'service-taboo').length).toBeGreaterThanOrEqual(3);
    for (const [category, draft] of sureModelOnly) {
      const hits = judgeDraft(draft);
      expect([category, draft, hits.some((h) => h.category === category && h.severity === 'warn')]).toEqual([category, draft, true]);
      expect(hits.filter((h) => h.severity === 'block')).toEqual([]);
    }
  });

  it('still holds a send on evidence: a term, words that go together, a pattern', () => {
    expect(judgeDraft('加我QQ，我发您图').map((h) => h.severity)).toContain('block');
    expect(judgeDraft('您先转账到我银行卡上').map((h) => h.severity)).toContain('block');
    expect(judgeDraft('打款到 6222020200112233446').map((h) => h.severity)).toContain('block');
  });

  it('holds the default pack to the table: no rule is harder than its category and evidence allow', () => {
    const over = DEFAULT_RULES.filter((r) => rank[r.severity] > rank[SEVERITY_POLICY[r.category][evidenceOf(r)]]);
    expect(over.map((r) => r.id)).toEqual([]);
  });
});
