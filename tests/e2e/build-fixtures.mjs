// Builds the demo chat console (tests/fixtures/demo-chat) into .output/demo-site with esbuild.
import { build } from 'esbuild';
import { cpSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const DEMO_SITE = join(root, '.output', 'demo-site');

export async function buildFixtures() {
  mkdirSync(DEMO_SITE, { recursive: true });
  await build({
    entryPoints: [join(root, 'tests/fixtures/demo-chat/demo.tsx')],
    bundle: true,
    minify: true,
    format: 'iife',
    jsx: 'automatic',
    define: { 'process.env.NODE_ENV': '"production"' },
    outfile: join(DEMO_SITE, 'demo.js'),
    logLevel: 'warning',
  });
  cpSync(join(root, 'tests/fixtures/demo-chat/index.html'), join(DEMO_SITE, 'index.html'));
  cpSync(join(root, 'tests/fixtures/demo-chat/demo.css'), join(DEMO_SITE, 'demo.css'));
  cpSync(join(root, 'tests/fixtures/no-input.html'), join(DEMO_SITE, 'no-input.html'));
  return DEMO_SITE;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await buildFixtures();
  console.log(`demo site built in ${DEMO_SITE}`);
}
