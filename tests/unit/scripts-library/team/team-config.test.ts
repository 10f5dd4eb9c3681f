import { describe, expect, it } from 'vitest';
import { JOIN_ERROR_TEXT, newDeviceId, parseServerAddress, readRefused, readWhoami, TeamConfigSchema, TOKEN_PATTERN } from '../../../../scripts-library/team/team-config';

describe('team server address', () => {
  it('takes ws, wss, http, https and a bare host, and asks for that one host only', () => {
    expect(parseServerAddress('ws://127.0.0.1:8787')).toEqual({ http: 'http://127.0.0.1:8787', ws: 'ws://127.0.0.1:8787', pattern: 'http://127.0.0.1/*', host: '127.0.0.1:8787' });
    expect(parseServerAddress(' https://kefu.example.com/ ')).toMatchObject({ ws: 'wss://kefu.example.com', pattern: 'https://kefu.example.com/*' });
    expect(parseServerAddress('wss://Kefu.Example.com:443')).toMatchObject({ http: 'https://kefu.example.com' });
    expect(parseServerAddress('kefu.example.com:9000')).toMatchObject({ ws: 'wss://kefu.example.com:9000' });
  });
  it('refuses what is not a server address', () => {
    for (const bad of ['', 'ftp://a.com', 'http://a.com/path', 'ws://user:pw@a.com', 'http://a.com?x=1', 'not a host', 'http://intranet', 'javascript:alert(1)']) {
      expect(parseServerAddress(bad), bad).toBeNull();
    }
  });
});

describe('whoami and refusals', () => {
  it('reads a valid answer and tells a bad token from a server that is not ours', () => {
    expect(readWhoami(200, { team: 'shop1', role: 'agent', agent: 'xiaomei' })).toEqual({ ok: true, who: { team: 'shop1', role: 'agent', agent: 'xiaomei' } });
    expect(readWhoami(401, {})).toEqual({ ok: false, error: 'unauthorized' });
    expect(readWhoami(200, { team: 'shop1', role: 'boss', agent: 'x' })).toEqual({ ok: false, error: 'answer' });
    expect(readWhoami(200, '<html>')).toEqual({ ok: false, error: 'answer' });
    expect(readWhoami(500, null)).toEqual({ ok: false, error: 'answer' });
    expect(JOIN_ERROR_TEXT.unauthorized).toMatch(/邀请码/);
  });
  it('reads the server\'s refused message and nothing else', () => {
    expect(readRefused('{"type":"refused","document":"shop1/library","reason":"read-only"}')).toEqual({ type: 'refused', document: 'shop1/library', reason: 'read-only' });
    expect(readRefused('{"type":"hello"}')).toBeNull();
    expect(readRefused('garbage')).toBeNull();
  });
  it('keeps a config only with a real token and an http(s) origin', () => {
    const ok = { team: 'shop1', role: 'lead', agent: 'zhang', server: 'http://127.0.0.1:8787', token: `kft_${'a'.repeat(32)}`, joinedAt: 1 };
    expect(TeamConfigSchema.safeParse(ok).success).toBe(true);
    expect(TeamConfigSchema.safeParse({ ...ok, server: 'ws://127.0.0.1:8787' }).success).toBe(false);
    expect(TeamConfigSchema.safeParse({ ...ok, token: 'abc' }).success).toBe(false);
    expect(TOKEN_PATTERN.test('kft_abcDEF_-0123456789abcdef0123456')).toBe(true);
    expect(newDeviceId()).toMatch(/^d-[a-z0-9]{12}$/);
  });
});
