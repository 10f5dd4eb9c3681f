// @vitest-environment happy-dom
/**
 * The import and team-pack previews against a fresh install's default library (#29 items 2, 3, 20; #30 m5):
 * what an agent reads before anything is written.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { SidePanel, type InsertFn } from '../../components/SidePanel';
import { KefuDB } from '../../storage/db';
import { freshDbPerTest } from '../helpers/db';
import defaultPack from '../../scripts-library/packs/default.json';

const freshDb = freshDbPerTest();
let db: KefuDB;
beforeEach(async () => {
  db = freshDb();
  render(<SidePanel db={db} served={{ state: 'no-input' }} insert={vi.fn<InsertFn>()} />);
  await screen.findByText('主动招呼');
});

const LEAD_SHIP = '亲，今天16点前拍下当天发出，之后的次日发出哦';
/** A lead's pack: the default library with 发货时间 reworded and two phrases of the team's own (the default count + 2). */
function leadPack(version: number, over: Record<string, unknown> = {}) {
  const phrases = defaultPack.phrases.map((p) => (p.id === 'logistics-ship-time' ? { ...p, body: LEAD_SHIP } : p));
  phrases.push(
    { id: 'user-a', stageId: 'logistics', title: '顺丰加价', body: '亲，顺丰需要补5元运费差价哦', code: 'sfjj', tags: [] } as unknown as (typeof phrases)[number],
    { id: 'user-b', stageId: 'product', title: '面料成分', body: '亲，面料是95%棉5%氨纶，亲肤透气', code: 'mlcf', tags: [] } as unknown as (typeof phrases)[number],
  );
  const pack = { format: 'kefu-phrase-pack', version: 1, id: 'team-abc', name: '售前组', packVersion: version, author: '组长', stages: defaultPack.stages, phrases, ...over };
  return new File([JSON.stringify(pack)], `team-v${version}.json`, { type: 'application/json' });
}
const upload = (file: File) => userEvent.upload(screen.getByTestId('import-file'), file);

describe('a team pack made from the default library (#29 item 3)', { timeout: 30_000 }, () => {
  it('a fresh agent sees one summary line, no refused rows, and gets the lead’s wording', async () => {
    await upload(leadPack(1));
    const preview = await screen.findByTestId('team-pack-preview', {}, { timeout: 8000 });
    expect(within(preview).getByTestId('team-pack-counts')).toHaveTextContent(`新增 2 · 更新 1 · 包中已移除 0 · 保留 0 · 无变化 ${defaultPack.phrases.length - 1}`);
    expect(preview).not.toHaveTextContent('已被');
    expect(within(preview).queryAllByRole('listitem').length).toBeLessThan(5);
    await userEvent.click(within(preview).getByRole('button', { name: '更新到 v1' }));
    await waitFor(async () => expect((await db.phrases.get('logistics-ship-time'))?.body).toBe(LEAD_SHIP));
    expect(await db.phrases.count()).toBe(defaultPack.phrases.length + 2);

    await upload(leadPack(2));
    const next = await screen.findByTestId('team-pack-preview', {}, { timeout: 5000 });
    expect(next).not.toHaveTextContent('删除过');
  });

  it('a default phrase the agent edited: their wording kept, the lead’s offered and taken when ticked', async () => {
    const { savePhrase } = await import('../../storage/repositories/phrase-writes');
    await savePhrase(db, { ...(await db.phrases.get('logistics-ship-time'))!, body: '亲，我们一般当天发货' });
    await screen.findByText(/我们一般当天发货/); // the panel's list has the edit
    await upload(leadPack(1));
    const preview = await screen.findByTestId('team-pack-preview');
    expect(preview).toHaveTextContent('发货时间');
    await userEvent.click(within(preview).getByRole('checkbox', { name: /改用团队的说法/ }));
    await userEvent.click(within(preview).getByRole('button', { name: '更新到 v1' }));
    await waitFor(async () => expect((await db.phrases.get('logistics-ship-time'))?.body).toBe(LEAD_SHIP));
  });

  it('rows the library refuses are one folded line, not a page of red rows', async () => {
    const { savePhrase } = await import('../../storage/repositories/phrase-writes');
    await savePhrase(db, { id: 'user-1', stageId: 'logistics', title: '我的顺丰话术', body: '顺丰另加钱', code: 'sfjj', tags: [] });
    await screen.findByText(/顺丰另加钱/, {}, { timeout: 5000 }); // the panel's list has it
    await upload(leadPack(1));
    const preview = await screen.findByTestId('team-pack-preview', {}, { timeout: 5000 });
    const folded = within(preview).getByText(/1 条未导入/).closest('details')!;
    expect(folded).not.toHaveAttribute('open');
    expect(folded).toHaveTextContent('快捷编码“sfjj”已被“我的顺丰话术”使用');
  });

  it('another author’s pack of the same name is pointed out before it is applied (#30 m5)', async () => {
    await upload(leadPack(1));
    await userEvent.click(within(await screen.findByTestId('team-pack-preview')).getByRole('button', { name: '更新到 v1' }));
    await waitFor(async () => expect((await db.phrases.get('logistics-ship-time'))?.body).toBe(LEAD_SHIP));
    await upload(leadPack(2, { author: '隔壁店组长' }));
    const preview = await screen.findByTestId('team-pack-preview');
    expect(within(preview).getByRole('alert')).toHaveTextContent('作者是“隔壁店组长”');
  });
});

