// @vitest-environment happy-dom
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { SidePanel, type InsertFn } from '../../components/SidePanel';
import { KefuDB } from '../../storage/db';
import { freshDbPerTest } from '../helpers/db';
import { getSettings, saveSettings } from '../../storage/repositories/settings';
import type { Served } from '../../scripts-library/shared/served-tab';
import type { ChatTab } from '../../scripts-library/shared/protocol';

const freshDb = freshDbPerTest();
let db: KefuDB;
beforeEach(async () => {
  db = freshDb();
});

const STOCK = '让您久等了，您问的这款有货的，现在拍下付款就可以为您安排发货哦。';
const chatTab = (over: Partial<ChatTab['status']> = {}): ChatTab => ({
  tabId: 12,
  windowId: 1,
  seenAt: 1,
  status: { site: 'pinduoduo', hasInput: true, inputKind: 'textarea', buyer: { id: 'u1', name: '小美' }, ...over },
});
const serving: Served = { state: 'chat', tab: chatTab() };

async function renderPanel(served: Served | undefined, insert: InsertFn = vi.fn<InsertFn>().mockResolvedValue({ kind: 'inserted' })) {
  render(<SidePanel db={db} served={served} insert={insert} />);
  await screen.findByText('主动招呼'); // the default library is in
  return insert as ReturnType<typeof vi.fn<InsertFn>>;
}
const list = () => screen.getByRole('listbox');
const rowIds = () => within(list()).getAllByRole('button').map((b) => b.dataset.phraseId);

describe('served tab', () => {
  it('shows the served site and buyer', async () => {
    await renderPanel(serving);
    expect(screen.getByTestId('served')).toHaveTextContent('正在服务：拼多多 · 买家 小美');
  });

  it('shows the site alone when the buyer is unknown, and the generic-mode notice', async () => {
    await renderPanel({ state: 'chat', tab: chatTab({ site: 'jd', buyer: null, notice: 'generic-fallback' }) });
    expect(screen.getByTestId('served')).toHaveTextContent('正在服务：京东咚咚');
    expect(screen.getByTestId('served')).toHaveTextContent('已改用通用模式');
  });

  it('shows a clear state when the tab has no chat input', async () => {
    await renderPanel({ state: 'no-input' });
    expect(screen.getByTestId('served')).toHaveTextContent('此标签页未找到聊天输入框');
  });
});

