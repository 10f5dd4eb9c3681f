import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { defineConfig } from 'wxt';
import type { Plugin } from 'vite';
import { judgeKey } from './scripts-library/guard/compiled-form';
import { REST_TEXTS, restTextModule } from './entrypoints/background/rest-texts';
import { CHAT_MATCHES } from './scripts-library/shared/sites';
import { TEAM_DATA_COLLECTION } from './scripts-library/team/team-config';

/** What an agent may enable the extension on, one site at a time, from the side panel's settings. */
const OTHER_SITES = ['https://*/*', 'http://*/*'];
/**
 * `KEFU_BUILD=e2e-sites wxt build` (→ .output/chrome-mv3-e2e-sites) differs from the real build in its manifest
 * only (the code is byte for byte the same): this test host is granted at install. Playwright cannot answer
 * Chromium's permission prompt (microsoft/playwright#32755), and a request for an origin already granted resolves
 * without one, so the 其他网站 flow (enable → registered loader → agent → remove) runs end to end against it.
 */
export const E2E_GRANTED_SITE = 'http://127.0.0.3/*';
/** The unknown console taught by pointing in tests/e2e/teach.e2e.ts (served over HTTPS under this name). */
export const E2E_TEACH_SITE = 'https://kefu.unknown-shop.test/*';
const e2eSites = process.env.KEFU_BUILD === 'e2e-sites';
/**
 * `KEFU_BUILD=e2e` (→ .output/chrome-mv3-e2e): the build the demo, the e2e tests and the benchmarks load. It also
 * matches the local demo console (localhost, 127.0.0.1); the production build (no KEFU_BUILD) does not.
 */
const local = process.env.KEFU_BUILD === 'e2e' || e2eSites;

/**
 * Vite 8 (rolldown) writes Dexie's and other libraries' non-ASCII characters (e.g. a literal U+FFFF) straight
 * into the bundle; Chromium then refuses the content script as "not UTF-8" and silently drops the WHOLE
 * extension (see shared/research/toolchain-probe.md §8 #1). Escaping every non-ASCII character in the
 * content-script chunks and in the chat script (which the background injects into chat pages) keeps them
 * loadable. Extension pages are not subject to that check, so they are left alone (escaping pinyin dictionaries
 * there would only make them bigger).
 */
function asciiOnlyContentScripts(): Plugin {
  return {
    name: 'kefu:ascii-only-content-scripts',
    enforce: 'post',
    generateBundle(_options, bundle) {
      for (const file of Object.values(bundle)) {
        if (file.type !== 'chunk' || !(file.fileName.startsWith('content-scripts/') || file.fileName === 'chat-script.js')) continue;
        file.code = file.code.replace(/[\u0080-\uffff]/g, (c) => '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0'));
      }
    },
  };
}

/**
 * The shipped files the worker reads when it keeps nothing (entrypoints/background/shipped-files.ts): copied into
 * the build as `packs/<name>` (read with fetch of the extension's own URL), not bundled into the worker's script,
 * whose evaluation on every wake was most of the first check's wait (#36 item 4). Their key is made here, so a
 * wake reads neither file to know whether what it keeps is of them.
 */
const WORKER_PACKS = ['guard-intent.json', 'rules-default.json'];
const packFile = (name: string) => resolve('scripts-library/packs', name);
const shippedKey = () => judgeKey(readFileSync(packFile('guard-intent.json'), 'utf8'), readFileSync(packFile('rules-default.json'), 'utf8'));

/**
 * In the rest's build (worker-features.js) only, each of rest-texts.ts REST_TEXTS's imports (`?raw`: the text; plain:
 * the parsed JSON) becomes a binding its importers read when they use it, filled from the file `packs/<name>` before
 * the rest starts: a woken Chrome worker is handed every script it imported while installing, and their bytes
 * cost every wake. Every other build keeps them inline.
 */
function restTextsFromFiles(): Plugin {
  const names = new Map(Object.entries(REST_TEXTS).map(([name, file]) => [packFile(file), name]));
  const PREFIX = '\0kefu-rest-text:';
  let rest = false;
  return {
    name: 'kefu:rest-texts-from-files',
    enforce: 'pre',
    configResolved(config) {
      rest = JSON.stringify([config.build.rollupOptions.input, config.build.lib && config.build.lib.entry]).includes('worker-features');
    },
    resolveId(source, importer) {
      if (!rest || !importer || !/\.json(\?raw)?$/.test(source)) return null;
      const raw = source.endsWith('?raw');
      const name = names.get(resolve(dirname(importer), raw ? source.slice(0, -'?raw'.length) : source));
      // Named as a script, so that Vite's JSON plugin leaves it alone.
      return name ? `${PREFIX}${raw ? 'text' : 'json'}:${name}.js` : null;
    },
    load(id) {
      if (!id.startsWith(PREFIX)) return null;
      const [kind, name] = id.slice(PREFIX.length, -'.js'.length).split(':') as [string, string];
      return restTextModule(name, kind === 'json');
    },
  };
}

