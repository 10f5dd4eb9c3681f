import { describe, expect, it } from 'vitest';
import { fillPlaceholders, placeholdersIn, placeholderValues } from '../../../scripts-library/placeholders';
import { phrasePinyin } from '../../../scripts-library/pinyin';

const settings = { shopName: '小美服饰', agentName: '小王', shipDays: '2' };

describe('placeholders', () => {
  it('fills from settings and the conversation, caret at {光标}', () => {
    const values = placeholderValues(settings, '阿强');
    const filled = fillPlaceholders('{买家}您好，欢迎光临{店铺名}，我是{客服名}。{光标}发货约{发货天数}天', values);
    expect(filled).toEqual({ text: '阿强您好，欢迎光临小美服饰，我是小王。发货约2天', caret: 19, missing: [] });
  });

  it('lists what is still missing and leaves it visible; caret at the end without {光标}', () => {
    const filled = fillPlaceholders('运单号是{运单号}，由{快递公司}发出', placeholderValues(settings, undefined, { 快递公司: '中通' }));
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

describe('pinyin keys', () => {
  it('gives full pinyin and initials per field, Latin kept, punctuation dropped', () => {
    expect(phrasePinyin(['发货时间', '亲，2-3天 OK'])).toEqual({ full: 'fahuoshijian qin23tianok', initials: 'fhsj q23tok' });
  });
});
