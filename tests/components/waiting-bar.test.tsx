// @vitest-environment happy-dom
// 等待回复 in the panel (#29 item 9): a buyer already waiting when the console loaded has no known start, so the
// bar says "—" (then "≥ n 分"), never a clock counted from the page's load.
import { expect, it } from 'vitest';
import { render, screen } from '@testing-library/react';
import { WaitingBar } from '../../components/served/WaitingBar';
import type { ChatTab } from '../../scripts-library/shared/protocol';

const tab = (waiting: NonNullable<ChatTab['status']['waiting']>): ChatTab => ({
  tabId: 1,
  windowId: 1,
  seenAt: 0,
  status: { site: 'demo', hasInput: true, inputKind: 'textarea', buyer: { id: 'b1', name: '小美' }, waiting },
});

it('shows — for a wait whose start is unknown, "≥ n 分" after a minute, and the clock for one seen from its start', () => {
  const now = Date.now();
  const chatTab = tab([
    { key: 'demo|b1', name: '小美', since: now - 2_000, unknownStart: true },
    { key: 'demo|阿强', name: '阿强', since: now - 125_000, unknownStart: true },
    { key: 'demo|林林', name: '林林', since: now - 7_000 },
  ]);
  // The open conversation's pill sits in the buyer bar, the other buyers in its fold: the panel renders both parts.
  render(
    <>
      <WaitingBar chatTab={chatTab} limitSec={180} part="open" />
      <WaitingBar chatTab={chatTab} limitSec={180} part="others" />
    </>,
  );
  expect(screen.getByTestId('waiting-open').textContent).toBe('小美 已等待 —');
  const list = screen.getByTestId('waiting-list').textContent ?? '';
  expect(list).toContain('阿强 ≥ 2 分');
  expect(list).toMatch(/林林 0:0[7-8]/);
  expect(screen.getByTestId('waiting').textContent).not.toContain('0:02');
});
