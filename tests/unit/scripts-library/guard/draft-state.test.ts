import { describe, expect, it } from 'vitest';
import { allowContext, DraftState, offersNeverAgain, sentenceAround } from '../../../../scripts-library/guard/draft-state';
import type { GuardHit } from '../../../../scripts-library/shared/protocol';

const hit = (text: string, severity: GuardHit['severity'], ruleId = `r-${text}`, start = 0): GuardHit => ({
  start,
  end: start + text.length,
  text,
  ruleId,
  category: 'off-platform',
  severity,
  suggestion: '',
  note: '',
});

describe('the guard badge\'s draft state', () => {
  it('holds a send of the checked text with a block hit, passes one without', () => {
    const s = new DraftState();
    s.record('加我微信', [hit('微信', 'block')]);
    expect(s.decide('加我微信', true)).toBe('hold');
    s.record('好的亲', [hit('亲', 'hint')]);
    expect(s.decide('好的亲', true)).toBe('pass');
  });

  it('a stale check holds (to check again) only when a send button can finish the send', () => {
    const s = new DraftState();
    s.record('好的', []);
    expect(s.decide('好的，加我微信', true)).toBe('recheck');
    expect(s.decide('好的，加我微信', false)).toBe('pass');
  });

  it('fails closed when the check did not answer', () => {
    const s = new DraftState();
    s.record('随便说点', undefined);
    expect(s.checked.failed).toBe(true);
    expect(s.decide('随便说点', false)).toBe('hold');
    expect(s.shows(false)).toBe(true);
  });

  it('仍要发送 lets exactly that text through once and names the rules overridden', () => {
    const s = new DraftState();
    s.record('加我微信', [hit('微信', 'block', 'contact-wechat'), hit('最低', 'warn')]);
    expect(s.sendAnyway('加我微信')).toEqual(['contact-wechat']);
    expect(s.decide('加我微信', true)).toBe('pass');
    expect(s.decide('加我微信', true)).toBe('hold');
  });

  it('忽略 hides a warn or hint for this draft; emptying the draft forgets it', () => {
    const s = new DraftState();
    const h = hit('最低', 'warn');
    s.record('最低价', [h, hit('亲', 'hint')]);
    s.ignore(h);
    expect(s.counts()).toEqual([{ severity: 'hint', count: 1 }]);
    s.record('', []);
    s.record('最低价', [h]);
    expect(s.counts()).toEqual([{ severity: 'warn', count: 1 }]);
  });

  it('忽略 is no way around a 必改 hit: it is not offered, and an ignored block hit still holds the send', () => {
    const s = new DraftState();
    const h = hit('微信', 'block', 'contact-wechat');
    s.record('加我微信', [h, hit('最低', 'warn')]);
    expect(s.canIgnore(h)).toBe(false);
    expect(s.canIgnore(hit('最低', 'warn'))).toBe(true);
    s.ignore(h);
    expect(s.decide('加我微信', true)).toBe('hold');
    expect(s.sendAnyway('加我微信')).toEqual(['contact-wechat']); // still counted when sent
  });

  it('不再提示 silences every hit in that sentence, rules and model alike, and the send goes', () => {
    const s = new DraftState();
    const text = '宝子你好，加我微信吧。您说的傻瓜相机有货';
    s.record(text, [hit('宝子你好', 'block', 'model-abuse', 0), hit('微信', 'block', 'contact-wechat', 7), hit('傻瓜', 'warn', 'abuse-1', 14)]);
    const { start, end } = sentenceAround(text, 7, 9);
    s.silence(text.slice(start, end));
    expect(s.visible().map((h) => h.text)).toEqual(['傻瓜']);
    expect(s.decide(text, true)).toBe('pass');
    // the next draft, the box emptied by the console without an edit: the same words elsewhere still count
    s.record('好的，加我微信', [hit('微信', 'block', 'contact-wechat', 5)]);
    expect(s.decide('好的，加我微信', true)).toBe('hold');
  });

  it('counts hits by severity in block, warn, hint order and shows nothing for a clean draft', () => {
    const s = new DraftState();
    s.record('x', [hit('a', 'hint'), hit('b', 'block'), hit('c', 'hint')]);
    expect(s.counts()).toEqual([{ severity: 'block', count: 1 }, { severity: 'hint', count: 2 }]);
    s.record('y', []);
    expect(s.shows(false)).toBe(false);
    expect(s.shows(true)).toBe(true);
  });

  it('the sentence a 不再提示 silences: the hit\'s sentence, cut to 60 characters around the hit', () => {
    expect(sentenceAround('亲您好！有问题加我vx：kefu888，谢谢。明天发货', 9, 11)).toEqual({ start: 4, end: 22 });
    const long = `${'好'.repeat(70)}加我vx${'好'.repeat(70)}`;
    const s = sentenceAround(long, 70, 74);
    expect(s.end - s.start).toBe(60);
    expect(s.start <= 70 && s.end >= 74).toBe(true);
  });

  it('no 不再提示 on a sure 辱骂 hit (a rule\'s, or the model at ≥ 90 %), nor on hits of a sentence holding one', () => {
    const abuse = { ...hit('傻X', 'block', 'abuse-001', 0), category: 'abuse' };
    const text = '傻X，加我微信';
    const wechat = hit('微信', 'block', 'contact-wechat', 5);
    expect(offersNeverAgain(text, abuse, [abuse, wechat])).toBe(false);
    expect(offersNeverAgain(text, wechat, [abuse, wechat])).toBe(false);
    expect(offersNeverAgain(text, wechat, [wechat])).toBe(true);
    const guess = { ...hit('宝子你好', 'warn', 'model-abuse', 0), category: 'abuse' };
    expect(offersNeverAgain('宝子你好', { ...guess, confidence: 0.62 }, [])).toBe(true);
    expect(offersNeverAgain('宝子你好', { ...guess, confidence: 0.97 }, [])).toBe(false);
  });

  it('stores a personal allow with two characters either side of the hit', () => {
    expect(allowContext('亲，加我微信吧谢谢', { start: 4, end: 6 })).toBe('加我微信吧谢');
    expect(allowContext('微信', { start: 0, end: 2 })).toBe('微信');
  });
});
