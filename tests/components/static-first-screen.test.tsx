// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { SidePanel, type InsertFn } from '../../components/SidePanel';
import type { KefuDB } from '../../storage/db';
import { freshDbPerTest } from '../helpers/db';
import { ensureDefaultPacks } from '../../storage/repositories/packs';
import { setPinned } from '../../storage/repositories/phrase-writes';
import { startFirstScreen } from '../../components/shared/use-first-screen';
import { EARLY_PAINT, FIRST_SCREEN_KEY, type EarlyPaint } from '../../components/shared/first-screen-ids';
import { keepEarlyKeys, staticFirstScreen } from '../../components/shared/static-first-screen';
import { browse } from '../../scripts-library/search/search';
import type { Served } from '../../scripts-library/shared/served-tab';

// The first screen drawn by sidepanel.html's head script before React (static-first-screen.ts): React's first
// commit replaces it, so it must be the same markup (the same pixels, no flash), and a row clicked on it must
// still insert once the panel can.
const freshDb = freshDbPerTest();
let db: KefuDB;
const global = globalThis as Record<string, unknown>;
beforeEach(async () => {
  db = freshDb();
  localStorage.clear();
  await ensureDefaultPacks(db);
});
afterEach(() => {
  delete global[EARLY_PAINT];
  document.body.replaceChildren();
});

const serving: Served = { state: 'chat', tab: { tabId: 12, windowId: 1, seenAt: 1, status: { site: 'pinduoduo', hasInput: true, inputKind: 'textarea', buyer: { id: 'u1', name: '小美' } } } };

/** The first screen's rows, as the head script would have read them. */
async function firstScreen(count: number) {
  await setPinned(db, 'stock-yes', true);
  const ids = browse(await db.phrases.toArray(), { limit: count }).map((h) => h.phrase.id);
  localStorage.setItem(FIRST_SCREEN_KEY, JSON.stringify(ids));
  return (await startFirstScreen(db))!;
}

/**
 * A tree as tags, attributes (sorted: their order draws nothing) and text, without what the static screen adds so
 * that it does nothing before React takes over (inert, readonly; React's markup has neither).
 */
function canonical(node: Node): string {
  if (!(node instanceof Element)) return node.textContent ?? '';
  const attrs = [...node.attributes].filter((a) => a.name !== 'inert' && a.name !== 'readonly').map((a) => `${a.name}=${JSON.stringify(a.value)}`).sort();
  return `<${node.tagName.toLowerCase()} ${attrs.join(' ')}>${[...node.childNodes].map(canonical).join('')}</>`;
}

