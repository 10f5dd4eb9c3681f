// @vitest-environment happy-dom
/** #30 m7: a phrase deleted in another panel while this one edits it is not re-created without a word. */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { SidePanel, type InsertFn } from '../../components/SidePanel';
import { KefuDB } from '../../storage/db';
import { freshDbPerTest } from '../helpers/db';
import { deletePhrase, PhraseDeletedError, savePhrase } from '../../storage/repositories/phrase-writes';

const freshDb = freshDbPerTest();
let db: KefuDB;

describe('savePhrase with an edit base', () => {
  beforeEach(() => void (db = freshDb()));
  it('refuses to re-create a phrase deleted since the edit began, and writes nothing', async () => {
    const p = await savePhrase(db, { id: 'user-1', stageId: 'greeting', title: '招呼', body: '亲，在的', tags: [] }, 1000);
    await deletePhrase(db, p.id);
    await expect(savePhrase(db, { ...p, body: '亲，在的呢' }, 2000, p.updatedAt)).rejects.toBeInstanceOf(PhraseDeletedError);
    expect(await db.phrases.get(p.id)).toBeUndefined();
  });
});

describe('editing a phrase another panel deletes', { timeout: 30_000 }, () => {
  beforeEach(async () => {
    db = freshDb();
    render(<SidePanel db={db} served={{ state: 'no-input' }} insert={vi.fn<InsertFn>()} />);
    await screen.findByText('主动招呼');
  });

  it.each([
    ['不保存', false],
    ['重新创建', true],
  ])('says it was deleted and asks: %s', async (choice, recreated) => {
    await userEvent.click(screen.getByRole('button', { name: '管理' }));
    await userEvent.click(within(screen.getByText('有货').closest('li')!).getByRole('button', { name: '编辑' }));
    const form = screen.getByRole('form', { name: '编辑短语' });
    await deletePhrase(db, 'stock-yes'); // another panel
    await userEvent.clear(within(form).getByLabelText('内容'));
    await userEvent.type(within(form).getByLabelText('内容'), '有货的亲');
    await userEvent.click(within(form).getByRole('button', { name: '保存' }));
    const dialog = await screen.findByRole('alertdialog');
    expect(dialog).toHaveTextContent('“有货”已在另一个窗口被删除');
    expect(await db.phrases.get('stock-yes')).toBeUndefined();
    await userEvent.click(within(dialog).getByRole('button', { name: choice }));
    await waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull());
    expect((await db.phrases.get('stock-yes'))?.body).toBe(recreated ? '有货的亲' : undefined);
  });
});
