import { describe, expect, it } from 'vitest';
import { checkDraft, DEFAULT_RULES } from '../../../../scripts-library/guard';
import { clauseAround, HANDLE_RULE, planRewrite, rewriteFor } from '../../../../scripts-library/guard/rewrite';
import { judgeDraft } from '../../../../scripts-library/guard/judge';

/** 改写此句 as the badge plans it: the judge's first non-hint hit, rewritten and re-checked by the judge. */
const planned = async (draft: string) => {
  const hits = judgeDraft(draft);
  const hit = hits.find((h) => h.severity !== 'hint');
  if (!hit) throw new Error(`no hit in ${draft}`);
  return planRewrite(draft, hit, hits, (text) => judgeDraft(text));
};

/** Every fix applied in turn until the judge finds nothing it can rewrite. */
const fixAll = async (draft: string) => {
  let text = draft;
  for (let i = 0; i < 10; i++) {
    const hits = judgeDraft(text);
    const hit = hits.find((h) => h.severity !== 'hint' && rewriteFor(text, h, hits));
    if (!hit) break;
    text = (await planRewrite(text, hit, hits, (t) => judgeDraft(t)))!.result;
  }
  return text;
};

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

  it('never puts a note for the agent into buyer-facing text, wherever the suggestion holds it', () => {
    const hit = { start: 2, end: 7, category: 'review-inducement', suggestion: '欢迎您收货后分享真实的使用感受（不以奖励换评价），有问题随时找我' };
    expect(rewriteFor('亲，给好评送红包，谢谢', hit)?.result).toBe('亲，欢迎您收货后分享真实的使用感受，有问题随时找我，谢谢');
    // Every default rule's rewrite says something a shop would send: no （…） and no 不以奖励换评价.
    const notes: string[] = [];
    for (const rule of DEFAULT_RULES) {
      const term = rule.terms[0];
      if (!term || term.includes('…')) continue;
      const draft = `亲，${term}，谢谢`;
      const rw = rewriteFor(draft, { start: 2, end: 2 + term.length, category: rule.category, suggestion: rule.suggestion, ...(rule.replacement !== undefined ? { replacement: rule.replacement } : {}) });
      if (rw && /[（(]|不以奖励/.test(rw.text)) notes.push(`${rule.id}: ${rw.text}`);
    }
    expect(notes).toEqual([]);
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

describe('rewrites remove what they flag (#31.4)', () => {
  it('an off-platform rewrite takes the handle after the contact words with it', async () => {
    const rw = await planned('有问题加我vx：kefu888');
    expect(rw?.result).not.toContain('kefu888');
    expect(rw?.result).toBe('有问题随时在这里联系我们，我一直在');
    expect(rw?.remaining).toEqual([]);
    expect((await planned('亲，加我微信，13812345678，备注淘宝'))?.result).not.toMatch(/1381234/);
  });

  it('a handle left after its contact words stays flagged: the re-check reports it', async () => {
    const draft = '加我vx：kefu888';
    const hit = { start: 2, end: 4, text: 'vx', ruleId: 'x', category: 'off-platform', severity: 'block' as const, suggestion: '', replacement: '这里' };
    const rw = await planRewrite(draft, hit, [hit], (t) => judgeDraft(t));
    expect(rw?.result).toBe('加我这里：kefu888');
    expect(rw?.remaining.map((h) => [h.ruleId, h.text, h.severity])).toContainEqual([HANDLE_RULE, 'kefu888', 'block']);
  });

  it('a neighbouring clause of the same intent goes with the rewrite, and no dangling fragment is left', async () => {
    expect((await planned('好评返现5元，五星好评再返5元，晒图返10元'))?.result).toBe('收到宝贝有任何问题随时联系我们');
    expect((await planned('加我vx，稍后发你'))?.result).toBe('有问题随时在这里联系我们，我一直在');
    const rude = (await planned('我哪知道，你自己看详情页吧'))!;
    expect(rude.result).not.toContain('你自己看');
    expect(rude.remaining).toEqual([]);
  });

  it('never repeats a sentence the draft already says', async () => {
    expect((await planned('亲，有问题随时联系我们哦，好评返现5元'))?.result).toBe('亲，有问题随时联系我们哦');
    const text = await fixAll('好评返现5元。亲，好评返现哦。好评返现有红包');
    expect(text).toBe('收到宝贝有任何问题随时联系我们。欢迎您收货后分享真实的使用感受'); // no 「亲。」 left alone either
    expect(judgeDraft(text).filter((h) => h.severity === 'block')).toEqual([]);
  });

  it('keeps a neighbouring clause of another intent (发你图片 is no contact)', async () => {
    expect((await planned('亲，加我微信吧，发你图片。'))?.result).toBe('亲，有问题随时在这里联系我们，我一直在，发你图片。');
  });
});

describe('evasions weigh as much as what they spell', () => {
  it.each(['加我威信聊', '加微信聊'])('%s must be changed (必改), like 加微信', (draft) => {
    expect(checkDraft(draft).map((h) => h.severity)).toContain('block');
  });
});
