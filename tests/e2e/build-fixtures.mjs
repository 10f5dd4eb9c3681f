// Builds the demo chat console (tests/fixtures/demo-chat) into .output/demo-site with esbuild.
import { build } from 'esbuild';
import { cpSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

// KEFU_ROOT lets bundled callers (benchmarks) that live elsewhere point at the project.
const root = process.env.KEFU_ROOT ?? join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const DEMO_SITE = join(root, '.output', 'demo-site');

/** Chat pages around real rich-text editors (tests/fixtures/editors): page `editor-<family>.html`. */
export const EDITOR_FAMILIES = ['lexical', 'slate', 'draft', 'quill', 'tiptap', 'iframe'];
const EDITOR_SOURCES = { slate: 'slate.tsx', draft: 'draft.tsx' };

/** Every file the last build read (esbuild's metafile inputs and the copied files), with when it was built. */
const STAMP = join(DEMO_SITE, '.inputs.json');
const COPIED = ['tests/fixtures/demo-chat/index.html', 'tests/fixtures/demo-chat/demo.css', 'tests/fixtures/no-input.html', 'tests/fixtures/editors/editor.css'];

/**
 * The demo site, built only when something it was built from changed since (each e2e file's harness asks for it;
 * `npm run test:e2e` builds it once before the files run, so the harnesses find it fresh).
 */
export async function ensureFixtures() {
  try {
    const { builtAt, inputs } = JSON.parse(readFileSync(STAMP, 'utf8'));
    if (inputs.every((f) => existsSync(join(root, f)) && statSync(join(root, f)).mtimeMs <= builtAt)) return DEMO_SITE;
  } catch {
    // no stamp (first build) or an unreadable one: build
  }
  return buildFixtures();
}

export async function buildFixtures() {
  const builtAt = Date.now();
  mkdirSync(DEMO_SITE, { recursive: true });
  const inputs = new Set(COPIED);
  const read = (result) => Object.keys(result.metafile.inputs).forEach((f) => inputs.add(f));
  read(await build({
    metafile: true,
    absWorkingDir: root,
    entryPoints: [join(root, 'tests/fixtures/demo-chat/demo.tsx')],
    bundle: true,
    minify: true,
    format: 'iife',
    jsx: 'automatic',
    define: { 'process.env.NODE_ENV': '"production"' },
    outfile: join(DEMO_SITE, 'demo.js'),
    logLevel: 'warning',
  }));
  cpSync(join(root, 'tests/fixtures/demo-chat/index.html'), join(DEMO_SITE, 'index.html'));
  // The demo console whose load event never comes (an image that never arrives; see server.mjs).
  const demoHtml = readFileSync(join(root, 'tests/fixtures/demo-chat/index.html'), 'utf8');
  writeFileSync(join(DEMO_SITE, 'stalled-load.html'), demoHtml.replace('</body>', '<img src="/__stall" alt="" width="1" height="1" />\n</body>'));
  cpSync(join(root, 'tests/fixtures/demo-chat/demo.css'), join(DEMO_SITE, 'demo.css'));
  cpSync(join(root, 'tests/fixtures/no-input.html'), join(DEMO_SITE, 'no-input.html'));
  const editors = join(root, 'tests/fixtures/editors');
  read(await build({
    metafile: true,
    absWorkingDir: root,
    entryPoints: EDITOR_FAMILIES.map((f) => ({ in: join(editors, EDITOR_SOURCES[f] ?? `${f}.ts`), out: f })),
    bundle: true,
    minify: true,
    format: 'iife',
    jsx: 'automatic',
    // draft-js reads `global` (a Node-ism) at load time.
    define: { 'process.env.NODE_ENV': '"production"', global: 'window' },
    outdir: join(DEMO_SITE, 'editors'),
    logLevel: 'warning',
  }));
  cpSync(join(editors, 'editor.css'), join(DEMO_SITE, 'editors', 'editor.css'));
  // What the evidence-shaped fixture consoles do in the e2e tests (sends, conversation switches), with real Quill.
  read(await build({
    metafile: true,
    absWorkingDir: root,
    entryPoints: [join(root, 'tests/e2e/consoles/behaviour.ts')],
    bundle: true,
    minify: true,
    format: 'iife',
    define: { 'process.env.NODE_ENV': '"production"' },
    outfile: join(DEMO_SITE, 'consoles', 'behaviour.js'),
    logLevel: 'warning',
  }));
  for (const family of EDITOR_FAMILIES) {
    writeFileSync(
      join(DEMO_SITE, `editor-${family}.html`),
      `<!doctype html>\n<html lang="zh-CN"><head><meta charset="UTF-8" /><title>${family}</title><link rel="icon" href="data:," />` +
        `<link rel="stylesheet" href="./editors/editor.css" /></head><body><script src="./editors/${family}.js"></script></body></html>\n`,
    );
  }
  writeFileSync(STAMP, JSON.stringify({ builtAt, inputs: [...inputs].filter((f) => !f.startsWith('<')) }));
  return DEMO_SITE;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await buildFixtures();
  console.log(`demo site built in ${DEMO_SITE}`);
}
