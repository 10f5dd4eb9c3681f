import { useEffect, useState } from 'react';
import { useDb } from '../shared/db-context';
import type { Phrase, Stage } from '../../scripts-library/shared/schema';
import { sha256 } from '../../scripts-library/shared/hash';
import { exportCsv, exportJsonPack, exportQianniuCsv, planImport, readImportFile, titleFrom, type ClashChoice, type ImportPlan, type ReadResult } from '../../scripts-library/files/phrase-io';
import { stageForNewPhrase } from '../../scripts-library/phrases/phrase-stage';
import { stageDefaults } from '../../scripts-library/phrases/stage-defaults';
import { GbkEncodeError } from '../../scripts-library/files/gbk';
import { newPhraseId, type PhraseDraft } from '../../scripts-library/phrases/phrase-validation';
import { t } from '../shared/i18n';
import { isSyncedTeamPack } from '../../scripts-library/team/team-config';
import { getTeamConfig } from '../../storage/repositories/team-config';
import { download } from '../shared/download';
import { writeErrorText } from '../shared/write-error';
import { useTeamPack } from './use-team-pack';

type Notify = (text: string, tone: 'ok' | 'warn' | 'error', undo?: () => void) => void;

/** pinyin-pro is only needed when something is written: load the write module on first use. */
const writes = () => import('../../storage/repositories/phrase-writes');

/**
 * Search keys for phrases saved without them (存为短语 from the chat page), once the panel sees any: pinyin-pro
 * is loaded only then.
 */
export function useSearchKeyBackfill(phrases: readonly Phrase[] | undefined) {
  const db = useDb();
  const missing = phrases?.filter((p) => !p.pinyin).length ?? 0;
  useEffect(() => {
    if (missing) void writes().then((w) => w.addMissingSearchKeys(db)).catch(() => {}); // retried on the next change
  }, [db, missing]);
}

/** Editing, import and export of the phrase library, for the side panel. */
export function useLibraryActions(notify: Notify) {
  const team = useTeamPack(notify);
  return { ...usePhraseEditing(notify), ...useImportExport(notify, team.planPack), ...team };
}

/** New, edit (noticing another panel's save meanwhile), duplicate, pin, delete with undo. */
/** A new phrase with this text, in the stage the agent picked or its words point to, with that stage's defaults. */
function freshDraft(body: string, stages: readonly Stage[] | undefined, chosen: string | undefined): PhraseDraft & { id: string } {
  const stageId = stageForNewPhrase(body, stages ?? [], chosen) ?? 'greeting';
  return { id: newPhraseId(), stageId, title: body ? titleFrom(body) : '', body, code: '', tags: [], ...stageDefaults(stageId) };
}

function usePhraseEditing(notify: Notify) {
  const db = useDb();
  const [editing, setEditing] = useState<PhraseDraft & { id: string }>();
  // When the phrase being edited was last saved, to notice another panel saving it meanwhile.
  const [editBase, setEditBase] = useState<number>();
  // Another panel saved (`stored`) or deleted (no `stored`) the phrase being edited.
  const [conflict, setConflict] = useState<{ draft: PhraseDraft & { id: string }; stored?: Phrase }>();
  // autoStage: the editor files a new phrase by its words while the agent has not picked a stage; presetByStage: a
  // phrase started afresh (not an edit or a copy), its intents and lead guard its stage's defaults (stage-defaults.ts).
  const [how, setHow] = useState({ autoStage: false, presetByStage: false });
  const done = () => {
    setHow({ autoStage: false, presetByStage: false });
    setEditing(undefined);
    setEditBase(undefined);
  };
  return {
    editing,
    /** 新建短语: in the stage the agent picked, else filed by its words as they are typed (never the buyer's hint). */
    startNew: (chosen: string | undefined, stages: readonly Stage[] | undefined) => {
      setHow({ autoStage: !chosen, presetByStage: true });
      setEditing(freshDraft('', stages, chosen));
    },
    ...how,
    startEdit: (p: Phrase) => {
      setHow({ autoStage: false, presetByStage: false });
      setEditBase(p.updatedAt);
      setEditing({ id: p.id, stageId: p.stageId, title: p.title, body: p.body, variants: p.variants ?? [], code: p.code ?? '', tags: p.tags, intents: p.intents, lead: p.lead });
    },
    /** 存为短语: the reply box's text in the editor, titled from its words, in the stage the agent picked or they point to. */
    startFromDraft: (text: string, stages: readonly Stage[] | undefined, chosen?: string) => {
      const body = text.trim();
      setHow({ autoStage: !chosen, presetByStage: true });
      setEditing(freshDraft(body, stages, chosen));
    },
    startDuplicate: (p: Phrase) => {
      setHow({ autoStage: false, presetByStage: false });
      setEditing({ id: newPhraseId(), stageId: p.stageId, title: `${p.title}${t('copySuffix')}`, body: p.body, variants: p.variants ?? [], code: '', tags: p.tags, intents: p.intents, lead: p.lead });
    },
    cancelEdit: done,
    conflict,
    /** Another panel saved or deleted this phrase while it was being edited: keep (or re-create) this version (true), or theirs. */
    async resolveConflict(keepMine: boolean) {
      const pending = conflict;
      setConflict(undefined);
      done();
      if (!pending) return;
      if (!keepMine) return notify(pending.stored ? t('editDiscarded', pending.stored.title) : t('editDeletedDropped', pending.draft.title), 'warn');
      const saved = await (await writes()).savePhrase(db, pending.draft);
      notify(t('saved', saved.title), 'ok');
    },
    async save(draft: PhraseDraft & { id: string }) {
      const w = await writes();
      try {
        const saved = await w.savePhrase(db, draft, Date.now(), editBase);
        done();
        // A team phrase edited by an agent: the edit stays here (团队 · 已改) and never goes to the team (#35).
        const agentsTeamEdit = saved.pack && isSyncedTeamPack(saved.pack.id) && (await getTeamConfig(db))?.role !== 'lead';
        notify(agentsTeamEdit ? t('teamRefusedEdit') : t('saved', saved.title), agentsTeamEdit ? 'warn' : 'ok');
      } catch (e) {
        if (e instanceof w.PhraseConflictError) setConflict({ draft, stored: e.stored });
        else if (e instanceof w.PhraseDeletedError) setConflict({ draft });
        else notify(writeErrorText(e), 'error');
      }
    },
    addStage: async (name: string) => (await writes()).addStage(db, name),
    async togglePin(p: Phrase) {
      await (await writes()).setPinned(db, p.id, !p.pinned);
    },
    async remove(p: Phrase) {
      const w = await writes();
      const old = await w.deletePhrase(db, p.id);
      if (old) notify(t('deleted', old.title), 'warn', () => void w.restorePhrase(db, old));
    },
  };
}