describe('inserting', () => {
  it('inserts a clicked phrase into the served tab and counts the use', async () => {
    const insert = await renderPanel(serving);
    await userEvent.click(screen.getByText('有货'));
    expect(insert).toHaveBeenCalledWith(12, STOCK, undefined);
    await waitFor(() => expect(screen.getByTestId('notice')).toHaveTextContent('已插入：有货'));
    await waitFor(async () => expect((await db.phrases.get('stock-yes'))?.useCount).toBe(1));
  });

  it('fills placeholders from settings and the buyer, with the caret at {光标}', async () => {
    await saveSettings(db, { shopName: '小美服饰', agentName: '小王' });
    const insert = await renderPanel(serving);
    await userEvent.click(screen.getByText('称呼买家招呼'));
    expect(insert).toHaveBeenCalledWith(12, '小美您好，欢迎光临小美服饰，我是客服小王，请问看中哪款宝贝了呢？', undefined);
    insert.mockClear();
    await userEvent.click(screen.getByText('直接提问时招呼'));
    const text = '您好，欢迎光临小美服饰，我是客服小王，很高兴为您服务。您问的问题我马上为您解答：';
    expect(insert).toHaveBeenCalledWith(12, text, undefined); // {光标} at the very end = caret after the text
  });

  it('asks for empty placeholders in a small form, inserts, and remembers the answers for this buyer', async () => {
    const insert = await renderPanel(serving);
    await userEvent.click(screen.getByText('物流单号'));
    const form = await screen.findByRole('dialog', { name: '请填写短语中的空白' });
    expect(insert).not.toHaveBeenCalled();
    await userEvent.type(within(form).getByLabelText('快递公司'), '中通');
    await userEvent.type(within(form).getByLabelText('运单号'), '7510{enter}');
    await waitFor(() =>
      expect(insert).toHaveBeenCalledWith(12, '亲，您的包裹已由中通发出，运单号是7510，您可以在订单详情里实时查看物流。', undefined),
    );
    expect((await db.settings.get('placeholderMemory'))?.value).toEqual({ 快递公司: '中通' });
    expect((await db.settings.get('orderMemory'))?.value).toMatchObject({ 'pinduoduo|u1': { values: { 快递公司: '中通', 运单号: '7510' } } });
  });

  it("never gives the next buyer the previous buyer's tracking number: the form asks again, courier suggested", async () => {
    const insert = vi.fn<InsertFn>().mockResolvedValue({ kind: 'inserted' });
    const { rerender } = render(<SidePanel db={db} served={serving} insert={insert} />);
    await userEvent.click(await screen.findByText('物流单号'));
    let form = await screen.findByRole('dialog', { name: '请填写短语中的空白' });
    await userEvent.type(within(form).getByLabelText('快递公司'), '顺丰');
    await userEvent.type(within(form).getByLabelText('运单号'), 'SF1234567890{enter}');
    await waitFor(() => expect(insert).toHaveBeenCalledTimes(1));
    const other = { ...serving, tab: { ...serving.tab, status: { ...serving.tab.status, buyer: { id: 'u2', name: '阿强' } } } } as Served;
    rerender(<SidePanel db={db} served={other} insert={insert} />);
    await userEvent.click(screen.getByText('物流单号'));
    form = await screen.findByRole('dialog', { name: '请填写短语中的空白' });
    expect(within(form).getByLabelText('运单号')).toHaveValue('');
    expect(within(form).getByLabelText('快递公司')).toHaveValue('顺丰');
    expect(insert).toHaveBeenCalledTimes(1);
    // Back to the first buyer: their own number is offered, still to be confirmed.
    await userEvent.click(within(form).getByText('取消'));
    rerender(<SidePanel db={db} served={serving} insert={insert} />);
    await userEvent.click(screen.getByText('物流单号'));
    form = await screen.findByRole('dialog', { name: '请填写短语中的空白' });
    expect(within(form).getByLabelText('运单号')).toHaveValue('SF1234567890');
  });

  it('a phrase with other wordings inserts them in turn: the same buyer does not get the same words twice running', async () => {
    await db.phrases.add({ id: 'mine-here', stageId: 'greeting', title: '在的招呼', body: '亲，在的，请问有什么可以帮您', variants: ['您好，我在的，您请说', '在的亲，您想了解哪款'], tags: [], pinned: false, useCount: 0, createdAt: 0, updatedAt: 0, origin: 'user' });
    const insert = await renderPanel(serving);
    for (let i = 0; i < 4; i++) {
      await userEvent.click(screen.getByText('在的招呼'));
      await waitFor(() => expect(insert).toHaveBeenCalledTimes(i + 1));
      await waitFor(async () => expect((await db.phrases.get('mine-here'))?.useCount).toBe(i + 1));
    }
    expect(insert.mock.calls.map((c) => c[1])).toEqual(['亲，在的，请问有什么可以帮您', '您好，我在的，您请说', '在的亲，您想了解哪款', '亲，在的，请问有什么可以帮您']);
    expect(screen.queryByRole('alertdialog')).toBeNull(); // a new wording each time: no same-phrase warning
  });

  it('存为短语 opens the editor on the reply box’s text, titled and staged from its words; an empty box says so', async () => {
    const readDraft = vi.fn(async () => '亲，您的包裹今天下午发出，单号稍后发您');
    render(<SidePanel db={db} served={serving} insert={vi.fn<InsertFn>()} readDraft={readDraft} />);
    await screen.findByText('主动招呼');
    await userEvent.click(screen.getByRole('button', { name: '管理' })); // the library tools are inside 管理
    await userEvent.click(screen.getByRole('button', { name: '存为短语' }));
    const form = await screen.findByRole('form', { name: '编辑短语' });
    expect(readDraft).toHaveBeenCalledWith(12);
    expect(within(form).getByLabelText('标题')).toHaveValue('您的包裹今天下午发出');
    expect(within(form).getByLabelText('内容')).toHaveValue('亲，您的包裹今天下午发出，单号稍后发您');
    expect(within(form).getByLabelText('阶段')).toHaveDisplayValue('物流');
    await userEvent.click(within(form).getByRole('button', { name: '保存' }));
    await waitFor(async () => expect(await db.phrases.filter((p) => p.title === '您的包裹今天下午发出').count()).toBe(1));

    readDraft.mockResolvedValue('  ');
    await userEvent.click(screen.getByRole('button', { name: '存为短语' }));
    await waitFor(() => expect(screen.getByTestId('notice')).toHaveTextContent('输入框里还没有内容'));
    expect(screen.queryByRole('form', { name: '编辑短语' })).toBeNull();
  });

  it('a choice list is a menu; Tab moves on, Enter on the menu inserts; the last choice starts the next form; dates fill themselves', async () => {
    const now = new Date();
    const inTwo = new Date(now.getFullYear(), now.getMonth(), now.getDate() + 2);
    await db.phrases.add({ id: 'mine-color', stageId: 'stock', title: '颜色确认', body: '亲，{颜色=黑/白/灰}款{尺码=M}码，{日期+2}前发出', tags: [], pinned: false, useCount: 0, createdAt: 0, updatedAt: 0, origin: 'user' });
    const insert = await renderPanel(serving);
    await userEvent.click(screen.getByText('颜色确认'));
    let form = await screen.findByRole('dialog', { name: '请填写短语中的空白' });
    const menu = within(form).getByLabelText('颜色');
    expect(menu.tagName).toBe('SELECT');
    expect(menu).toHaveFocus();
    expect(within(form).getByLabelText('尺码')).toHaveValue('M');
    await userEvent.selectOptions(menu, '白');
    await userEvent.tab();
    expect(within(form).getByLabelText('尺码')).toHaveFocus();
    await userEvent.keyboard('{Shift>}{Tab}{/Shift}{Enter}');
    await waitFor(() => expect(insert).toHaveBeenCalledWith(12, `亲，白款M码，${inTwo.getMonth() + 1}月${inTwo.getDate()}日前发出`, undefined));
    await waitFor(async () => expect((await db.settings.get('placeholderMemory'))?.value).toMatchObject({ 颜色: '白' }));

    await userEvent.click(screen.getByText('颜色确认'));
    form = await screen.findByRole('dialog', { name: '请填写短语中的空白' });
    expect(within(form).getByLabelText('颜色')).toHaveValue('白');
    expect(within(form).getByLabelText('尺码')).toHaveValue('M');
  });

  it('a shop name typed in the form is saved to settings, so the next greeting does not ask', async () => {
    const insert = await renderPanel(serving);
    await userEvent.click(screen.getByText('称呼买家招呼'));
    const form = await screen.findByRole('dialog', { name: '请填写短语中的空白' });
    expect(within(form).getByLabelText('保存到设置，以后自动填写')).toBeChecked();
    await userEvent.type(within(form).getByLabelText('店铺名'), '小美服饰');
    await userEvent.type(within(form).getByLabelText('客服名'), '小王{enter}');
    await waitFor(() => expect(insert).toHaveBeenCalledTimes(1));
    expect(await getSettings(db)).toMatchObject({ shopName: '小美服饰', agentName: '小王' });
    await userEvent.click(screen.getByText('直接提问时招呼'));
    await waitFor(() => expect(insert).toHaveBeenCalledTimes(2));
    expect(insert.mock.calls[1]![1]).toContain('欢迎光临小美服饰，我是客服小王');
    expect(screen.queryByRole('dialog', { name: '请填写短语中的空白' })).toBeNull();
  });

  it('inserting a phrase again asks nothing: an insert is not a send (#29 item 18; the chat page warns of a reply actually sent)', async () => {
    const insert = await renderPanel(serving);
    await userEvent.click(screen.getByText('有货'));
    await waitFor(() => expect(insert).toHaveBeenCalledTimes(1));
    // The agent deleted it from the reply box and never sent it; now they want it after all.
    await userEvent.click(screen.getByText('有货'));
    await waitFor(() => expect(insert).toHaveBeenCalledTimes(2));
    expect(insert.mock.calls[1]).toEqual([12, STOCK, undefined]);
    expect(screen.queryByRole('alertdialog')).toBeNull();
  });

  it('says visibly when the phrase went to the clipboard instead, and does not count a use', async () => {
    const insert = vi.fn<InsertFn>().mockResolvedValue({ kind: 'copied', message: '未能插入聊天框（页面上没有找到回复框），已复制到剪贴板' });
    await renderPanel({ state: 'no-input' }, insert);
    await userEvent.click(screen.getByText('有货'));
    expect(insert).toHaveBeenCalledWith(undefined, STOCK, undefined);
    await waitFor(() => expect(screen.getByTestId('notice')).toHaveTextContent('已复制到剪贴板'));
    expect((await db.phrases.get('stock-yes'))?.useCount).toBe(0);
  });
});

