import { describe, expect, it } from 'vitest';
import { WaitClock, formatWait, pillSpot, waitKey, waitLevel, waitShown } from '../../../scripts-library/chase/wait-clock';

const open = (key: string, from: 'buyer' | 'agent' | null) => ({ key, name: key.split('|')[1], from });

describe('WaitClock', () => {
  it('a buyer message seen after start waits until the agent answers, and that reply is measured', () => {
    const clock = new WaitClock();
    expect(clock.look(open('demo|小美', 'agent'), null, 0)).toBeNull();
    expect(clock.look(open('demo|小美', 'buyer'), null, 1_000)).toBeNull();
    expect(clock.waiting.get('demo|小美')).toMatchObject({ since: 1_000, seen: true });
    // A second message from the same buyer does not restart the wait.
    clock.look(open('demo|小美', 'buyer'), null, 20_000);
    expect(clock.look(open('demo|小美', 'agent'), null, 43_000)).toEqual({ key: 'demo|小美', name: '小美', buyerAt: 1_000, repliedAt: 43_000 });
    expect(clock.waiting.size).toBe(0);
    // Looking again after the reply measures nothing twice.
    expect(clock.look(open('demo|小美', 'agent'), null, 50_000)).toBeNull();
  });

  it('a wait already running when the clock started is shown but not measured (its start is unknown)', () => {
    const clock = new WaitClock();
    clock.look(open('demo|小美', 'buyer'), null, 5_000);
    expect(clock.waiting.get('demo|小美')).toMatchObject({ since: 5_000, seen: false });
    expect(clock.look(open('demo|小美', 'agent'), null, 9_000)).toBeNull();
    expect(clock.waiting.size).toBe(0);
  });

  it('a wait already running when the page loaded starts at the time its row shows, and is measured', () => {
    const clock = new WaitClock();
    clock.look({ ...open('jd|jd_buyer_77', 'buyer'), since: 2_000 }, null, 65_000);
    expect(clock.waiting.get('jd|jd_buyer_77')).toMatchObject({ since: 2_000, seen: true });
    expect(clock.look(open('jd|jd_buyer_77', 'agent'), null, 70_000)).toMatchObject({ buyerAt: 2_000, repliedAt: 70_000 });
  });

  it('the conversation list adds the other unreplied buyers and drops the ones answered elsewhere', () => {
    const clock = new WaitClock();
    clock.look(open('demo|小美', 'agent'), [], 0);
    clock.look(open('demo|小美', 'agent'), [{ key: 'demo|阿强', name: '阿强' }, { key: 'demo|林林' }], 2_000);
    expect([...clock.waiting.keys()]).toEqual(['demo|阿强', 'demo|林林']);
    expect(clock.oldest()?.since).toBe(2_000);
    // 林林 was answered on another device: the list no longer marks her, and nothing is measured here.
    clock.look(open('demo|小美', 'agent'), [{ key: 'demo|阿强', name: '阿强' }], 3_000);
    expect([...clock.waiting.keys()]).toEqual(['demo|阿强']);
    // The agent opens 阿强 and answers: measured from when the list first showed him.
    expect(clock.look(open('demo|阿强', 'agent'), [], 62_000)).toMatchObject({ key: 'demo|阿强', buyerAt: 2_000, repliedAt: 62_000 });
  });

  it('without a list a buyer left unanswered keeps waiting while another conversation is open', () => {
    const clock = new WaitClock();
    clock.look(open('demo|小美', 'agent'), null, 0);
    clock.look(open('demo|小美', 'buyer'), null, 1_000);
    clock.look(open('demo|阿强', 'agent'), null, 2_000);
    expect(clock.waiting.has('demo|小美')).toBe(true);
  });

  it('does nothing on a page where nobody is open and no list is read', () => {
    const clock = new WaitClock();
    expect(clock.look(null, null, 0)).toBeNull();
    expect(clock.look(open('demo|x', null), null, 1)).toBeNull();
    expect(clock.waiting.size).toBe(0);
  });
});

