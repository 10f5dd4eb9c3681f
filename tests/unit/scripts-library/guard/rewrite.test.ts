import { describe, expect, it } from 'vitest';
import { checkDraft } from '../../../../scripts-library/guard';
import { clauseAround, rewriteFor } from '../../../../scripts-library/guard/rewrite';

/** 替换 applied to the first hit of the default rules. */
const fixed = (draft: string) => {
  const hit = checkDraft(draft).find((h) => h.severity !== 'hint');
  if (!hit) throw new Error(`no hit in ${draft}`);
  return rewriteFor(draft, hit)?.result;
};

describe('替换 makes sentences, not word salad', () => {
  it.each([
    // the three drafts from the first-hour report
    ['加我vx聊', '有问题随时在这里联系我们，我一直在'],
    ['好评返现5元', '收到宝贝有任何问题随时联系我们'],
    ['全网最低价', '性价比很高'],
    // the clause is rewritten, the rest of the draft and its punctuation stay
    ['亲，我不知道这个', '亲，这个问题我帮您确认一下，请稍等片刻'],
    ['亲，加我微信吧，发你图片。', '亲，有问题随时在这里联系我们，我一直在，发你图片。'],
    ['您好！好评返现5元哦～明天发货', '您好！收到宝贝有任何问题随时联系我们～明天发货'],
    // a word-level substitute fits its own span
    ['这是我们最低价了', '这是我们优惠价了'],
    ['这款最便宜，放心拍', '这款很实惠，放心拍'],
  ])('%s → %s', (draft, result) => {
    expect(fixed(draft)).toBe(result);
  });

  it('drops a bracketed note meant for the agent and the final mark when the draft has its own', () => {
    expect(rewriteFor('亲，给好评送红包，谢谢', { start: 2, end: 7, suggestion: '欢迎您分享真实感受（不以奖励换评价）。' })?.result).toBe('亲，欢迎您分享真实感受，谢谢');
  });

  it('offers no rewrite for advice in brackets', () => {
    expect(rewriteFor('这是国家级工艺', { start: 2, end: 5, suggestion: '（去掉“国家级”，用具体资质说明）' })).toBeUndefined();
    expect(rewriteFor('x', { start: 0, end: 1, suggestion: '' })).toBeUndefined();
  });

  it('finds the clause between punctuation and line breaks, spaces left outside', () => {
    expect(clauseAround('甲，乙丙丁。戊', 3, 4)).toEqual({ start: 2, end: 5 });
    expect(clauseAround('第一行\n 第二行 \n第三', 6, 7)).toEqual({ start: 5, end: 8 });
  });
});

describe('evasions weigh as much as what they spell', () => {
  it.each(['加我威信聊', '加微信聊'])('%s must be changed (必改), like 加微信', (draft) => {
    expect(checkDraft(draft).map((h) => h.severity)).toContain('block');
  });
});