/** What an import plan was made from, so a choice in the preview (a group's stage, a clash) re-plans the same rows. */
interface ImportSource {
  read: Extract<ReadResult, { ok: true }>;
  library: readonly Phrase[];
  stages: readonly Stage[];
  stageMap: Record<string, string>;
  clashChoices: Record<number, ClashChoice>;
  initialsOf(text: string): string;
  /** The hash of the file's group names, under which its group mapping is remembered. */
  fileGroups: string;
}

/** The file's group names (rows without a stage id), as one key: the same file next time has the same key. */
const fileGroupsKey = (read: Extract<ReadResult, { ok: true }>) =>
  sha256(JSON.stringify([...new Set(read.rows.filter((r) => !r.stageId).map((r) => r.stageName?.trim() || ''))].sort()));

/**
 * Import with a preview (file groups mapped to stages — as last time for the same file —, code clashes each
 * settled), all or nothing; export as JSON, CSV or Qianniu CSV.
 */
function useImportExport(notify: Notify, planPack: ReturnType<typeof useTeamPack>['planPack']) {
  const db = useDb();
  const [importPlan, setImportPlan] = useState<ImportPlan>();
  const [source, setSource] = useState<ImportSource>();
  const replan = (next: ImportSource) => {
    setSource(next);
    setImportPlan(planImport(next.read, next.library, next.stages, next));
  };
  return {
    importPlan,
    async readFile(file: File, library: readonly Phrase[], stages: readonly Stage[]) {
      const read = readImportFile(new Uint8Array(await file.arrayBuffer()));
      setImportPlan(undefined);
      if (!read.ok) return notify(t('importFailed', read.error), 'error');
      if (read.team) return planPack(read.team, library, stages); // a team pack merges as one (team-pack.ts)
      const w = await writes(); // pinyin for new codes, and the mapping remembered for this file
      const { phrasePinyin } = await import('../../scripts-library/shared/pinyin');
      const initialsOf = (text: string) => phrasePinyin([text]).initials;
      const fileGroups = fileGroupsKey(read);
      const remembered = await w.getImportGroupMap(db, fileGroups);
      // Groups go where they went last time; else where they look like an existing stage (欢迎语 ~ 欢迎).
      const first = planImport(read, library, stages, { initialsOf });
      const ids = new Set(stages.map((s) => s.id));
      const stageMap = Object.fromEntries(
        first.groups.flatMap((g) => {
          const id = Object.hasOwn(remembered, g.name) && ids.has(remembered[g.name]!) ? remembered[g.name] : g.suggested;
          return id ? [[g.name, id]] : [];
        }),
      );
      replan({ read, library, stages, stageMap, clashChoices: {}, initialsOf, fileGroups });
    },
    /** Put a file group into an existing stage (a stage id), or '' to create it as a new stage. */
    mapGroup(name: string, stageId: string) {
      if (!source) return;
      const stageMap = { ...source.stageMap };
      if (stageId) stageMap[name] = stageId;
      else delete stageMap[name];
      replan({ ...source, stageMap });
    },
    /** Keep mine / take the file's / a new code, for a row whose code a phrase here has. */
    chooseClash(row: number, choice: ClashChoice) {
      if (source) replan({ ...source, clashChoices: { ...source.clashChoices, [row]: choice } });
    },
    importStageMap: source?.stageMap ?? {},
    cancelImport: () => setImportPlan(undefined),
    async applyImport() {
      if (!importPlan) return;
      try {
        const w = await writes();
        const count = await w.applyImport(db, importPlan);
        if (source && importPlan.groups.length) await w.saveImportGroupMap(db, source.fileGroups, source.stageMap);
        notify(t('importDone', String(count)), 'ok');
      } catch (e) {
        notify(t('importFailed', e instanceof Error ? e.message : String(e)), 'error');
      }
      setImportPlan(undefined);
    },
    exportAs(kind: 'json' | 'csv' | 'qianniu', library: readonly Phrase[], stages: readonly Stage[]) {
      try {
        const stamp = new Date().toISOString().slice(0, 10);
        if (kind === 'json') download(`kefu-phrases-${stamp}.json`, exportJsonPack(stages, library), 'application/json');
        if (kind === 'csv') download(`kefu-phrases-${stamp}.csv`, exportCsv(stages, library), 'text/csv;charset=utf-8');
        if (kind === 'qianniu') download(`qianniu-phrases-${stamp}.csv`, exportQianniuCsv(stages, library), 'text/csv;charset=gbk');
      } catch (e) {
        notify(e instanceof GbkEncodeError ? t('gbkUnsupported', e.chars.join(' ')) : t('exportFailed', String(e)), 'error');
      }
    },
  };
}
