/**
 * Team mode in the database (#35): the joined team (a settings row, this browser only), this browser's device id,
 * each team document's Yjs state (so edits made offline wait here), and the bridge's plans applied to the rows the
 * panel reads. Only problem/handover notes, this agent's tally and (for the lead) team phrases are ever read
 * out for a document; personal phrases, buyer notes, reminders, remembered values and settings never are.
 */
import * as Y from 'yjs';
import type { KefuDB } from '../db';
import { DeviceIdSchema, newDeviceId, TEAM_DEVICE_KEY, TEAM_KEY, TeamConfigSchema, teamPackId, type TeamConfig, type TeamTally } from '../../scripts-library/team/team-config';
import { announceMember, docMembers, libraryPack, pullNotes, pushLeadLibrary, pushNotes, pushTally, readTally } from '../../scripts-library/team/bridge';
import { planPackUpdate } from '../../scripts-library/files/team-pack';
import { applyPackUpdate, getInstalledPack } from './phrase-writes';
import { isPristineDefault } from './packs';
import { applyNotebookMerge, listSharedNotes, notesWithIds } from './notes';

/** The joined team, or undefined (team mode off). A stored row that does not parse counts as off. */
export async function getTeamConfig(db: KefuDB): Promise<TeamConfig | undefined> {
  const parsed = TeamConfigSchema.safeParse((await db.settings.get(TEAM_KEY))?.value);
  return parsed.success ? parsed.data : undefined;
}

export async function saveTeamConfig(db: KefuDB, config: TeamConfig): Promise<void> {
  await db.settings.put({ key: TEAM_KEY, value: TeamConfigSchema.parse(config) });
}

/**
 * Leave the team: the token and the documents' state go; every row the team brought (team phrases, notes, the
 * lead's team tally) stays here as the local copy.
 */
export async function leaveTeam(db: KefuDB): Promise<void> {
  await db.transaction('rw', db.settings, db.teamDocs, async () => {
    await db.settings.delete(TEAM_KEY);
    await db.teamDocs.clear();
  });
}

/** This browser's device id, made once. */
export async function deviceId(db: KefuDB): Promise<string> {
  return db.transaction('rw', db.settings, async () => {
    const parsed = DeviceIdSchema.safeParse((await db.settings.get(TEAM_DEVICE_KEY))?.value);
    if (parsed.success) return parsed.data;
    const id = newDeviceId();
    await db.settings.put({ key: TEAM_DEVICE_KEY, value: id });
    return id;
  });
}

/** Load a document's stored state into `doc` (nothing when none is stored). @returns edits still unconfirmed */
export async function loadDoc(db: KefuDB, name: string, doc: Y.Doc): Promise<number> {
  const row = await db.teamDocs.get(name);
  if (row) Y.applyUpdate(doc, row.update, 'kefu-stored');
  return row?.pending ?? 0;
}

/** Store a document's whole state (with the count of this browser's edits the server has not confirmed). */
export async function storeDoc(db: KefuDB, name: string, doc: Y.Doc, pending: number, now = Date.now()): Promise<void> {
  await db.teamDocs.put({ name, update: Y.encodeStateAsUpdate(doc), pending, updatedAt: now });
}

/** Edits waiting for the server, over every document of the team. */
export async function pendingEdits(db: KefuDB): Promise<number> {
  return (await db.teamDocs.toArray()).reduce((n, r) => n + r.pending, 0);
}

/**
 * The library doc → team phrases here (a pack update: unedited team rows take the doc's wording, an agent's own
 * edit is kept as 团队 · 已改, phrases the lead removed go unless edited here). @returns rows written, or the
 * reason nothing was (in Chinese)
 */
