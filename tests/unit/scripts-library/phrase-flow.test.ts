import { describe, expect, it, vi } from 'vitest';
import { completePhrase, deliverPhrase, startPhrase } from '../../../scripts-library/phrase-flow';

const SHOP = { 店铺名: '小美家', 客服名: '小美' };

describe('the phrase flow shared by the panel and the "/" picker', () => {
  it('inserts at once when every value is known, with the caret at {光标}', () => {
    expect(startPhrase('亲，欢迎光临{店铺名}，{光标}', SHOP)).toEqual({ kind: 'ready', filled: { text: '亲，欢迎光临小美家，', caret: 10, missing: [] } });
  });

  it('asks for an order value even when one is remembered, prefilled only with this buyer\'s suggestion', () => {
    const step = startPhrase('您的{快递公司}单号是{运单号}', SHOP, { 快递公司: '顺丰' });
    expect(step).toEqual({ kind: 'ask', fields: ['快递公司', '运单号'], prefill: { 快递公司: '顺丰', 运单号: '' } });
  });

  it('asks for a shop value that settings do not have yet', () => {
    expect(startPhrase('我是{客服名}', {})).toMatchObject({ kind: 'ask', fields: ['客服名'] });
  });

  it('fills with what the agent typed (trimmed) and asks again for a field left empty', () => {
    expect(completePhrase('单号{运单号}，{金额}元', SHOP, { 运单号: ' SF123 ', 金额: '59' })).toMatchObject({ kind: 'ready', filled: { text: '单号SF123，59元' } });
    expect(completePhrase('单号{运单号}，{金额}元', SHOP, { 运单号: 'SF123', 金额: '  ' })).toEqual({ kind: 'ask', fields: ['金额'], prefill: { 金额: '' } });
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
