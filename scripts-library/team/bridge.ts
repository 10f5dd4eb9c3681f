/**
 * The bridge between the team's Yjs documents (server contract, #35) and the rows the panel reads from Dexie.
 * Pure: it reads and writes Y.Docs and returns plans; the storage layer applies them in transactions.
 * - library doc ↔ team phrases: the doc is read as a team pack (a synced library is a pack update, team-pack.ts
 *   planning reused); the lead's edits of team rows go to the doc;
 * - notebooks doc ↔ notes of kind problem and handover (the notebook import's merge reused);
 * - tally: this agent's rows → `tally/<agent>` under `<device>|<day>|<shift>`, absolute totals (never a counter).
 * Nothing else is ever written to a document: only the functions here write, and they take only those rows.
 */
import * as Y from 'yjs';
import { NoteSchema, PackPhraseSchema, RuleSchema, StageSchema, SynonymRowSchema, TallySchema, type Note, type Phrase, type PhrasePack, type Rule, type Stage, type Tally } from '../shared/schema';
import { ruleContentHash } from '../guard/rule-upgrade';
import { wordingHash } from '../files/team-pack';
import { planNotebookMerge, type NotebookMerge } from '../files/notebook-io';
import { teamPackId, type TeamTally } from './team-config';

export type { TeamTally } from './team-config';

/** Transaction origin of writes the bridge makes from Dexie rows (a doc observer skips its own). */
export const LOCAL_ORIGIN = 'kefu-local';

// ── library ──────────────────────────────────────────────────────────────────────────────────────────────────

const PACK_FIELDS = ['stageId', 'title', 'body', 'variants', 'code', 'tags', 'intents', 'lead'] as const;

/** A phrase as the library doc holds it (the pack file's shape). */
function packPhraseOf(p: Phrase, ref: string) {
  const out: Record<string, unknown> = { id: ref };
  for (const f of PACK_FIELDS) if (p[f] !== undefined && !(Array.isArray(p[f]) && f !== 'tags' && (p[f] as unknown[]).length === 0)) out[f] = p[f];
  return out;
}

export interface LibraryRead {
  pack?: PhrasePack;
  /** Rows of the doc the pack schema refuses (named by id), left out. */
  refused: string[];
}

/**
 * The library doc as a team pack of this team, or no pack while the doc holds no phrase. Its version is the doc's
 * `meta.version`; `installed` (the version applied here) lifts it when the content changed without a higher
 * version, so a lead's edit is never refused as "an older version".
 */
export function libraryPack(doc: Y.Doc, team: string, installed?: { version: number; contentHash?: string }): LibraryRead {
  const refused: string[] = [];
  const phrases: PhrasePack['phrases'] = [];
  for (const [id, raw] of doc.getMap<unknown>('phrases').entries()) {
    const parsed = PackPhraseSchema.safeParse({ ...(raw as object), id });
    if (parsed.success) phrases.push(parsed.data);
    else refused.push(id);
  }
  // No phrase: no pack, unless the lead emptied the library (the doc has a version and no row at all), which
  // removes the team's phrases here as any removal does. A doc never written (a seat that rejoined) removes none.
  const emptied = doc.getMap<unknown>('phrases').size === 0 && Number.isInteger(doc.getMap<unknown>('meta').get('version'));
  if (!phrases.length && !emptied) return { refused };
  const stages: Stage[] = [];
  for (const [id, raw] of doc.getMap<unknown>('stages').entries()) {
    const parsed = StageSchema.safeParse({ ...(raw as object), id });
    if (parsed.success) stages.push(parsed.data);
  }
  // Phrases in a stage the doc does not list get a stage of that id (named after it), so none is refused for it.
  const known = new Set(stages.map((s) => s.id));
  for (const p of phrases) {
    if (known.has(p.stageId)) continue;
    known.add(p.stageId);
    stages.push({ id: p.stageId, name: p.stageId.slice(0, 20), order: 1000 + stages.length, color: '#0f766e', builtin: false });
  }
  phrases.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const synonyms = [...doc.getMap<unknown>('synonyms').values()].flatMap((r) => {
    const parsed = SynonymRowSchema.safeParse(r);
    return parsed.success ? [parsed.data] : [];
  });
  const meta = doc.getMap<unknown>('meta');
  const version = Math.max(1, Math.min(1_000_000, Number.isInteger(meta.get('version')) ? (meta.get('version') as number) : 1));
  const by = typeof meta.get('by') === 'string' ? (meta.get('by') as string).slice(0, 40) : undefined;
  const pack: PhrasePack = {
    format: 'kefu-phrase-pack',
    version: 1,
    id: teamPackId(team),
    name: `团队 ${team}`.slice(0, 80),
    packVersion: version,
    ...(by ? { author: by } : {}),
    stages,
    phrases,
    ...(synonyms.length ? { synonyms } : {}),
  };
  return { pack: installed && version <= installed.version ? { ...pack, packVersion: installed.version + 1 } : pack, refused };
}

