import { describe, expect, it } from 'vitest';
import {
  fieldsToAsk,
  fillPlaceholders,
  ORDER_MEMORY_BUYERS,
  orderSuggestions,
  placeholdersIn,
  placeholderValues,
  rememberPatch,
} from '../../../scripts-library/placeholders';
import { phrasePinyin } from '../../../scripts-library/pinyin';

const settings = { shopName: '小美服饰', agentName: '小王', shipDays: '2' };

describe('placeholders', () => {
  it('fills from settings and the conversation, caret at {光标}', () => {
    const values = placeholderValues(settings, '阿强');
    const filled = fillPlaceholders('{买家}您好，欢迎光临{店铺名}，我是{客服名}。{光标}发货约{发货天数}天', values);
    expect(filled).toEqual({ text: '阿强您好，欢迎光临小美服饰，我是小王。发货约2天', caret: 19, missing: [] });
  });

  it('lists what is still missing and leaves it visible; caret at the end without {光标}', () => {
    const filled = fillPlaceholders('运单号是{运单号}，由{快递公司}发出', { ...placeholderValues(settings, undefined), 快递公司: '中通' });
    expect(filled).toEqual({ text: '运单号是{运单号}，由中通发出', caret: 15, missing: ['运单号'] });
  });

  it('treats empty settings as missing', () => {
    const filled = fillPlaceholders('欢迎光临{店铺名}', placeholderValues({ ...settings, shopName: ' ' }, undefined));
    expect(filled.missing).toEqual(['店铺名']);
  });

  it('leaves unknown tokens as ordinary text', () => {
    expect(fillPlaceholders('满{100}减{20}', {})).toEqual({ text: '满{100}减{20}', caret: 11, missing: [] });
    expect(placeholdersIn('{买家}{买家}{光标}{未知}')).toEqual(['买家', '光标', '未知']);
  });
});

describe('order values belong to one buyer', () => {
  const empty = { placeholderMemory: {}, orderMemory: {} };

  it('always asks for order values, and for shop values only when they are unset', () => {
    const known = placeholderValues(settings, '阿强');
    expect(fieldsToAsk('{买家}您好，{快递公司}单号{运单号}，{店铺名}', known)).toEqual(['快递公司', '运单号']);
    expect(fieldsToAsk('欢迎光临{店铺名}，我是{客服名}', placeholderValues({ ...settings, shopName: '' }, undefined))).toEqual(['店铺名']);
    expect(fieldsToAsk('{光标}好的', known)).toEqual([]);
  });

  it("remembers a buyer's order values for that buyer only; the courier is suggested to everyone", () => {
    const afterA = { ...empty, ...rememberPatch(empty, { 快递公司: '顺丰', 运单号: 'SF1234567890' }, 'demo|A', false, 1) };
    expect(orderSuggestions(afterA, 'demo|A')).toEqual({ 快递公司: '顺丰', 运单号: 'SF1234567890' });
    expect(orderSuggestions(afterA, 'demo|B')).toEqual({ 快递公司: '顺丰' });
    expect(orderSuggestions(afterA, undefined)).toEqual({ 快递公司: '顺丰' });
  });

  it('saves shop-wide values to settings only when asked, and keeps the newest buyers', () => {
    expect(rememberPatch(empty, { 店铺名: '小美服饰', 客服名: '小王' }, 'demo|A', true)).toEqual({ shopName: '小美服饰', agentName: '小王' });
    expect(rememberPatch(empty, { 店铺名: '小美服饰' }, 'demo|A', false)).toEqual({});
    let state: { placeholderMemory: Record<string, string>; orderMemory: Record<string, { values: Record<string, string>; at: number }> } = empty;
    for (let i = 0; i <= ORDER_MEMORY_BUYERS; i++) state = { ...state, ...rememberPatch(state, { 运单号: `n${i}` }, `demo|b${i}`, false, i) };
    expect(Object.keys(state.orderMemory)).toHaveLength(ORDER_MEMORY_BUYERS);
    expect(state.orderMemory['demo|b0']).toBeUndefined();
    expect(state.orderMemory[`demo|b${ORDER_MEMORY_BUYERS}`]?.values).toEqual({ 运单号: `n${ORDER_MEMORY_BUYERS}` });
  });
});

describe('pinyin keys', () => {
  it('gives full pinyin and initials per field, Latin kept, punctuation dropped', () => {
    expect(phrasePinyin(['发货时间', '亲，2-3天 OK'])).toEqual({ full: 'fahuoshijian qin23tianok', initials: 'fhsj q23tok' });
  });
});
