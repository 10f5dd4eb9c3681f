// @vitest-environment happy-dom
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { SidePanel, type InsertFn } from '../../components/SidePanel';
import { KefuDB } from '../../storage/db';
import { freshDbPerTest } from '../helpers/db';
import { saveSettings } from '../../storage/repositories/settings';

const freshDb = freshDbPerTest();
let db: KefuDB;
beforeEach(async () => {
  db = freshDb();
  render(<SidePanel db={db} served={{ state: 'no-input' }} insert={vi.fn<InsertFn>()} />);
  await screen.findByText('主动招呼');
});

const editor = () => screen.getByRole('form', { name: '编辑短语' });

describe('creating and editing phrases', () => {
  it('shows clear problems, refuses to save them, then saves a valid phrase with pinyin search keys', async () => {
    await userEvent.click(screen.getByRole('button', { name: '管理' })); // the library tools are inside 管理
    await userEvent.click(screen.getByRole('button', { name: '新建短语' }));
    const form = editor();
    await userEvent.type(within(form).getByLabelText('标题'), '周末发货');
    await userEvent.type(within(form).getByLabelText('快捷编码'), 'kd');
    await userEvent.click(within(form).getByLabelText('内容'));
    await userEvent.paste('亲，周末{仓库}照常发货');
    await userEvent.click(within(form).getByRole('button', { name: '保存' }));
    const alert = within(form).getByRole('alert');
    expect(alert).toHaveTextContent('快捷编码“kd”已被“快递时效”使用');
    expect(alert).toHaveTextContent('未知的占位符 {仓库}');
    await userEvent.clear(within(form).getByLabelText('快捷编码'));
    await userEvent.type(within(form).getByLabelText('快捷编码'), 'zmfh');
    await userEvent.clear(within(form).getByLabelText('内容'));
    await userEvent.type(within(form).getByLabelText('内容'), '亲，周末仓库照常发货');
    await userEvent.click(within(form).getByRole('button', { name: '保存' }));
    await waitFor(() => expect(screen.queryByRole('form', { name: '编辑短语' })).toBeNull());
    const saved = await db.phrases.where('code').equals('zmfh').first();
    expect(saved).toMatchObject({ title: '周末发货', body: '亲，周末仓库照常发货', origin: 'user' });
    expect(saved?.pinyin?.initials.startsWith('zmfh')).toBe(true);
    await userEvent.type(screen.getByRole('searchbox'), 'zhoumo');
    expect(within(screen.getByRole('listbox')).getAllByRole('option')[0]).toHaveTextContent('周末发货');
  });

  it('keeps other wordings of a phrase (a blank one dropped, a repeat refused) and they survive a CSV update', async () => {
    await userEvent.click(screen.getByRole('button', { name: '管理' })); // the library tools are inside 管理
    await userEvent.click(screen.getByRole('button', { name: '新建短语' }));
    const form = editor();
    await userEvent.type(within(form).getByLabelText('标题'), '稍等招呼');
    await userEvent.type(within(form).getByLabelText('内容'), '亲，稍等，马上为您查');
    await userEvent.click(within(form).getByRole('button', { name: '添加一种说法' }));
    await userEvent.type(within(form).getByLabelText('说法 2'), '亲，稍等，马上为您查');
    await userEvent.click(within(form).getByRole('button', { name: '保存' }));
    expect(within(form).getByRole('alert')).toHaveTextContent('其他说法 1 与另一种说法相同');
    await userEvent.clear(within(form).getByLabelText('说法 2'));
    await userEvent.type(within(form).getByLabelText('说法 2'), '好的亲，这就帮您看');
    await userEvent.click(within(form).getByRole('button', { name: '添加一种说法' }));
    await userEvent.click(within(form).getByRole('button', { name: '保存' }));
    await waitFor(() => expect(screen.queryByRole('form', { name: '编辑短语' })).toBeNull());
    const saved = (await db.phrases.filter((p) => p.title === '稍等招呼').first())!;
    expect(saved.variants).toEqual(['好的亲，这就帮您看']);

    const csv = `\ufeff阶段,标题,快捷编码,内容,标签\r\n${'欢迎'},稍等招呼,,亲，请稍等，马上为您查,\r\n`;
    await userEvent.upload(screen.getByTestId('import-file'), new File([csv], 'p.csv', { type: 'text/csv' }));
    await userEvent.click(within(await screen.findByTestId('import-preview')).getByRole('button', { name: '导入' }));
    await waitFor(async () => expect((await db.phrases.get(saved.id))?.body).toBe('亲，请稍等，马上为您查'));
    expect((await db.phrases.get(saved.id))?.variants).toEqual(['好的亲，这就帮您看']);
  });

  it('refuses an empty body and one over 500 characters', async () => {
    await userEvent.click(screen.getByRole('button', { name: '管理' })); // the library tools are inside 管理
    await userEvent.click(screen.getByRole('button', { name: '新建短语' }));
    const form = editor();
    await userEvent.type(within(form).getByLabelText('标题'), '太长');
    await userEvent.click(within(form).getByRole('button', { name: '保存' }));
    expect(within(form).getByRole('alert')).toHaveTextContent('内容不能为空');
    await userEvent.click(within(form).getByLabelText('内容'));
    await userEvent.paste('好'.repeat(501));
    expect(within(form).getByRole('alert')).toHaveTextContent('内容 501 字，超过 500 字上限');
  });

  it.each([
    ['保留对方的修改', '另一个窗口改的', '已保留另一处的修改：有货'],
    ['用我的版本覆盖', '我改的', '已保存：有货'],
  ])('a phrase saved in another panel meanwhile is not silently written over: %s', async (choice, body, notice) => {
    await userEvent.click(screen.getByRole('button', { name: '管理' }));
    const row = () => screen.getByText('有货').closest('li')!;
    await userEvent.click(within(row()).getByRole('button', { name: '编辑' }));
    // Another panel saves the same phrase while this one edits it.
    const { savePhrase } = await import('../../storage/repositories/phrase-writes');
    const stored = (await db.phrases.get('stock-yes'))!;
    await savePhrase(db, { ...stored, body: '另一个窗口改的' }, stored.updatedAt + 1000);
    await userEvent.clear(within(editor()).getByLabelText('内容'));
    await userEvent.type(within(editor()).getByLabelText('内容'), '我改的');
    await userEvent.click(within(editor()).getByRole('button', { name: '保存' }));
    const dialog = await screen.findByRole('alertdialog');
    expect(dialog).toHaveTextContent('“有货”刚在另一个窗口被修改过');
    expect((await db.phrases.get('stock-yes'))?.body).toBe('另一个窗口改的');
    await userEvent.click(within(dialog).getByRole('button', { name: choice }));
    await waitFor(async () => expect((await db.phrases.get('stock-yes'))?.body).toBe(body));
    await waitFor(() => expect(screen.getByTestId('notice')).toHaveTextContent(notice));
  });

  it('edits, duplicates, pins, and deletes with undo', async () => {
    await userEvent.click(screen.getByRole('button', { name: '管理' }));
    const row = () => screen.getByText('有货').closest('li')!;
    await userEvent.click(within(row()).getByRole('button', { name: '编辑' }));
    await userEvent.clear(within(editor()).getByLabelText('内容'));
    await userEvent.type(within(editor()).getByLabelText('内容'), '有货的亲，放心拍');
    await userEvent.click(within(editor()).getByRole('button', { name: '保存' }));
    await waitFor(async () => expect((await db.phrases.get('stock-yes'))?.body).toBe('有货的亲，放心拍'));

    await userEvent.click(within(row()).getByRole('button', { name: '复制' }));
    await userEvent.click(within(editor()).getByRole('button', { name: '保存' }));
    await waitFor(async () => expect(await db.phrases.filter((p) => p.title === '有货（副本）').count()).toBe(1));

    await userEvent.click(within(row()).getByRole('button', { name: '置顶' }));
    await waitFor(async () => expect((await db.phrases.get('stock-yes'))?.pinned).toBe(true));
    // The list follows the database through a live query: it re-renders a moment after the write.
    await waitFor(() => expect(within(screen.getByRole('listbox')).getAllByRole('option')[0]).toHaveTextContent('有货'));

    const count = await db.phrases.count();
    await userEvent.click(within(row()).getByRole('button', { name: '删除' }));
    await waitFor(async () => expect(await db.phrases.count()).toBe(count - 1));
    await waitFor(() => expect(screen.getByTestId('notice')).toHaveTextContent('已删除：有货'));
    await userEvent.click(screen.getByRole('button', { name: '撤销' }));
    await waitFor(async () => expect((await db.phrases.get('stock-yes'))?.body).toBe('有货的亲，放心拍'));
  });

  it('adds a stage of the agent\'s own while editing', async () => {
    await userEvent.click(screen.getByRole('button', { name: '管理' })); // the library tools are inside 管理
    await userEvent.click(screen.getByRole('button', { name: '新建短语' }));
    const form = editor();
    await userEvent.selectOptions(within(form).getByLabelText('阶段'), '+ 新建阶段…');
    await userEvent.type(within(form).getByLabelText('新阶段名称'), '直播间');
    await userEvent.type(within(form).getByLabelText('标题'), '直播福利');
    await userEvent.type(within(form).getByLabelText('内容'), '亲，直播间下单有小礼物哦');
    await userEvent.click(within(form).getByRole('button', { name: '保存' }));
    expect(await screen.findByRole('tab', { name: '直播间' })).toBeInTheDocument();
  });
});

