// @vitest-environment happy-dom
/**
 * #32 item 4 in the panel: synonyms (the default table and the shop's own from ⚙) and a pasted buyer question
 * that falls back to the replies suggested for it, marked 建议.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { SidePanel, type InsertFn } from '../../components/SidePanel';
import { KefuDB } from '../../storage/db';
import { freshDbPerTest } from '../helpers/db';
import { saveSettings } from '../../storage/repositories/settings';
import type { Served } from '../../scripts-library/shared/served-tab';

const freshDb = freshDbPerTest();
let db: KefuDB;
beforeEach(async () => {
  db = freshDb();
});

const serving: Served = { state: 'chat', tab: { tabId: 12, windowId: 1, seenAt: 1, status: { site: 'pinduoduo', hasInput: true, inputKind: 'textarea', buyer: { id: 'u1', name: '小美' } } } };

async function renderPanel() {
  const insert = vi.fn<InsertFn>().mockResolvedValue({ kind: 'inserted' });
  render(<SidePanel db={db} served={serving} insert={insert} />);
  await screen.findByText('主动招呼');
  return insert;
}
const rows = () => within(screen.getByRole('listbox')).getAllByRole('button');
const rowIds = () => rows().map((b) => b.dataset.phraseId);

describe('search with synonyms', () => {
  it('水洗 finds 洗涤保养 and 顺丰 finds 默认快递 through the default table', async () => {
    await renderPanel();
    await userEvent.type(screen.getByRole('searchbox', { name: '搜索短语' }), '水洗');
    await waitFor(() => expect(rowIds()[0]).toBe('product-care'));
    await userEvent.clear(screen.getByRole('searchbox'));
    await userEvent.type(screen.getByRole('searchbox'), '顺丰');
    await waitFor(() => expect(rowIds()[0]).toBe('logistics-courier'));
  });

  it('the shop\'s own table from ⚙ is what the search uses', async () => {
    await saveSettings(db, { synonyms: [{ words: ['小样'], means: ['赠品'] }] });
    await renderPanel();
    await userEvent.type(screen.getByRole('searchbox', { name: '搜索短语' }), '小样');
    await waitFor(() => expect(rowIds()[0]).toBe('product-gift'));
  });
});

describe('a pasted buyer question', () => {
  it('lists the replies suggested for it first, marked 建议, and Enter inserts the first', async () => {
    const insert = await renderPanel();
    await userEvent.type(screen.getByRole('searchbox', { name: '搜索短语' }), '今天下单什么时候能到呀');
    await waitFor(() => expect(within(rows()[0]!).getByText('建议')).toBeInTheDocument());
    const first = rowIds()[0]!;
    await userEvent.keyboard('{Enter}');
    await waitFor(() => expect(insert).toHaveBeenCalled());
    // The first row's phrase went in (its placeholders filled from ⚙: compared up to the first of them).
    expect(insert.mock.calls.at(-1)![1]).toContain((await db.phrases.get(first))!.body.split('{')[0]);
  });
});
