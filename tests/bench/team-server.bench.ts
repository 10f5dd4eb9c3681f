/**
 * Team server figures (#35): server/bench.mjs starts the real team server as a child process and drives real
 * providers (10,000 phrases lead → agent Y.Doc, 20 agents × 500 tally increments seen by the lead, server RSS with
 * 200 agents' tally documents). It runs in its own Node process so the server package resolves its own
 * node_modules (server/ is a separate package).
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

export async function run(): Promise<Record<string, number>> {
  const root = process.env.KEFU_ROOT ?? process.cwd();
  const json = execFileSync(process.execPath, [join(root, 'server', 'bench.mjs')], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], timeout: 600_000 });
  return JSON.parse(json) as Record<string, number>;
}
