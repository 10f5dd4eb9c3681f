import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { KefuDB } from '../../../storage/db';
import { freshDbPerTest } from '../../helpers/db';
import { ensureDefaultPacks } from '../../../storage/repositories/packs';
import { activeReminders, completeStep, fireReminder, markPaid, startChase } from '../../../storage/repositories/reminders';
import { createReminderService } from '../../../entrypoints/background/reminders';
import { CHASE_FOCUS_KEY, DEFAULT_CHASE_LADDER } from '../../../scripts-library/reminders';

const freshDb = freshDbPerTest('rem');
let db: KefuDB;
beforeEach(async () => {
  db = freshDb();
  await ensureDefaultPacks(db);
});

const NOW = Date.UTC(2026, 10, 23, 2, 0);
const BUYER = { site: 'demo', buyerId: 'b1', buyerName: '小美', tabId: 5 };

const service = (openPanel = vi.fn(async () => {})) =>
  createReminderService(db, {
    alarms: fakeBrowser.alarms,
    notifications: fakeBrowser.notifications,
    tabs: fakeBrowser.tabs,
    windows: fakeBrowser.windows,
    i18n: fakeBrowser.i18n,
    session: fakeBrowser.storage.session,
    openPanel,
  } as unknown as Parameters<typeof createReminderService>[1]);

describe('reminder repository', () => {
  it('starts one ladder per buyer: a second start adds nothing', async () => {
    const first = await startChase(db, BUYER, DEFAULT_CHASE_LADDER, NOW);
    const again = await startChase(db, BUYER, DEFAULT_CHASE_LADDER, NOW + 5000);
    expect(again.map((r) => r.id)).toEqual(first.map((r) => r.id));
    expect(await db.reminders.count()).toBe(4);
  });

  it('已付款 cancels every remaining step of that buyer only; a step fired after that shows nothing', async () => {
    const mine = await startChase(db, BUYER, DEFAULT_CHASE_LADDER, NOW);
    await startChase(db, { site: 'demo', buyerId: 'b2' }, DEFAULT_CHASE_LADDER, NOW);
    await fireReminder(db, mine[0]!.id);
    expect(await markPaid(db, 'demo', 'b1')).toBe(4);
    expect((await activeReminders(db)).every((r) => r.buyerId === 'b2')).toBe(true);
    expect(await fireReminder(db, mine[1]!.id)).toBeNull();
  });

  it('a chased step is done and no longer active', async () => {
    const [first] = await startChase(db, BUYER, [15], NOW);
    await completeStep(db, first!.id);
    expect(await activeReminders(db)).toEqual([]);
    expect((await db.reminders.get(first!.id))?.status).toBe('done');
  });
});

describe('background reminder service', () => {
  it('rebuilds alarms from the database at start-up (a browser restart): future steps get alarms, past ones stay overdue', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(NOW);
    try {
      const steps = await startChase(db, BUYER, DEFAULT_CHASE_LADDER, NOW - 30 * 60_000); // started 30 min ago
      await fakeBrowser.alarms.create('chase:gone', { when: NOW + 1000 }); // a stale alarm of a deleted step
      await fakeBrowser.alarms.create('not-ours', { when: NOW + 1000 });
      await service().sync();
      const names = (await fakeBrowser.alarms.getAll()).map((a) => a.name).sort();
      expect(names).toEqual(['not-ours', ...steps.slice(1).map((s) => `chase:${s.id}`)].sort());
      const alarm = await fakeBrowser.alarms.get(`chase:${steps[1]!.id}`);
      expect(alarm?.scheduledTime).toBe(steps[1]!.dueAt);
      expect((await db.reminders.get(steps[0]!.id))?.status).toBe('pending'); // the missed 15-minute step: overdue
    } finally {
      vi.useRealTimers();
    }
  });

  it('an alarm marks its step fired and shows a notification naming the buyer and the phrase', async () => {
    const [first] = await startChase(db, BUYER, DEFAULT_CHASE_LADDER, NOW);
    expect(await service().onAlarm(`chase:${first!.id}`)).toBe(true);
    expect((await db.reminders.get(first!.id))?.status).toBe('fired');
    const shown = (await fakeBrowser.notifications.getAll()) as Record<string, { title: string; message: string }>;
    expect(shown[first!.id]).toMatchObject({ title: '催付提醒 · 小美', message: '拍下 15 分钟仍未付款，点这里用“拍下未付（15分钟）”催付' });
  });

  it('an alarm of a paid buyer, or not ours, shows nothing', async () => {
    const [first] = await startChase(db, BUYER, DEFAULT_CHASE_LADDER, NOW);
    await markPaid(db, 'demo', 'b1');
    expect(await service().onAlarm(`chase:${first!.id}`)).toBe(false);
    expect(await service().onAlarm('something-else')).toBe(false);
    expect(Object.keys(await fakeBrowser.notifications.getAll())).toEqual([]);
  });

  it('a click on the notification brings the chat tab forward and leaves the step for the panel', async () => {
    const tab = await fakeBrowser.tabs.create({ url: 'http://127.0.0.1/index.html' });
    const [first] = await startChase(db, { ...BUYER, tabId: tab.id }, DEFAULT_CHASE_LADDER, NOW);
    const openPanel = vi.fn(async () => {});
    const svc = service(openPanel);
    await svc.onAlarm(`chase:${first!.id}`);
    const update = vi.spyOn(fakeBrowser.tabs, 'update');
    await svc.onNotificationClicked(first!.id);
    expect(update).toHaveBeenCalledWith(tab.id, { active: true });
    expect(openPanel).toHaveBeenCalledWith(tab.id, tab.windowId);
    expect(await fakeBrowser.storage.session.get(CHASE_FOCUS_KEY)).toEqual({ [CHASE_FOCUS_KEY]: first!.id });
    expect(Object.keys(await fakeBrowser.notifications.getAll())).toEqual([]);
  });
});