describe('search and keyboard', () => {
  it('finds by pinyin initials and highlights matches', async () => {
    await renderPanel(serving);
    await userEvent.type(screen.getByRole('searchbox', { name: '搜索短语' }), 'fhsj');
    expect(rowIds()[0]).toBe('logistics-ship-time');
    await userEvent.clear(screen.getByRole('searchbox'));
    await userEvent.type(screen.getByRole('searchbox'), '退款');
    expect(within(list()).getAllByText('退款', { selector: 'mark' }).length).toBeGreaterThan(0);
  });

  it('a word the IME spelled with the wrong character finds the phrase by its sound (包油 → 包邮说明)', async () => {
    await renderPanel(serving);
    await userEvent.type(screen.getByRole('searchbox', { name: '搜索短语' }), '包油');
    // Pinyin is loaded on this first Chinese query that finds little; then the list follows.
    await waitFor(() => expect(rowIds()[0]).toBe('pricing-free-shipping'));
  });

  it('↓ and Enter insert the highlighted result, Alt+n the n-th, Esc clears', async () => {
    const insert = await renderPanel(serving);
    const box = screen.getByRole('searchbox');
    await userEvent.type(box, '尺码');
    const second = rowIds()[1]!;
    await userEvent.keyboard('{ArrowDown}{Enter}');
    expect(insert).toHaveBeenLastCalledWith(12, (await db.phrases.get(second))!.body, undefined);
    const thirdBody = (await db.phrases.get(rowIds()[2]!))!.body;
    await userEvent.keyboard('{Alt>}3{/Alt}');
    await waitFor(() => expect(insert).toHaveBeenLastCalledWith(12, thirdBody, undefined));
    await userEvent.keyboard('{Escape}');
    expect(box).toHaveValue('');
  });

  it('filters by stage', async () => {
    await renderPanel(serving);
    await userEvent.click(screen.getByRole('tab', { name: '物流' }));
    expect(rowIds()).toEqual(expect.arrayContaining(['logistics-ship-time', 'logistics-transit']));
    expect(within(list()).queryByText('主动招呼')).toBeNull();
    await userEvent.type(screen.getByRole('searchbox'), 'zzzz');
    expect(screen.getByText('没有匹配的短语')).toBeInTheDocument();
  });

  it('renders phrase text as text, never as HTML', async () => {
    await renderPanel(serving);
    await db.phrases.update('stock-yes', { body: '<img src=x onerror=alert(1)>' });
    expect(await screen.findByText('<img src=x onerror=alert(1)>')).toBeInTheDocument();
    expect(document.querySelector('img')).toBeNull();
  });
});


