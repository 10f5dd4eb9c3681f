import { describe, expect, it, vi } from 'vitest';
import {
  BACKGROUND_PROTOCOL,
  CHAT_PAGE_PROTOCOL,
  createSender,
  ProtocolError,
  BackgroundRequestSchema,
  ContentRequestSchema,
  InsertReplySchema,
  MAX_INSERT_CHARS,
  parseMessage,
} from '../../../scripts-library/shared/protocol';

describe('parseMessage', () => {
  it.each([
    [{ type: 'chat/insert', text: '您好' }],
    [{ type: 'chat/get-status' }],
  ])('accepts a valid content request %j', (msg) => {
    expect(parseMessage(ContentRequestSchema, msg, 'test')).toEqual({ ok: true, value: msg });
  });

  it.each([
    ['unknown type', { type: 'chat/delete-everything' }],
    ['empty text', { type: 'chat/insert', text: '' }],
    ['oversized text', { type: 'chat/insert', text: 'x'.repeat(MAX_INSERT_CHARS + 1) }],
    ['text of the wrong type', { type: 'chat/insert', text: 42 }],
    ['not an object', 'chat/insert'],
    ['nothing', undefined],
  ])('rejects %s with a logged reason', (_label, msg) => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const result = parseMessage(ContentRequestSchema, msg, 'tab 7');
    expect(result.ok).toBe(false);
    expect(warn).toHaveBeenCalledOnce();
    expect(String(warn.mock.calls[0]?.[0])).toContain('rejected message from tab 7');
    if (!result.ok) expect(result.reason.length).toBeGreaterThan(0);
  });

  it('names the failing field in the reason', () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const bad = { type: 'chat/status', status: { site: 'demo', hasInput: 'yes', inputKind: 'textarea', buyer: null } };
    const result = parseMessage(BackgroundRequestSchema, bad, 'tab 1');
    expect(result).toMatchObject({ ok: false, reason: expect.stringContaining('status.hasInput') });
  });

  it('validates replies too', () => {
    expect(InsertReplySchema.safeParse({ ok: true, method: 'execCommand' }).success).toBe(true);
    expect(InsertReplySchema.safeParse({ ok: true, method: 'telepathy' }).success).toBe(false);
    expect(InsertReplySchema.safeParse({ ok: false, reason: 'no-input' }).success).toBe(true);
  });
});

describe('the protocol map and its sender', () => {
  it.each(Object.entries({ ...BACKGROUND_PROTOCOL, ...CHAT_PAGE_PROTOCOL }))('%s: the entry accepts its own type and no other', (type, spec) => {
    // A copied entry with the wrong schema would send one message under another's name.
    const other = type === 'chat-script/start' ? 'chat/get-status' : 'chat-script/start';
    expect(spec.request.safeParse({ type: other }).success).toBe(false);
    const typeIssue = spec.request.safeParse({ type }).error?.issues.find((i) => i.path[0] === 'type');
    expect(typeIssue).toBeUndefined();
  });

  it('sends the typed message and hands back the validated reply', async () => {
    const transport = vi.fn(async () => [{ id: 'p1', title: '欢迎', body: '亲，您好', values: {}, suggested: {} }]);
    const send = createSender(BACKGROUND_PROTOCOL, transport);
    const items = await send('picker/search', { query: 'hy' });
    expect(transport).toHaveBeenCalledWith({ type: 'picker/search', query: 'hy' });
    expect(items.map((i) => i.title)).toEqual(['欢迎']);
  });

  it('refuses to send a message its schema rejects, and sends nothing', async () => {
    const transport = vi.fn(async () => ({ ok: true }));
    const send = createSender(BACKGROUND_PROTOCOL, transport);
    await expect(send('phrase/used', { id: '' })).rejects.toThrow(/phrase\/used: not sent, id:/);
    expect(transport).not.toHaveBeenCalled();
  });

  it('turns a refusal into a ProtocolError carrying the receiver\'s reason', async () => {
    const send = createSender(BACKGROUND_PROTOCOL, async () => ({ ok: false, error: 'sites/enable is not accepted from a chat page' }));
    const error = await send('sites/enable', { pattern: 'https://a.example/*' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProtocolError);
    expect((error as ProtocolError).reason).toBe('sites/enable is not accepted from a chat page');
  });

  it.each([
    ['nothing', undefined],
    ['a hit without its rule', [{ start: 0, end: 2, text: '微信' }]],
    ['an object instead of a list', { ok: true }],
  ])('rejects a malformed reply (%s) instead of passing it on', async (_label, raw) => {
    const send = createSender(BACKGROUND_PROTOCOL, async () => raw);
    await expect(send('guard/check', { text: '加微信' })).rejects.toThrow(/guard\/check: malformed reply/);
  });

  it('talks to a chat tab with the same checks', async () => {
    const send = createSender(CHAT_PAGE_PROTOCOL, async () => ({ ok: true, method: 'execCommand' }));
    expect(await send('chat/insert', { text: '您好', caret: 1 })).toEqual({ ok: true, method: 'execCommand' });
    await expect(send('chat/insert', { text: '您好', caret: 9 })).rejects.toThrow(/caret is beyond the text/);
  });
});

describe('a sender for one context', () => {
  it('offers only what that context may send, and refuses the rest before it leaves', async () => {
    let delivered = 0;
    const fromPage = createSender(BACKGROUND_PROTOCOL, async () => (delivered++, { ok: true }), 'chat-page');
    expect(await fromPage('phrase/used', { id: 'p1' })).toEqual({ ok: true });
    // @ts-expect-error sites/enable is the side panel's to send
    await expect(fromPage('sites/enable', { pattern: 'https://a.example/*' })).rejects.toThrow('sites/enable: not sent, only extension-page sends it');
    const fromPanel = createSender(BACKGROUND_PROTOCOL, async () => (delivered++, { ok: true }), 'extension-page');
    // @ts-expect-error tally/count is a chat page's to send
    await expect(fromPanel('tally/count', { field: 'consults', delta: 1 })).rejects.toBeInstanceOf(ProtocolError);
    expect(delivered).toBe(1);
  });

  it('hands back a valid reply and turns a refusal or a malformed one into a ProtocolError', async () => {
    const hits = [{ start: 2, end: 4, text: '微信', ruleId: 'r', category: 'off-platform', severity: 'block', suggestion: '', note: '' }];
    const ok = createSender(BACKGROUND_PROTOCOL, async () => hits, 'chat-page');
    expect(await ok('guard/check', { text: '加我微信' })).toEqual(hits);
    const refused = createSender(BACKGROUND_PROTOCOL, async () => ({ ok: false, error: 'foreign sender' }), 'chat-page');
    await expect(refused('tally/count', { field: 'consults', delta: 1 })).rejects.toThrow('tally/count: foreign sender');
    const broken = createSender(BACKGROUND_PROTOCOL, async () => 'yes', 'chat-page');
    await expect(broken('phrase/used', { id: 'p1' })).rejects.toBeInstanceOf(ProtocolError);
  });
});
