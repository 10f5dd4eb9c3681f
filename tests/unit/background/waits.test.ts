import { describe, expect, it } from 'vitest';
import { createWaitNotices } from '../../../entrypoints/background/waits';

function fakeApi() {
  const log: string[] = [];
  const api = {
    notifications: {
      create: async (id: string, o: { title: string; message: string }) => void log.push(`create ${id} ${o.title} ${o.message}`),
      clear: async (id: string) => void log.push(`clear ${id}`),
    },
    tabs: { update: async (id: number) => (log.push(`tab ${id}`), { windowId: 3 }) },
    windows: { update: async (id: number) => void log.push(`window ${id}`) },
    i18n: { getMessage: (key: string, subs?: string[]) => `${key}(${(subs ?? []).join(',')})` },
  };
  return { api: api as never, log };
}

describe('late-buyer notifications', () => {
  it('one per chat tab, naming the buyer and the wait; a click brings that tab forward', async () => {
    const { api, log } = fakeApi();
    const notices = createWaitNotices(api);
    await notices.notify(12, '小美', 200);
    expect(log).toEqual(['create wait:12 waitNotifyTitle(小美) waitNotifyMessage(3:20)']);
    expect(await notices.onClicked('wait:12')).toBe(true);
    expect(log.slice(1)).toEqual(['clear wait:12', 'tab 12', 'window 3']);
  });

  it('leaves other notifications (催付 steps) to their own handler', async () => {
    const { api, log } = fakeApi();
    expect(await createWaitNotices(api).onClicked('chase-abc-0')).toBe(false);
    expect(log).toEqual([]);
  });
});
