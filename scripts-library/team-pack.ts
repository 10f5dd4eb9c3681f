/**
 * Team packs: a pack file with an id, a version (`packVersion`) and an author, which a team lead hands to every
 * agent and updates later. Importing a newer version of a pack already here is a three-way merge per phrase,
 * between the wording the last version gave it (its hash, kept on the phrase), the wording it has here now and
 * the wording of the new version:
 * - not edited here → takes the new wording (updated), or stays as it is when the pack did not change it;
 * - edited here → the agent's wording is kept (shown as 已修改), whatever the new version says;
 * - deleted here → stays deleted (the agent removed it on purpose);
 * - gone from the new version → removed only when the agent says so in the preview.
 * Personal phrases and other packs' phrases are never touched: a pack only ever writes the phrases it owns
 * (`phrase.pack.id`), under ids of its own. Pure: the repository applies a plan in one transaction.
 */
import { shortHash } from './hash';
import { schemaProblems, type PlannedPhrase } from './phrase-io';
import { validatePhrase, type PhraseProblem } from './phrase-validation';
import type { InstalledPack, Phrase, PhrasePack, Stage } from './schema';

export interface TeamPackInfo {
  id: string;
  name: string;
  author: string;
  version: number;
}

export interface PackPhrasePlan extends PlannedPhrase {
  /** The phrase's id in the file, and the hash of the wording this version gives it. */
  ref: string;
  hash: string;
}

export interface PackUpdatePlan {
  kind: 'team-pack';
  pack: TeamPackInfo;
  /** The version installed here before, if any. */
  from?: number;
  added: PackPhrasePlan[];
  updated: PackPhrasePlan[];
  /** Phrases the agent edited or deleted here, kept as they are; `packChanged` when the new version rewords them. */
  kept: { id: string; title: string; reason: 'edited' | 'deleted'; packChanged: boolean; ref: string; hash: string }[];
  /** Pack phrases the new version no longer has: removed only if the agent agrees. */
  removed: { id: string; title: string; edited: boolean }[];
  unchanged: { id: string; ref: string; hash: string }[];
  invalid: { row: number; problems: PhraseProblem[]; title: string }[];
  newStages: Stage[];
  /** The installed-pack record to store once the plan is applied. */
  record: Omit<InstalledPack, 'updatedAt'>;
}

export type PackPlanResult = { ok: true; plan: PackUpdatePlan } | { ok: false; error: string };

/** The id a pack phrase has here: the pack's and the file's id together, so no personal phrase is ever hit. */
export function storedId(packId: string, ref: string): string {
  const id = `${packId}/${ref}`;
  return id.length <= 80 ? id : `${shortHash(packId)}/${shortHash(ref)}`;
}

type Wording = Pick<Phrase, 'stageId' | 'title' | 'body' | 'variants' | 'code' | 'tags'>;

/** The hash of a phrase's wording (what an edit changes; use counts and pins are not wording). */
export function wordingHash(p: Wording): string {
  return shortHash([p.stageId, p.title, p.body, p.code ?? '', p.tags.join('\n'), ...(p.variants ?? [])].join('\u0000'));
}

/** Whether a pack phrase was edited here since the pack last wrote it. */
export const editedHere = (p: Phrase): boolean => p.pack !== undefined && wordingHash(p) !== p.pack.hash;

/**
 * Plan the import of a team pack file against the library.
 * @param installed this pack's record here, if an earlier version was imported
 */
