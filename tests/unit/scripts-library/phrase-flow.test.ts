import { describe, expect, it, vi } from 'vitest';
import { completePhrase, deliverPhrase, runPhraseFlow, startPhrase, type FlowPorts, type FormAnswer } from '../../../scripts-library/phrases/phrase-flow';

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

describe('runPhraseFlow: one order for the panel and the "/" picker', () => {
  /** Ports recording each step in order; `answers` are what the form gives back, one per time it is shown. */
  function ports(answers: (FormAnswer | null)[], over: Partial<FlowPorts> = {}) {
    const steps: string[] = [];
    let serving = true;
    const p: FlowPorts = {
      known: SHOP,
      ask: async (step) => (steps.push(`ask ${step.fields.join(',')}`), answers.shift() ?? null),
      stillServing: () => serving,
      remember: async ({ typed, saveShop }) => void steps.push(`remember ${JSON.stringify(typed)}${saveShop ? ' shop' : ''}`),
      insert: async (text) => (steps.push(`insert ${text}`), true),
      countUse: async (id) => void steps.push(`count ${id}`),
      ...over,
    };
    return { p, steps, leave: () => (serving = false) };
  }

  it('fills, asks, remembers what was typed, inserts, then counts the use', async () => {
    const { p, steps } = ports([{ typed: { 运单号: 'SF1' }, saveShop: false }]);
    expect(await runPhraseFlow({ id: 'ship', body: '{店铺名}已发货，单号{运单号}' }, p)).toBe(true);
    expect(steps).toEqual(['ask 运单号', 'remember {"运单号":"SF1"}', 'insert 小美家已发货，单号SF1', 'count ship']);
  });

  it('remembers nothing when nothing was asked, and nothing when the form was closed', async () => {
    const known = ports([]);
    await runPhraseFlow({ id: 'hi', body: '欢迎光临{店铺名}' }, known.p);
    expect(known.steps).toEqual(['insert 欢迎光临小美家', 'count hi']);
    const closed = ports([null]);
    expect(await runPhraseFlow({ id: 'ship', body: '单号{运单号}' }, closed.p)).toBe(false);
    expect(closed.steps).toEqual(['ask 运单号']);
  });

  it('the agent moved to another buyer while the form was open: nothing remembered for anyone, nothing inserted', async () => {
    const { p, steps, leave } = ports([]);
    p.ask = async () => (leave(), { typed: { 运单号: 'SF1' }, saveShop: false });
    expect(await runPhraseFlow({ id: 'ship', body: '单号{运单号}' }, p)).toBe(false);
    expect(steps).toEqual([]);
  });

  it('values are kept even when the insert then fails; the use is not counted', async () => {
    const { p, steps } = ports([{ typed: { 客服名: '阿美' }, saveShop: true }], { known: {}, insert: async () => false });
    expect(await runPhraseFlow({ id: 'me', body: '我是{客服名}' }, p)).toBe(false);
    expect(steps).toEqual(['ask 客服名', 'remember {"客服名":"阿美"} shop']);
  });

  it('a phrase with other wordings gives this buyer another one than the one just given', async () => {
    const given = new Set(['亲，在的']);
    const { p, steps } = ports([], { givenRecently: (text) => given.has(text) });
    await runPhraseFlow({ id: 'here', body: '亲，在的', variants: ['亲，我在呢'], turn: 0 }, p);
    expect(steps[0]).toBe('insert 亲，我在呢');
  });
});