describe('importing from the panel', () => {
  it('shows a preview with row numbers and reasons, applies on confirmation, and a bad file changes nothing', async () => {
    const csv = '\ufeff阶段,标题,快捷编码,内容,标签\r\n售后,新的致歉,xdq,非常抱歉，我们马上处理。,\r\n售后,空的,,,\r\n';
    await userEvent.upload(screen.getByTestId('import-file'), new File([csv], 'phrases.csv', { type: 'text/csv' }));
    const preview = await screen.findByTestId('import-preview');
    expect(preview).toHaveTextContent('新增 1 · 更新 0 · 重复 0 · 无效 1');
    expect(preview).toHaveTextContent('第 3 行“空的”：内容不能为空');
    const before = await db.phrases.count();
    await userEvent.click(within(preview).getByRole('button', { name: '跳过无效行，导入其余' }));
    await waitFor(async () => expect(await db.phrases.count()).toBe(before + 1));
    await waitFor(() => expect(screen.getByTestId('notice')).toHaveTextContent('已导入 1 条短语'));

    await userEvent.upload(screen.getByTestId('import-file'), new File(['{"format":"kefu-phrase-pack","phr'], 'cut.json'));
    await waitFor(() => expect(screen.getByTestId('notice')).toHaveTextContent('导入失败，短语库没有任何改动：JSON 无法解析'));
    expect(await db.phrases.count()).toBe(before + 1);
  });
});

