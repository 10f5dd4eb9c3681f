/** Phrase writes that compute search keys (pinyin) on save. Loaded lazily by the side panel. */
import { z } from 'zod';
import type { KefuDB } from '../db';
import { InstalledPackSchema, PhraseSchema, StageSchema, type InstalledPack, type Phrase, type Stage } from '../../scripts-library/shared/schema';
import type { PackUpdatePlan } from '../../scripts-library/files/team-pack';
import type { ImportPlan } from '../../scripts-library/files/phrase-io';
import type { PhraseDraft } from '../../scripts-library/phrases/phrase-validation';
import { phrasePinyin } from '../../scripts-library/shared/pinyin';
import { mergeSynonyms, shopSynonyms } from '../../scripts-library/search/search-words';
import { updateSettings } from './settings';

/**
 * An incoming phrase (a file's, a pack's) as it is stored: the stored row's pin and use figures kept, stamped now,
 * its search keys computed, `own` naming where it comes from.
 */
function storedFrom(phrase: Omit<Phrase, 'pinned' | 'useCount' | 'lastUsedAt' | 'createdAt' | 'updatedAt' | 'origin' | 'pinyin'>, existing: Phrase | undefined, now: number, own: Pick<Phrase, 'origin'> & Partial<Pick<Phrase, 'pack'>>, searchKeys = true): Phrase {
  const row = {
    ...phrase,
    pinned: existing?.pinned ?? false,
    useCount: existing?.useCount ?? 0,
    lastUsedAt: existing?.lastUsedAt,
    createdAt: existing?.createdAt ?? now,
    updatedAt: now,
    ...own,
  };
  return PhraseSchema.parse(searchKeys ? withSearchKeys(row) : row);
}

/** The search keys of a phrase, computed when it is saved (never at panel open). */
export function withSearchKeys<T extends Pick<Phrase, 'title' | 'body' | 'tags'>>(p: T): T & Pick<Phrase, 'pinyin'> {
  return { ...p, pinyin: phrasePinyin([p.title, p.body, ...p.tags]) };
}

/**
 * Apply an import plan in ONE transaction: new stages, added and updated phrases (with search keys). If any
 * write fails, Dexie rolls everything back and the library is exactly as before.
 * @returns how many phrases were written.
 */
export async function applyImport(db: KefuDB, plan: ImportPlan, now = Date.now()): Promise<number> {
  const rows = [...plan.added, ...plan.updated].map(({ phrase, existing }) =>
    storedFrom(phrase, existing, now, {
      origin: existing?.origin ?? 'import',
      // A team phrase stays the team's (#30 N6): with the file's wording it counts as edited here, kept by the next
      // version, not cut off from it.
      ...(existing?.pack ? { pack: existing.pack } : {}),
    }),
  );
  const stages = plan.newStages.map((s) => StageSchema.parse(s));
  return db.transaction('rw', db.stages, db.phrases, async () => {
    await db.stages.bulkPut(stages);
    await db.phrases.bulkPut(rows);
    return rows.length;
  });
}

const GroupMapSchema = z.record(z.string().min(1).max(200), z.string().min(1).max(80));
const groupMapKey = (fileGroups: string) => `importGroups:${fileGroups}`;

/** How a file's groups were last put into stages (`fileGroups`: a hash of the file's group names), if ever. */
export async function getImportGroupMap(db: KefuDB, fileGroups: string): Promise<Record<string, string>> {
  const parsed = GroupMapSchema.safeParse((await db.settings.get(groupMapKey(fileGroups)))?.value);
  return parsed.success ? ownEntries(parsed.data) : {};
}

/** Remember how a file's groups were put into stages, for its next import (#29 item 2). */
export async function saveImportGroupMap(db: KefuDB, fileGroups: string, map: Readonly<Record<string, string>>): Promise<void> {
  await db.settings.put({ key: groupMapKey(fileGroups), value: GroupMapSchema.parse(ownEntries(map)) });
}

/** A plain copy without keys that would reach a prototype (a file's group may be called anything). */
const ownEntries = (map: Readonly<Record<string, string>>): Record<string, string> =>
  Object.fromEntries(Object.entries(map).filter(([k, v]) => k !== '__proto__' && k !== 'constructor' && k !== 'prototype' && typeof v === 'string'));

