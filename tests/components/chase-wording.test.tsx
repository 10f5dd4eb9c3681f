// @vitest-environment happy-dom
// Follow-up ladders in the panel: what the form accepts (#30 N7) and how the chase list reads (#29 item 12).
import { beforeEach, expect, it, vi } from 'vitest';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { SidePanel, type InsertFn } from '../../components/SidePanel';
import type { KefuDB } from '../../storage/db';
import { freshDbPerTest } from '../helpers/db';
import type { Served } from '../../scripts-library/served-tab';

const freshDb = freshDbPerTest('chase-wording');
let db: KefuDB;
beforeEach(() => {
  db = freshDb();
  vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockResolvedValue(undefined);
});

const served: Served = {
  state: 'chat',
  tab: { tabId: 12, windowId: 1, seenAt: 1, status: { site: 'pinduoduo', hasInput: true, inputKind: 'textarea', buyer: { id: 'u1', name: '小美' } } },
};

async function renderPanel() {
  render(<SidePanel db={db} served={served} insert={vi.fn<InsertFn>().mockResolvedValue({ kind: 'inserted' })} />);
  await screen.findByText('主动招呼');
}

it('refuses a follow-up counted from the year 0202 with a reason, and stores nothing', async () => {
  await renderPanel();
  await userEvent.type(screen.getByLabelText('从何时算起（可选：下单/发货/评价时间）'), '0202-12-06T10:00');
  await userEvent.click(screen.getByRole('button', { name: '开始跟进' }));
  await waitFor(() => expect(screen.getByTestId('notice')).toHaveTextContent('时间太早：只能从一年内的时间算起'));
  expect(await db.reminders.count()).toBe(0);
});