describe('team packs in the panel', () => {
  const file = (version: number, phrases: [string, string, string][]) =>
    new File(
      [JSON.stringify({ format: 'kefu-phrase-pack', version: 1, id: 'team-x', name: '售前组', packVersion: version, author: '组长', stages: [{ id: 'aftersale', name: '售后', order: 60, color: '#0f766e', builtin: true }], phrases: phrases.map(([id, title, body]) => ({ id, stageId: 'aftersale', title, body, tags: [] })) })],
      `team-v${version}.json`,
      { type: 'application/json' },
    );

  it('v1, an edit here, then v2: the preview names the merge, the edit is kept, removal only when ticked', async () => {
    await userEvent.upload(screen.getByTestId('import-file'), file(1, [['a', '团队致歉', '非常抱歉给您带来不便'], ['b', '团队退款', '已为您退款'], ['c', '团队旧话', '这条会删']]));
    let preview = await screen.findByTestId('team-pack-preview');
    expect(preview).toHaveTextContent('团队包「售前组」');
    expect(preview).toHaveTextContent('首次导入 v1 · 作者 组长');
    expect(preview).toHaveTextContent('新增 3 · 更新 0');
    await userEvent.click(within(preview).getByRole('button', { name: '更新到 v1' }));
    await waitFor(() => expect(screen.getByTestId('notice')).toHaveTextContent('已更新团队包「售前组」到 v1'));
    await db.phrases.update('team-x/b', { body: '我自己的退款说法', updatedAt: Date.now() });

    await userEvent.upload(screen.getByTestId('import-file'), file(2, [['a', '团队致歉', '非常抱歉，马上为您处理'], ['b', '团队退款', '已为您办理退款'], ['d', '团队新话', '新加的一条']]));
    preview = await screen.findByTestId('team-pack-preview');
    expect(preview).toHaveTextContent('v1 → v2');
    expect(within(preview).getByTestId('team-pack-counts')).toHaveTextContent('新增 1 · 更新 1 · 包中已移除 1 · 保留 1 · 无变化 0');
    expect(within(preview).getByRole('region', { name: '你改过的短语，保留你的版本：' })).toHaveTextContent('团队退款 · 新版本有新说法');
    expect(within(preview).getByLabelText(/同时删除新版本已移除的 1 条/)).not.toBeChecked();
    await userEvent.click(within(preview).getByRole('button', { name: '更新到 v2' }));
    await waitFor(async () => expect((await db.phrases.get('team-x/a'))?.body).toBe('非常抱歉，马上为您处理'));
    expect((await db.phrases.get('team-x/b'))?.body).toBe('我自己的退款说法');
    expect(await db.phrases.get('team-x/c')).toBeDefined();
    expect(await db.phrases.get('team-x/d')).toBeDefined();

    await userEvent.click(screen.getByRole('button', { name: '管理' }));
    await userEvent.type(screen.getByRole('searchbox'), '团队退款');
    expect(within(screen.getByRole('listbox')).getAllByRole('option')[0]).toHaveTextContent('团队包 v2 · 已改');
  });

  it('a lead exports the library as a team pack; the next export starts one version up under the same name', async () => {
    const blobs: Blob[] = [];
    vi.spyOn(URL, 'createObjectURL').mockImplementation((b) => (blobs.push(b as Blob), 'blob:pack'));
    await userEvent.click(screen.getByRole('button', { name: '管理' }));
    await userEvent.click(screen.getByRole('button', { name: '导出团队包' }));
    let form = screen.getByRole('form', { name: '导出团队包' });
    await userEvent.type(within(form).getByLabelText('包名'), '售前组');
    await userEvent.type(within(form).getByLabelText('作者'), '组长');
    await userEvent.click(within(form).getByRole('button', { name: '导出团队包' }));
    await waitFor(() => expect(blobs).toHaveLength(1));
    const pack = JSON.parse(await blobs[0]!.text());
    expect(pack).toMatchObject({ format: 'kefu-phrase-pack', name: '售前组', author: '组长', packVersion: 1 });
    expect(pack.phrases).toHaveLength(await db.phrases.count());

    await userEvent.click(screen.getByRole('button', { name: '导出团队包' }));
    form = screen.getByRole('form', { name: '导出团队包' });
    await waitFor(() => expect(within(form).getByLabelText('版本')).toHaveValue(2));
    expect(within(form).getByLabelText('包名')).toHaveValue('售前组');
    await userEvent.click(within(form).getByRole('button', { name: '导出团队包' }));
    await waitFor(() => expect(blobs).toHaveLength(2));
    const next = JSON.parse(await blobs[1]!.text());
    expect([next.id, next.packVersion]).toEqual([pack.id, 2]);
  });

  it('an older version than the one here is refused and nothing changes', async () => {
    await userEvent.upload(screen.getByTestId('import-file'), file(2, [['a', '团队致歉', '抱歉']]));
    await userEvent.click(within(await screen.findByTestId('team-pack-preview')).getByRole('button', { name: '更新到 v2' }));
    await waitFor(async () => expect(await db.phrases.get('team-x/a')).toBeDefined());
    const before = await db.phrases.toArray();
    await userEvent.upload(screen.getByTestId('import-file'), file(1, [['a', '团队致歉', '旧的']]));
    await waitFor(() => expect(screen.getByTestId('notice')).toHaveTextContent('这是「售前组」的旧版本 v1，本机已是 v2'));
    expect(screen.queryByTestId('team-pack-preview')).toBeNull();
    expect(await db.phrases.toArray()).toEqual(before);
  });
});