/**
 * The wording hash of a doc row as the lead wrote it (packPhraseOf's fields), read without a schema parse: the
 * lead compares every team row with the doc on each sync (10k rows). A row of another shape (undefined here) is
 * simply written again; what seats read is parsed by libraryPack.
 */
function docWordingHash(raw: unknown): string | undefined {
  if (!raw || typeof raw !== 'object') return undefined;
  const r = raw as Record<string, unknown>;
  const strings = (v: unknown) => Array.isArray(v) && v.every((x) => typeof x === 'string');
  if (typeof r.stageId !== 'string' || typeof r.title !== 'string' || typeof r.body !== 'string' || !strings(r.tags)) return undefined;
  if ((r.code !== undefined && typeof r.code !== 'string') || (r.variants !== undefined && !strings(r.variants))) return undefined;
  return wordingHash(r as Parameters<typeof wordingHash>[0]);
}

/** A phrase's guards (what it answers, when it may lead) as the doc holds them: empty lists are left out (packPhraseOf). */
const guardKey = (intents: unknown, lead: unknown) => JSON.stringify([Array.isArray(intents) && intents.length ? intents : undefined, lead ?? undefined]);
/** Whether the doc row carries the phrase's guards; a change of the guards alone is the lead's edit too. */
function sameDocGuards(raw: unknown, p: Phrase): boolean {
  const r = raw && typeof raw === 'object' ? (raw as Record<string, unknown>) : {};
  return guardKey(r.intents, r.lead) === guardKey(p.intents, p.lead);
}

export interface LeadPush {
  /** Refs written (new or changed wording) and removed. */
  written: string[];
  removed: string[];
  /** The lead's rows to restamp here: their wording is now the team's (pack.hash = their wording's hash). */
  restamp: { id: string; ref: string; hash: string }[];
}

/**
 * The lead's library → the doc: every team row whose wording or guards differ from the doc's is written, and a team row
 * the lead deleted here (its ref applied here before, `applied`) is removed from the doc. With `publish`, the
 * lead's other phrases (not personal-only: every phrase given) become team rows under their own id.
 */
export function pushLeadLibrary(
  doc: Y.Doc,
  team: string,
  library: readonly Phrase[],
  stages: readonly Stage[],
  applied: readonly string[],
  opts: { by: string; now: number; publish?: readonly Phrase[] },
): LeadPush {
  const packId = teamPackId(team);
  const map = doc.getMap<unknown>('phrases');
  const out: LeadPush = { written: [], removed: [], restamp: [] };
  const rows = [...library.filter((p) => p.pack?.id === packId).map((p) => ({ p, ref: p.pack!.ref })), ...(opts.publish ?? []).filter((p) => p.pack?.id !== packId).map((p) => ({ p, ref: p.id }))];
  const here = new Set(rows.map((r) => r.ref));
  const usedStages = new Set<string>();
  doc.transact(() => {
    for (const { p, ref } of rows) {
      usedStages.add(p.stageId);
      const hash = wordingHash(p);
      const there = map.get(ref);
      if (docWordingHash(there) !== hash || !sameDocGuards(there, p)) {
        map.set(ref, packPhraseOf(p, ref));
        out.written.push(ref);
      }
      if (p.pack?.hash !== hash || p.pack?.id !== packId) out.restamp.push({ id: p.id, ref, hash });
    }
    for (const ref of applied) {
      if (!here.has(ref) && map.has(ref)) {
        map.delete(ref);
        out.removed.push(ref);
      }
    }
    const stageMap = doc.getMap<unknown>('stages');
    for (const s of stages) {
      if (!usedStages.has(s.id)) continue;
      const { id, ...rest } = s;
      if (JSON.stringify(stageMap.get(id)) !== JSON.stringify(rest)) stageMap.set(id, rest);
    }
    if (out.written.length || out.removed.length) {
      const meta = doc.getMap<unknown>('meta');
      meta.set('version', (Number.isInteger(meta.get('version')) ? (meta.get('version') as number) : 0) + 1);
      meta.set('updatedAt', opts.now);
      meta.set('by', opts.by);
    }
  }, LOCAL_ORIGIN);
  return out;
}

