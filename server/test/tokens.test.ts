// Invite tokens and scopes: what the admin command prints and stores, and who may open what.
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { accessTo, issueToken, readTokens, revokeToken, TokenStore } from '../index.mjs';
import { tempDir } from './helpers';

const ADMIN = fileURLToPath(new URL('../admin.mjs', import.meta.url));
const tmp = tempDir('tokens');
afterAll(() => tmp.remove());
const admin = (...args: string[]) => spawnSync(process.execPath, [ADMIN, ...args], { encoding: 'utf8' });

describe('admin command', () => {
  it('prints a new token once and stores only its SHA-256 with team, role and agent', () => {
    const dir = join(tmp.dir, 'a');
    const token = execFileSync(process.execPath, [ADMIN, 'invite', '--data', dir, '--team', 'shop1', '--role', 'agent', '--agent', '小王'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    expect(token).toMatch(/^kft_[A-Za-z0-9_-]{32}$/);
    const file = readFileSync(join(dir, 'tokens.json'), 'utf8');
    expect(file).not.toContain(token);
    expect(file).not.toContain(token.slice(10));
    expect(readTokens(dir).tokens).toEqual([expect.objectContaining({ team: 'shop1', role: 'agent', agent: '小王', sha256: expect.stringMatching(/^[0-9a-f]{64}$/) })]);
    expect(new TokenStore(dir).verify(token)).toEqual({ team: 'shop1', role: 'agent', agent: '小王' });

    const listed = admin('list', '--data', dir);
    expect(listed.status).toBe(0);
    expect(listed.stdout).toContain('小王');
    expect(listed.stdout).not.toContain(token);

    const revoked = admin('revoke', '--data', dir, '--token-prefix', token.slice(0, 9));
    expect(revoked.status).toBe(0);
    expect(new TokenStore(dir).verify(token)).toBeNull();
    expect(admin('list', '--data', dir).stdout).toMatch(/revoked/);
  });

  it('refuses bad input with a message and stores nothing', () => {
    const dir = join(tmp.dir, 'b');
    for (const args of [
      ['invite', '--data', dir, '--team', 'shop/1', '--role', 'agent', '--agent', 'x'],
      ['invite', '--data', dir, '--team', 'shop1', '--role', 'boss', '--agent', 'x'],
      ['invite', '--data', dir, '--team', 'shop1', '--role', 'agent', '--agent', ''],
      ['invite', '--team', 'shop1', '--role', 'agent', '--agent', 'x'],
      ['revoke', '--data', dir, '--token-prefix', 'kft_'],
      ['frobnicate', '--data', dir],
    ]) {
      const r = admin(...args);
      expect(r.status, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(/error: .+\nusage:/);
    }
    expect(readTokens(dir).tokens).toEqual([]);
  });

  it('will not revoke two tokens on an ambiguous prefix', () => {
    const dir = join(tmp.dir, 'c');
    const a = issueToken(dir, { team: 't', role: 'agent', agent: 'a' });
    issueToken(dir, { team: 't', role: 'agent', agent: 'b' });
    expect(() => revokeToken(dir, 'kft_')).toThrow(/at least 4/);
    expect(revokeToken(dir, a.entry.prefix).map((t) => t.agent)).toEqual(['a']);
  });

  it('names a broken token file instead of failing silently, and keeps serving the last good one', () => {
    const dir = join(tmp.dir, 'd');
    const { token } = issueToken(dir, { team: 't', role: 'lead', agent: 'l' });
    const store = new TokenStore(dir);
    expect(store.verify(token)).not.toBeNull();
    writeFileSync(join(dir, 'tokens.json'), '{"version":1,"tokens":[{"sha256":"nope"}]}');
    expect(() => readTokens(dir)).toThrow(/tokens\.json is not a token file/);
    expect(admin('list', '--data', dir).stderr).toMatch(/not a token file/);
    expect(store.verify(token)).not.toBeNull();
  });
});

describe('scopes', () => {
  const lead = { team: 'shop1', role: 'lead' as const, agent: 'boss' };
  const a = { team: 'shop1', role: 'agent' as const, agent: 'a' };
  it.each([
    [lead, 'shop1/library', 'write'],
    [a, 'shop1/library', 'read'],
    [lead, 'shop1/rules', 'write'],
    [a, 'shop1/rules', 'read'],
    [a, 'shop1/notebooks', 'write'],
    [lead, 'shop1/notebooks', 'write'],
    [a, 'shop1/tally/a', 'write'],
    [lead, 'shop1/tally/a', 'read'],
    [lead, 'shop1/tally/boss', 'write'],
    [a, 'shop1/tally/b', 'none'],
    [a, 'shop2/library', 'none'],
    [lead, 'shop2/tally/a', 'none'],
    [lead, 'shop1/library/x', 'none'],
    [lead, 'shop1/tally', 'none'],
    [lead, 'shop1/tally/a/b', 'none'],
    [lead, 'shop1', 'none'],
    [lead, 'shop1/settings', 'none'],
  ])('%o opens %s: %s', (who, name, access) => {
    expect(accessTo(who, name).access).toBe(access);
  });
});
