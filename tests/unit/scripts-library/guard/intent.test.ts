/**
 * The guard's intent model: the shipped weights are what the tune split gives (trained from these examples by this
 * code: tests/tools/model-fingerprint.ts; run `npm run train:guard-intent` after editing the corpus, the default
 * pack or the trainer), and what it adds to the rules is
 * what an agent would notice: paraphrases no rule lists are held, the rules' harmless look-alikes are let go.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { clauses, features, fromStored, toStored, train, units, type StoredIntentModel } from '../../../../scripts-library/guard/intent';
import { INTENT_ADVICE, judgeDraft, SURE } from '../../../../scripts-library/guard/judge';
import { checkDraft, DEFAULT_RULES } from '../../../../scripts-library/guard';
import { rewriteFor } from '../../../../scripts-library/guard/rewrite';
import { allowContext } from '../../../../scripts-library/guard/draft-state';
import { RuleSchema } from '../../../../scripts-library/shared/schema';
import { intentExamples } from '../../../fixtures/guard/intent-training';
import { inputsFingerprint, record, recorded, weightsFingerprint } from '../../../tools/model-fingerprint';

const shipped = join(__dirname, '../../../../scripts-library/packs/guard-intent.json');

describe('the intent model', () => {
  const examples = intentExamples();
  it('ships the weights trained from the tune split by this code (fingerprint; retrain: npm run train:guard-intent)', () => {
    const inputs = inputsFingerprint(['scripts-library/guard/intent.ts'], examples);
    if (process.env.UPDATE_GUARD_INTENT) {
      const model = train(examples);
      writeFileSync(shipped, `${JSON.stringify(toStored(model))}\n`);
      // Hundredths divided back are the trained two-decimal weights, exactly.
      expect(fromStored(JSON.parse(readFileSync(shipped, 'utf8')) as StoredIntentModel)).toEqual(model);
      record('guard-intent', { inputs, weights: weightsFingerprint(shipped) });
    }
    expect(recorded('guard-intent')).toEqual({ inputs, weights: weightsFingerprint(shipped) });
  }, 600_000); // training on a busy 2-core machine took 2–8 minutes

  it('trains the same weights from the same examples, and stores them without loss', () => {
    const some = examples.filter((_, i) => i % 100 === 0);
    const model = train(some);
    expect(toStored(train(some))).toEqual(toStored(model));
    expect(fromStored(toStored(model))).toEqual(model);
    const stored = JSON.parse(readFileSync(shipped, 'utf8')) as StoredIntentModel;
    expect(toStored(fromStored(stored))).toEqual(stored);
  });
});

describe('what the model learns', () => {
  it('learns no harm from a pronoun alone: 你 in abuse drafts does not make 发你优惠券 an insult', () => {
    // Abuse drafts address the buyer as 你, clean ones mostly as 您 (round 10): a model that learns the character 你
    // as harm reads any short clause with 你 in it (发你优惠券) as 辱骂. The pairs and triples around it (你配, 你真)
    // still carry the harm.
    const model = train([
      ...['你配吗', '你真笨', '你有病吧', '你算老几', '你没素质', '你脑子呢', '你烦不烦', '你是猪吗'].map((text) => ({ label: 'abuse', text })),
      ...['您好', '您看一下', '这款有货', '稍等一下', '马上发货', '已经帮您备注', '尺码偏大', '明天到', '可以退换', '谢谢亲', '在的', '有赠品'].map((text) => ({ label: 'none', text })),
    ]);
    expect(judgeDraft('发你优惠券', [], { model }).filter((h) => h.category === 'abuse')).toEqual([]);
    expect(judgeDraft('你真是猪', [], { model }).filter((h) => h.category === 'abuse' && h.severity !== 'hint')).not.toEqual([]);
  });
});

describe('clauses and units', () => {
  it('splits at clause marks, not at the separators of an evasion (微.信, 微 信, ＶＸ：abc)', () => {
    const draft = '亲，加微.信 或 微 信，ＶＸ：abc！好的';
    expect(clauses(draft).map((c) => draft.slice(c.start, c.end))).toEqual(['亲', '加微.信 或 微 信', 'ＶＸ：abc', '好的']);
    expect(units('甲，乙。丙').map((u) => '甲，乙。丙'.slice(u.start, u.end))).toEqual(['甲', '乙', '丙', '甲，乙', '乙。丙']);
  });
  it('reads traditional characters and separators as the rules do', () => {
    expect(features('懶得理妳')).toEqual(features('懒得理你'));
    expect(features('微 信')).toContain('微信');
  });
});

describe('the guard with the intent model (judgeDraft)', () => {
  it('holds a paraphrase no rule lists, as a hit of its category with a 替换 the agent can accept', () => {
    const draft = '真服了，脑子笨到家了';
    expect(checkDraft(draft)).toEqual([]);
    const [hit, ...rest] = judgeDraft(draft);
    expect(rest).toEqual([]);
    expect(hit).toMatchObject({ ruleId: 'model-abuse', category: 'abuse', severity: 'warn' }); // never 必改 without a rule's evidence
    expect(hit!.confidence).toBeGreaterThanOrEqual(SURE);
    const fix = rewriteFor(draft, hit!);
    expect(fix?.result).toBe(INTENT_ADVICE.abuse);
    expect(judgeDraft(fix!.result).filter((h) => h.severity !== 'hint')).toEqual([]);
  });

  it('lets a default word rule go as a hint where its clause plainly means no harm', () => {
    const draft = '包装上印的字母是QQ，是我们的品牌';
    expect(checkDraft(draft)).toMatchObject([{ text: 'QQ', severity: 'block' }]);
    expect(judgeDraft(draft)).toMatchObject([{ text: 'QQ', severity: 'hint', ruleId: 'offplatform-067' }]);
    // …and not where the same word means contact.
    expect(judgeDraft('加我QQ，我发您图')[0]).toMatchObject({ text: '加我QQ', severity: 'block' });
  });

  it("never overrules a team's own rule or a number pattern", () => {
    const team = [...DEFAULT_RULES, RuleSchema.parse({ id: 'team-1', terms: ['品牌'], category: 'off-platform', severity: 'block', suggestion: '（改）' })];
    expect(judgeDraft('包装上印的字母是我们的品牌', team)).toMatchObject([{ ruleId: 'team-1', severity: 'block' }]);
    expect(judgeDraft('打款到 6222020200112233446').map((h) => h.severity)).toContain('block');
  });

  it('不再提示 on a model hit: its context silences it, elsewhere it still speaks', () => {
    const draft = '真服了，脑子笨到家了';
    const hit = judgeDraft(draft)[0]!;
    const allows = { [hit.ruleId]: [allowContext(draft, hit)] };
    expect(judgeDraft(draft, DEFAULT_RULES, { allows })).toEqual([]);
    expect(judgeDraft('你这人真是笨到家了，说几遍了', DEFAULT_RULES, { allows }).map((h) => h.severity)).toContain('warn');
  });

  it('says nothing on an empty draft and keeps the rules alone for one the model cannot read', () => {
    expect(judgeDraft('')).toEqual([]);
    expect(judgeDraft('   ')).toEqual([]);
    expect(judgeDraft('👍👍')).toEqual(checkDraft('👍👍'));
  });
});