// ── rules ────────────────────────────────────────────────────────────────────────────────────────────────────

/** What makes a team rule what it is here: its content (rule-upgrade.ts's hash) and whether it is on. */
export const teamRuleHash = (r: Partial<Rule>) => `${ruleContentHash(r)}${r.enabled === false ? '-off' : ''}`;

/** Whether a team rule here differs from the team's content applied (the agent's own change). */
export const teamRuleEdited = (r: Rule) => !!r.team && teamRuleHash(r) !== r.team.hash;

/** A rule as the rules doc holds it: the rule's own fields, not where it came from. */
function docRuleOf(r: Rule): Record<string, unknown> {
  const { id: _id, team: _team, ...rest } = r;
  return JSON.parse(JSON.stringify(rest)) as Record<string, unknown>;
}

/**
 * The rules doc → the rows to write here (`set`: the team set's id). A rule new here is added; one applied before
 * and not changed here takes the team's new content; one the agent changed (or had different before it came from
 * the team) stays as it is, marked as the team's, so it reads 团队 · 已改. A team rule the doc no longer holds (the
 * lead deleted it) is removed here (`remove`), unless the agent changed it: then it stays as the agent's own rule,
 * no longer marked as the team's (in `put`). Removals only once the lead has written the doc (its `meta`), so an
 * empty doc (a browser that rejoined, not synced yet) removes nothing. Rows the schema refuses are named. A team
 * rule held here before (`applied`) and deleted here since is not added back (`deletedHere`, to stay in `applied`
 * while the doc holds it): without that, a lead's deletion between the push and the pull of one sync pass came
 * back and was never taken out of the doc.
 */
export function pullTeamRules(
  doc: Y.Doc,
  local: readonly Rule[],
  set: string,
  applied: readonly string[] = [],
): { put: Rule[]; remove: string[]; refused: string[]; deletedHere: string[] } {
  const byId = new Map(local.map((r) => [r.id, r]));
  const held = new Set(applied);
  const put: Rule[] = [];
  const refused: string[] = [];
  const deletedHere: string[] = [];
  const map = doc.getMap<unknown>('rules');
  for (const [id, raw] of map.entries()) {
    // The hash reads the row as it is (defaults do not change it): a rule applied already costs no parse.
    const mine = byId.get(id);
    // Held here before and gone now (`applied` is given for the lead only): the lead deleted it here, and its next
    // push takes it out of the doc — not a new team rule to add back. A seat is given the team's rules again.
    if (!mine && held.has(id)) {
      deletedHere.push(id);
      continue;
    }
    if (mine?.team?.id === set && raw && typeof raw === 'object' && mine.team.hash === teamRuleHash(raw as Partial<Rule>)) continue;
    const parsed = RuleSchema.safeParse({ ...(raw as object), id, team: undefined });
    if (!parsed.success) {
      refused.push(id);
      continue;
    }
    const hash = teamRuleHash(parsed.data);
    if (mine?.team?.id === set && mine.team.hash === hash) continue; // applied already (edited here or not)
    const untouched = !mine || teamRuleHash(mine) === (mine.team?.hash ?? hash);
    put.push(untouched ? { ...parsed.data, team: { id: set, hash } } : { ...mine!, team: { id: set, hash } });
  }
  const remove: string[] = [];
  if (doc.getMap<unknown>('meta').has('updatedAt')) {
    for (const r of local) {
      if (r.team?.id !== set || map.has(r.id)) continue;
      if (teamRuleEdited(r)) put.push({ ...r, team: undefined });
      else remove.push(r.id);
    }
  }
  return { put, remove, refused, deletedHere };
}

