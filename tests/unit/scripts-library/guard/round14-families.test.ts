/**
 * Round 14's rule families (tests/tools/round14-rules.mjs, task gtune, seventh session): evidence of an act aimed at
 * the buyer — 卫星 added, money sent straight to the buyer, a review tied to a reward or dictated, brushing as paid
 * tasks, threats and insults by what they say, promises in pinyin — and everyday words around them pass. Wordings
 * written for this test, none a corpus draft.
 */
import { describe, expect, it } from 'vitest';
import { worst } from '../../../helpers/guard-verdicts';


describe('round 14 families', () => {
  it.each([
    ['亲加下卫星，图都在上面', 'block'],
    ['差价我直接转你，别走平台了', 'block'],
    ['追评夸两句的话运费我出', 'block'],
    ['晒图五星给十块', 'block'],
    ['帮我们做任务吧，本金当天返', 'block'],
    ['你这人脸皮真厚', 'block'],
    ['再投诉让你吃不了兜着走', 'block'],
    ['后天 bao zheng 发出', 'warn'],
    ['这茶喝了能降血糖', 'warn'],
    ['评价只能打五星哈', 'warn'],
  ])('「%s」 → %s', (draft, severity) => {
    expect(worst(draft)).toBe(severity);
  });

  it.each([
    '卫星定位的手表，孩子走到哪都知道',
    '五星给一个就好，写不写字都行',
    '退款会原路退回，预计一到三天到账',
    '这款茶不能降血压，只是日常饮品',
    '您把地址补全，我这边改一下',
  ])('「%s」 is not held', (draft) => {
    expect(worst(draft)).not.toBe('block');
  });
  it.each(['快递员会上门取件，您在家等就行', '这款表带是ＡＢ两色的'])('「%s」 is neither held nor warned', (draft) => {
    expect(worst(draft)).toBe('none');
  });
  it('letters in a styled form are an evasion the model does not overrule', () => {
    expect(worst('新款都放在𝐰𝐱上了，加上就能看')).toBe('block');
  });
});
