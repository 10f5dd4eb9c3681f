import { describe, expect, it, vi } from 'vitest';
import {
  BackgroundRequestSchema,
  ContentRequestSchema,
  InsertReplySchema,
  MAX_INSERT_CHARS,
  parseMessage,
} from '../../../storage/protocol';

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
