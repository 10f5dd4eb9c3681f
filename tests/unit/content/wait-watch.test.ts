// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { WaitWatch, type WaitDeps } from '../../../entrypoints/chat-script/wait-watch';
import { ADAPTERS } from '../../../entrypoints/chat-script/adapters';
import { agentEventsAndClosedRoots, shadowOf } from '../../helpers/page-side';

const demo = ADAPTERS.find((a) => a.id === 'demo')!;

/** A minimal demo console: one open conversation whose messages the test appends. */
function page() {
  document.body.textContent = '';
  const root = document.createElement('div');
  root.dataset.kefuDemo = '';
  const row = document.createElement('li');
  Object.assign(row.dataset, { role: 'conversation', buyerId: 'b1', buyerName: '小美' });
  row.setAttribute('aria-selected', 'true');
  const list = document.createElement('ol');
  const box = document.createElement('textarea');
  box.dataset.role = 'reply-box';
  root.append(row, list, box);
  document.body.append(root);
  const say = (from: 'buyer' | 'agent', text: string) => {
    const li = document.createElement('li');
    Object.assign(li.dataset, { role: 'message', from });
    li.textContent = text;
    list.append(li);
  };
  return { box, say };
}

let visibility: DocumentVisibilityState = 'visible';
beforeEach(() => {
  agentEventsAndClosedRoots();
  vi.useFakeTimers();
  visibility = 'visible';
  vi.spyOn(document, 'visibilityState', 'get').mockImplementation(() => visibility);
});
afterEach(() => {
  vi.useRealTimers();
  // A test that failed half-way leaves its timer drawn: the next test must not read it.
  document.querySelectorAll('kefu-wait').forEach((el) => el.remove());
});

function watch(box: HTMLElement, notify: boolean) {
  const calls = { record: [] as [string, number, number][], overdue: [] as [string, number][] };
  const deps: WaitDeps = {
    adapter: demo,
    replyBox: () => box,
    config: async () => ({ limitSec: 10, notify }),
    record: (...a) => void calls.record.push(a),
    overdue: (...a) => void calls.overdue.push(a),
    changed: () => {},
    atLeast: (minutes) => `≥ ${minutes} 分`,
    now: () => Date.now(),
  };
  return { w: new WaitWatch(document, deps), calls };
}

const pill = () => shadowOf('kefu-wait')?.querySelector<HTMLElement>('[role="timer"]') ?? null;

describe('WaitWatch', () => {
  it('runs no timer while nobody waits', () => {
    const { box, say } = page();
    say('agent', '您好');
    const { w } = watch(box, true);
    w.look();
    expect(vi.getTimerCount()).toBe(0);
    expect(pill()).toBeNull();
  });

  it('asks again when the background did not answer (a worker waking up): the agent\'s limit, not the default, turns the timer red', async () => {
    const { box, say } = page();
    say('agent', '您好');
    const { w } = watch(box, false);
    let asked = 0;
    (w as unknown as { deps: WaitDeps }).deps.config = async () => {
      asked++;
      if (asked === 1) throw new Error('Could not establish connection. Receiving end does not exist.');
      return { limitSec: 10, notify: false };
    };
    w.look();
    say('buyer', '在吗');
    w.look();
    await vi.advanceTimersByTimeAsync(12_000);
    expect(asked).toBe(2);
    expect(pill()?.dataset.level).toBe('late');
    say('agent', '在的');
    w.look();
  });

  it('shows the timer while the open buyer waits, amber and red in time, and records the reply', async () => {
    const { box, say } = page();
    say('agent', '您好');
    const { w, calls } = watch(box, false);
    w.look();
    say('buyer', '在吗');
    w.look();
    await vi.advanceTimersByTimeAsync(0); // the limit arrives from the background
    expect(pill()?.dataset.level).toBe('ok');
    await vi.advanceTimersByTimeAsync(6_000);
    expect(pill()?.dataset.level).toBe('soon');
    await vi.advanceTimersByTimeAsync(5_000);
    expect(pill()?.dataset.level).toBe('late');
    expect(pill()?.textContent).toBe('0:11');
    say('agent', '在的');
    w.look();
    expect(pill()).toBeNull();
    expect(calls.record).toHaveLength(1);
    expect(calls.record[0]![2] - calls.record[0]![1]).toBe(11_000);
    expect(vi.getTimerCount()).toBe(0); // idle again: nothing ticking
    expect(calls.overdue).toEqual([]); // notifications are off
  });

  it('with notifications on, a buyer past the limit in a background tab is reported once; a visible tab is not', async () => {
    const { box, say } = page();
    say('agent', '您好');
    const { w, calls } = watch(box, true);
    w.look();
    say('buyer', '在吗');
    w.look();
    await vi.advanceTimersByTimeAsync(0);
    visibility = 'hidden';
    w.schedule();
    await vi.advanceTimersByTimeAsync(10_100);
    expect(calls.overdue).toEqual([['小美', 10]]);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(calls.overdue).toHaveLength(1);

    const other = page();
    other.say('agent', '您好');
    const second = watch(other.box, true);
    second.w.look();
    other.say('buyer', '在吗');
    second.w.look();
    await vi.advanceTimersByTimeAsync(0);
    visibility = 'visible';
    await vi.advanceTimersByTimeAsync(12_000);
    expect(second.calls.overdue).toEqual([]); // the agent is looking at the red timer already
    w.close();
    second.w.close();
  });

  it('a buyer already waiting when the page loaded shows — (start unknown, not a green 0:00), then "≥ n 分" (#29 item 9)', async () => {
    const { box, say } = page();
    say('buyer', '在吗'); // before the chat script's first look
    const { w } = watch(box, false);
    w.look();
    await vi.advanceTimersByTimeAsync(0);
    expect(pill()?.textContent).toBe('—');
    expect(pill()?.dataset.level).toBe('unknown');
    await vi.advanceTimersByTimeAsync(65_000);
    expect(pill()?.textContent).toBe('≥ 1 分');
    expect(pill()?.dataset.level).toBe('late'); // at least 65 s against a 10 s limit
    w.close();
  });

  it('a new limit reaches the running timer at once (#29 item 9)', async () => {
    const { box, say } = page();
    say('agent', '您好');
    const { w } = watch(box, false);
    w.look();
    say('buyer', '在吗');
    w.look();
    await vi.advanceTimersByTimeAsync(4_000);
    expect(pill()?.dataset.level).toBe('ok');
    w.setConfig({ limitSec: 5, notify: false });
    expect(pill()?.dataset.level).toBe('soon');
    await vi.advanceTimersByTimeAsync(1_100);
    expect(pill()?.dataset.level).toBe('late');
    w.close();
  });
});
