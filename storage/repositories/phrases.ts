/**
 * Phrase and stage reads and counters. Writes that need pinyin (pack install, save, import) live in
 * phrase-writes.ts so that pinyin-pro stays out of every module the side panel loads at start-up.
 */
import type { KefuDB } from '../db';
import { PhraseSchema, type Phrase, type Stage } from '../../scripts-library/shared/schema';
import { stageForNewPhrase } from '../../scripts-library/phrases/phrase-stage';
import { titleFrom } from '../../scripts-library/phrases/phrase-title';
import { newPhraseId, validatePhrase } from '../../scripts-library/phrases/phrase-validation';

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

/** The phrases of these ids that still exist, in the same order (a few rows by key: milliseconds at any size). */
export async function getPhrases(db: KefuDB, ids: readonly string[]): Promise<Phrase[]> {
  return (await db.phrases.bulkGet([...ids])).filter((p): p is Phrase => p !== undefined);
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

/**
 * 存为短语 from the "/" picker: the reply box's text as a phrase of the agent's own, in the stage the words point
 * to (else the first). Written without search keys: the chat page's background has no pinyin-pro, and the side
 * panel adds the keys the next time it opens (addMissingSearchKeys). Checked like any phrase; a problem throws.
 * @returns the stored phrase
 */
export async function saveDraftPhrase(db: KefuDB, text: string, now = Date.now()): Promise<Phrase> {
  const body = text.trim();
  return db.transaction('rw', db.stages, db.phrases, async () => {
    const stages = await listStages(db);
    const stageId = stageForNewPhrase(body, stages); // the panel's 存为短语 files by the same rule
    if (!stageId) throw new Error('no stage to save the phrase in');
    const draft = { id: newPhraseId(now), stageId, title: titleFrom(body), body, tags: [] };
    const problems = validatePhrase(draft, [], new Set(stages.map((s) => s.id)));
    if (problems.length) throw new Error(`phrase refused: ${problems.map((p) => p.code).join(', ')}`);
    const phrase = PhraseSchema.parse({ ...draft, pinned: false, useCount: 0, createdAt: now, updatedAt: now, origin: 'user' });
    await db.phrases.add(phrase);
    return phrase;
  });
}
