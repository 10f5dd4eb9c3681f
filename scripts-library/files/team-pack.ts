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
import { sha256, sha256Async, shortHash } from '../shared/hash';
import { schemaProblems, type PlannedPhrase } from './phrase-io';
import { validatePhrase, type PhraseProblem } from '../phrases/phrase-validation';
import type { InstalledPack, Phrase, PhrasePack, Stage, SynonymRow } from '../shared/schema';
import type { FileResult } from './file-result';
import { fileText } from './file-text';

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

/** Something about the file the agent should know before applying it. */
export type PackWarning =
  /** The pack here was written by someone else: a pack of the same name from another team, most likely. */
  | { kind: 'foreign-author'; here: string; file: string }
  /** The file's content no longer matches the hash its export wrote (changed by hand or by another tool). */
  | { kind: 'hash-mismatch' };

export interface PackUpdatePlan {
  kind: 'team-pack';
  pack: TeamPackInfo;
  /** The version installed here before, if any. */
  from?: number;
  added: PackPhrasePlan[];
  updated: PackPhrasePlan[];
  /**
   * Phrases the agent edited or deleted here, kept as they are; `packChanged` when the new version rewords them.
   * An edited one carries the pack's `wording`, which the agent may take instead (applyPackUpdate's
   * `takeTeamWording`).
   */
  kept: { id: string; title: string; reason: 'edited' | 'deleted'; packChanged: boolean; ref: string; hash: string; wording?: PackPhrasePlan['phrase'] }[];
  /** Pack phrases the new version no longer has: removed only if the agent agrees. */
  removed: { id: string; title: string; edited: boolean }[];
  /** `stamped`: the phrase carries this version's stamp already (nothing to write for it). */
  unchanged: { id: string; ref: string; hash: string; stamped?: boolean }[];
  invalid: { row: number; problems: PhraseProblem[]; title: string }[];
  newStages: Stage[];
  warnings: PackWarning[];
  /** The installed-pack record to store once the plan is applied. */
  record: Omit<InstalledPack, 'updatedAt'>;
  /** The pack's synonym rows, added to the shop's table when the plan is applied. */
  synonyms?: SynonymRow[];
}

export type PackPlanResult = FileResult<{ plan: PackUpdatePlan }>;

export interface PackPlanOptions {
  /**
   * Whether a phrase of no team pack still has the wording it came with (a default phrase never edited here):
   * a pack phrase matching it then updates it in place. Without it, such a phrase counts as the agent's own.
   */
  pristine?(phrase: Phrase): boolean;
  /** The pack's packContentHash, when the caller has it already (packContentHashAsync: the native digest). */
  contentHash?: string;
}

/**
 * The id a pack phrase has here: the pack's and the file's id together, so no personal phrase is ever hit. Over
 * 80 characters (the id limit) it is a SHA-256 of both, so two refs never share an id (a 32-bit hash did: #30 N5).
 * Phrases stored under an older form of the id are still found: a pack finds its phrases by `pack.ref`.
 */
export function storedId(packId: string, ref: string): string {
  const id = `${packId}/${ref}`;
  return id.length <= 80 ? id : `tp-${sha256(`${packId}\u0000${ref}`)}`;
}

type Wording = Pick<Phrase, 'stageId' | 'title' | 'body' | 'variants' | 'code' | 'tags'>;

/** The hash of a phrase's wording (what an edit changes; use counts and pins are not wording). */
export function wordingHash(p: Wording): string {
  return shortHash([p.stageId, p.title, p.body, p.code ?? '', p.tags.join('\n'), ...(p.variants ?? [])].join('\u0000'));
}

/** Whether a pack phrase was edited here since the pack last wrote it. */
export const editedHere = (p: Phrase): boolean => p.pack !== undefined && wordingHash(p) !== p.pack.hash;

/**
 * The SHA-256 of a pack's stages and phrases (field by field, so key order in the file does not matter): two
 * files of the same version with different content are told apart (#30 m5).
 */
export function packContentHash(pack: Pick<PhrasePack, 'stages' | 'phrases'>): string {
  return sha256(contentText(pack));
}

/** packContentHash through the platform's native SHA-256 (the same hash; a 10k-phrase pack is megabytes of text). */
export function packContentHashAsync(pack: Pick<PhrasePack, 'stages' | 'phrases'>): Promise<string> {
  return sha256Async(contentText(pack));
}

function contentText(pack: Pick<PhrasePack, 'stages' | 'phrases'>): string {
  const stages = pack.stages.map((s) => [s.id, s.name, s.order, s.color, s.builtin]);
  const phrases = pack.phrases.map((p) => [p.id, p.stageId, p.title, p.body, p.variants ?? [], p.code ?? '', p.tags]);
  return JSON.stringify([stages, phrases]);
}

