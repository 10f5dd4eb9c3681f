// Invite tokens: `kft_` + 32 random url-safe characters, shown once when issued. Only their SHA-256 is stored, with
// the team, role and agent they stand for, in <dataDir>/tokens.json (written atomically, read back on every change).
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';

export const TOKEN_PREFIX = 'kft_';
/** Characters kept in clear (with `kft_`) so `revoke --token-prefix` and `list` can name a token. */
const SHOWN = TOKEN_PREFIX.length + 6;

/** A team or agent id: one path segment of a document name (no `/`, no control characters, no leading dot). */
export const segment = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[^/\\\p{Cc}.][^/\\\p{Cc}]*$/u, 'no "/", "\\", control characters or leading "."');

export const roleSchema = z.enum(['lead', 'agent']);

const entrySchema = z.object({
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  prefix: z.string(),
  team: segment,
  role: roleSchema,
  agent: segment,
  created: z.string(),
  revoked: z.string().optional(),
});
const fileSchema = z.object({ version: z.literal(1), tokens: z.array(entrySchema) });

/** @typedef {z.infer<typeof entrySchema>} TokenEntry */
/** @typedef {{ team: string, role: 'lead' | 'agent', agent: string }} Identity */

const fileOf = (dataDir) => join(dataDir, 'tokens.json');
const sha256 = (s) => createHash('sha256').update(s, 'utf8').digest('hex');

/** @param {string} dataDir @returns {{ version: 1, tokens: TokenEntry[] }} */
export function readTokens(dataDir) {
  const file = fileOf(dataDir);
  if (!existsSync(file)) return { version: 1, tokens: [] };
  let raw;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new Error(`${file} is not valid JSON: ${e instanceof Error ? e.message : e}`);
  }
  const parsed = fileSchema.safeParse(raw);
  if (!parsed.success) throw new Error(`${file} is not a token file: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
  return parsed.data;
}

function writeTokens(dataDir, data) {
  mkdirSync(dataDir, { recursive: true });
  const file = fileOf(dataDir);
  writeFileSync(`${file}.tmp`, `${JSON.stringify(data, null, 2)}\n`, { mode: 0o600 });
  renameSync(`${file}.tmp`, file);
}

/**
 * Issue a new token; returns it in clear (the only time it exists in clear) with its stored entry.
 * @param {string} dataDir
 * @param {{ team: string, role: 'lead' | 'agent', agent: string }} who
 */
export function issueToken(dataDir, who) {
  const { team, role, agent } = z.object({ team: segment, role: roleSchema, agent: segment }).parse(who);
  const token = TOKEN_PREFIX + randomBytes(24).toString('base64url'); // 24 bytes → 32 url-safe characters
  const data = readTokens(dataDir);
  /** @type {TokenEntry} */
  const entry = { sha256: sha256(token), prefix: token.slice(0, SHOWN), team, role, agent, created: new Date().toISOString() };
  data.tokens.push(entry);
  writeTokens(dataDir, data);
  return { token, entry };
}

/**
 * Revoke every live token whose clear prefix starts with `prefix` (at least `kft_` + 4 characters); returns them.
 * @param {string} dataDir @param {string} prefix
 */
export function revokeToken(dataDir, prefix) {
  if (!prefix.startsWith(TOKEN_PREFIX) || prefix.length < TOKEN_PREFIX.length + 4) throw new Error(`a token prefix starts with ${TOKEN_PREFIX} and has at least 4 more characters`);
  const data = readTokens(dataDir);
  const hit = data.tokens.filter((t) => !t.revoked && (t.prefix.startsWith(prefix) || prefix.startsWith(t.prefix)));
  if (hit.length > 1) throw new Error(`${hit.length} tokens start with ${prefix}: give more characters`);
  const now = new Date().toISOString();
  for (const t of hit) t.revoked = now;
  if (hit.length) writeTokens(dataDir, data);
  return hit;
}

/** Token checks against a token file that is re-read whenever it changes on disk (an `admin revoke` takes effect). */
export class TokenStore {
  /** @param {string} dataDir */
  constructor(dataDir) {
    this.dataDir = dataDir;
    this.mtime = -1;
    /** Bumped on every reload, so a watcher can tell the file changed even when someone else reloaded it. */
    this.generation = 0;
    /** @type {Map<string, TokenEntry>} */
    this.byHash = new Map();
  }

  /** Re-read the file if it changed; returns true when it did. */
  refresh() {
    const file = fileOf(this.dataDir);
    const mtime = existsSync(file) ? statSync(file).mtimeMs : 0;
    if (mtime === this.mtime) return false;
    const data = readTokens(this.dataDir);
    this.byHash = new Map(data.tokens.filter((t) => !t.revoked).map((t) => [t.sha256, t]));
    this.mtime = mtime;
    this.generation += 1;
    return true;
  }

  /** @param {unknown} token @returns {Identity | null} */
  verify(token) {
    if (typeof token !== 'string' || !token.startsWith(TOKEN_PREFIX) || token.length > 200) return null;
    try {
      this.refresh();
    } catch (e) {
      console.error(`[kefu-team-server] ${e instanceof Error ? e.message : e}`);
    }
    const hash = sha256(token);
    const entry = this.byHash.get(hash);
    if (!entry || !timingSafeEqual(Buffer.from(entry.sha256, 'hex'), Buffer.from(hash, 'hex'))) return null;
    return { team: entry.team, role: entry.role, agent: entry.agent };
  }

  /** True when the token behind this hash is still live. @param {string} token */
  isLive(token) {
    return this.byHash.has(sha256(token));
  }
}