const QIANNIU = [
  '快捷短语编码,快捷短语,快捷短语分组',
  'by,亲，本店满99元包邮（新疆、西藏除外），不满的话运费10元哦,售前',
  'fh,亲，现货48小时内发出，预售按页面时间发货,售前',
  'hh,亲，换货请在订单页申请，寄回后我们马上换新,售后',
  ',亲，加我微信给你返现哦,售后',
].join('\r\n');
const qianniuFile = async (text = QIANNIU) => {
  const { encodeGbk } = await import('../../scripts-library/files/gbk');
  return new File([encodeGbk(text) as BlobPart], 'qianniu.csv', { type: 'text/csv' });
};

describe('a Qianniu file against the default library (#29 items 2 and 20)', { timeout: 30_000 }, () => {
  it('names each code clash with a choice; by default nothing here is overwritten', async () => {
    await upload(await qianniuFile());
    const preview = await screen.findByTestId('import-preview', {}, { timeout: 5000 });
    expect(preview).toHaveTextContent('3 条快捷编码与已有短语相同');
    expect(preview).toHaveTextContent('快捷编码“hh”已被“换货流程”使用');
    const hh = within(preview).getByRole('combobox', { name: /hh/ });
    expect(hh).toHaveDisplayValue(/换新编码/);
    await userEvent.selectOptions(hh, '用文件的内容替换“换货流程”');
    expect(within(preview).getByTestId('import-updated')).toHaveTextContent('换货流程');
    await userEvent.selectOptions(within(preview).getByRole('combobox', { name: /by/ }), '保留我的，跳过这一行');
    await userEvent.click(within(preview).getByRole('button', { name: '导入' }));
    await waitFor(async () => expect((await db.phrases.get('aftersales-exchange-how'))?.body).toBe('亲，换货请在订单页申请，寄回后我们马上换新'));
    expect((await db.phrases.get('logistics-ship-time'))?.body).not.toContain('现货48小时');
    expect((await db.phrases.get('pricing-free-shipping'))?.body).not.toContain('满99元');
  });

  it('says which rows carry 必改 wording, per row and in the summary, before they are imported', async () => {
    await upload(await qianniuFile());
    const preview = await screen.findByTestId('import-preview', {}, { timeout: 5000 });
    expect(preview).toHaveTextContent('1 条含必改用语');
    const flagged = within(preview).getByTestId('import-flagged');
    expect(flagged).toHaveTextContent('第 5 行');
    expect(flagged).toHaveTextContent('⛔');
    expect(flagged).toHaveTextContent('微信');
  });

  it('remembers how the file’s groups were mapped for the next import of the same file', async () => {
    const text = '快捷短语编码,快捷短语,快捷短语分组\r\n,亲，这款面料是纯棉的,售前\r\n,亲，收到货有问题随时找我,售中';
    await upload(await qianniuFile(text));
    let preview = await screen.findByTestId('import-preview', {}, { timeout: 5000 });
    await userEvent.selectOptions(within(preview).getByRole('combobox', { name: '售前' }), '商品导购');
    await userEvent.click(within(preview).getByRole('button', { name: '导入' }));
    await waitFor(async () => expect(await db.phrases.filter((p) => p.body === '亲，这款面料是纯棉的').first()).toMatchObject({ stageId: 'product' }));
    await upload(await qianniuFile(`${text}\r\n,亲，这款还有蓝色,售前`));
    preview = await screen.findByTestId('import-preview', {}, { timeout: 5000 });
    expect(within(preview).getByRole('combobox', { name: '售前' })).toHaveDisplayValue('商品导购');
  });
});
