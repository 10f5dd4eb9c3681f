import { describe, expect, it } from 'vitest';
import { ChatTabRegistry, type KeyValueArea } from '../../../storage/chat-tabs';
import type { ChatStatus } from '../../../scripts-library/shared/protocol';

function memoryArea(): KeyValueArea & { data: Record<string, unknown> } {
  const data: Record<string, unknown> = {};
  return {
    data,
    async get(key) {
      await Promise.resolve(); // real storage is async: let writes interleave as they would
      return key in data ? { [key]: structuredClone(data[key]) } : {};
    },
    async set(items) {
      await Promise.resolve();
      Object.assign(data, structuredClone(items));
    },
  };
}

const status = (buyer?: string): ChatStatus => ({
  site: 'demo',
  hasInput: true,
  inputKind: 'textarea',
  buyer: buyer ? { name: buyer } : null,
});

describe('ChatTabRegistry', () => {
  it('keeps every tab when many report at once (writes are serialised)', async () => {
    const reg = new ChatTabRegistry(memoryArea());
    await Promise.all(Array.from({ length: 30 }, (_, i) => reg.report(i + 1, 1, status(`买家${i}`), 100 + i)));
    expect((await reg.list()).map((t) => t.tabId).sort((a, b) => a - b)).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
  });

  it('says whether a report changed what the panel shows', async () => {
    const reg = new ChatTabRegistry(memoryArea());
    expect(await reg.report(1, 1, status('小美'))).toBe(true);
    expect(await reg.report(1, 1, status('小美'))).toBe(false);
    expect(await reg.report(1, 1, status('阿强'))).toBe(true);
  });

  it('forgets closed tabs and bumps activated ones', async () => {
    const reg = new ChatTabRegistry(memoryArea());
    await reg.report(1, 1, status(), 100);
    await reg.report(2, 1, status(), 200);
    expect(await reg.activate(1, 300)).toBe(true);
    expect(await reg.activate(99, 300)).toBe(false);
    expect((await reg.list()).find((t) => t.tabId === 1)?.seenAt).toBe(300);
    expect(await reg.forget(2)).toBe(true);
    expect((await reg.list()).map((t) => t.tabId)).toEqual([1]);
  });

  it('treats a corrupted stored list as empty instead of crashing', async () => {
    const area = memoryArea();
    area.data.chatTabs = [{ tabId: 'x' }];
    expect(await new ChatTabRegistry(area).list()).toEqual([]);
  });
});
