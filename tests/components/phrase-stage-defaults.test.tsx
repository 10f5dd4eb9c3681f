// @vitest-environment happy-dom
// #32 item 2: a new team or personal phrase gets what it answers and when it may lead "with sensible defaults from
// its stage", shown in the editor before saving and editable.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { SidePanel, type InsertFn } from '../../components/SidePanel';
import { KefuDB } from '../../storage/db';
import { freshDbPerTest } from '../helpers/db';
import { mayLead } from '../../scripts-library/suggest/suggest';
import { saidText } from '../../scripts-library/suggest/suggest';
import { stageDefaults } from '../../scripts-library/phrases/stage-defaults';

const freshDb = freshDbPerTest();
let db: KefuDB;
beforeEach(async () => {
  db = freshDb();
  render(<SidePanel db={db} served={{ state: 'no-input' }} insert={vi.fn<InsertFn>()} />);
  await screen.findByText('主动招呼', {}, { timeout: 10_000 });
  await userEvent.click(screen.getByRole('button', { name: '管理' }));
  await userEvent.click(screen.getByRole('button', { name: '新建短语' }));
}, 30_000);

const editor = () => screen.getByRole('form', { name: '编辑短语' });
const notSays = () => within(editor()).getByLabelText('买家说到这些词时不排第一');
const mode = () => within(editor()).getByLabelText('何时可以排第一');
const save = async (title: string, body: string) => {
  await userEvent.type(within(editor()).getByLabelText('标题'), title);
  await userEvent.type(within(editor()).getByLabelText('内容'), body);
  await userEvent.click(within(editor()).getByRole('button', { name: '保存' }));
  await waitFor(() => expect(screen.queryByRole('form', { name: '编辑短语' })).toBeNull());
  return (await db.phrases.filter((p) => p.title === title).first())!;
};

describe('a new phrase takes its stage’s defaults', { timeout: 60_000 }, () => {
  it('an after-sales phrase leads only for an after-sales question and not to a pre-purchase worry, shown before saving', async () => {
    await userEvent.selectOptions(within(editor()).getByLabelText('阶段'), '售后');
    expect(within(editor()).getByText(/已按「售后」阶段预设/)).toBeInTheDocument();
    expect(mode()).toHaveValue('intents');
    const only = within(editor()).getByRole('group', { name: '只在买家这样问时排第一' });
    expect(within(only).getByLabelText('质量问题')).toBeChecked();
    expect(notSays()).toHaveValue('会不会 靠谱 怎么样 好不好 容易 别家 别买回来');
    const saved = await save('开线处理', '亲，开线的情况很抱歉，麻烦拍张照片，我们马上给您处理');
    expect(saved.lead).toEqual(stageDefaults('aftersales').lead);
    // What the guard means for a buyer: a defect report may get it first, a pre-purchase worry may not.
    expect(mayLead(saved.lead, 'defect', {}, saidText('衣服开线了'))).toBe(true);
    expect(mayLead(saved.lead, 'defect', {}, saidText('会不会开线啊'))).toBe(false);
    expect(mayLead(saved.lead, 'quality', {}, saidText('质量好吗'))).toBe(false);
  });

  it('the defaults follow the stage until the agent changes them, and the agent’s change is saved', async () => {
    await userEvent.selectOptions(within(editor()).getByLabelText('阶段'), '售后');
    await userEvent.selectOptions(within(editor()).getByLabelText('阶段'), '结束语');
    expect(mode()).toHaveValue('intents');
    expect(within(within(editor()).getByRole('group', { name: '回答买家的哪些问题' })).getByLabelText('致谢结束')).toBeChecked();
    expect(notSays()).toHaveValue('');
    await userEvent.type(notSays(), '退款 售后');
    expect(within(editor()).queryByText(/阶段预设/)).toBeNull();
    await userEvent.selectOptions(within(editor()).getByLabelText('阶段'), '欢迎'); // the agent's words stay
    expect(notSays()).toHaveValue('退款 售后');
    const saved = await save('谢谢光临', '感谢您的光临，祝您生活愉快～');
    expect(saved.stageId).toBe('greeting');
    expect(saved.intents).toEqual(['thanks-bye']);
    expect(saved.lead).toEqual({ intents: ['thanks-bye'], notSays: ['退款', '售后'] });
  });

  it('a stage without defaults (商品导购) leaves the phrase answering its stage, leading whenever it answers', async () => {
    await userEvent.selectOptions(within(editor()).getByLabelText('阶段'), '商品导购');
    expect(mode()).toHaveValue('any');
    expect(within(editor()).queryByText(/阶段预设/)).toBeNull();
    const saved = await save('羊毛衫起球', '亲，羊毛衫轻微起球是正常现象，用起球修剪器处理一下就好');
    expect(saved.intents).toBeUndefined();
    expect(saved.lead).toBeUndefined();
  });
});

describe('an existing phrase is not preset', { timeout: 60_000 }, () => {
  it('moving 主动招呼 to another stage keeps its own guard', async () => {
    await userEvent.click(within(editor()).getByRole('button', { name: '取消' }));
    await userEvent.type(screen.getByRole('searchbox'), '主动招呼');
    const row = (await screen.findAllByText('主动招呼')).map((e) => e.closest('li')).find(Boolean)!;
    await userEvent.click(within(row).getByRole('button', { name: '编辑' }));
    await userEvent.selectOptions(within(editor()).getByLabelText('阶段'), '售后');
    expect(mode()).toHaveValue('intents');
    await userEvent.click(within(editor()).getByRole('button', { name: '保存' }));
    await waitFor(async () => expect((await db.phrases.get('greeting-hello'))?.stageId).toBe('aftersales'));
    expect((await db.phrases.get('greeting-hello'))?.lead).toMatchObject({ intents: ['greet'], notSays: expect.arrayContaining(['还在吗']) });
  });
});
