#!/usr/bin/env node
// Run the team server: npm --prefix server start -- --port 8787 --data ./team-data
//   [--host 127.0.0.1] [--postgres postgres://…] [--redis host:port] [--name instance-1] [--debounce ms]
import { parseArgs } from 'node:util';
import { resolve } from 'node:path';
import { startServer } from './index.mjs';

const { values } = parseArgs({
  args: process.argv.slice(2),
  options: {
    host: { type: 'string', default: process.env.KEFU_TEAM_HOST ?? '127.0.0.1' },
    port: { type: 'string', default: process.env.KEFU_TEAM_PORT ?? '8787' },
    data: { type: 'string', default: process.env.KEFU_TEAM_DATA ?? './team-data' },
    postgres: { type: 'string', default: process.env.KEFU_TEAM_POSTGRES },
    redis: { type: 'string', default: process.env.KEFU_TEAM_REDIS },
    name: { type: 'string', default: process.env.KEFU_TEAM_NAME },
    debounce: { type: 'string', default: process.env.KEFU_TEAM_DEBOUNCE ?? '2000' },
  },
  strict: true,
});

let redis;
if (values.redis) {
  const m = /^(.+):(\d+)$/.exec(values.redis);
  if (!m) {
    console.error('error: --redis takes host:port');
    process.exit(2);
  }
  redis = { host: m[1], port: Number(m[2]) };
}

try {
  const server = await startServer({
    host: values.host,
    port: Number(values.port),
    // npm --prefix server start runs in server/: a relative --data is taken from where the command was typed
    dataDir: resolve(process.env.INIT_CWD ?? process.cwd(), values.data),
    postgres: values.postgres,
    redis,
    name: values.name,
    debounce: Number(values.debounce),
    maxDebounce: Math.max(10_000, Number(values.debounce) * 5),
  });
  console.log(`kefu team server ${server.instance} ready: ${server.url} (http ${server.httpUrl})`);
  const stop = async (signal) => {
    console.log(`${signal}: storing documents and stopping`);
    await server.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
} catch (e) {
  console.error(`error: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
}
