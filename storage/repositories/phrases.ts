/**
 * Phrase and stage reads and counters. Writes that need pinyin (pack install, save, import) live in
 * phrase-writes.ts so that pinyin-pro stays out of every module the side panel loads at start-up.
 */
import type { KefuDB } from '../db';
import type { Phrase, Stage } from '../../scripts-library/schema';

/** The settings row that marks a bundled pack as installed (written with the pack, in one transaction). */
export const packMark = (packId: string) => `installedPack:${packId}`;
/** The id of the bundled default pack (`packs/default.json`; a test keeps the two equal). */
export const DEFAULT_PACK_ID = 'default';

/**
 * Whether the default library was installed. A cheap read, so the side panel loads the pack (packs.ts) only on
 * the rare open where it is still missing, not on every open.
 */
export async function defaultPackInstalled(db: KefuDB): Promise<boolean> {
  return (await db.settings.get(packMark(DEFAULT_PACK_ID))) !== undefined;
}

/** All stages, in display order. */
export async function listStages(db: KefuDB): Promise<Stage[]> {
  return (await db.stages.toArray()).sort((a, b) => a.order - b.order || a.name.localeCompare(b.name));
}

/** Phrases of one stage, or all phrases when `stageId` is undefined. */
export async function listPhrases(db: KefuDB, stageId?: string): Promise<Phrase[]> {
  return stageId ? db.phrases.where('stageId').equals(stageId).toArray() : db.phrases.toArray();
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

/** One phrase by id. */
export function getPhrase(db: KefuDB, id: string): Promise<Phrase | undefined> {
  return db.phrases.get(id);
}
