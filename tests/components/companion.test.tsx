// @vitest-environment happy-dom
// 千牛 companion: Taobao agents reply in the 千牛 desktop client, so the panel opens in a window of its own beside it
// and a click copies the phrase for the agent to paste there (#33 item 1).
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { SidePanel } from '../../components/SidePanel';
import { copyForCompanion } from '../../components/phrases/insert-phrase';
import { KefuDB } from '../../storage/db';
import { freshDbPerTest } from '../helpers/db';

const freshDb = freshDbPerTest();
let db: KefuDB;
beforeEach(async () => {
  db = freshDb();
});

const STOCK = '让您久等了，您问的这款有货的，现在拍下付款就可以为您安排发货哦。';

function clipboard() {
  const writes: string[] = [];
  Object.defineProperty(navigator, 'clipboard', { configurable: true, value: { writeText: async (t: string) => void writes.push(t) } });
  return writes;
}

describe('the 千牛 companion window', { timeout: 20_000 }, () => {
  it('says what it is: a click copies, paste in 千牛; it serves no chat tab', async () => {
    render(<SidePanel db={db} served={{ state: 'companion' }} insert={copyForCompanion} />);
    await screen.findByText('有货', undefined, { timeout: 5000 });
    expect(screen.getByTestId('served')).toHaveTextContent('千牛伴侣');
    expect(screen.getByTestId('served')).toHaveTextContent('Ctrl+V');
  });

  it('a click copies the phrase, says so as a success, and counts the use (the agent pastes it in 千牛)', async () => {
    const writes = clipboard();
    render(<SidePanel db={db} served={{ state: 'companion' }} insert={copyForCompanion} />);
    await userEvent.click(await screen.findByText('有货', undefined, { timeout: 5000 }));
    await waitFor(() => expect(writes).toEqual([STOCK]));
    await waitFor(() => expect(screen.getByTestId('notice')).toHaveTextContent('已复制：有货'));
    expect(screen.getByTestId('notice')).not.toHaveTextContent('未能插入');
    await waitFor(async () => expect((await db.phrases.get('stock-yes'))?.useCount).toBe(1));
  });

  it('a copy the browser refuses is said as an error, and no use is counted', async () => {
    Object.defineProperty(navigator, 'clipboard', { configurable: true, value: { writeText: async () => Promise.reject(new Error('denied')) } });
    render(<SidePanel db={db} served={{ state: 'companion' }} insert={copyForCompanion} />);
    await userEvent.click(await screen.findByText('有货', undefined, { timeout: 5000 }));
    await waitFor(() => expect(screen.getByTestId('notice')).toHaveTextContent('未能复制'));
    expect((await db.phrases.get('stock-yes'))?.useCount).toBe(0);
  });

  it('the "no chat input" state offers to open the companion window beside 千牛', async () => {
    const create = vi.spyOn(fakeBrowser.windows, 'create').mockResolvedValue({ id: 9 } as never);
    render(<SidePanel db={db} served={{ state: 'no-input' }} insert={copyForCompanion} />);
    await userEvent.click(await screen.findByRole('button', { name: /千牛/ }));
    expect(create).toHaveBeenCalledWith(expect.objectContaining({ type: 'popup', url: expect.stringContaining('sidepanel.html?companion=1') }));
  });
});