/**
 * The lead's rules → the rules doc: every rule of the team set whose content differs from the doc's is written
 * (with `publish`, every rule given joins the set), and a team rule the lead deleted here (`applied`: the team
 * rules this browser held before) is removed from the doc. @returns the ids written and removed, and the rows to
 * restamp here.
 */
export function pushLeadRules(
  doc: Y.Doc,
  set: string,
  rules: readonly Rule[],
  opts: { by: string; now: number; publish?: boolean; applied?: readonly string[] },
): { written: string[]; removed: string[]; restamp: Rule[] } {
  const map = doc.getMap<unknown>('rules');
  const written: string[] = [];
  const removed: string[] = [];
  const restamp: Rule[] = [];
  const here = new Set(rules.map((r) => r.id));
  doc.transact(() => {
    for (const r of rules) {
      if (r.team?.id !== set && !opts.publish) continue;
      const hash = teamRuleHash(r);
      const there = map.get(r.id);
      if (!there || typeof there !== 'object' || teamRuleHash(there as Partial<Rule>) !== hash) {
        map.set(r.id, docRuleOf(r));
        written.push(r.id);
      }
      if (r.team?.id !== set || r.team.hash !== hash) restamp.push({ ...r, team: { id: set, hash } });
    }
    for (const id of opts.applied ?? []) {
      if (here.has(id) || !map.has(id)) continue;
      map.delete(id);
      removed.push(id);
    }
    if (written.length || removed.length) {
      const meta = doc.getMap<unknown>('meta');
      meta.set('updatedAt', opts.now);
      meta.set('by', opts.by);
    }
  }, LOCAL_ORIGIN);
  return { written, removed, restamp };
}

// ── notebooks ────────────────────────────────────────────────────────────────────────────────────────────────

const NOTE_FIELDS = ['kind', 'text', 'status', 'question', 'context', 'answer', 'shift', 'day', 'inProgress', 'urgent', 'potential', 'read', 'rev', 'createdAt', 'updatedAt'] as const;
const SHARED = new Set(['problem', 'handover']);

/** The notebooks doc's notes (problem and handover only; a row the schema refuses is left out and named). */
export function docNotes(doc: Y.Doc): { notes: Note[]; refused: string[] } {
  const notes: Note[] = [];
  const refused: string[] = [];
  for (const [id, value] of doc.getMap<unknown>('notes').entries()) {
    const fields = value instanceof Y.Map ? (value.toJSON() as Record<string, unknown>) : {};
    const parsed = NoteSchema.safeParse({ ...fields, id });
    if (parsed.success && SHARED.has(parsed.data.kind) && !id.startsWith('buyer|')) notes.push(parsed.data);
    else refused.push(id);
  }
  return { notes, refused };
}

/**
 * Merge the doc's notes into this machine's (`local`: every note here with an id of the doc), by the notebook
 * import's rules: the later edit wins, a handover read on either side stays read.
 */
export function pullNotes(doc: Y.Doc, local: readonly Note[], now: number): NotebookMerge {
  return planNotebookMerge(local, docNotes(doc).notes, now);
}

/**
 * This machine's problem and handover notes → the doc, field by field (only fields that differ are set, so two
 * machines editing different fields of one note both keep theirs). Call after pullNotes was applied, so what is
 * here is the merge's winner. Buyer notes never go: they are filtered here whatever the caller passes.
 * @returns ids written
 */
