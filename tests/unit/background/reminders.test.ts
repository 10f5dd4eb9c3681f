import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { KefuDB } from '../../../storage/db';
import { freshDbPerTest } from '../../helpers/db';
import { ensureDefaultPacks } from '../../../storage/repositories/packs';
import { activeReminders, completeStep, fireReminder, markPaid, startChase } from '../../../storage/repositories/reminders';
import { createReminderService } from '../../../entrypoints/background/reminders';
import { CHASE_FOCUS_KEY, planLadder } from '../../../scripts-library/chase/reminders';
import { DEFAULT_CHASE_LADDER } from '../../../scripts-library/shared/chase-ladder';
import type { ChatTab } from '../../../scripts-library/shared/protocol';

const freshDb = freshDbPerTest('rem');
let db: KefuDB;
beforeEach(async () => {
  db = freshDb();
  await ensureDefaultPacks(db);
});

const NOW = Date.UTC(2026, 10, 23, 2, 0);
const BUYER = { site: 'demo', buyerId: 'b1', buyerName: '小美', tabId: 5 };

/** The background's chat-tab registry as the reminder service reads it (what the consoles reported). */
let chatTabs: ChatTab[] = [];
const chatTab = (tabId: number, site: string, buyerId?: string, seenAt = NOW): ChatTab => ({
  tabId,
  windowId: 1,
  seenAt,
  status: { site, hasInput: true, inputKind: 'textarea', buyer: buyerId ? { id: buyerId } : null },
});
beforeEach(() => {
  chatTabs = [];
});