export default defineConfig({
  hooks: {
    'build:publicAssets': (_wxt, files) => {
      for (const name of WORKER_PACKS) files.push({ absoluteSrc: packFile(name), relativeDest: `packs/${name}` });
      for (const [name, file] of Object.entries(REST_TEXTS)) if (!WORKER_PACKS.includes(name)) files.push({ absoluteSrc: packFile(file), relativeDest: `packs/${name}` });
    },
    // Firefox's background page loads the rest of the background before its core (features-slot.ts); a Chrome
    // worker imports it itself.
    'build:manifestGenerated': (wxt, manifest) => {
      if (wxt.config.browser === 'firefox' && manifest.background && 'scripts' in manifest.background && manifest.background.scripts) {
        manifest.background.scripts.unshift('worker-features.js');
      }
    },
  },
  modules: ['@wxt-dev/module-react'],
  // Explicit imports everywhere: every dependency of a module is visible in its import list.
  imports: false,
  // KEFU_SOURCEMAP=1: source maps, for reading what a bundle is made of; KEFU_NOMINIFY=1: unminified bundles, module
  // by module (bundle analysis only: tests/tools/wake-profile.mjs).
  vite: () => ({ ...(process.env.KEFU_SOURCEMAP ? { build: { sourcemap: true } } : {}), ...(process.env.KEFU_NOMINIFY ? { build: { minify: false } } : {}), plugins: [asciiOnlyContentScripts(), restTextsFromFiles()], define: { __KEFU_LOCAL__: JSON.stringify(local), __KEFU_SHIPPED_KEY__: JSON.stringify(shippedKey()) } }),
  ...(local ? { outDirTemplate: `{{browser}}-mv{{manifestVersion}}-${e2eSites ? 'e2e-sites' : 'e2e'}` } : {}),
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'zh_CN',
    // storage: session map of chat tabs; unlimitedStorage: IndexedDB is never evicted under quota pressure.
    // No "tabs" permission: host permissions for the chat consoles are enough to message and identify them.
    // alarms + notifications: payment-chase reminders (催付提醒) at 15 min / 24 h / 48 h / 72 h.
    // scripting: the chat script on other consoles the agent enables (settings → 其他网站), each asked for as an
    // optional host permission at that moment and removable.
    permissions: ['storage', 'unlimitedStorage', 'clipboardWrite', 'alarms', 'notifications', 'scripting'],
    host_permissions: e2eSites ? [...CHAT_MATCHES, E2E_GRANTED_SITE, E2E_TEACH_SITE] : CHAT_MATCHES,
    ...(browser === 'firefox' ? { optional_permissions: OTHER_SITES } : { optional_host_permissions: OTHER_SITES }),
    action: { default_title: '__MSG_actionTitle__' },
    // Alt+K opens the side panel (Chrome/Edge: the action opens it) or toggles the sidebar (Firefox).
    commands:
      browser === 'firefox'
        ? { _execute_sidebar_action: { suggested_key: { default: 'Alt+K' }, description: '__MSG_actionTitle__' } }
        : { _execute_action: { suggested_key: { default: 'Alt+K' }, description: '__MSG_actionTitle__' } },
    icons: { 16: 'icon/16.png', 48: 'icon/48.png', 128: 'icon/128.png' },
    // Firefox's WebDriver BiDi refuses to navigate a tab to a moz-extension:// page, so the Firefox e2e build lets
    // the fixture page open the panel (a web-accessible page); the real build exposes nothing to pages.
    ...(browser === 'firefox' && local ? { web_accessible_resources: ['sidepanel.html'] } : {}),
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            // Nothing has to leave the browser. Team mode (off by default) sends to the shop's own server only,
            // and asks for these when the agent joins (scripts-library/team/team-config.ts says what each covers).
            gecko: { id: 'kefu-assistant@kefu.local', data_collection_permissions: { required: ['none'], optional: [...TEAM_DATA_COLLECTION] } },
          },
        }
      : {}),
  }),
});
