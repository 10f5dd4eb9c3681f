/**
 * #31, task gtune (sixth session): what the intent model alone reads as harm, excused by structure — a read that
 * rests on a form of address (老铁，… / 家人，…), a greeting sentence with no 你 in it, a photo of the goods sent
 * here, and a two-clause read whose clauses are each excused (a refusal, then the console's own shop). Harm aimed at
 * the buyer is still read. Wordings written for this test.
 */
import { describe, expect, it } from 'vitest';
import { judgeDraft } from '../../../../scripts-library/guard/judge';

const loud = (draft: string, site?: string) =>
  judgeDraft(draft, undefined, site ? { site } : {})
    .filter((h) => h.severity !== 'hint')
    .map((h) => `${h.severity} ${h.ruleId}:${h.text}`);

describe('the model alone does not warn on', () => {
  it.each([
    ['我们不加私人微信，下次直接在拼多多店铺下单就行', 'pinduoduo'],
    ['咱不拉群也不加私人号，想买直接来快手小店', 'kuaishou'],
    ['拍个照片给我，给您补发', undefined],
    ['老铁，那就这么说定了，明早给您发货', 'kuaishou'],
  ])('「%s」 (%s)', (draft, site) => {
    expect(loud(draft, site)).toEqual([]);
  });
});

describe('harm aimed at the buyer is still read', () => {
  it.each([
    ['我们不加私人微信，下次直接去淘宝店下单就行', 'pinduoduo'],
    ['宝，您好，你这人怎么这么烦', undefined],
    ['拍张照片发我微信', undefined],
  ])('「%s」 (%s)', (draft, site) => {
    expect(loud(draft, site).length).toBeGreaterThan(0);
  });
});
