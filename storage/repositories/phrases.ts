/** Phrase and stage repository: every read/write of the phrase library goes through these functions. */
import type { KefuDB } from '../db';
import { PhrasePackSchema, PhraseSchema, type Phrase, type PhrasePack, type Stage } from '../../scripts-library/schema';
import starterPack from '../../scripts-library/packs/starter.json';

/** All stages, in display order. */
export async function listStages(db: KefuDB): Promise<Stage[]> {
  return (await db.stages.toArray()).sort((a, b) => a.order - b.order || a.name.localeCompare(b.name));
}

/** Phrases of one stage, or all phrases when `stageId` is undefined. */
export async function listPhrases(db: KefuDB, stageId?: string): Promise<Phrase[]> {
  return stageId ? db.phrases.where('stageId').equals(stageId).toArray() : db.phrases.toArray();
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
  return db.transaction('rw', db.stages, db.phrases, db.settings, async () => {
    if (await db.settings.get(mark)) return 0;
    const stageIds = new Set(await db.stages.toCollection().primaryKeys());
    await db.stages.bulkAdd(valid.stages.filter((s) => !stageIds.has(s.id)));
    const existing = new Set(await db.phrases.toCollection().primaryKeys());
    const fresh = valid.phrases
      .filter((p) => !existing.has(p.id))
      .map((p) => PhraseSchema.parse({ ...p, createdAt: now, updatedAt: now, origin: valid.id }));
    await db.phrases.bulkAdd(fresh);
    await db.settings.put({ key: mark, value: now });
    return fresh.length;
  });
}

/** The starter set, so the panel is never empty on a fresh install. */
export function ensureStarterPack(db: KefuDB): Promise<number> {
  return installPack(db, starterPack);
}

/** Count one use of a phrase (feeds "most used" ordering and frecency). Atomic, so concurrent inserts never lose one. */
export async function recordPhraseUse(db: KefuDB, id: string, now = Date.now()): Promise<void> {
  await db.phrases
    .where('id')
    .equals(id)
    .modify((p) => {
      p.useCount += 1;
      p.lastUsedAt = now;
    });
}