export function planPackUpdate(
  pack: PhrasePack,
  library: readonly Phrase[],
  stages: readonly Stage[],
  installed: InstalledPack | undefined,
): PackPlanResult {
  const info: TeamPackInfo = { id: pack.id, name: pack.name, author: pack.author ?? '', version: pack.packVersion ?? 1 };
  if (installed && info.version < installed.version) {
    return { ok: false, error: `这是「${info.name}」的旧版本 v${info.version}，本机已是 v${installed.version}，未导入` };
  }
  const stageOf = resolveStages(pack, stages);
  const owned = new Map<string, Phrase>();
  const codeOwner = new Map<string, Phrase>();
  for (const p of library) {
    if (p.pack?.id === pack.id) owned.set(p.id, p);
    if (p.code) codeOwner.set(p.code.toLowerCase(), p);
  }
  const byId = new Map(library.map((p) => [p.id, p]));
  const before = new Set(installed?.phraseIds ?? []);
  const plan: PackUpdatePlan = {
    kind: 'team-pack',
    pack: info,
    from: installed?.version,
    added: [],
    updated: [],
    kept: [],
    removed: [],
    unchanged: [],
    invalid: [],
    newStages: [],
    record: { id: info.id, name: info.name, author: info.author, version: info.version, phraseIds: pack.phrases.map((p) => p.id) },
  };
  const knownStages = new Set([...stages.map((s) => s.id), ...stageOf.created.map((s) => s.id)]);
  const fileCodes = new Map<string, string>();
  const neededStages = new Set<string>();
  pack.phrases.forEach((f, i) => {
    const id = storedId(pack.id, f.id);
    const code = f.code?.trim().toLowerCase() || undefined;
    const variants = f.variants?.map((v) => v.trim()).filter(Boolean);
    const wording: Wording = { stageId: stageOf.id(f.stageId), title: f.title.trim(), body: f.body.trim(), ...(variants?.length ? { variants } : {}), code, tags: f.tags };
    const hash = wordingHash(wording);
    const stored = byId.get(id);
    if (stored && stored.pack?.id !== pack.id) {
      plan.invalid.push({ row: i + 1, title: wording.title, problems: [{ code: 'id-taken', otherTitle: stored.title }] });
      return;
    }
    const mine = stored ? owned.get(id) : undefined;
    if (!mine && before.has(f.id)) {
      // In the last version and not here any more: the agent deleted it.
      plan.kept.push({ id, title: wording.title, reason: 'deleted', packChanged: false, ref: f.id, hash });
      return;
    }
    if (mine && editedHere(mine)) {
      plan.kept.push({ id, title: mine.title, reason: 'edited', packChanged: mine.pack!.hash !== hash, ref: f.id, hash });
      return;
    }
    if (mine && mine.pack!.hash === hash) {
      plan.unchanged.push({ id, ref: f.id, hash });
      return;
    }
    const owner = code ? codeOwner.get(code) : undefined;
    const clash = code ? fileCodes.get(code) : undefined;
    const problems = [
      ...validatePhrase({ id, ...wording }, owner && owner.id !== id ? [owner] : [], knownStages),
      ...(clash ? [{ code: 'duplicate-code', shortcut: code!, otherTitle: clash } as const] : []),
      ...schemaProblems(wording),
    ];
    if (problems.length) {
      plan.invalid.push({ row: i + 1, title: wording.title, problems });
      return;
    }
    if (code) fileCodes.set(code, wording.title);
    const planned: PackPhrasePlan = { row: i + 1, phrase: { id, ...wording, order: i }, existing: mine, ref: f.id, hash };
    (mine ? plan.updated : plan.added).push(planned);
    neededStages.add(wording.stageId);
  });
  const inFile = new Set(pack.phrases.map((f) => storedId(pack.id, f.id)));
  for (const p of owned.values()) if (!inFile.has(p.id)) plan.removed.push({ id: p.id, title: p.title, edited: editedHere(p) });
  plan.newStages = stageOf.created.filter((s) => neededStages.has(s.id));
  return { ok: true, plan };
}

/** File stage id → the stage here: the same id, else a stage of the same name, else the file's stage, created. */
function resolveStages(pack: PhrasePack, stages: readonly Stage[]): { id(fileStage: string): string; created: Stage[] } {
  const ids = new Set(stages.map((s) => s.id));
  const byName = new Map(stages.map((s) => [s.name, s.id]));
  const map = new Map<string, string>();
  const created: Stage[] = [];
  let order = stages.reduce((m, s) => Math.max(m, s.order), 0);
  for (const s of pack.stages) {
    if (ids.has(s.id)) map.set(s.id, s.id);
    else if (byName.has(s.name)) map.set(s.id, byName.get(s.name)!);
    else {
      map.set(s.id, s.id);
      created.push({ ...s, order: (order += 10), builtin: false });
    }
  }
  return { id: (fileStage) => map.get(fileStage) ?? fileStage, created };
}

/**
 * A team pack file of phrases (the lead's export): ids from the phrases' own pack ids where they came from this
 * pack (so an agent's copy of v1 updates to v2), else their ids here.
 */
export function teamPackFile(info: TeamPackInfo, stages: readonly Stage[], phrases: readonly Phrase[]): PhrasePack {
  const used = new Set(phrases.map((p) => p.stageId));
  return {
    format: 'kefu-phrase-pack',
    version: 1,
    id: info.id,
    name: info.name,
    packVersion: info.version,
    author: info.author || undefined,
    stages: stages.filter((s) => used.has(s.id)),
    phrases: phrases.map((p) => ({
      id: p.pack?.id === info.id ? refOf(p) : p.id,
      stageId: p.stageId,
      title: p.title,
      body: p.body,
      ...(p.variants?.length ? { variants: p.variants } : {}),
      ...(p.code ? { code: p.code } : {}),
      tags: p.tags,
    })),
  };
}

const refOf = (p: Phrase) => p.pack!.ref;