export async function pullLibrary(db: KefuDB, doc: Y.Doc, team: string, now = Date.now()): Promise<{ written: number; error?: string }> {
  const installed = await getInstalledPack(db, teamPackId(team));
  const { pack } = libraryPack(doc, team, installed);
  if (!pack) return { written: 0 };
  const planned = planPackUpdate(pack, await db.phrases.toArray(), await db.stages.toArray(), installed, { pristine: isPristineDefault });
  if (!planned.ok) return { written: 0, error: planned.error };
  const plan = planned.plan;
  if (!plan.added.length && !plan.updated.length && !plan.removed.length && !plan.newStages.length && installed && plan.record.contentHash === installed.contentHash) return { written: 0 };
  // Removed by the lead: gone here unless the agent edited it (then it is theirs now).
  const removable = { ...plan, removed: plan.removed.filter((r) => !r.edited) };
  return { written: await applyPackUpdate(db, removable, true, now) };
}

/**
 * The lead's team rows → the library doc, then the lead's rows restamped as the team's wording (so they do not
 * read as 已改). `publishAll`: the whole library but personal-only rows joins the team.
 */
export async function pushLibrary(db: KefuDB, doc: Y.Doc, config: TeamConfig, opts: { publishAll?: boolean; now?: number } = {}): Promise<number> {
  if (config.role !== 'lead') return 0;
  const now = opts.now ?? Date.now();
  const packId = teamPackId(config.team);
  const library = await db.phrases.toArray();
  const installed = await getInstalledPack(db, packId);
  const pushed = pushLeadLibrary(doc, config.team, library, await db.stages.toArray(), installed?.phraseIds ?? [], {
    by: config.agent,
    now,
    ...(opts.publishAll ? { publish: library } : {}),
  });
  const version = (doc.getMap<unknown>('meta').get('version') as number | undefined) ?? 1;
  await db.transaction('rw', db.phrases, db.settings, async () => {
    const rows = await db.phrases.bulkGet(pushed.restamp.map((r) => r.id));
    await db.phrases.bulkPut(rows.flatMap((p, i) => (p ? [{ ...p, origin: packId, pack: { id: packId, ref: pushed.restamp[i]!.ref, version, hash: pushed.restamp[i]!.hash } }] : [])));
  });
  return pushed.written.length + pushed.removed.length;
}

/** The notebooks doc ↔ this machine's problem log and handovers: merged here, then the merge's result written back. */
export async function syncNotebooks(db: KefuDB, doc: Y.Doc, config: TeamConfig, now = Date.now()): Promise<{ pulled: number; pushed: number }> {
  const incoming = [...doc.getMap<unknown>('notes').keys()];
  const merge = pullNotes(doc, await notesWithIds(db, incoming), now);
  await applyNotebookMerge(db, merge);
  const pushed = pushNotes(doc, await listSharedNotes(db));
  announceMember(doc, config.agent, config.role, now);
  return { pulled: merge.added.length + merge.updated.length, pushed: pushed.length };
}

/** This browser's tally rows → the agent's own tally doc (absolute totals under this device's key). */
export async function pushOwnTally(db: KefuDB, doc: Y.Doc, device: string): Promise<number> {
  return pushTally(doc, device, await db.tally.toArray()).length;
}

/** Agents whose tally the lead reads (from the notebooks doc's member list). */
export function teamAgents(notebooks: Y.Doc): string[] {
  return docMembers(notebooks)
    .filter((m) => m.role === 'agent' || m.role === 'lead')
    .map((m) => m.agent);
}

/** An agent's tally doc → the lead's table (that agent's rows replaced by the doc's). */
export async function storeAgentTally(db: KefuDB, doc: Y.Doc, agent: string): Promise<number> {
  const rows = readTally(doc, agent);
  await db.transaction('rw', db.teamTally, async () => {
    await db.teamTally.where('agent').equals(agent).delete();
    await db.teamTally.bulkPut(rows);
  });
  return rows.length;
}

/** The lead's table of every agent's rows for these days. */
export async function teamTallyForDays(db: KefuDB, days: readonly string[]): Promise<TeamTally[]> {
  return db.teamTally.where('day').anyOf([...days]).toArray();
}
