import { describe, expect, it } from 'vitest';
import { FILL_VALUE_MAX, fillForm, formAnswer } from '../../../scripts-library/phrases/fill-form';
import { startPhrase } from '../../../scripts-library/phrases/phrase-flow';

const ask = (body: string, known: Record<string, string> = {}, suggested: Record<string, string> = {}) => {
  const step = startPhrase(body, known, suggested);
  if (step.kind !== 'ask') throw new Error('nothing asked');
  return fillForm(step);
};

describe('the fill-in form model (the panel\'s and the picker\'s form)', () => {
  it('a text field per value, a menu per choice list, each starting on its prefill', () => {
    expect(ask('{快递公司=顺丰/中通}单号{运单号}', {}, { 运单号: 'SF1' })).toEqual({
      fields: [
        { name: '快递公司', kind: 'menu', initial: '顺丰', options: ['顺丰', '中通'] },
        { name: '运单号', kind: 'text', initial: 'SF1', maxLength: FILL_VALUE_MAX },
      ],
      offersSaveShop: false,
    });
  });

  it('offers 保存到设置 only when a shop-wide value is asked, and sends it only then', () => {
    const form = ask('我是{客服名}');
    expect(form.offersSaveShop).toBe(true);
    expect(formAnswer(form, { 客服名: ' 阿美 ' }, true)).toEqual({ typed: { 客服名: '阿美' }, saveShop: true });
    const order = ask('单号{运单号}');
    expect(order.offersSaveShop).toBe(false);
    expect(formAnswer(order, { 运单号: 'SF1' }, true)).toEqual({ typed: { 运单号: 'SF1' }, saveShop: false });
  });

  it('is not sent while a field is empty or blank', () => {
    const form = ask('{快递公司}单号{运单号}');
    expect(formAnswer(form, { 快递公司: '顺丰', 运单号: '   ' }, false)).toBeNull();
    expect(formAnswer(form, { 快递公司: '顺丰' }, false)).toBeNull();
  });
});
