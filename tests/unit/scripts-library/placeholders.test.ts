import { describe, expect, it } from 'vitest';
import {
  fieldsToAsk,
  fillPlaceholders,
  ORDER_MEMORY_BUYERS,
  orderSuggestions,
  placeholdersIn,
  placeholderValues,
  rememberPatch,
  formatDate,
  unknownPlaceholders,
} from '../../../scripts-library/phrases/placeholders';
import { validatePhrase } from '../../../scripts-library/phrases/phrase-validation';
import { phrasePinyin } from '../../../scripts-library/shared/pinyin';
import { SettingsSchema } from '../../../scripts-library/shared/schema';

const settings = { ...SettingsSchema.parse({}), shopName: '小美服饰', agentName: '小王', shipDays: '2' };

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

  it('fills the shop facts from ⚙: the cut-off time, delivery times by region and the service hours of the shifts', () => {
    const shop = { ...settings, cutoffTime: '17:00', transitTime: '省内次日达', shifts: [{ id: 'day', name: '白班', start: '08:30', end: '18:00' }] };
    const filled = fillPlaceholders('{截单时间}前付款当天发，{快递时效}，客服在线 {服务时间}', placeholderValues(shop, undefined));
    expect(filled).toEqual({ text: '17:00前付款当天发，省内次日达，客服在线 08:30-18:00', caret: 34, missing: [] });
    // A fresh install already has values for them, so the default phrases insert without a form.
    expect(fillPlaceholders('{截单时间}|{快递时效}|{服务时间}', placeholderValues(SettingsSchema.parse({}), undefined)).text).toBe('16:00|江浙沪2-3天，其他地区3-6天|09:00-22:30');
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

describe('dates, choices and defaults', () => {
  // Thursday 3 December 2026, 23:30 local time: +1 crosses into Friday, +29 into the next year.
  const now = new Date(2026, 11, 3, 23, 30);

  it('a date is today plus its offset, in the default M月D日 or its own format', () => {
    const text = (body: string, values: Record<string, string> = {}) => fillPlaceholders(body, values, now).text;
    expect(text('今天{日期}，预计{日期+1}送达')).toBe('今天12月3日，预计12月4日送达');
    expect(text('{日期-3|YYYY-MM-DD}')).toBe('2026-11-30');
    expect(text('{日期+29|YYYY年M月D日（周）}')).toBe('2027年1月1日（周五）');
    expect(text('{日期+2|MM/DD周}')).toBe('12/05周六');
    expect(text('{日期+2|MM/DD 周}')).toBe('{日期+2|MM/DD 周}'); // no spaces inside a placeholder: this is text
  });

  it('{发货日期} is today plus ⚙ 发货天数 (and its own offset); a date never needs the form', () => {
    const values = placeholderValues(settings, undefined); // 发货天数 2
    expect(fillPlaceholders('{发货日期}前发出，{发货日期+1|M/D}到', values, now)).toMatchObject({ text: '12月5日前发出，12/6到', missing: [] });
    expect(fieldsToAsk('{发货日期}发出，{日期+3}到', values)).toEqual([]);
  });

  it('formats across month and year ends from the local calendar day', () => {
    expect(formatDate(new Date(2026, 1, 27, 8), 2, 'M月D日')).toBe('3月1日');
    expect(formatDate(new Date(2028, 1, 27, 8), 2, 'M月D日')).toBe('2月29日');
  });

  it('choices and defaults fill like any value; missing ones stay visible and are listed', () => {
    const body = '{快递公司=顺丰/中通}发出，{颜色=黑/白}色，{尺码=M}码';
    expect(fillPlaceholders(body, { 快递公司: '中通', 颜色: '白', 尺码: 'L' }).text).toBe('中通发出，白色，L码');
    expect(fillPlaceholders(body, {}).missing).toEqual(['快递公司', '颜色', '尺码']);
    expect(fieldsToAsk(body, { 快递公司: '顺丰' })).toEqual(['快递公司', '颜色', '尺码']);
  });

  it('a name of the phrase\'s own is allowed with = only; a typo like {卖家} or an empty choice is caught on save', () => {
    expect(unknownPlaceholders('{颜色=黑/白}{尺码=M}{日期+1}{卖家}{仓库}{光标}')).toEqual(['卖家', '仓库']);
    const problems = validatePhrase({ stageId: 's', title: 't', body: '{颜色=黑/白} {颜色}' , tags: [] }, [], new Set(['s']));
    expect(problems).toEqual([]);
    expect(fillPlaceholders('{=a/b}{颜色=}', {}).text).toBe('{=a/b}{颜色=}'); // not placeholders: left as text
  });

  it('the last choice of a field of the phrase\'s own is remembered for the next time, for any buyer', () => {
    const patch = rememberPatch({ placeholderMemory: {}, orderMemory: {} }, { 颜色: '白', 运单号: 'SF1' }, 'tb|b1', false, 5);
    expect(patch.placeholderMemory).toEqual({ 颜色: '白' });
    expect(orderSuggestions({ placeholderMemory: patch.placeholderMemory!, orderMemory: patch.orderMemory! }, 'tb|b2')).toEqual({ 颜色: '白' });
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
