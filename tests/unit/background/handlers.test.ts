import { describe, expect, it, vi } from 'vitest';
import { handleMessages, OK, type HandlerTable, type Sender } from '../../../entrypoints/background/messages';
import { chatTabHandlers } from '../../../entrypoints/background/chat-tabs';
import { ChatTabRegistry, type KeyValueArea } from '../../../storage/chat-tabs';

function registry() {
  const data: Record<string, unknown> = {};
  const area: KeyValueArea = {
    get: async (k) => (k in data ? { [k]: data[k] } : {}),
    set: async (items) => void Object.assign(data, items),
  };
  return new ChatTabRegistry(area);
}

/** A handler table of fakes (the chat tabs' own handlers are real), recording what each was asked. */
function services(reg = registry()) {
  const used: string[] = [];
  const taught: Record<string, unknown> = {};
  const misses: string[] = [];
  const remembered: Record<string, string>[] = [];
  const injected: string[] = [];
  const table: HandlerTable = {
    ...chatTabHandlers(reg, { inject: async (tabId, frameId) => void injected.push(`${tabId}/${frameId}`) }),
    'teach/load': async (_m, ctx) => ({ taught: (taught[ctx.site()] as never) ?? null }),
    'teach/save': async (m, ctx) => ((taught[ctx.site()] = m.taught), OK),
    'selfcheck/miss': async (m, ctx) => (misses.push(`${ctx.site()} ${m.field}`), OK),
    'picker/search': async (m) => [{ id: 'p1', title: m.query, body: '您好', values: {}, suggested: {} }],
    'phrase/used': async (m) => (used.push(m.id), OK),
    'phrase/save-draft': async (m) => ({ ok: true, title: m.text.slice(0, 4) }),
    'placeholders/remember': async (m) => (remembered.push(m.values), OK),
    'guard/check': async () => [],
    'guard/prepare': async () => OK,
    'guard/allow': async () => OK,
    'guard/override': async () => OK,
    'guard/rewrite': async () => null,
    'tally/count': async () => OK,
    'reminders/changed': async () => OK,
    'sites/enable': async () => OK,
    'sites/disable': async () => OK,
    'response/record': async () => OK,
    'wait/config': async () => ({ limitSec: 180, notify: false }),
    'wait/overdue': async () => OK,
  };
  return { table, registry: reg, used, remembered, injected, taught, misses };
}

/** The receiver over a fake table, called as the browser's listener calls it. */
const handleBackgroundMessage = (raw: unknown, sender: Sender, own: string, svc: { table: HandlerTable }) => handleMessages(svc.table)(raw, sender, own);

const OWN = 'kefu-extension-id';
const report = { type: 'chat/status', status: { site: 'demo', hasInput: true, inputKind: 'textarea', buyer: { name: '小美' } } };

