/** Phrase writes that compute search keys (pinyin) on save. Loaded lazily by the side panel. */
import type { KefuDB } from '../db';
import { PhrasePackSchema, PhraseSchema, type Phrase, type PhrasePack } from '../../scripts-library/schema';
import { phrasePinyin } from '../../scripts-library/pinyin';
import defaultPack from '../../scripts-library/packs/default.json';

/** The search keys of a phrase, computed when it is saved (never at panel open). */
export function withSearchKeys<T extends Pick<Phrase, 'title' | 'body' | 'tags'>>(p: T): T & Pick<Phrase, 'pinyin'> {
  return { ...p, pinyin: phrasePinyin([p.title, p.body, ...p.tags]) };
}

/**
 * Store a bundled pack once. Idempotent: a pack already installed is not touched again, so phrases the agent
 * edited or deleted stay that way across restarts and updates; phrases that already exist (by id) are never
 * overwritten. The pack and the "installed" mark are written in one transaction.
 * @returns the number of phrases added.
 */
export async function installPack(db: KefuDB, pack: unknown, now = Date.now()): Promise<number> {
  const valid: PhrasePack = PhrasePackSchema.parse(pack);
  const mark = `installedPack:${valid.id}`;
  const prepared = valid.phrases.map((p) =>
    PhraseSchema.parse(withSearchKeys({ ...p, createdAt: now, updatedAt: now, origin: valid.id })),
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

/** The default library, so the panel is never empty on a fresh install. */
export function ensureDefaultPacks(db: KefuDB): Promise<number> {
  return installPack(db, defaultPack);
}
