/**
 * Installing bundled phrase packs. The default pack's search keys (pinyin) are computed at build time
 * (scripts-library/packs/keys/, kept equal to pinyin.ts by a test), so installing it needs no pinyin-pro: the
 * background, which installs it, stays ≈ 320 kB lighter and starts faster every time the browser wakes it.
 */
import type { KefuDB } from '../db';
import { PhrasePackSchema, PhraseSchema, type Phrase, type PhrasePack } from '../../scripts-library/shared/schema';
import { wordingHash } from '../../scripts-library/files/team-pack';
import type { PinyinKeys } from '../../scripts-library/shared/pinyin';
import { packMark } from './phrases';
import defaultPack from '../../scripts-library/packs/default.json';
import defaultKeys from '../../scripts-library/packs/keys/default.json';
import defaultHistory from '../../scripts-library/packs/history/default.json';

type PackPhrase = PhrasePack['phrases'][number];

/**
 * Store a bundled pack once. Idempotent: a pack already installed is not touched again, so phrases the agent
 * edited or deleted stay that way across restarts and updates; phrases that already exist (by id) are never
 * overwritten. The pack and the "installed" mark are written in one transaction.
 * @param keysOf the search keys of each phrase
 * @returns the number of phrases added.
 */
export async function installPackWith(
  db: KefuDB,
  pack: unknown,
  keysOf: (phrase: PackPhrase) => PinyinKeys | undefined,
  now = Date.now(),
): Promise<number> {
  const valid: PhrasePack = PhrasePackSchema.parse(pack);
  const mark = packMark(valid.id);
  // Installed already (every start after the first): skip preparing the pack.
  if (await db.settings.get(mark)) return 0;
  const prepared = valid.phrases.map((p, order) =>
    PhraseSchema.parse({ ...p, pinyin: keysOf(p), createdAt: now, updatedAt: now, origin: valid.id, order }),
  );
  return db.transaction('rw', db.stages, db.phrases, db.settings, async () => {
    if (await db.settings.get(mark)) return 0;
    const stageIds = new Set(await db.stages.toCollection().primaryKeys());
    await db.stages.bulkAdd(valid.stages.filter((s) => !stageIds.has(s.id)));
    const existing = new Set(await db.phrases.toCollection().primaryKeys());
    const fresh = prepared.filter((p) => !existing.has(p.id));
    await db.phrases.bulkAdd(fresh);
    await db.settings.put({ key: mark, value: now });
    return fresh.length;
  });
}

const DEFAULT_KEYS: Record<string, PinyinKeys | undefined> = defaultKeys;

/** The default library, so the panel is never empty on a fresh install. */
export function ensureDefaultPacks(db: KefuDB): Promise<number> {
  return installPackWith(db, defaultPack, (p) => DEFAULT_KEYS[p.id]);
}

/** Every wording each default phrase was ever shipped with (this revision's and the history's hashes). */
let shipped: Map<string, Set<string>> | undefined;
function shippedWordings(): Map<string, Set<string>> {
  if (shipped) return shipped;
  shipped = new Map();
  const add = (id: string, hash: string) => (shipped!.get(id) ?? shipped!.set(id, new Set()).get(id)!).add(hash);
  for (const p of PhrasePackSchema.parse(defaultPack).phrases) add(p.id, wordingHash(p));
  for (const revision of Object.values(defaultHistory.revisions as Record<string, Record<string, string>>)) {
    for (const [id, hash] of Object.entries(revision)) add(id, hash);
  }
  return shipped;
}

/**
 * Whether a phrase is a default phrase the agent never edited: its wording is one the default pack shipped. A
 * team pack may then give it the team's wording in place (team-pack.ts `pristine`).
 */
export function isPristineDefault(p: Phrase): boolean {
  return p.origin === (defaultPack as { id: string }).id && !p.pack && (shippedWordings().get(p.id)?.has(wordingHash(p)) ?? false);
}
