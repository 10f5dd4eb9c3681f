// @vitest-environment happy-dom
// #32: the phrase editor's fields for what a phrase answers (its buyer intents) and when it may lead the suggestions.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { SidePanel, type InsertFn } from '../../components/SidePanel';
import { KefuDB } from '../../storage/db';
import { freshDbPerTest } from '../helpers/db';

const freshDb = freshDbPerTest();
let db: KefuDB;
beforeEach(async () => {
  db = freshDb();
  render(<SidePanel db={db} served={{ state: 'no-input' }} insert={vi.fn<InsertFn>()} />);
  await screen.findByText('主动招呼');
});

const editor = () => screen.getByRole('form', { name: '编辑短语' });
const editRow = async (title: string) => {
  await userEvent.click(screen.getByRole('button', { name: '管理' }));
  await userEvent.type(screen.getByRole('searchbox'), title);
  const row = (await screen.findAllByText(title)).map((e) => e.closest('li')).find(Boolean)!;
  await userEvent.click(within(row).getByRole('button', { name: '编辑' }));
  return editor();
};

describe('the phrase editor: intents and lead guard', { timeout: 60_000 }, () => {
  it("shows a phrase's intents and guard, and saves what the agent changes", async () => {
    const form = await editRow('有货');
    const answers = within(form).getByRole('group', { name: '回答买家的哪些问题' });
    expect(within(answers).getByLabelText('问有没有货')).toBeChecked();
    expect(within(answers).getByLabelText('问补货')).not.toBeChecked();
    expect(within(form).getByLabelText('何时可以排第一')).toHaveValue('any');
    await userEvent.click(within(answers).getByLabelText('问补货'));
    await userEvent.selectOptions(within(form).getByLabelText('何时可以排第一'), 'never');
    await userEvent.click(within(form).getByRole('button', { name: '保存' }));
    await waitFor(async () => expect((await db.phrases.get('stock-yes'))?.lead).toEqual({ intents: [] }));
    expect((await db.phrases.get('stock-yes'))?.intents).toEqual(['in-stock', 'restock']);
  });

  it('keeps a guard it was not asked to change (a delay apology leads only when the buyer urges)', async () => {
    const form = await editRow('发货延迟致歉');
    expect(within(form).getByLabelText('何时可以排第一')).toHaveValue('intents');
    const only = within(form).getByRole('group', { name: '只在买家这样问时排第一' });
    expect(within(only).getByLabelText('催发货·投诉延迟')).toBeChecked();
    await userEvent.type(within(form).getByLabelText('标签（用 | 分隔）'), '|致歉');
    await userEvent.click(within(form).getByRole('button', { name: '保存' }));
    await waitFor(async () => expect((await db.phrases.get('followup-late-shipping'))?.tags).toContain('致歉'));
    const saved = (await db.phrases.get('followup-late-shipping'))!;
    expect(saved.lead).toEqual({ intents: ['ship-urge'], says: expect.arrayContaining(['还没发', '天了']), notSays: expect.arrayContaining(['还没到']), notAfter: ['shipped', 'received'] });
    expect(saved.intents).toEqual(['ship-urge']);
  });

  it("a new chase phrase is preset from its stage (answers 拍了/稍后付, leads only for an unpaid order); the agent sets its age", async () => {
    await userEvent.click(screen.getByRole('button', { name: '管理' }));
    await userEvent.click(screen.getByRole('button', { name: '新建短语' }));
    const form = editor();
    await userEvent.selectOptions(within(form).getByLabelText('阶段'), '催付');
    await userEvent.type(within(form).getByLabelText('标题'), '拍下两天催付');
    await userEvent.type(within(form).getByLabelText('内容'), '亲，您前天拍下的宝贝还没付款哦');
    const answers = within(form).getByRole('group', { name: '回答买家的哪些问题' });
    expect(within(answers).getByText('都不选：回答本阶段的所有问题')).toBeInTheDocument();
    expect(within(answers).getByLabelText('说拍了/稍后付')).toBeChecked();
    expect(within(answers).getByLabelText('说已付款')).not.toBeChecked();
    expect(within(form).getByLabelText('何时可以排第一')).toHaveValue('unpaid');
    await userEvent.clear(within(form).getByLabelText('拍下未付满（小时）'));
    await userEvent.type(within(form).getByLabelText('拍下未付满（小时）'), '36');
    await userEvent.clear(within(form).getByLabelText('不到（小时）'));
    await userEvent.type(within(form).getByLabelText('不到（小时）'), '30');
    await userEvent.click(within(form).getByRole('button', { name: '保存' }));
    expect(within(form).getByRole('alert')).toHaveTextContent('排第一的时段不对');
    await userEvent.clear(within(form).getByLabelText('不到（小时）'));
    await userEvent.type(within(form).getByLabelText('不到（小时）'), '60');
    await userEvent.click(within(form).getByRole('button', { name: '保存' }));
    await waitFor(() => expect(screen.queryByRole('form', { name: '编辑短语' })).toBeNull());
    const saved = (await db.phrases.filter((p) => p.title === '拍下两天催付').first())!;
    expect(saved.intents).toEqual(['will-pay']);
    expect(saved.lead).toEqual({ unpaidHours: [36, 60] });
  });

  it("shows a phrase's word guards, keeps them across a change of mode, and saves the words the agent types", async () => {
    const form = await editRow('花呗分期');
    const says = within(form).getByLabelText('只在买家说到这些词时排第一');
    expect(says).toHaveValue('花呗 huabei 分期');
    await userEvent.selectOptions(within(form).getByLabelText('何时可以排第一'), 'intents');
    expect(within(form).getByLabelText('只在买家说到这些词时排第一')).toHaveValue('花呗 huabei 分期');
    await userEvent.clear(within(form).getByLabelText('买家说到这些词时不排第一'));
    await userEvent.type(within(form).getByLabelText('买家说到这些词时不排第一'), '白条，先用后付 额度不够');
    await userEvent.click(within(form).getByRole('button', { name: '保存' }));
    await waitFor(async () => expect((await db.phrases.get('order-huabei'))?.lead).toEqual({ intents: ['pay-method'], says: ['花呗', 'huabei', '分期'], notSays: ['白条', '先用后付', '额度不够'] }));
  });

  it('clearing the words leaves no guard; an over-long word is refused in Chinese', async () => {
    const form = await editRow('花呗分期');
    await userEvent.clear(within(form).getByLabelText('只在买家说到这些词时排第一'));
    await userEvent.type(within(form).getByLabelText('只在买家说到这些词时排第一'), '这是一个超过二十个字的很长很长很长很长的词语');
    await userEvent.click(within(form).getByRole('button', { name: '保存' }));
    expect(within(form).getByRole('alert')).toHaveTextContent('超过 20 字');
    await userEvent.clear(within(form).getByLabelText('只在买家说到这些词时排第一'));
    await userEvent.clear(within(form).getByLabelText('买家说到这些词时不排第一'));
    await userEvent.click(within(form).getByRole('button', { name: '保存' }));
    await waitFor(() => expect(screen.queryByRole('form', { name: '编辑短语' })).toBeNull());
    expect((await db.phrases.get('order-huabei'))?.lead).toBeUndefined();
  });

  it('never-leads drops the word guards (there is nothing left for them to limit)', async () => {
    const again = await editRow('支付方式');
    expect(within(again).getByLabelText('买家说到这些词时不排第一')).toHaveValue('白条 先用后付 货到付款 到付 月付 代付 朋友付 帮我付 找人付 别人付 家人付');
    await userEvent.selectOptions(within(again).getByLabelText('何时可以排第一'), 'never');
    expect(within(again).queryByLabelText('买家说到这些词时不排第一')).toBeNull();
    await userEvent.click(within(again).getByRole('button', { name: '保存' }));
    await waitFor(async () => expect((await db.phrases.get('order-pay-methods'))?.lead).toEqual({ intents: [] }));
  });

  it("shows what the chat must not show for a phrase to lead (仅咨询 not after an order), and saves the agent's change", async () => {
    const form = await editRow('仅咨询');
    const after = within(form).getByRole('group', { name: '对话里已经出现这些情况时不排第一' });
    expect(within(after).getByLabelText('买家已下单')).toBeChecked();
    expect(within(after).getByLabelText('买家已付款')).not.toBeChecked();
    await userEvent.click(within(after).getByLabelText('买家已付款'));
    await userEvent.click(within(after).getByLabelText('已在售后中'));
    await userEvent.click(within(form).getByRole('button', { name: '保存' }));
    await waitFor(async () => expect((await db.phrases.get('farewell-consulted'))?.lead).toMatchObject({ notAfter: ['ordered', 'paid'], notSays: expect.arrayContaining(['拍了']) }));
  });
});