describe('handleBackgroundMessage', () => {
  it('stores a status report from a tab and lists it to the panel', async () => {
    const svc = services();
    const res = await handleBackgroundMessage(report, { id: OWN, tab: { id: 5, windowId: 2 } }, OWN, svc);
    expect(res).toEqual({ reply: { ok: true, changed: true }, changed: true });
    const list = await handleBackgroundMessage({ type: 'panel/list-chat-tabs' }, { id: OWN }, OWN, svc);
    expect(list.reply).toMatchObject([{ tabId: 5, windowId: 2, status: { buyer: { name: '小美' } } }]);
  });

  it.each([
    ['another extension', { id: 'someone-else', tab: { id: 5, windowId: 2 } }, report],
    ['a report not sent from a tab', { id: OWN }, report],
    ['a malformed report', { id: OWN, tab: { id: 5, windowId: 2 } }, { ...report, status: { site: '' } }],
    ['an unknown message', { id: OWN }, { type: 'panel/format-disk' }],
    ['a use count without phrase id', { id: OWN, tab: { id: 5, windowId: 2 } }, { type: 'phrase/used', id: '' }],
    ['a remembered value that is too long', { id: OWN, tab: { id: 5, windowId: 2 } }, { type: 'placeholders/remember', values: { 运单号: 'x'.repeat(201) } }],
  ])('rejects %s and stores nothing', async (_label, sender, message) => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const svc = services();
    const res = await handleBackgroundMessage(message, sender, OWN, svc);
    expect(res.reply).toMatchObject({ ok: false });
    expect(res.changed).toBe(false);
    expect(await svc.registry.list()).toEqual([]);
    expect(svc.used).toEqual([]);
    expect(warn).toHaveBeenCalled();
  });

  it.each([
    ['panel/list-chat-tabs', { type: 'panel/list-chat-tabs' }],
    ['reminders/changed', { type: 'reminders/changed' }],
    ['sites/enable', { type: 'sites/enable', pattern: 'https://evil.example/*' }],
    ['sites/disable', { type: 'sites/disable', pattern: 'https://im.kwaixiaodian.com/*' }],
  ])('a chat page may not send %s (every tab\'s buyers, the alarms, site access are the panel\'s)', async (_label, message) => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const svc = services();
    await handleBackgroundMessage(report, { id: OWN, tab: { id: 5, windowId: 2 }, url: 'https://mms.pinduoduo.com/chat-merchant/' }, OWN, svc);
    const res = await handleBackgroundMessage(message, { id: OWN, tab: { id: 6, windowId: 2 }, url: 'https://im.jinritemai.com/pc_seller_v2/' }, OWN, svc);
    expect(res.reply).toEqual({ ok: false, error: `${message.type} is not accepted from a chat page` });
    // The side panel, opened as a tab, is still an extension page.
    const fromPanel = await handleBackgroundMessage({ type: 'panel/list-chat-tabs' }, { id: OWN, tab: { id: 9, windowId: 2 }, url: `chrome-extension://${OWN}/sidepanel.html` }, OWN, svc);
    expect(fromPanel.reply).toHaveLength(1);
    warn.mockRestore();
  });

  it('an extension page may not pose as a chat page (status reports, guard counts)', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const svc = services();
    const page = { id: OWN, tab: { id: 9, windowId: 2 }, url: `chrome-extension://${OWN}/sidepanel.html` };
    expect((await handleBackgroundMessage(report, page, OWN, svc)).reply).toMatchObject({ ok: false });
    expect((await handleBackgroundMessage({ type: 'tally/count', field: 'consults', delta: 1 }, { id: OWN }, OWN, svc)).reply).toMatchObject({ ok: false });
    expect(await svc.registry.list()).toEqual([]);
    warn.mockRestore();
  });

  it('passes the site of a guard check on to the guard (the console whose own platform it is)', async () => {
    const svc = services();
    const asked: [string, string | undefined][] = [];
    svc.table['guard/check'] = async ({ text, site }) => (asked.push([text, site]), []);
    const tab = { id: OWN, tab: { id: 5, windowId: 2 }, url: 'https://mms.pinduoduo.com/chat-merchant/' };
    await handleBackgroundMessage(report, tab, OWN, svc);
    await handleBackgroundMessage({ type: 'guard/check', text: '先用后付', site: 'pinduoduo' }, tab, OWN, svc);
    await handleBackgroundMessage({ type: 'guard/check', text: '先用后付' }, tab, OWN, svc);
    expect(asked).toEqual([['先用后付', 'pinduoduo'], ['先用后付', undefined]]);
  });

  it('stores what a page was taught, and its misses, under the page\'s own origin (never a site the message names)', async () => {
    const svc = services();
    const tab = { id: OWN, tab: { id: 5, windowId: 2 }, url: 'https://im.unknown-shop.example/workbench?x=1' };
    const taught = { replyBox: { css: 'textarea' }, send: { css: 'div', text: '发送' }, buyerName: { css: 'header b' }, messages: { list: { css: 'section' }, shape: 'div div img', text: '1/0', side: [{ path: '', prop: 'style:flex-direction', buyer: 'row', agent: 'row-reverse' }] }, at: 1 };
    expect((await handleBackgroundMessage({ type: 'teach/save', taught, site: 'https://mms.pinduoduo.com/*' }, tab, OWN, svc)).reply).toEqual({ ok: true });
    expect(Object.keys(svc.taught)).toEqual(['https://im.unknown-shop.example/*']);
    expect((await handleBackgroundMessage({ type: 'teach/load' }, tab, OWN, svc)).reply).toEqual({ taught });
    expect((await handleBackgroundMessage({ type: 'teach/load' }, { ...tab, url: 'https://other.example/' }, OWN, svc)).reply).toEqual({ taught: null });
    await handleBackgroundMessage({ type: 'selfcheck/miss', field: 'buyerName' }, tab, OWN, svc);
    expect(svc.misses).toEqual(['https://im.unknown-shop.example/* buyerName']);
    // Only a chat page teaches; selectors that are not a locator are refused whole.
    expect((await handleBackgroundMessage({ type: 'teach/save', taught }, { id: OWN }, OWN, svc)).reply).toMatchObject({ ok: false });
    expect((await handleBackgroundMessage({ type: 'teach/save', taught: { ...taught, send: { css: '' } } }, tab, OWN, svc)).reply).toMatchObject({ ok: false });
  });

  it('answers a handler that fails with {ok: false, error} instead of leaving the sender waiting', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const svc = services();
    svc.table['guard/override'] = async () => Promise.reject(new Error('QuotaExceededError'));
    svc.table['picker/search'] = () => {
      throw new TypeError('boom');
    };
    const tab = { id: OWN, tab: { id: 5, windowId: 2 } };
    expect((await handleBackgroundMessage({ type: 'guard/override', ruleIds: ['x'] }, tab, OWN, svc)).reply).toEqual({ ok: false, error: 'QuotaExceededError' });
    expect((await handleBackgroundMessage({ type: 'picker/search', query: 'kd' }, tab, OWN, svc)).reply).toEqual({ ok: false, error: 'boom' });
    warn.mockRestore();
  });

  it('injects the agent into the frame whose loader asked, and only for a tab', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const svc = services();
    expect((await handleBackgroundMessage({ type: 'chat-script/start' }, { id: OWN, tab: { id: 7, windowId: 1 }, frameId: 3 }, OWN, svc)).reply).toEqual({ ok: true });
    expect((await handleBackgroundMessage({ type: 'chat-script/start' }, { id: OWN, tab: { id: 8, windowId: 1 } }, OWN, svc)).reply).toEqual({ ok: true });
    expect((await handleBackgroundMessage({ type: 'chat-script/start' }, { id: OWN }, OWN, svc)).reply).toMatchObject({ ok: false });
    expect((await handleBackgroundMessage({ type: 'chat-script/start' }, { id: 'other', tab: { id: 9, windowId: 1 } }, OWN, svc)).reply).toMatchObject({ ok: false });
    expect(svc.injected).toEqual(['7/3', '8/0']);
    warn.mockRestore();
  });

  it('reports a failed injection (e.g. the tab navigated away) instead of throwing', async () => {
    const svc = services();
    svc.table['chat-script/start'] = chatTabHandlers(svc.registry, { inject: async () => Promise.reject(new Error('Frame with ID 0 was removed.')) })['chat-script/start'];
    const res = await handleBackgroundMessage({ type: 'chat-script/start' }, { id: OWN, tab: { id: 7, windowId: 1 } }, OWN, svc);
    expect(res.reply).toEqual({ ok: false, error: 'Frame with ID 0 was removed.' });
  });

  it('answers the picker, counts uses and remembers values', async () => {
    const svc = services();
    const tab = { id: OWN, tab: { id: 5, windowId: 2 } };
    expect((await handleBackgroundMessage({ type: 'picker/search', query: 'kd' }, tab, OWN, svc)).reply).toEqual([
      { id: 'p1', title: 'kd', body: '您好', values: {}, suggested: {} },
    ]);
    await handleBackgroundMessage({ type: 'phrase/used', id: 'p1' }, tab, OWN, svc);
    await handleBackgroundMessage({ type: 'placeholders/remember', values: { 快递公司: '中通' } }, tab, OWN, svc);
    expect(svc.used).toEqual(['p1']);
    expect(svc.remembered).toEqual([{ 快递公司: '中通' }]);
  });
});
