/**
 * The shipped model and default rules as the worker reads them: extension files (packs/*.json, copied into the
 * build by wxt.config.ts), read with fetch of the extension's own URL — a read inside the extension, no network —
 * and only when the guard cache keeps no judge and no rules are stored. Not in the worker's script, whose size was
 * most of a wake (#36 item 4).
 */
import { browser } from 'wxt/browser';
import { bundledRules } from '../../scripts-library/guard/bundled-rules';
import { storedReader } from '../../scripts-library/guard/intent-reader';
import type { StoredIntentModel } from '../../scripts-library/guard/intent-reader';
import type { Rule } from '../../scripts-library/shared/schema';
import type { ShippedGuard } from './guard-model';

/** compiled-form.ts judgeKey of the files, made by wxt.config.ts when it builds them in. */
declare const __KEFU_SHIPPED_KEY__: string;

/** An extension file under packs/ (also the rest's texts: rest-texts.ts). */
async function readPack(name: string): Promise<Response> {
  // Added to the build by wxt.config.ts, so not among the public paths WXT types.
  const url = (browser.runtime.getURL as (path: string) => string)(`/packs/${name}`);
  // Only ever a file of the extension itself (its own origin): no network request leaves the browser.
  if (!url.startsWith(browser.runtime.getURL('/'))) throw new Error(`packs/${name}: not the extension's own file`);
  // eslint-disable-next-line no-restricted-syntax -- a read of the extension's own packaged file, not a network request
  const res = await fetch(url);
  if (!res.ok) throw new Error(`packs/${name}: ${res.status}`);
  return res;
}

/** The text of packs/<name>. */
export const packText = async (name: string): Promise<string> => (await readPack(name)).text();

let rules: Promise<readonly Rule[]> | undefined;

export const shippedFiles: ShippedGuard = {
  key: __KEFU_SHIPPED_KEY__,
  reader: async () => storedReader((await (await readPack('guard-intent.json')).json()) as StoredIntentModel),
  defaultRules: () =>
    (rules ??= readPack('rules-default.json').then((res) => res.json()).then(
      (pack) => bundledRules(pack as { rules: object[] }),
      (e: unknown) => {
        rules = undefined; // read again at the next check
        throw e;
      },
    )),
};