/**
 * Plan the import of a team pack file against the library. A pack phrase is, in this order: the phrase this pack
 * gave before (found by its ref); else a default phrase of no pack with the same id or the same code and title (one
 * the lead kept or reworded: it is updated when never edited here, else kept with the pack's wording
 * offered); else one the agent deleted (only if this pack wrote it before); else new. A row refused (its code
 * taken) is not recorded, so it is tried again by the next version instead of counting as deleted (#30 N4).
 * @param installed this pack's record here, if an earlier version was imported
 */
export function planPackUpdate(
  pack: PhrasePack,
  library: readonly Phrase[],
  stages: readonly Stage[],
  installed: InstalledPack | undefined,
  options: PackPlanOptions = {},
): PackPlanResult {
  const info: TeamPackInfo = { id: pack.id, name: pack.name, author: pack.author ?? '', version: pack.packVersion ?? 1 };
  const contentHash = options.contentHash ?? packContentHash(pack);
  const error = packRefusal(info, installed, contentHash);
  if (error) return { ok: false, error };
  const warnings: PackWarning[] = [];
  if (installed?.author && installed.author !== info.author) warnings.push({ kind: 'foreign-author', here: installed.author, file: info.author });
  if (pack.contentHash && pack.contentHash !== contentHash) warnings.push({ kind: 'hash-mismatch' });
  const stageOf = resolveStages(pack, stages);
  const { owned, codeOwner, loose, byId } = indexForPack(library, pack.id);
  const before = new Set(installed?.phraseIds ?? []);
  const claimed = new Set<string>();
  const plan: PackUpdatePlan = {
    ...{ kind: 'team-pack', pack: info, from: installed?.version, warnings },
    ...(pack.synonyms?.length ? { synonyms: pack.synonyms } : {}),
    ...{ added: [], updated: [], kept: [], removed: [], unchanged: [], invalid: [], newStages: [] },
    record: { id: info.id, name: info.name, author: info.author, version: info.version, phraseIds: [], contentHash },
  };
  const knownStages = new Set([...stages.map((s) => s.id), ...stageOf.created.map((s) => s.id)]);
  const fileCodes = new Map<string, string>();
  const neededStages = new Set<string>();
  const refused = new Set<string>();
  pack.phrases.forEach((f, i) => {
    const code = f.code?.trim().toLowerCase() || undefined;
    const variants = f.variants?.map((v) => v.trim()).filter(Boolean);
    const wording: Wording = { stageId: stageOf.id(f.stageId), title: f.title.trim(), body: f.body.trim(), ...(variants?.length ? { variants } : {}), code, tags: f.tags };
    const hash = wordingHash(wording);
    const guards = guardsOf(f);
    const refuse = (problems: PhraseProblem[]) => {
      plan.invalid.push({ row: i + 1, title: wording.title, problems });
      refused.add(f.id);
    };
    let mine = owned.get(f.id);
    if (!mine) {
      const direct = byId.get(f.id);
      const match = (direct && matchable(direct) ? direct : undefined) ?? (code ? loose.get(`${code}\u0000${wording.title}`) : undefined);
      if (match && !claimed.has(match.id)) {
        claimed.add(match.id);
        if (wordingHash(match) === hash && sameGuards(match, guards)) return void plan.unchanged.push({ id: match.id, ref: f.id, hash });
        if (!options.pristine?.(match)) {
          return void plan.kept.push({ id: match.id, title: match.title, reason: 'edited', packChanged: true, ref: f.id, hash, wording: { id: match.id, ...wording, order: i } });
        }
        mine = match;
      } else if (before.has(f.id)) {
        // In the last version, written here then, and not here any more: the agent deleted it.
        return void plan.kept.push({ id: storedId(pack.id, f.id), title: wording.title, reason: 'deleted', packChanged: false, ref: f.id, hash });
      }
    }
    const id = mine?.id ?? storedId(pack.id, f.id);
    const stored = mine ?? byId.get(id);
    if (stored && stored !== mine) return void (foundReleased(plan, { stored, ref: f.id, hash, wording: { id, ...wording, order: i } }, pack.id) || refuse([{ code: 'id-taken', otherTitle: stored.title }]));
    if (mine?.pack && editedHere(mine)) {
      return void plan.kept.push({ id, title: mine.title, reason: 'edited', packChanged: mine.pack.hash !== hash, ref: f.id, hash, wording: { id, ...wording, order: i } });
    }
    if (mine?.pack && mine.pack.hash === hash && sameGuards(mine, guards)) return void plan.unchanged.push({ id, ref: f.id, hash, stamped: mine.pack.id === info.id && mine.pack.ref === f.id && mine.pack.version === info.version });
    const owner = code ? codeOwner.get(code) : undefined;
    const clash = code ? fileCodes.get(code) : undefined;
    const problems = [
      ...validatePhrase({ id, ...wording }, owner && owner.id !== id ? [owner] : [], knownStages),
      ...(clash ? [{ code: 'duplicate-code', shortcut: code!, otherTitle: clash } as const] : []),
      ...schemaProblems(wording),
    ];
    if (problems.length) return refuse(problems);
    if (code) fileCodes.set(code, wording.title);
    const planned: PackPhrasePlan = { row: i + 1, phrase: { id, ...wording, ...(guards ?? guardsOf(mine)), order: i }, existing: mine, ref: f.id, hash };
    (mine ? plan.updated : plan.added).push(planned);
    neededStages.add(wording.stageId);
  });
  plan.record.phraseIds = pack.phrases.map((p) => p.id).filter((ref) => !refused.has(ref));
  const inFile = new Set(pack.phrases.map((f) => f.id));
  for (const [ref, p] of owned) if (!inFile.has(ref)) plan.removed.push({ id: p.id, title: p.title, edited: editedHere(p) });
  plan.newStages = stageOf.created.filter((s) => neededStages.has(s.id));
  return { ok: true, plan };
}