describe('library flags on rows', () => {
  it('a row whose wording holds 必改 words shows ⛔ soon after the panel opens (the rules compiled after the first paint, or revived)', async () => {
    await db.phrases.add({ ...(await db.phrases.get('stock-yes'))!, id: 'mine-wx', title: '加我私聊', body: '有问题加微信聊', code: undefined, useCount: 99, pinned: true, lastUsedAt: undefined, origin: 'user' });
    const row = (await screen.findByText('加我私聊')).closest('[data-phrase-id]')!;
    await waitFor(() => expect(row.querySelector('[data-flag="block"]')).not.toBeNull());
    expect(within(row as HTMLElement).getByRole('img', { name: /加微信/ })).toBeInTheDocument();
  });
});

describe('短语库体检 in 管理', () => {
  it('shows the phrases used most, those unused in 30 days, phrases with flagged wording and the rules most sent anyway', async () => {
    const now = Date.now();
    await db.phrases.update('stock-yes', { useCount: 7, lastUsedAt: now - 60_000 });
    await db.phrases.update('greeting-hello', { useCount: 2, lastUsedAt: now - 3_600_000 });
    const total = await db.phrases.count();
    // The pack was installed just now: nothing is "unused in 30 days" until a phrase is that old.
    await db.phrases.update('logistics-delay', { createdAt: now - 40 * 86_400_000 });
    await db.phrases.add({ ...(await db.phrases.get('stock-yes'))!, id: 'mine-wx', title: '加我私聊', body: '有问题加微信聊', code: undefined, useCount: 0, lastUsedAt: undefined, origin: 'user' });
    await saveSettings(db, { guardOverrides: { 'taboo-001': 3, 'intent-add-me': 5 } });

    await userEvent.click(screen.getByRole('button', { name: '管理' }));
    const health = await screen.findByRole('region', { name: '短语库体检' });
    await waitFor(() => expect(health).toHaveTextContent(`共 ${total + 1} 条短语，1 条 30 天内没有用过，1 条含提醒用语`));
    await userEvent.click(within(health).getByText('短语库体检')); // folded by default: the line above is all 管理 shows
    expect(health).toHaveProperty('open', true);
    const most = within(health).getByRole('group', { name: '最常用' });
    expect(within(most).getAllByRole('listitem').map((li) => li.textContent)).toEqual([expect.stringMatching(/^有货 用了 7 次/), expect.stringMatching(/^主动招呼 用了 2 次/)]);
    expect(within(health).getByRole('group', { name: '30 天内没用过' })).toHaveTextContent('物流延迟');
    expect(within(health).getByRole('group', { name: '含提醒用语的短语' })).toHaveTextContent('加我私聊');
    const overridden = within(health).getByRole('group', { name: '最常「仍要发送」的规则' });
    expect(within(overridden).getAllByRole('listitem').map((li) => li.textContent)).toEqual(['加…我 5 次', '我不知道 3 次']);
  });

  it('flags wording only the intent model finds, once the model has loaded', async () => {
    await db.phrases.add({ ...(await db.phrases.get('stock-yes'))!, id: 'mine-rude', title: '不耐烦', body: '真是服了你了，笨得要死', code: undefined, useCount: 0, lastUsedAt: undefined, origin: 'user' });
    await userEvent.click(screen.getByRole('button', { name: '管理' }));
    const health = await screen.findByRole('region', { name: '短语库体检' });
    await waitFor(() => expect(health).toHaveTextContent('1 条含提醒用语'), { timeout: 5000 });
    await userEvent.click(within(health).getByText('短语库体检'));
    expect(within(health).getByRole('group', { name: '含提醒用语的短语' })).toHaveTextContent('不耐烦');
  });
});
