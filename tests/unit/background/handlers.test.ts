import { describe, expect, it, vi } from 'vitest';
import { handleBackgroundMessage } from '../../../entrypoints/background/handlers';
import { ChatTabRegistry, type KeyValueArea } from '../../../storage/chat-tabs';

function registry() {
  const data: Record<string, unknown> = {};
  const area: KeyValueArea = {
    get: async (k) => (k in data ? { [k]: data[k] } : {}),
    set: async (items) => void Object.assign(data, items),
  };
  return new ChatTabRegistry(area);
}

const OWN = 'kefu-extension-id';
const report = { type: 'chat/status', status: { site: 'demo', hasInput: true, inputKind: 'textarea', buyer: { name: '小美' } } };

describe('handleBackgroundMessage', () => {
  it('stores a status report from a tab and lists it to the panel', async () => {
    const reg = registry();
    const res = await handleBackgroundMessage(report, { id: OWN, tab: { id: 5, windowId: 2 } }, OWN, reg);
    expect(res).toEqual({ reply: { ok: true, changed: true }, changed: true });
    const list = await handleBackgroundMessage({ type: 'panel/list-chat-tabs' }, { id: OWN }, OWN, reg);
    expect(list.reply).toMatchObject([{ tabId: 5, windowId: 2, status: { buyer: { name: '小美' } } }]);
  });

  it.each([
    ['another extension', { id: 'someone-else', tab: { id: 5, windowId: 2 } }, report],
    ['a report not sent from a tab', { id: OWN }, report],
    ['a malformed report', { id: OWN, tab: { id: 5, windowId: 2 } }, { ...report, status: { site: '' } }],
    ['an unknown message', { id: OWN }, { type: 'panel/format-disk' }],
  ])('rejects %s and stores nothing', async (_label, sender, message) => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const reg = registry();
    const res = await handleBackgroundMessage(message, sender, OWN, reg);
    expect(res.reply).toMatchObject({ ok: false });
    expect(res.changed).toBe(false);
    expect(await reg.list()).toEqual([]);
    expect(warn).toHaveBeenCalled();
  });
});