describe('stage hint', () => {
  it('pre-selects the stage the buyer\'s latest message points to; the agent can override until the next message', async () => {
    const insert = vi.fn<InsertFn>();
    const served = (message: string): Served => ({ state: 'chat', tab: chatTab({ lastBuyerMessage: message }) });
    const { rerender } = render(<SidePanel db={db} served={served('这款还有货吗')} insert={insert} />);
    await waitFor(() => expect(screen.getByRole('tab', { name: '库存' })).toHaveAttribute('aria-selected', 'true'));
    await userEvent.click(screen.getByRole('tab', { name: '全部' }));
    expect(screen.getByRole('tab', { name: '全部' })).toHaveAttribute('aria-selected', 'true');
    rerender(<SidePanel db={db} served={served('能便宜点吗')} insert={insert} />);
    await waitFor(() => expect(screen.getByRole('tab', { name: '议价' })).toHaveAttribute('aria-selected', 'true'));
  });
});

describe('buyer notes', () => {
  it('shows and saves the note of the open conversation\'s buyer, per buyer', async () => {
    const insert = vi.fn<InsertFn>();
    const servedFor = (id: string, name: string): Served => ({ state: 'chat', tab: chatTab({ buyer: { id, name } }) });
    const { rerender } = render(<SidePanel db={db} served={servedFor('u1', '小美')} insert={insert} />);
    await userEvent.type(await screen.findByRole('textbox', { name: '买家备注：小美' }), '穿M码，地址改到公司');
    await waitFor(async () => expect((await db.notes.get('buyer|pinduoduo|u1'))?.text).toBe('穿M码，地址改到公司'));
    rerender(<SidePanel db={db} served={servedFor('u2', '阿强')} insert={insert} />);
    expect(await screen.findByRole('textbox', { name: '买家备注：阿强' })).toHaveValue('');
    rerender(<SidePanel db={db} served={servedFor('u1', '小美')} insert={insert} />);
    await waitFor(() => expect(screen.getByRole('textbox', { name: '买家备注：小美' })).toHaveValue('穿M码，地址改到公司'));
  });
});

