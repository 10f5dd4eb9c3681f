// @vitest-environment happy-dom
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { SidePanel, type InsertFn } from '../../components/SidePanel';
import type { KefuDB } from '../../storage/db';
import { freshDbPerTest } from '../helpers/db';
import { ensureDefaultPacks } from '../../storage/repositories/packs';
import { setPinned } from '../../storage/repositories/phrase-writes';
import { FIRST_SCREEN } from '../../components/shared/use-first-screen';
import type { Served } from '../../scripts-library/shared/served-tab';

// The panel's first screen while a large library loads (use-first-screen.ts): the ids of the list's first rows
// are kept in localStorage, read by key on open and listed until the whole library is there.
const freshDb = freshDbPerTest();
let db: KefuDB;
beforeEach(async () => {
  db = freshDb();
  localStorage.clear();
  await ensureDefaultPacks(db);
});

const serving: Served = { state: 'chat', tab: { tabId: 12, windowId: 1, seenAt: 1, status: { site: 'pinduoduo', hasInput: true, inputKind: 'textarea', buyer: { id: 'u1', name: '小美' } } } };
const rowIds = () => within(screen.getByRole('listbox')).getAllByRole('button').map((b) => b.dataset.phraseId);

describe('the first screen', () => {
  it('keeps the ids of the list\'s first rows, in browsing order (pinned first), and no text', async () => {
    await setPinned(db, 'logistics-transit', true);
    const view = render(<SidePanel db={db} served={serving} insert={vi.fn<InsertFn>()} />);
    await screen.findByText('主动招呼');
    await waitFor(() => expect(localStorage.getItem('kefu.firstScreen')).not.toBeNull());
    const ids = JSON.parse(localStorage.getItem('kefu.firstScreen')!) as string[];
    expect(ids).toHaveLength(FIRST_SCREEN);
    expect(ids).toEqual(rowIds().slice(0, FIRST_SCREEN));
    expect(ids[0]).toBe('logistics-transit');
    expect(localStorage.getItem('kefu.firstScreen')).not.toMatch(/[\u4e00-\u9fff]/);
    view.unmount();
  });

  it('is listed and insertable while the library loads; a search waits for the whole library', async () => {
    await setPinned(db, 'stock-yes', true);
    localStorage.setItem('kefu.firstScreen', JSON.stringify(['stock-yes', 'greeting-hello', 'gone-since']));
    // The whole library's read is held back until released.
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const toArray = db.phrases.toArray.bind(db.phrases);
    vi.spyOn(db.phrases, 'toArray').mockImplementation((async () => {
      await held;
      return toArray();
    }) as never);
    const insert = vi.fn<InsertFn>().mockResolvedValue({ kind: 'inserted' });
    render(<SidePanel db={db} served={serving} insert={insert} />);
    await waitFor(() => expect(rowIds()).toEqual(['stock-yes', 'greeting-hello'])); // a phrase deleted since is skipped
    await userEvent.click(screen.getByText('有货'));
    await waitFor(() => expect(insert).toHaveBeenCalledWith(12, '让您久等了，您问的这款有货的，现在拍下付款就可以为您安排发货哦。', undefined));
    await userEvent.type(screen.getByRole('searchbox'), 'kd');
    expect(screen.getByText('加载中…')).toBeInTheDocument();
    release();
    await waitFor(() => expect(rowIds()[0]).toBe('logistics-transit'));
  });
});
