/**
 * Phrase and stage reads and counters. Writes that need pinyin (pack install, save, import) live in
 * phrase-writes.ts so that pinyin-pro stays out of every module the side panel loads at start-up.
 */
import type { KefuDB } from '../db';
import type { Phrase, Stage } from '../../scripts-library/schema';

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