describe('a search that matches nothing', () => {
  it('says so and Enter inserts nothing', async () => {
    const insert = await renderPanel(serving);
    await userEvent.type(screen.getByRole('searchbox'), 'qwerty{enter}');
    expect(screen.getByText('没有匹配的短语')).toBeInTheDocument();
    await userEvent.clear(screen.getByRole('searchbox'));
    await userEvent.type(screen.getByRole('searchbox'), 'xyz不存在{enter}');
    expect(screen.getByText('没有匹配的短语')).toBeInTheDocument();
    expect(insert).not.toHaveBeenCalled();
  });
});

describe('first run', () => {
  it('asks for shop and agent name once, shows the shifts, and stays away once saved', async () => {
    await renderPanel(serving);
    const card = screen.getByRole('form', { name: '欢迎使用客服助手' });
    expect(card).toHaveTextContent('白班 09:00–17:30');
    await userEvent.type(within(card).getByLabelText('店铺名'), '小美服饰');
    await userEvent.type(within(card).getByLabelText('客服名'), '小王');
    await userEvent.click(within(card).getByText('保存并开始'));
    await waitFor(() => expect(screen.queryByRole('form', { name: '欢迎使用客服助手' })).toBeNull());
    expect(await getSettings(db)).toMatchObject({ shopName: '小美服饰', agentName: '小王', onboarded: true });
  });

  it('can be skipped, and then does not come back', async () => {
    await renderPanel(serving);
    await userEvent.click(screen.getByText('以后再说'));
    await waitFor(() => expect(screen.queryByRole('form', { name: '欢迎使用客服助手' })).toBeNull());
    expect((await getSettings(db)).onboarded).toBe(true);
  });
});