describe('waitLevel and formatWait', () => {
  it('green under a minute, amber after, red at the limit (3 min by default)', () => {
    expect(waitLevel(59_000, 180_000)).toBe('ok');
    expect(waitLevel(60_000, 180_000)).toBe('soon');
    expect(waitLevel(179_999, 180_000)).toBe('soon');
    expect(waitLevel(180_000, 180_000)).toBe('late');
  });
  it('a limit shortened to seconds still shows all three colours', () => {
    expect(waitLevel(1_000, 6_000)).toBe('ok');
    expect(waitLevel(3_000, 6_000)).toBe('soon');
    expect(waitLevel(6_000, 6_000)).toBe('late');
  });
  it('formats m:ss and h:mm:ss', () => {
    expect(formatWait(7_400)).toBe('0:07');
    expect(formatWait(165_000)).toBe('2:45');
    expect(formatWait(3_723_000)).toBe('1:02:03');
    expect(formatWait(-5)).toBe('0:00');
  });
  it('keys a buyer by id when the page gives one (masked nicks collide), else by name', () => {
    expect(waitKey('pinduoduo', { id: '6120', name: 'S*******n' })).toBe('pinduoduo|6120');
    expect(waitKey('pinduoduo', { id: '7031', name: 'S*******n' })).toBe('pinduoduo|7031');
    expect(waitKey('doudian', { name: '抖音用户123' })).toBe('doudian|抖音用户123');
  });
});

describe('what a wait shows (#29 item 9)', () => {
  it('a wait seen from its start shows its clock', () => {
    expect(waitShown(7_000, true)).toEqual({ kind: 'clock', text: '0:07' });
  });

  it('a wait already running when the page loaded shows — in its first minute, then "at least n minutes"', () => {
    expect(waitShown(0, false)).toEqual({ kind: 'unknown' });
    expect(waitShown(59_999, false)).toEqual({ kind: 'unknown' });
    expect(waitShown(60_000, false)).toEqual({ kind: 'atLeast', minutes: 1 });
    expect(waitShown(185_000, false)).toEqual({ kind: 'atLeast', minutes: 3 });
  });
});

describe('where the countdown pill goes (#29 item 9)', () => {
  const size = { width: 40, height: 18 };
  const viewport = { width: 1000, height: 700 };
  // The 拼多多 fixture's reply area: 表情 图片 above the box at its left, 按Enter发送 and 发送 below it.
  const box = { left: 300, top: 560, right: 900, bottom: 640 };
  const tools = [{ left: 300, top: 538, right: 360, bottom: 556 }];
  const footer = [{ left: 300, top: 644, right: 380, bottom: 662 }, { left: 850, top: 644, right: 900, bottom: 662 }];

  it('sits above the reply box, clear of a toolbar at its left', () => {
    const at = pillSpot(box, [...tools, ...footer], size, viewport);
    const pill = { left: at.left, top: at.top, right: at.left + size.width, bottom: at.top + size.height };
    for (const r of [box, ...tools, ...footer]) expect(overlap(pill, r), JSON.stringify(r)).toBe(false);
    expect(pill.bottom).toBeLessThanOrEqual(box.top);
  });

  it('takes another clear side when a toolbar fills the whole row above', () => {
    const wide = [{ left: 300, top: 536, right: 900, bottom: 556 }];
    const at = pillSpot(box, [...wide, ...footer], size, viewport);
    const pill = { left: at.left, top: at.top, right: at.left + size.width, bottom: at.top + size.height };
    for (const r of [box, ...wide, ...footer]) expect(overlap(pill, r), JSON.stringify(r)).toBe(false);
  });

  it('stays in the window', () => {
    const at = pillSpot({ left: 0, top: 0, right: 30, bottom: 20 }, [], size, viewport);
    expect(at.left).toBeGreaterThanOrEqual(0);
    expect(at.top).toBeGreaterThanOrEqual(0);
  });
});

function overlap(a: { left: number; top: number; right: number; bottom: number }, b: typeof a): boolean {
  return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
}
