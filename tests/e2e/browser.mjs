// Launches Debian Chromium with the built extension loaded (flags measured in shared/research/toolchain-probe.md §5).
import { chromium } from 'playwright-core';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

// KEFU_ROOT lets bundled callers (benchmarks) that live elsewhere point at the project.
const root = process.env.KEFU_ROOT ?? join(dirname(fileURLToPath(import.meta.url)), '..', '..');
/** The e2e build (KEFU_BUILD=e2e): the real code, and its manifest also matches the local demo console. */
export const EXTENSION_DIR = join(root, '.output', 'chrome-mv3-e2e');
/** The same code with one test host granted at install (wxt.config.ts, KEFU_BUILD=e2e-sites). */
export const E2E_SITES_DIR = join(root, '.output', 'chrome-mv3-e2e-sites');
/** The production build (no KEFU_BUILD): only the real consoles' match patterns (tests/e2e/consoles.e2e.ts). */
export const PRODUCTION_DIR = join(root, '.output', 'chrome-mv3');

export function chromiumPath() {
  const path = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(path)) throw new Error(`Chromium not found at ${path}: run "bash .ci/setup" (installs Debian chromium)`);
  return path;
}

/** @returns {Promise<{ context: import('playwright-core').BrowserContext, extensionId: string }>} */
export async function launchWithExtension({ headless = true, viewport = { width: 1100, height: 720 }, lang = 'zh-CN', extensionDir = EXTENSION_DIR, args = [], env = {} } = {}) {
  if (!existsSync(join(extensionDir, 'manifest.json'))) throw new Error(`no built extension in ${extensionDir}: run "npm run build"`);
  const context = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'kefu-e2e-')), {
    executablePath: chromiumPath(),
    headless,
    viewport,
    locale: lang,
    // The extension's UI language follows the browser's. On Linux Chromium takes it from LANGUAGE, and only
    // for locales whose .pak is installed (Debian package chromium-l10n; without it everything is en-US).
    env: { ...process.env, LANGUAGE: lang.replace('-', '_'), ...env },
    args: [
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      `--lang=${lang}`,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      ...args,
    ],
  });
  let [worker] = context.serviceWorkers();
  worker ??= await context.waitForEvent('serviceworker', { timeout: 15_000 });
  return { context, extensionId: new URL(worker.url()).host };
}