describe('suggested replies', () => {
  const served = (message: string): Served => ({ state: 'chat', tab: chatTab({ lastBuyerMessage: message }) });
  const suggestedRows = () => within(list()).getAllByRole('option').filter((o) => o.querySelector('[data-suggested]'));

  it('lead the list for the buyer\'s latest message, follow the next message, and Alt+1 inserts the first', async () => {
    const insert = vi.fn<InsertFn>().mockResolvedValue({ kind: 'inserted' });
    const { rerender } = render(<SidePanel db={db} served={served('裤子开线了')} insert={insert} />);
    // Only phrases that answer a likely intent are suggested (#32): two here, 售后致歉 and 质量问题处理.
    await waitFor(() => expect(suggestedRows().length).toBeGreaterThan(1));
    const first = within(suggestedRows()[0]!).getByRole('button');
    const { phrases } = await import('../../scripts-library/packs/default.json');
    expect(phrases.find((p) => p.id === first.dataset.phraseId)?.stageId).toBe('aftersales');
    await saveSettings(db, { shopName: '小美家', agentName: '小美' });
    screen.getByRole('searchbox').focus();
    await userEvent.keyboard('{Alt>}1{/Alt}');
    // Inserted at once, or (a phrase with order values) through the fill-in form first.
    await waitFor(() => expect(insert.mock.calls.length + screen.queryAllByRole('dialog').length).toBeGreaterThan(0));
    if (insert.mock.calls.length) expect(insert.mock.calls[0]![1]).toContain(phrases.find((p) => p.id === first.dataset.phraseId)!.body.slice(0, 4));

    rerender(<SidePanel db={db} served={served('能便宜点吗')} insert={insert} />);
    await waitFor(() => {
      const id = within(suggestedRows()[0]!).getByRole('button').dataset.phraseId;
      expect(phrases.find((p) => p.id === id)?.stageId).toBe('pricing');
    });
  });

  it('read the chat so far (#32): after 我已经拍了, 好的谢谢 does not lead with the 仅咨询 farewell it leads with alone', async () => {
    const insert = vi.fn<InsertFn>().mockResolvedValue({ kind: 'inserted' });
    const firstId = () => within(suggestedRows()[0]!).getByRole('button').dataset.phraseId;
    const { rerender } = render(<SidePanel db={db} served={served('好的谢谢')} insert={insert} />);
    await waitFor(() => expect(firstId()).toBe('farewell-consulted'));
    const recentMessages = [
      { from: 'buyer' as const, text: '这个有货吗' },
      { from: 'agent' as const, text: '亲，有货的' },
      { from: 'buyer' as const, text: '我已经拍了' },
      { from: 'agent' as const, text: '好的亲，我们尽快为您安排发货' },
      { from: 'buyer' as const, text: '好的谢谢' },
    ];
    rerender(<SidePanel db={db} served={{ state: 'chat', tab: chatTab({ lastBuyerMessage: '好的谢谢', recentMessages }) }} insert={insert} />);
    await waitFor(() => expect(firstId()).not.toBe('farewell-consulted'));
    expect(suggestedRows().length).toBeGreaterThan(0);
    // Page text is shown as text: a message row that looks like markup stays words.
    rerender(<SidePanel db={db} served={{ state: 'chat', tab: chatTab({ lastBuyerMessage: '好的谢谢', recentMessages: [{ from: 'buyer', text: '<img src=x onerror=alert(1)>我已经拍了' }, ...recentMessages.slice(3)] }) }} insert={insert} />);
    await waitFor(() => expect(firstId()).not.toBe('farewell-consulted'));
    expect(document.querySelector('img[src="x"]')).toBeNull();
  });

  it('abstain rather than guess (#32): a message it is not sure of shows 可能是, and Enter / Alt+1 insert nothing but say why', async () => {
    const insert = vi.fn<InsertFn>().mockResolvedValue({ kind: 'inserted' });
    render(<SidePanel db={db} served={served('嗯嗯那个呢')} insert={insert} />);
    await screen.findAllByText('可能是');
    const maybe = () => within(list()).queryAllByRole('option').filter((o) => o.querySelector('[data-suggested="maybe"]'));
    const sure = () => within(list()).queryAllByRole('option').filter((o) => o.querySelector('[data-suggested="true"]'));
    await waitFor(() => expect(sure()).toHaveLength(0));
    maybe().forEach((o) => expect(o).toHaveTextContent('可能是'));
    screen.getByRole('searchbox').focus();
    await userEvent.keyboard('{Enter}');
    await userEvent.keyboard('{Alt>}1{/Alt}');
    await screen.findByText(/没有把握的建议/);
    expect(insert).not.toHaveBeenCalled();
  });

  it('a sure suggestion answers the question: 什么时候发货 leads with 发货时间, 能加个微信吗 with the decline, and Enter inserts it', async () => {
    const insert = vi.fn<InsertFn>().mockResolvedValue({ kind: 'inserted' });
    const { rerender } = render(<SidePanel db={db} served={served('什么时候发货')} insert={insert} />);
    await waitFor(() => expect(within(suggestedRows()[0]!).getByRole('button').dataset.phraseId).toMatch(/^logistics-ship-(time|today)$/));
    expect(suggestedRows()[0]!.querySelector('[data-suggested]')).toHaveTextContent('建议');
    rerender(<SidePanel db={db} served={served('能加个微信吗')} insert={insert} />);
    await waitFor(() => expect(within(suggestedRows()[0]!).getByRole('button').dataset.phraseId).toBe('order-off-platform'));
    await new Promise((r) => setTimeout(r, 350)); // keys are ignored for 300 ms after the rows changed (#29.7)
    screen.getByRole('searchbox').focus();
    await userEvent.keyboard('{Enter}');
    await waitFor(() => expect(insert).toHaveBeenCalled());
    expect(insert.mock.calls[0]![1]).toContain('平台内');
  });

  it('Enter is held for a moment when the chat before the same message changes the rows (review 8b)', async () => {
    const insert = vi.fn<InsertFn>().mockResolvedValue({ kind: 'inserted' });
    const chat = (earlier: string) => [{ from: 'buyer' as const, text: earlier }, { from: 'agent' as const, text: '好的亲' }, { from: 'buyer' as const, text: '什么时候发货' }];
    const { rerender } = render(<SidePanel db={db} served={{ state: 'chat', tab: chatTab({ lastBuyerMessage: '什么时候发货', recentMessages: chat('这个有货吗') }) }} insert={insert} />);
    await waitFor(() => expect(suggestedRows()[0]!.querySelector('[data-suggested]')).toHaveTextContent('建议'));
    await new Promise((r) => setTimeout(r, 350));
    rerender(<SidePanel db={db} served={{ state: 'chat', tab: chatTab({ lastBuyerMessage: '什么时候发货', recentMessages: chat('我已经拍了') }) }} insert={insert} />);
    screen.getByRole('searchbox').focus();
    await userEvent.keyboard('{Enter}');
    await new Promise((r) => setTimeout(r, 50));
    expect(insert).not.toHaveBeenCalled();
    await new Promise((r) => setTimeout(r, 350));
    await userEvent.keyboard('{Enter}');
    await waitFor(() => expect(insert.mock.calls.length + screen.queryAllByRole('dialog').length).toBeGreaterThan(0));
  });

  it('give way to a search, and include an answered question of the 问题登记本', async () => {
    const { addProblem, answerProblem } = await import('../../storage/repositories/notes');
    const note = await addProblem(db, '这款羽绒服能机洗吗', '');
    await answerProblem(db, note.id, '可以机洗，选轻柔模式，30 度以下');
    render(<SidePanel db={db} served={served('羽绒服可以机洗吗')} insert={vi.fn<InsertFn>()} />);
    await waitFor(() => expect(within(suggestedRows()[0]!).getByRole('button')).toHaveTextContent('可以机洗，选轻柔模式'));
    await userEvent.type(screen.getByRole('searchbox'), 'kd');
    await waitFor(() => expect(within(list()).queryAllByRole('option').filter((o) => o.querySelector('[data-suggested]'))).toHaveLength(0));
  });
});