/**
 * A phrase under this pack phrase's own stored id that no longer carries the pack: the agent's edited copy, kept
 * as theirs when the team dropped the phrase (team-library.ts releaseEdited). The team bringing it back finds it
 * again: unchanged when the wording is the same, else kept as 团队 · 已改. @returns whether it was that phrase
 */
function foundReleased(plan: PackUpdatePlan, found: { stored: Phrase; ref: string; hash: string; wording: PackPhrasePlan['phrase'] }, packId: string): boolean {
  const { stored, ref, hash, wording } = found;
  if (stored.pack || stored.id !== storedId(packId, ref)) return false;
  if (wordingHash(stored) === hash) plan.unchanged.push({ id: stored.id, ref, hash });
  else plan.kept.push({ id: stored.id, title: stored.title, reason: 'edited', packChanged: true, ref, hash, wording });
  return true;
}

/**
 * What a pack phrase answers and when it may lead (#32), or undefined when the file says neither (a pack written
 * before they existed: the phrase keeps the ones it has). Not part of the wording hash, so a guard the lead changes
 * is applied without the phrase counting as reworded.
 */
function guardsOf(p: Pick<Phrase, 'intents' | 'lead'> | undefined): Pick<Phrase, 'intents' | 'lead'> | undefined {
  if (!p?.intents && !p?.lead) return undefined;
  return { ...(p.intents ? { intents: p.intents } : {}), ...(p.lead ? { lead: p.lead } : {}) };
}
const sameGuards = (p: Phrase, guards: Pick<Phrase, 'intents' | 'lead'> | undefined) =>
  !guards || JSON.stringify([p.intents, p.lead]) === JSON.stringify([guards.intents, guards.lead]);

/** Why a team pack file is not imported at all (a reserved id, an older version, another file of this version). */
function packRefusal(info: TeamPackInfo, installed: InstalledPack | undefined, contentHash: string): string | undefined {
  if (RESERVED_IDS.has(info.id)) return fileText('fileTeamReservedId', info.id);
  if ([...info.name].length > 80) return fileText('fileTeamNameLong');
  if (installed && info.version < installed.version) return fileText('fileTeamOlder', info.name, info.version, installed.version);
  if (installed?.contentHash && info.version === installed.version && installed.contentHash !== contentHash) {
    return fileText('fileTeamChanged', info.name, info.version);
  }
  return undefined;
}

/** The library as a pack plan looks it up: this pack's phrases by ref, codes, phrases of no pack by code + title, ids. */
function indexForPack(library: readonly Phrase[], packId: string) {
  const owned = new Map<string, Phrase>(); // ref → the phrase this pack wrote
  const codeOwner = new Map<string, Phrase>();
  const loose = new Map<string, Phrase>(); // code + title → a phrase of no pack, to match a pack phrase to
  for (const p of library) {
    if (p.pack?.id === packId && !owned.has(p.pack.ref)) owned.set(p.pack.ref, p);
    if (p.code) codeOwner.set(p.code.toLowerCase(), p);
    if (matchable(p) && p.code) loose.set(`${p.code.toLowerCase()}\u0000${p.title}`, p);
  }
  return { owned, codeOwner, loose, byId: new Map(library.map((p) => [p.id, p])) };
}

/** The bundled default library's pack id (DEFAULT_PACK_ID; team-packs-defaults.test.ts fails if they part). */
const DEFAULT_ORIGIN = 'default';
/** Ids the library uses as phrase origins: a team pack under one would pass its phrases off as those. */
const RESERVED_IDS = new Set([DEFAULT_ORIGIN, 'user', 'import']);
/** A phrase a pack phrase may turn out to be: a default phrase of no pack. Personal phrases are never taken. */
const matchable = (p: Phrase) => p.origin === DEFAULT_ORIGIN && !p.pack;

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
  const file: PhrasePack = {
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
      ...guardsOf(p),
    })),
  };
  return { ...file, contentHash: packContentHash(file) };
}

const refOf = (p: Phrase) => p.pack!.ref;
