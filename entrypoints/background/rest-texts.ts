/**
 * Texts the rest of the background (worker-features.js) reads from the extension's files instead of holding them
 * in its script. Chrome hands a woken worker every script it imported while installing — the rest's included —
 * before the worker answers anything, at a cost that grows with their bytes, though the rest is not run on the
 * first check (#36 item 4; figures in tests/bench/HISTORY.md). wxt.config.ts swaps these texts' `?raw` imports, in
 * the rest's build only, for a slot each (`REST_TEXTS_SLOT`) filled here from `packs/rest/<name>` before the rest
 * starts; every other build (the panel, the Firefox page's copy of the same script, the tests) gets them either
 * way: inline, or filled before anything reads them.
 */
import type { Features } from './features-slot';

/**
 * The files, by their name under packs/ in the build, and the scripts-library/packs/ file each is copied from
 * (wxt.config.ts copies them and swaps their imports: a `?raw` import gets the text, a plain one the parsed JSON).
 * Every module of the rest that imports one reads it only inside its functions, never while it is evaluated.
 */
export const REST_TEXTS: Readonly<Record<string, string>> = {
  'intent-model.json': 'intent-model.json',
  'stage-model.json': 'stage-model.json',
  'rules-history.json': 'history/rules-default.json',
  'rules-default.json': 'rules-default.json',
  'default.json': 'default.json',
};

/** The global the swapped modules meet the texts in (`restTextModule` names it in the code it writes). */
const SLOT = 'kefu.rest-texts';

interface Slot {
  /** Each swapped module's filler, by name (a module evaluated after the texts came takes them at once). */
  fillers: Map<string, ((text: string) => void)[]>;
  texts: Map<string, string>;
}

function slot(): Slot {
  const global = globalThis as { [k: symbol]: Slot | undefined };
  return (global[Symbol.for(SLOT)] ??= { fillers: new Map(), texts: new Map() });
}

/**
 * The code of a swapped module (wxt.config.ts): its default export a binding its importers read when they use it —
 * the text (`json` false) or its parsed JSON —, filled when the text is read, before or after the module's
 * evaluation.
 */
export function restTextModule(name: string, json: boolean): string {
  const key = JSON.stringify(name);
  return [
    `let value;`,
    `export { value as default };`,
    `const slot = (globalThis[Symbol.for(${JSON.stringify(SLOT)})] ??= { fillers: new Map(), texts: new Map() });`,
    `const fill = (t) => { value = ${json ? 'JSON.parse(t)' : 't'}; };`,
    `slot.fillers.set(${key}, [...(slot.fillers.get(${key}) ?? []), fill]);`,
    `if (slot.texts.has(${key})) fill(slot.texts.get(${key}));`,
  ].join('\n');
}

/** Every text read (`read`: a file's text by its name) and given to its module, if that is evaluated yet. */
export async function fillRestTexts(read: (name: string) => Promise<string>): Promise<void> {
  const { fillers, texts } = slot();
  await Promise.all(
    Object.keys(REST_TEXTS).map(async (name) => {
      const text = await read(name);
      texts.set(name, text);
      for (const fill of fillers.get(name) ?? []) fill(text);
    }),
  );
}

/**
 * The rest as the core calls it, started only once `ready` has filled its texts: every call waits for that, in
 * the order it came. A failed `ready` fails the calls that waited for it and is tried again at the next call.
 */
export function featuresWhenReady(ready: () => Promise<void>, start: () => Features): Features {
  let started: Promise<Features> | undefined;
  const rest = () =>
    (started ??= ready().then(start, (e: unknown) => {
      started = undefined;
      throw e;
    }));
  const later = (use: (f: Features) => void) => void rest().then(use, (e: unknown) => console.warn('[kefu] the rest of the background', e));
  return {
    receive: async (...args) => (await rest()).receive(...args),
    openDb: async () => (await rest()).openDb(),
    broadcast: () => later((f) => f.broadcast()),
    onInstalled: () => later((f) => f.onInstalled()),
    onAlarm: (name) => later((f) => f.onAlarm(name)),
    onNotificationClicked: (id) => later((f) => f.onNotificationClicked(id)),
    onTabActivated: (tabId) => later((f) => f.onTabActivated(tabId)),
    onTabRemoved: (tabId) => later((f) => f.onTabRemoved(tabId)),
  };
}