/** The phrase was changed elsewhere (another panel) since this edit began: its stored version is attached. */
export class PhraseConflictError extends Error {
  constructor(readonly stored: Phrase) {
    super(`phrase ${stored.id} was changed elsewhere`);
    this.name = 'PhraseConflictError';
  }
}

/** The phrase was deleted elsewhere (another panel) since this edit began: saving would re-create it. */
export class PhraseDeletedError extends Error {
  constructor(readonly id: string) {
    super(`phrase ${id} was deleted elsewhere`);
    this.name = 'PhraseDeletedError';
  }
}

/**
 * Create or update one phrase; validation is the caller's (validatePhrase) and the schema's. With
 * `expectedUpdatedAt` (when the edit began), a phrase changed since then is not written over (PhraseConflictError)
 * and one deleted since then is not re-created (PhraseDeletedError, #30 m7): the agent decides.
 */
export async function savePhrase(
  db: KefuDB,
  draft: PhraseDraft & { id: string },
  now = Date.now(),
  expectedUpdatedAt?: number,
): Promise<Phrase> {
  return db.transaction('rw', db.phrases, async () => {
    const old = await db.phrases.get(draft.id);
    if (expectedUpdatedAt !== undefined && !old) throw new PhraseDeletedError(draft.id);
    if (expectedUpdatedAt !== undefined && old && old.updatedAt !== expectedUpdatedAt) throw new PhraseConflictError(old);
    const phrase = PhraseSchema.parse(
      withSearchKeys({
        pinned: false,
        useCount: 0,
        createdAt: now,
        origin: 'user',
        ...old,
        ...draft,
        code: draft.code?.trim().toLowerCase() || undefined,
        // Blank wordings are dropped; a draft without the field keeps the stored ones.
        variants: draft.variants ? nonEmpty(draft.variants) : old?.variants,
        updatedAt: now,
      }),
    );
    await db.phrases.put(phrase);
    return phrase;
  });
}

const nonEmpty = (variants: readonly string[]) => {
  const kept = variants.map((v) => v.trim()).filter(Boolean);
  return kept.length ? kept : undefined;
};

/** Delete a phrase and return it, so the panel can offer 撤销 (undo) by putting it back. */
export async function deletePhrase(db: KefuDB, id: string): Promise<Phrase | undefined> {
  return db.transaction('rw', db.phrases, async () => {
    const old = await db.phrases.get(id);
    await db.phrases.delete(id);
    return old;
  });
}

export async function restorePhrase(db: KefuDB, phrase: Phrase): Promise<void> {
  await db.phrases.put(PhraseSchema.parse(phrase));
}

export async function setPinned(db: KefuDB, id: string, pinned: boolean): Promise<void> {
  await db.phrases.update(id, { pinned });
}

/** Add an agent's own stage after the existing ones. */
export async function addStage(db: KefuDB, name: string, color = '#0f766e'): Promise<Stage> {
  return db.transaction('rw', db.stages, async () => {
    const all = await db.stages.toArray();
    const existing = all.find((s) => s.name === name.trim());
    if (existing) return existing;
    const stage = StageSchema.parse({
      id: `custom-${Date.now().toString(36)}`,
      name,
      order: all.reduce((m, s) => Math.max(m, s.order), 0) + 10,
      color,
      builtin: false,
    });
    await db.stages.add(stage);
    return stage;
  });
}

/** The library changed after the preview was made (another panel edited or imported): nothing was written. */
export class StalePlanError extends Error {
  constructor() {
    super('the phrase library changed after the preview');
    this.name = 'StalePlanError';
  }
}

const teamPackKey = (id: string) => `teamPack:${id}`;

/** The team pack `id` as installed here, if it is. */
export async function getInstalledPack(db: KefuDB, id: string): Promise<InstalledPack | undefined> {
  const row = await db.settings.get(teamPackKey(id));
  const parsed = InstalledPackSchema.safeParse(row?.value);
  return parsed.success ? parsed.data : undefined;
}

