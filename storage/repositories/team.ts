/**
 * Team mode in the database (#35): the joined team (a settings row, this browser only), this browser's device id,
 * each team document's Yjs state (so edits made offline wait here), and the bridge's plans applied to the rows the
 * panel reads. Only problem/handover notes, this agent's tally and (for the lead) team phrases are ever read
 * out for a document; personal phrases, buyer notes, reminders, remembered values and settings never are.
 */
import * as Y from 'yjs';
import type { KefuDB } from '../db';
import type { TeamConfig } from '../../scripts-library/team/team-config';

export { deviceId, getTeamConfig, leaveTeam, saveTeamConfig, teamTallyForDays } from './team-config';
import { announceMember, docMembers, pullNotes, pushNotes, pushTally, readTally } from '../../scripts-library/team/bridge';
import { applyNotebookMerge, listSharedNotes, notesWithIds } from './notes';

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

/**
 * Store a document as `storeDoc` does, but only its count of unconfirmed edits when its content did not change
 * since it was last stored (`changed` false): a 10k-phrase library doc is megabytes to encode and write, and the
 * worker's catch-up and each confirmation from the server would otherwise write it all again.
 */
export async function storeDocIfChanged(db: KefuDB, name: string, doc: Y.Doc, pending: number, changed: boolean, now = Date.now()): Promise<void> {
  if (!changed && (await db.teamDocs.update(name, { pending, updatedAt: now }))) return;
  await storeDoc(db, name, doc, pending, now);
}

/** Edits waiting for the server, over every document of the team. */
export async function pendingEdits(db: KefuDB): Promise<number> {
  return (await db.teamDocs.toArray()).reduce((n, r) => n + r.pending, 0);
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
