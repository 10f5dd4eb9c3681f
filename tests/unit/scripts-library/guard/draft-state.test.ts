import { describe, expect, it } from 'vitest';
import { allowContext, DraftState } from '../../../../scripts-library/guard/draft-state';
import type { GuardHit } from '../../../../scripts-library/protocol';

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

  it('忽略 hides a hit for this draft; emptying the draft forgets it', () => {
    const s = new DraftState();
    const h = hit('微信', 'block');
    s.record('加我微信', [h, hit('最低', 'warn')]);
    s.ignore(h);
    expect(s.counts()).toEqual([{ severity: 'warn', count: 1 }]);
    expect(s.decide('加我微信', true)).toBe('pass');
    s.record('', []);
    s.record('加我微信', [h]);
    expect(s.counts()).toEqual([{ severity: 'block', count: 1 }]);
  });

  it('counts hits by severity in block, warn, hint order and shows nothing for a clean draft', () => {
    const s = new DraftState();
    s.record('x', [hit('a', 'hint'), hit('b', 'block'), hit('c', 'hint')]);
    expect(s.counts()).toEqual([{ severity: 'block', count: 1 }, { severity: 'hint', count: 2 }]);
    s.record('y', []);
    expect(s.shows(false)).toBe(false);
    expect(s.shows(true)).toBe(true);
  });

  it('stores a personal allow with two characters either side of the hit', () => {
    expect(allowContext('亲，加我微信吧谢谢', { start: 4, end: 6 })).toBe('加我微信吧谢');
    expect(allowContext('微信', { start: 0, end: 2 })).toBe('微信');
  });
});