/**
 * Apply a team pack plan in ONE transaction: new stages, added and updated pack phrases (with search keys and
 * the version's wording hash), the version on every phrase it kept, the removals only when `removeGone`, and
 * the pack's record. With `takeTeamWording`, phrases edited here take the pack's wording. `searchKeys: false`
 * writes the phrases without their pinyin keys (the panel adds them: addMissingSearchKeys). A phrase or the pack changed since the preview throws StalePlanError and writes nothing.
 * @returns how many phrases were added, updated and removed.
 */
export async function applyPackUpdate(
  db: KefuDB,
  plan: PackUpdatePlan,
  removeGone: boolean,
  now = Date.now(),
  options: { takeTeamWording?: boolean; searchKeys?: boolean } = {},
): Promise<number> {
  const { pack } = plan;
  const stamp = (ref: string, hash: string) => ({ id: pack.id, ref, version: pack.version, hash });
  const taken = options.takeTeamWording ? plan.kept.filter((k) => k.reason === 'edited' && k.wording) : [];
  const takenIds = new Set(taken.map((k) => k.id));
  const record = InstalledPackSchema.parse({ ...plan.record, updatedAt: now });
  const stages = plan.newStages.map((s) => StageSchema.parse(s));
  return db.transaction('rw', db.stages, db.phrases, db.settings, async () => {
    if ((await getInstalledPack(db, pack.id))?.version !== plan.from) throw new StalePlanError();
    const planned = [...plan.updated.map((u) => u.existing!), ...plan.added.map((a) => ({ id: a.phrase.id, updatedAt: undefined }))];
    const current = await db.phrases.bulkGet(planned.map((p) => p.id));
    if (current.some((p, i) => p?.updatedAt !== planned[i]!.updatedAt)) throw new StalePlanError();
    const takenNow = await db.phrases.bulkGet(taken.map((k) => k.id));
    const toWrite = [
      ...[...plan.added, ...plan.updated].map(({ phrase, existing, ref, hash }) => ({ phrase, existing, ref, hash })),
      ...taken.flatMap((k, i) => (takenNow[i] ? [{ phrase: k.wording!, existing: takenNow[i], ref: k.ref, hash: k.hash }] : [])),
    ];
    const written = toWrite.map(({ phrase, existing, ref, hash }) => storedFrom(phrase, existing, now, { origin: pack.id, pack: stamp(ref, hash) }, options.searchKeys ?? true));
    const restamped = [...plan.unchanged.filter((u) => !u.stamped), ...plan.kept.filter((k) => k.reason === 'edited' && !takenIds.has(k.id))];
    const keep = await db.phrases.bulkGet(restamped.map((k) => k.id));
    // Only rows whose stamp changes are written (the lead's own rows, stamped by its publish, are not written twice).
    const kept = keep.flatMap((p, i) => {
      const next = stamp(restamped[i]!.ref, restamped[i]!.hash);
      const same = p?.pack && p.pack.id === next.id && p.pack.ref === next.ref && p.pack.version === next.version && p.pack.hash === next.hash;
      return p && !same ? [{ ...p, pack: next }] : [];
    });
    await db.stages.bulkPut(stages);
    await db.phrases.bulkPut([...written, ...kept]);
    if (removeGone) await db.phrases.bulkDelete(plan.removed.map((r) => r.id));
    await db.settings.put({ key: teamPackKey(pack.id), value: record });
    // The pack's synonyms join the shop's table (the default one until the shop edits it).
    const extra = plan.synonyms;
    if (extra?.length) await updateSettings(db, (current) => ({ synonyms: mergeSynonyms(shopSynonyms(current), extra) }));
    return written.length + (removeGone ? plan.removed.length : 0);
  });
}

/**
 * Search keys for phrases stored without them (存为短语 from the "/" picker: the background has no pinyin-pro).
 * Not an edit: updatedAt stays. @returns how many phrases got keys.
 */
export async function addMissingSearchKeys(db: KefuDB): Promise<number> {
  return db.transaction('rw', db.phrases, async () => {
    const missing = await db.phrases.filter((p) => !p.pinyin).toArray();
    await db.phrases.bulkPut(missing.map((p) => withSearchKeys(p)));
    return missing.length;
  });
}
