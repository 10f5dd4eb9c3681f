/**
 * The team library in the database (#35): the library doc applied as a team pack update, and the lead's team rows
 * written to it. Apart from the rest of the team sync because it needs the phrase writes (and their pinyin search
 * keys): the side panel runs it; the service worker's catch-up only keeps the doc's state for the panel to apply.
 */
import type * as Y from 'yjs';
import type { KefuDB } from '../db';
import { teamPackId, type TeamConfig } from '../../scripts-library/team/team-config';
import { libraryPack, pushLeadLibrary } from '../../scripts-library/team/bridge';
import { editedHere, packContentHashAsync, planPackUpdate } from '../../scripts-library/files/team-pack';
import type { Phrase } from '../../scripts-library/shared/schema';
import { applyPackUpdate, getInstalledPack } from './phrase-writes';
import { isPristineDefault } from './packs';

/**
 * The library doc → team phrases here (a pack update: unedited team rows take the doc's wording, an agent's own
 * edit is kept as 团队 · 已改, phrases the lead removed go unless edited here). @returns rows written, or the
 * reason nothing was (in Chinese)
 */
export async function pullLibrary(db: KefuDB, doc: Y.Doc, team: string, now = Date.now()): Promise<{ written: number; error?: string }> {
  const installed = await getInstalledPack(db, teamPackId(team));
  const { pack } = libraryPack(doc, team, installed);
  if (!pack) return { written: 0 };
  const contentHash = await packContentHashAsync(pack);
  const planned = planPackUpdate(pack, await db.phrases.toArray(), await db.stages.toArray(), installed, { pristine: isPristineDefault, contentHash });
  if (!planned.ok) return { written: 0, error: planned.error };
  const plan = planned.plan;
  if (!plan.added.length && !plan.updated.length && !plan.removed.length && !plan.newStages.length && installed && plan.record.contentHash === installed.contentHash) return { written: 0 };
  // Removed by the lead: gone here unless the agent edited it; an edited copy stays as the agent's own phrase.
  const removable = { ...plan, removed: plan.removed.filter((r) => !r.edited) };
  // Without their pinyin keys: the rows are there (and found by their characters) in half the time, and the
  // panel adds the keys after (useSearchKeyBackfill → addMissingSearchKeys), as for 存为短语. Pinyin was half of
  // a 10k-phrase first sync here (tests/bench/team-server.bench.ts).
  const written = await applyPackUpdate(db, removable, true, now, { searchKeys: false });
  return { written: written + (await releaseEdited(db, plan.pack.id, plan.removed.filter((r) => r.edited).map((r) => r.id), now)) };
}

/**
 * Team phrases the lead removed that the agent had edited: kept, as the agent's own phrases (no 团队 mark, so
 * the next sync does not offer them as the team's). Should the lead bring the phrase back, the next pull finds it
 * by its id and marks it 团队 · 已改 again (team-pack.ts). @returns phrases released
 */
async function releaseEdited(db: KefuDB, packId: string, ids: readonly string[], now: number): Promise<number> {
  if (!ids.length) return 0;
  return db.transaction('rw', db.phrases, async () => {
    const rows = (await db.phrases.bulkGet([...ids])).filter((p): p is Phrase => !!p && p.pack?.id === packId && editedHere(p));
    await db.phrases.bulkPut(rows.map(({ pack: _pack, ...p }) => ({ ...p, origin: 'user', updatedAt: now })));
    return rows.length;
  });
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

