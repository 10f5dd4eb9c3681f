// Throwaway Postgres clusters, Redis servers and team-server child processes for the tests: each on a free
// 127.0.0.1 port in a temp dir, killed and removed after (also when the test process exits early).
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const live = new Set<ChildProcess>();
process.on('exit', () => {
  for (const child of live) child.kill('SIGKILL');
});

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

/** Spawn a child and resolve once its output matches `ready` (rejects if it exits first or after `ms`). */
export function startChild(cmd: string, args: string[], ready: RegExp, opts: { uid?: number; gid?: number; cwd?: string; env?: NodeJS.ProcessEnv; ms?: number } = {}): Promise<{ child: ChildProcess; output: () => string }> {
  const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'], uid: opts.uid, gid: opts.gid, cwd: opts.cwd, env: opts.env ?? process.env });
  live.add(child);
  child.once('exit', () => live.delete(child));
  let out = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${cmd} not ready after ${opts.ms ?? 15_000} ms: ${out.slice(-800)}`)), opts.ms ?? 15_000);
    const onData = (d: Buffer) => {
      out += d.toString();
      if (ready.test(out)) {
        clearTimeout(timer);
        resolve({ child, output: () => out });
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`${cmd} exited (${code ?? signal}) before it was ready: ${out.slice(-800)}`));
    });
  });
}

export function stopChild(child: ChildProcess, signal: NodeJS.Signals = 'SIGTERM', ms = 10_000): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    const force = setTimeout(() => child.kill('SIGKILL'), ms);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    child.kill(signal);
  });
}

/** The newest Debian Postgres bin dir, or null when Postgres is not installed. */
export function postgresBin(): string | null {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return null;
  const versions = readdirSync(root).filter((v) => existsSync(join(root, v, 'bin', 'initdb'))).sort((a, b) => Number(b) - Number(a));
  return versions[0] ? join(root, versions[0], 'bin') : null;
}

export const redisBin = (): string | null => (existsSync('/usr/bin/redis-server') ? '/usr/bin/redis-server' : null);

/** initdb refuses to run as root: as root, run the cluster as the `postgres` system user. */
function postgresUser(): { uid?: number; gid?: number } {
  if (process.getuid?.() !== 0) return {};
  const id = (flag: string) => Number(spawnSync('id', [flag, 'postgres'], { encoding: 'utf8' }).stdout.trim());
  const uid = id('-u');
  const gid = id('-g');
  if (!Number.isInteger(uid) || uid <= 0) throw new Error('running as root and there is no `postgres` user to run the test cluster as');
  return { uid, gid };
}

export interface Service {
  url: string;
  port: number;
  stop: () => Promise<void>;
}

/** A fresh Postgres cluster (trust auth, no fsync) on a free port; `url` connects as user kefu to database postgres. */
export async function startPostgres(bin: string): Promise<Service> {
  const dir = mkdtempSync(join(tmpdir(), 'kefu-pg-'));
  const user = postgresUser();
  if (user.uid !== undefined) chownSync(dir, user.uid, user.gid!);
  const data = join(dir, 'data');
  const init = spawnSync(join(bin, 'initdb'), ['-D', data, '-A', 'trust', '-U', 'kefu', '-E', 'UTF8', '--no-sync', '--no-instructions'], { encoding: 'utf8', ...user });
  if (init.status !== 0) {
    rmSync(dir, { recursive: true, force: true });
    throw new Error(`initdb failed: ${init.stderr || init.stdout}`);
  }
  const port = await freePort();
  const { child } = await startChild(
    join(bin, 'postgres'),
    ['-D', data, '-p', String(port), '-k', dir, '-c', 'listen_addresses=127.0.0.1', '-c', 'fsync=off', '-c', 'full_page_writes=off', '-c', 'synchronous_commit=off'],
    /ready to accept connections/,
    { ...user, ms: 30_000 },
  );
  return {
    url: `postgres://kefu@127.0.0.1:${port}/postgres`,
    port,
    stop: async () => {
      await stopChild(child, 'SIGINT'); // fast shutdown
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Run one SQL statement through psql against a test cluster; returns its unaligned output. */
export function psql(bin: string, port: number, sql: string): string {
  const r = spawnSync(join(bin, 'psql'), ['-h', '127.0.0.1', '-p', String(port), '-U', 'kefu', '-d', 'postgres', '-tAc', sql], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`psql failed: ${r.stderr}`);
  return r.stdout.trim();
}

/** A Redis server without persistence on a free port. */
export async function startRedis(bin: string): Promise<Service> {
  const dir = mkdtempSync(join(tmpdir(), 'kefu-redis-'));
  const port = await freePort();
  const { child } = await startChild(bin, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir], /Ready to accept connections/);
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    stop: async () => {
      await stopChild(child, 'SIGTERM');
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

const CLI = fileURLToPath(new URL('../cli.mjs', import.meta.url));

/** The team server as a child process (so a test can SIGKILL it); `port` 0 picks a free one. */
export async function startServerProcess(dataDir: string, port = 0, extra: string[] = []): Promise<{ child: ChildProcess; port: number; url: string }> {
  const { child, output } = await startChild(process.execPath, [CLI, '--port', String(port), '--data', dataDir, ...extra], /ready: ws:\/\/127\.0\.0\.1:(\d+)/);
  const m = /ready: (ws:\/\/127\.0\.0\.1:(\d+))/.exec(output());
  return { child, port: Number(m![2]), url: m![1]! };
}
