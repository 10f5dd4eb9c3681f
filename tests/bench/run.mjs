// npm run bench: measures and prints the project's figures, and writes them to tests/bench/results.json as
// {"name": number}. Later issues add their figures here (search, guard, tally, insertion).
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
process.env.KEFU_ROOT = root;
const out = join(root, '.output', 'chrome-mv3');
const results = {};

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

const only = process.argv[2];
/** Vite's `?raw` imports (a file's text), for the benchmarks' own esbuild bundles. */
const rawImports = {
  name: 'raw',
  setup(b) {
    b.onResolve({ filter: /\?raw$/ }, (a) => ({ path: join(a.resolveDir, a.path.replace(/\?raw$/, '')), namespace: 'raw' }));
    b.onLoad({ filter: /.*/, namespace: 'raw' }, (a) => ({ contents: readFileSync(a.path, 'utf8'), loader: 'text' }));
  },
};
// Build time: median of 3 production builds (wall clock, including Node start-up).
const builds = [];
if (!only) {
for (let i = 0; i < 3; i++) {
  const t = performance.now();
  execFileSync('npx', ['wxt', 'build'], { cwd: root, stdio: 'ignore' });
  builds.push(performance.now() - t);
}
results['build.median_ms'] = Math.round(median(builds));

const size = (file) => {
  const buf = readFileSync(file);
  return { raw: buf.length, gzip: gzipSync(buf, { level: 9 }).length };
};
// What every chat page gets: the declared loader and the agent the background injects after the page's load.
const loader = size(join(out, 'content-scripts', 'chat.js'));
const agent = size(join(out, 'chat-script.js'));
results['content_script.raw_bytes'] = loader.raw + agent.raw;
results['content_script.gzip_bytes'] = loader.gzip + agent.gzip;
results['content_script.loader.gzip_bytes'] = loader.gzip;
results['content_script.agent.gzip_bytes'] = agent.gzip;
const bg = size(join(out, 'background.js'));
results['background.gzip_bytes'] = bg.gzip;
// The rest of the background: not run on a wake, but Chrome hands it (a script the worker imported while installing)
// to every woken worker before its first answer, at a cost that grows with its bytes.
results['background.rest_raw_bytes'] = size(join(out, 'worker-features.js')).raw;
const chunks = join(out, 'chunks');
results['sidepanel.gzip_bytes'] = readdirSync(chunks)
  .filter((f) => f.startsWith('sidepanel-') && f.endsWith('.js'))
  .reduce((sum, f) => sum + size(join(chunks, f)).gzip, 0);
results['extension.total_bytes'] = (function walk(dir) {
  return readdirSync(dir).reduce((sum, f) => {
    const p = join(dir, f);
    return sum + (statSync(p).isDirectory() ? walk(p) : statSync(p).size);
  }, 0);
})(out);
}

// The Chromium benchmarks load the e2e build (the same code; its manifest also serves the local demo console).
if (!only || !existsSync(join(root, '.output', 'chrome-mv3-e2e'))) {
  execFileSync('npx', ['wxt', 'build'], { cwd: root, stdio: 'ignore', env: { ...process.env, KEFU_BUILD: 'e2e' } });
}

// Pure-logic benchmarks written in TypeScript (tests/bench/*.bench.ts), bundled with esbuild and run in Node.
for (const file of readdirSync(join(root, 'tests', 'bench')).filter((f) => f.endsWith('.bench.ts')).sort()) {
  if (only && !file.startsWith(only)) continue;
  // Next to the sources so the bundle resolves node_modules (playwright-core and esbuild stay external).
  const outfile = join(root, 'tests', 'bench', '.tmp', file.replace(/\.ts$/, '.mjs'));
  await build({ entryPoints: [join(root, 'tests', 'bench', file)], bundle: true, platform: 'node', format: 'esm', outfile, logLevel: 'warning', external: ['playwright-core', 'esbuild'], plugins: [rawImports],
    // CommonJS dependencies bundled into ESM (ws, the team server's) require Node's built-ins at run time
    banner: { js: "import { createRequire as __kefuRequire } from 'node:module'; const require = __kefuRequire(import.meta.url);" } });
  // Each bench file in a Node process of its own: run in one process, the search benches measured after the
  // guard, import and Chromium benches' heap (10k panel p95 4.0 ms in a full run, 2.5 ms alone a minute later).
  const figures = join(root, 'tests', 'bench', '.tmp', file.replace(/\.ts$/, '.json'));
  rmSync(figures, { force: true });
  execFileSync(process.execPath, [join(root, 'tests', 'bench', 'run-one.mjs'), outfile, figures], { cwd: root, stdio: 'inherit' });
  Object.assign(results, JSON.parse(readFileSync(figures, 'utf8')));
}

for (const [name, value] of Object.entries(results)) console.log(`${name.padEnd(32)} ${value}`);
writeFileSync(join(root, 'tests', 'bench', 'results.json'), JSON.stringify(results, null, 2) + '\n');
console.log('written to tests/bench/results.json');
