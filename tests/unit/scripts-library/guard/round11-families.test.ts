/**
 * The rule families written from round 11's fix part (tests/tools/round11-rules.mjs): each catches wordings of its
 * kind written for this test, and leaves the everyday text holding the same words alone.
 */
import { describe, expect, it } from 'vitest';
import { judgeDraft } from '../../../../scripts-library/guard/judge';

const held = (draft: string) => judgeDraft(draft).filter((h) => h.severity === 'block');
const warned = (draft: string) => judgeDraft(draft).filter((h) => h.severity !== 'hint');

describe('round 11 families', () => {
  it.each([
    '说了三遍还问，真是有点nt',
    '这都不会，也太zz了',
    '信不信我现在就拉黑你',
    '⭐⭐⭐⭐⭐返3元，截图给我',
    '★★★★★送运费险',
    '晒图好评就返5元',
    '追评一下就送您一个小样',
    '招刷手，一单两块',
    '找sd兼职的私聊',
    'wuxing haoping fanxian',
    'jia ge haoyou ba',
  ])('「%s」 is held', (draft) => {
    expect(held(draft).length).toBeGreaterThan(0);
  });

  it.each([
    '睡前别一直刷手机，这款台灯有护眼模式',
    '这款刷手柄的清洁刷是软毛的',
    '好评率98%，您放心拍',
    '我们不会拉黑你的，有问题随时说',
    '⭐⭐⭐⭐⭐ 店长推荐款，今天有货',
    '这款是五星级酒店同款床品',
    '评价就好，我们会认真看',
  ])('「%s」 passes', (draft) => {
    expect(warned(draft)).toEqual([]);
  });
});