describe('the static first screen', () => {
  it('is the markup of React\'s first render with the same rows: pinned, codes, slots, Alt+n keys, the active row', async () => {
    const rows = await firstScreen(12);
    expect(rows.some((r) => r.pinned) && rows.some((r) => r.code) && rows.some((r) => /\{[^}]+\}/.test(r.body))).toBe(true);
    const drawn = staticFirstScreen(rows, () => {});
    const view = render(<SidePanel db={db} served={undefined} insert={vi.fn<InsertFn>()} />);
    const first = view.container.firstElementChild!; // React's first commit, before settings or the served tab are known
    expect(first.querySelectorAll('[data-phrase-id]')).toHaveLength(12);
    expect(canonical(drawn)).toBe(canonical(first));
    view.unmount();
  });

  it('sets phrase text as text, never as HTML', () => {
    const title = '<img src=x onerror="alert(1)">';
    const drawn = staticFirstScreen([{ id: 'x', title, body: '<b>粗</b>{运单号}' }], () => {});
    expect(drawn.querySelector('img, b')).toBeNull();
    expect(drawn.querySelector('.phrase__title')!.textContent).toBe(title);
    expect(drawn.querySelector('.phrase__body')!.textContent).toBe('<b>粗</b>{运单号}');
  });

  it('is not interactive before React except its rows: header and search are inert, the box read-only', () => {
    const drawn = staticFirstScreen([{ id: 'x', title: '标题', body: '正文' }], () => {});
    expect(drawn.querySelector('header')!.hasAttribute('inert')).toBe(true);
    expect(drawn.querySelector('.finder')!.hasAttribute('inert')).toBe(true);
    expect(drawn.querySelector<HTMLInputElement>('input.search')!.readOnly).toBe(true);
  });

  it('a row clicked before React took over is inserted once the panel can insert (no lost click)', async () => {
    const rows = await firstScreen(6);
    const state: EarlyPaint = {};
    global[EARLY_PAINT] = state;
    const drawn = staticFirstScreen(rows, (id) => void (state.clicked = id));
    document.body.append(drawn);
    await userEvent.dblClick(screen.getByText('有货')); // a double click's second click is not another insert
    expect(state.clicked).toBe('stock-yes');
    drawn.remove(); // React's commit replaces the static screen
    const insert = vi.fn<InsertFn>().mockResolvedValue({ kind: 'inserted' });
    render(<SidePanel db={db} served={serving} insert={insert} />);
    await waitFor(() => expect(insert).toHaveBeenCalledWith(12, '让您久等了，您问的这款有货的，现在拍下付款就可以为您安排发货哦。', undefined));
    expect(insert).toHaveBeenCalledTimes(1);
    expect(state.clicked).toBeUndefined();
    await waitFor(() => expect(screen.getByTestId('notice').textContent).toContain('有货'));
  });

  it('a row clicked while the served tab is still unknown waits for it, then inserts there', async () => {
    const rows = await firstScreen(6);
    global[EARLY_PAINT] = { clicked: rows.find((r) => r.id === 'stock-yes')!.id } satisfies EarlyPaint;
    const insert = vi.fn<InsertFn>().mockResolvedValue({ kind: 'inserted' });
    const view = render(<SidePanel db={db} served={undefined} insert={insert} />);
    await new Promise((r) => setTimeout(r, 300));
    expect(insert).not.toHaveBeenCalled();
    view.rerender(<SidePanel db={db} served={serving} insert={insert} />);
    await waitFor(() => expect(insert).toHaveBeenCalledWith(12, '让您久等了，您问的这款有货的，现在拍下付款就可以为您安排发货哦。', undefined));
  });
});

describe('keys pressed on the static first screen (before React takes over)', () => {
  const key = (init: KeyboardEventInit) => window.dispatchEvent(new KeyboardEvent('keydown', { bubbles: true, cancelable: true, ...init }));

  it('letters typed are kept and become the search once React takes over (Backspace takes one back)', async () => {
    const rows = await firstScreen(6);
    const state: EarlyPaint = {};
    global[EARLY_PAINT] = state;
    const stop = keepEarlyKeys(window, rows, state);
    for (const k of ['y', 'x', 'Backspace', 'h']) key({ key: k });
    expect(state.typed).toBe('yh');
    const view = render(<SidePanel db={db} served={undefined} insert={vi.fn<InsertFn>()} />);
    await waitFor(() => expect(screen.getByRole<HTMLInputElement>('searchbox').value).toBe('yh'));
    // The served chat comes after: what was typed before any buyer was served is for this one, not cleared.
    view.rerender(<SidePanel db={db} served={serving} insert={vi.fn<InsertFn>()} />);
    await new Promise((r) => setTimeout(r, 100));
    expect(screen.getByRole<HTMLInputElement>('searchbox').value).toBe('yh');
    await waitFor(() => expect(document.querySelector('[data-phrase-id]')?.getAttribute('data-phrase-id')).toBe('stock-yes'));
    expect(state.typed).toBeUndefined();
    key({ key: 'z' }); // React has the keys now: nothing more is kept
    expect(state.typed).toBeUndefined();
    // Another buyer starts from a clean search, as before.
    view.rerender(<SidePanel db={db} served={{ ...serving, tab: { ...serving.tab, status: { ...serving.tab.status, buyer: { id: 'u2', name: '小王' } } } } as Served} insert={vi.fn<InsertFn>()} />);
    await waitFor(() => expect(screen.getByRole<HTMLInputElement>('searchbox').value).toBe(''));
    stop();
  });

  it('Alt+n takes the row the agent saw as n (by its id, not React\'s order), inserted once the panel can', async () => {
    const rows = await firstScreen(6);
    const state: EarlyPaint = {};
    global[EARLY_PAINT] = state;
    const stop = keepEarlyKeys(window, rows, state);
    key({ key: '3', altKey: true });
    expect(state.clicked).toBe(rows[2]!.id);
    key({ key: '8', altKey: true }); // no eighth row on this screen: nothing
    expect(state.clicked).toBe(rows[2]!.id);
    stop();
  });

  it('Enter takes the row shown active (the first); keys while an input method composes, or with Ctrl, are left alone', async () => {
    const rows = await firstScreen(6);
    const state: EarlyPaint = {};
    const stop = keepEarlyKeys(window, rows, state);
    key({ key: 'a', ctrlKey: true });
    key({ key: 'a', isComposing: true });
    expect(state).toEqual({});
    key({ key: 'Enter' });
    expect(state.clicked).toBe(rows[0]!.id);
    stop();
  });
});