export function pushNotes(doc: Y.Doc, notes: readonly Note[]): string[] {
  const map = doc.getMap<unknown>('notes');
  const written: string[] = [];
  doc.transact(() => {
    for (const n of notes) {
      if (!SHARED.has(n.kind) || n.id.startsWith('buyer|')) continue;
      let fields = map.get(n.id);
      if (!(fields instanceof Y.Map)) {
        fields = new Y.Map<unknown>();
        map.set(n.id, fields);
      }
      const y = fields as Y.Map<unknown>;
      let changed = false;
      for (const f of NOTE_FIELDS) {
        const v = n[f];
        if (v === undefined) continue;
        // A read handover stays read: the doc's read is never taken back.
        if (f === 'read' && y.get('read') === true) continue;
        if (y.get(f) !== v) {
          y.set(f, v);
          changed = true;
        }
      }
      if (changed) written.push(n.id);
    }
  }, LOCAL_ORIGIN);
  return written;
}

/** The team's members as each wrote itself into the notebooks doc (`members`: agent → {role, seen}). */
export function docMembers(doc: Y.Doc): { agent: string; role: string; seen: number }[] {
  return [...doc.getMap<unknown>('members').entries()].flatMap(([agent, v]) => {
    const o = v as { role?: unknown; seen?: unknown } | null;
    return o && typeof o.role === 'string' && typeof o.seen === 'number' && /^[A-Za-z0-9._-]{1,80}$/.test(agent) ? [{ agent, role: o.role, seen: o.seen }] : [];
  });
}

/** Say who this browser is in the notebooks doc, at most once a day (so the lead knows whose tally to read). */
export function announceMember(doc: Y.Doc, agent: string, role: string, now: number): boolean {
  const members = doc.getMap<unknown>('members');
  const old = members.get(agent) as { role?: string; seen?: number } | undefined;
  if (old?.role === role && typeof old.seen === 'number' && now - old.seen < 86_400_000) return false;
  doc.transact(() => members.set(agent, { role, seen: now }), LOCAL_ORIGIN);
  return true;
}

// ── tally ────────────────────────────────────────────────────────────────────────────────────────────────────

const COUNTERS = ['consults', 'autoConsults', 'conversions', 'amount', 'pricedSales', 'refunds', 'badReviews', 'responses', 'responseMs', 'firstResponses', 'firstResponseMs', 'fastResponses'] as const;

/** The key of one device's totals of one day and shift in an agent's tally doc. */
export const tallyKey = (device: string, day: string, shift: string) => `${device}|${day}|${shift}`;

/**
 * This agent's tally rows → its doc: each (day, shift) under this device's key, the absolute totals. One writer
 * per key (this device), so nothing is ever added to a value another wrote. @returns keys written
 */
export function pushTally(doc: Y.Doc, device: string, rows: readonly Tally[]): string[] {
  const map = doc.getMap<unknown>('rows');
  const written: string[] = [];
  doc.transact(() => {
    for (const r of rows) {
      const key = tallyKey(device, r.day, r.shift);
      const totals: Record<string, number> = {};
      for (const c of COUNTERS) totals[c] = r[c];
      if (JSON.stringify(map.get(key)) !== JSON.stringify(totals)) {
        map.set(key, totals);
        written.push(key);
      }
    }
  }, LOCAL_ORIGIN);
  return written;
}


/** An agent's tally doc as rows for the lead's table; keys or totals that do not parse are left out. */
export function readTally(doc: Y.Doc, agent: string): TeamTally[] {
  const out: TeamTally[] = [];
  for (const [key, raw] of doc.getMap<unknown>('rows').entries()) {
    const m = /^(d-[a-z0-9]{6,40})\|(\d{4}-\d{2}-\d{2})\|([^|]{1,20})$/.exec(key);
    if (!m) continue;
    const [, device, day, shift] = m as unknown as [string, string, string, string];
    const parsed = TallySchema.safeParse({ ...(raw as object), id: key, agent, day, shift });
    if (!parsed.success) continue;
    const row: Record<string, unknown> = { id: `${agent}|${key}`, agent, device, day, shift };
    for (const c of COUNTERS) row[c] = parsed.data[c];
    out.push(row as TeamTally);
  }
  return out;
}
