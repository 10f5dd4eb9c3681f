import { describe, expect, it, vi } from 'vitest';
import { completePhrase, deliverPhrase, startPhrase } from '../../../scripts-library/phrases/phrase-flow';

const SHOP = { 店铺名: '小美家', 客服名: '小美' };

describe('the phrase flow shared by the panel and the "/" picker', () => {
  it('inserts at once when every value is known, with the caret at {光标}', () => {
    expect(startPhrase('亲，欢迎光临{店铺名}，{光标}', SHOP)).toEqual({ kind: 'ready', filled: { text: '亲，欢迎光临小美家，', caret: 10, missing: [] } });
  });

  it('asks for an order value even when one is remembered, prefilled only with this buyer\'s suggestion', () => {
    const step = startPhrase('您的{快递公司}单号是{运单号}', SHOP, { 快递公司: '顺丰' });
    expect(step).toEqual({ kind: 'ask', fields: ['快递公司', '运单号'], prefill: { 快递公司: '顺丰', 运单号: '' }, choices: {} });
  });

  it('asks for a shop value that settings do not have yet', () => {
    expect(startPhrase('我是{客服名}', {})).toMatchObject({ kind: 'ask', fields: ['客服名'] });
  });

  it('fills with what the agent typed (trimmed) and asks again for a field left empty', () => {
    expect(completePhrase('单号{运单号}，{金额}元', SHOP, { 运单号: ' SF123 ', 金额: '59' })).toMatchObject({ kind: 'ready', filled: { text: '单号SF123，59元' } });
    expect(completePhrase('单号{运单号}，{金额}元', SHOP, { 运单号: 'SF123', 金额: '  ' })).toEqual({ kind: 'ask', fields: ['金额'], prefill: { 金额: '' }, choices: {} });
  });

  it('a choice list is a menu starting on the last choice (if it is still offered), else the first', () => {
    const body = '亲，今天用{快递公司=顺丰/中通/圆通}给您发{颜色=黑/白}款';
    expect(startPhrase(body, SHOP)).toEqual({
      kind: 'ask',
      fields: ['快递公司', '颜色'],
      prefill: { 快递公司: '顺丰', 颜色: '黑' },
      choices: { 快递公司: ['顺丰', '中通', '圆通'], 颜色: ['黑', '白'] },
    });
    expect(startPhrase(body, SHOP, { 快递公司: '圆通', 颜色: '红' })).toMatchObject({ prefill: { 快递公司: '圆通', 颜色: '黑' } });
  });

  it('a field with a default starts filled with it, and is still asked (the agent confirms with Enter)', () => {
    expect(startPhrase('给您备注{尺码=M}码', SHOP)).toEqual({ kind: 'ask', fields: ['尺码'], prefill: { 尺码: 'M' }, choices: {} });
    expect(completePhrase('给您备注{尺码=M}码', SHOP, { 尺码: 'L' })).toMatchObject({ kind: 'ready', filled: { text: '给您备注L码' } });
  });

  it('a shop value with a default is asked only while ⚙ settings have none', () => {
    expect(startPhrase('欢迎光临{店铺名=本店}', SHOP)).toMatchObject({ kind: 'ready', filled: { text: '欢迎光临小美家' } });
    expect(startPhrase('欢迎光临{店铺名=本店}', {})).toMatchObject({ kind: 'ask', prefill: { 店铺名: '本店' } });
  });

  it('counts a use only when the text landed in the reply box', async () => {
    const countUse = vi.fn(async () => {});
    const filled = { text: '您好', caret: 2, missing: [] };
    expect(await deliverPhrase({ insert: async () => false, countUse }, 'p1', filled)).toBe(false);
    expect(countUse).not.toHaveBeenCalled();
    const insert = vi.fn(async () => true);
    expect(await deliverPhrase({ insert, countUse }, 'p1', filled)).toBe(true);
    expect(insert).toHaveBeenCalledWith('您好', undefined); // the caret at the end needs no placing
    expect(countUse).toHaveBeenCalledWith('p1');
    await deliverPhrase({ insert, countUse }, 'p2', { text: '您好，', caret: 1, missing: [] });
    expect(insert).toHaveBeenLastCalledWith('您好，', 1);
  });
});
