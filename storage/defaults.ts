/**
 * The one place the defaults are installed: the default phrase pack and the default rule pack, each once (a
 * mark in settings), never over the agent's own edits. The background runs it on install; the side panel on
 * open, for a panel opened before the background got to it.
 */
import type { KefuDB } from './db';
import { defaultPackInstalled } from './repositories/phrases';
import { ensureDefaultRules } from './repositories/rules';

type Packs = Pick<typeof import('./repositories/packs'), 'ensureDefaultPacks'>;

/**
 * @param loadPacks where the pack installer comes from: loaded on demand in the panel, where the phrase pack (and
 * its precomputed pinyin keys, the larger part of it) would otherwise hold up every open's first screen; the
 * background's service worker, which may not import() at run time, passes its static import.
 */
export async function ensureDefaults(db: KefuDB, loadPacks: () => Promise<Packs> = () => import('./repositories/packs')): Promise<void> {
  if (!(await defaultPackInstalled(db))) await (await loadPacks()).ensureDefaultPacks(db);
  await ensureDefaultRules(db);
}