describe('a React row clicked before the settings are read', () => {
  it('is kept and inserted once they are (not dropped)', async () => {
    await firstScreen(6);
    const insert = vi.fn<InsertFn>().mockResolvedValue({ kind: 'inserted' });
    render(<SidePanel db={db} served={serving} insert={insert} />);
    // React's first commit has the first screen's rows; the settings' read has not answered yet.
    const row = document.querySelector<HTMLButtonElement>('[data-phrase-id="stock-yes"]')!;
    expect(row).not.toBeNull();
    row.click();
    await waitFor(() => expect(insert).toHaveBeenCalledWith(12, '让您久等了，您问的这款有货的，现在拍下付款就可以为您安排发货哦。', undefined));
    expect(insert).toHaveBeenCalledTimes(1);
  });
});

describe('what a second review found in the early keys and clicks', () => {
  const key = (init: KeyboardEventInit) => window.dispatchEvent(new KeyboardEvent('keydown', { bubbles: true, cancelable: true, ...init }));

  it('Enter or Alt+n after letters typed takes no static row (the agent meant the search\'s result, not the row under it); the letters show in the static box', async () => {
    const rows = await firstScreen(6);
    const state: EarlyPaint = {};
    document.body.append(staticFirstScreen(rows, () => {}));
    const stop = keepEarlyKeys(window, rows, state);
    for (const k of ['t', 'k', 'Enter']) key({ key: k });
    key({ key: '2', altKey: true });
    expect(state).toEqual({ typed: 'tk' });
    expect(document.querySelector<HTMLInputElement>('input.search')!.value).toBe('tk');
    stop();
  });

  it('Enter after ↑/↓ or PageDown takes no static row (the static screen does not move its active row)', async () => {
    const rows = await firstScreen(6);
    const state: EarlyPaint = {};
    const stop = keepEarlyKeys(window, rows, state);
    for (const k of ['ArrowDown', 'ArrowDown', 'Enter']) key({ key: k });
    expect(state.clicked).toBeUndefined();
    stop();
  });

  it('a static click, then the same row clicked in React before the settings are read, is inserted once', async () => {
    await firstScreen(6);
    global[EARLY_PAINT] = { painted: true, clicked: 'stock-yes' } satisfies EarlyPaint;
    const insert = vi.fn<InsertFn>().mockResolvedValue({ kind: 'inserted' });
    render(<SidePanel db={db} served={serving} insert={insert} />);
    document.querySelector<HTMLButtonElement>('[data-phrase-id="stock-yes"]')!.click();
    await waitFor(() => expect(insert).toHaveBeenCalled());
    await new Promise((r) => setTimeout(r, 500));
    expect(insert).toHaveBeenCalledTimes(1);
  });
});

describe('a row waiting for the settings when the buyer changes', () => {
  it('is not inserted into the new buyer\'s chat, and the agent is told so (not dropped without a word)', async () => {
    await firstScreen(6);
    const insert = vi.fn<InsertFn>().mockResolvedValue({ kind: 'inserted' });
    const view = render(<SidePanel db={db} served={serving} insert={insert} />);
    document.querySelector<HTMLButtonElement>('[data-phrase-id="stock-yes"]')!.click();
    const other = { ...serving, tab: { ...serving.tab, status: { ...serving.tab.status, buyer: { id: 'u2', name: '小王' } } } } as Served;
    view.rerender(<SidePanel db={db} served={other} insert={insert} />);
    await waitFor(() => expect(screen.getByTestId('notice').textContent).toBe('未插入「有货」：点击后换了买家，请重新选择'));
    expect(insert).not.toHaveBeenCalled();
  });
});