const service = (openPanel = vi.fn(async () => {})) =>
  createReminderService(db, {
    chatTabs: async () => chatTabs,
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
  it('rebuilds its one alarm from the database at start-up (a browser restart): at the next future step; missed ones stay overdue', async () => {
    const steps = await startChase(db, BUYER, DEFAULT_CHASE_LADDER, NOW - 30 * 60_000); // started 30 min ago
    await fakeBrowser.alarms.create(`chase:${steps[1]!.id}`, { when: NOW + 1000 }); // an alarm of the old one-per-step kind
    await fakeBrowser.alarms.create('not-ours', { when: NOW + 1000 });
    await service().sync(NOW);
    const alarms = await fakeBrowser.alarms.getAll();
    expect(alarms.map((a) => a.name).sort()).toEqual(['chase:next', 'not-ours']);
    expect(alarms.find((a) => a.name === 'chase:next')?.scheduledTime).toBe(steps[1]!.dueAt);
    expect((await db.reminders.get(steps[0]!.id))?.status).toBe('pending'); // the missed 15-minute step: overdue
  });

  it('130 buyers × 4 steps need one alarm, not 520 (Chrome keeps at most 500)', async () => {
    // Seeded in one write (130 startChase calls one after another take seconds in fake-indexeddb).
    await db.reminders.bulkAdd(Array.from({ length: 130 }, (_, i) => planLadder({ site: 'demo', buyerId: `b${i}`, now: NOW + i, ladder: DEFAULT_CHASE_LADDER })).flat());
    expect(await db.reminders.count()).toBe(520);
    const create = vi.spyOn(fakeBrowser.alarms, 'create');
    await service().sync(NOW);
    expect(create).toHaveBeenCalledTimes(1);
    expect((await fakeBrowser.alarms.getAll()).filter((a) => a.name.startsWith('chase:'))).toHaveLength(1);
  });

  it('when the alarm rings, the due step is marked fired and notified, naming the buyer and the phrase; the alarm moves on', async () => {
    const steps = await startChase(db, BUYER, DEFAULT_CHASE_LADDER, NOW);
    const at = steps[0]!.dueAt;
    expect(await service().onAlarm('chase:next', at + 500)).toBe(1);
    expect((await db.reminders.get(steps[0]!.id))?.status).toBe('fired');
    const shown = (await fakeBrowser.notifications.getAll()) as Record<string, { title: string; message: string }>;
    expect(shown[steps[0]!.id]).toMatchObject({ title: '催付提醒 · 小美', message: '拍下 15 分钟仍未付款，点这里用“拍下未付（15分钟）”催付' });
    expect((await fakeBrowser.alarms.get('chase:next'))?.scheduledTime).toBe(steps[1]!.dueAt);
  });

  it('an alarm Chrome delivers days late at start-up notifies nothing: the missed steps show as 已逾期', async () => {
    const steps = await startChase(db, BUYER, DEFAULT_CHASE_LADDER, NOW);
    expect(await service().onAlarm('chase:next', steps[0]!.dueAt + 2 * 86_400_000)).toBe(0);
    expect(Object.keys(await fakeBrowser.notifications.getAll())).toEqual([]);
    expect((await activeReminders(db)).every((r) => r.status === 'pending')).toBe(true);
  });

  it('an alarm of a paid buyer, or not ours, shows nothing', async () => {
    const [first] = await startChase(db, BUYER, DEFAULT_CHASE_LADDER, NOW);
    await markPaid(db, 'demo', 'b1');
    expect(await service().onAlarm('chase:next', first!.dueAt)).toBe(0);
    expect(await service().onAlarm('something-else', first!.dueAt)).toBe(0);
    expect(Object.keys(await fakeBrowser.notifications.getAll())).toEqual([]);
  });

  it('a click on the notification brings the chat tab forward and leaves the step for the panel', async () => {
    const tab = await fakeBrowser.tabs.create({ url: 'http://127.0.0.1/index.html' });
    const [first] = await startChase(db, { ...BUYER, tabId: tab.id }, DEFAULT_CHASE_LADDER, NOW);
    chatTabs = [chatTab(tab.id!, 'demo', 'b1')];
    const openPanel = vi.fn(async () => {});
    const svc = service(openPanel);
    await svc.onAlarm('chase:next', first!.dueAt);
    const update = vi.spyOn(fakeBrowser.tabs, 'update');
    await svc.onNotificationClicked(first!.id);
    expect(update).toHaveBeenCalledWith(tab.id, { active: true });
    expect(openPanel).toHaveBeenCalledWith(tab.id, tab.windowId);
    expect(await fakeBrowser.storage.session.get(CHASE_FOCUS_KEY)).toEqual({ [CHASE_FOCUS_KEY]: first!.id });
    expect(Object.keys(await fakeBrowser.notifications.getAll())).toEqual([]);
  });

  it('after a restart the stored tab id is another page: the click does not bring it forward (#30 N11)', async () => {
    // The tab id the ladder was started from now belongs to an unrelated page (no chat script reported it), or to
    // a console of another site.
    const stranger = await fakeBrowser.tabs.create({ url: 'https://example.com/' });
    const [first] = await startChase(db, { ...BUYER, tabId: stranger.id }, DEFAULT_CHASE_LADDER, NOW);
    for (const registered of [[], [chatTab(stranger.id!, 'pdd', 'b1')]]) {
      chatTabs = registered;
      await fakeBrowser.storage.session.clear();
      const update = vi.spyOn(fakeBrowser.tabs, 'update');
      const openPanel = vi.fn(async () => {});
      await service(openPanel).onNotificationClicked(first!.id);
      expect(update).not.toHaveBeenCalled();
      expect(openPanel).not.toHaveBeenCalled();
      // The step waits in the panel's chase view for when the agent opens it.
      expect(await fakeBrowser.storage.session.get(CHASE_FOCUS_KEY)).toEqual({ [CHASE_FOCUS_KEY]: first!.id });
      update.mockRestore();
    }
  });

  it('the stored tab gone, the console of that site now open for that buyer is brought forward instead', async () => {
    const [first] = await startChase(db, { ...BUYER, tabId: 5 }, DEFAULT_CHASE_LADDER, NOW);
    const other = await fakeBrowser.tabs.create({ url: 'http://127.0.0.1/index.html?other' });
    const console_ = await fakeBrowser.tabs.create({ url: 'http://127.0.0.1/index.html' });
    chatTabs = [chatTab(other.id!, 'demo', 'b9', NOW + 5), chatTab(console_.id!, 'demo', 'b1', NOW)];
    const update = vi.spyOn(fakeBrowser.tabs, 'update');
    const openPanel = vi.fn(async () => {});
    await service(openPanel).onNotificationClicked(first!.id);
    expect(update).toHaveBeenCalledWith(console_.id, { active: true });
    expect(openPanel).toHaveBeenCalledWith(console_.id, console_.windowId);
  });
});

describe('ladders of several kinds', () => {
  it('run side by side for one buyer; 已完成 of one kind cancels only that ladder', async () => {
    await startChase(db, BUYER, DEFAULT_CHASE_LADDER, NOW);
    const review = await startChase(db, BUYER, DEFAULT_CHASE_LADDER, NOW, { kind: 'bad-review' });
    expect(review.map((s) => s.phraseId)).toEqual(['aftersales-bad-review', 'followup-bad-review-day2']);
    // A second click on the same kind adds nothing.
    expect((await startChase(db, BUYER, DEFAULT_CHASE_LADDER, NOW + 1000, { kind: 'bad-review' })).map((s) => s.id)).toEqual(review.map((s) => s.id));
    expect(await markPaid(db, BUYER.site, BUYER.buyerId, 'bad-review')).toBe(2);
    expect((await activeReminders(db)).map((r) => r.kind)).toEqual(['payment', 'payment', 'payment', 'payment']);
  });
});
