// Types of the team server's programmatic API (index.mjs is plain ESM JavaScript, run by node without a build step).
import type { Hocuspocus } from '@hocuspocus/server';

export type Role = 'lead' | 'agent';
export interface Identity {
  team: string;
  role: Role;
  agent: string;
}
export interface TokenEntry extends Identity {
  sha256: string;
  prefix: string;
  created: string;
  revoked?: string;
}

export interface StartOptions {
  /** default 127.0.0.1 */
  host?: string;
  /** default 0: a free port */
  port?: number;
  /** tokens.json and (without `postgres`) the documents */
  dataDir: string;
  /** postgres://… : documents in Postgres instead of files */
  postgres?: string;
  /** Redis for more than one instance */
  redis?: { host?: string; port: number; prefix?: string };
  /** instance name (health, metrics, Redis identifier, file-log name) */
  name?: string;
  /** ms before a changed document is stored (default 2000) */
  debounce?: number;
  maxDebounce?: number;
  quiet?: boolean;
}

export interface RunningServer {
  /** ws://127.0.0.1:PORT */
  url: string;
  /** http://127.0.0.1:PORT */
  httpUrl: string;
  port: number;
  instance: string;
  hocuspocus: Hocuspocus;
  stop(): Promise<void>;
}

export function startServer(options: StartOptions): Promise<RunningServer>;
export function issueToken(dataDir: string, who: Identity): { token: string; entry: TokenEntry };
export function revokeToken(dataDir: string, prefix: string): TokenEntry[];
export function readTokens(dataDir: string): { version: 1; tokens: TokenEntry[] };
export function accessTo(who: Identity, documentName: string): { access: 'write' | 'read' | 'none'; reason?: string };

/** Token checks against <dataDir>/tokens.json, re-read when it changes. */
export class TokenStore {
  constructor(dataDir: string);
  generation: number;
  refresh(): boolean;
  verify(token: unknown): Identity | null;
  isLive(token: string): boolean;
}
