import { useEffect, useState } from 'react';
import { useDb } from '../shared/db-context';
import type { Phrase, Stage } from '../../scripts-library/schema';
import { shortHash } from '../../scripts-library/hash';
import { exportCsv, exportJsonPack, exportQianniuCsv, planImport, readImportFile, titleFrom, type ImportPlan, type ImportRow, type ReadResult } from '../../scripts-library/phrase-io';
import { stageHint } from '../../scripts-library/stage-hint';
import { GbkEncodeError } from '../../scripts-library/gbk';
import type { PhraseDraft } from '../../scripts-library/phrase-validation';
import { t } from '../shared/i18n';
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
function usePhraseEditing(notify: Notify) {
  const db = useDb();
  const [editing, setEditing] = useState<PhraseDraft & { id: string }>();
  // When the phrase being edited was last saved, to notice another panel saving it meanwhile.
  const [editBase, setEditBase] = useState<number>();
  const [conflict, setConflict] = useState<{ draft: PhraseDraft & { id: string }; stored: Phrase }>();
  const newId = () => `user-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}`;
  const done = () => {
    setEditing(undefined);
    setEditBase(undefined);
  };
  return {
    editing,
    startNew: (stageId: string) => setEditing({ id: newId(), stageId, title: '', body: '', code: '', tags: [] }),
    startEdit: (p: Phrase) => {
      setEditBase(p.updatedAt);
      setEditing({ id: p.id, stageId: p.stageId, title: p.title, body: p.body, variants: p.variants ?? [], code: p.code ?? '', tags: p.tags });
    },
    /** 存为短语: the reply box's text in the editor, titled from its words, in the stage they point to. */
    startFromDraft: (text: string, stages: readonly Stage[] | undefined) => {
      const body = text.trim();
      const hinted = stageHint(body);
      const stageId = stages?.find((s) => s.id === hinted)?.id ?? stages?.[0]?.id ?? 'greeting';
      setEditing({ id: newId(), stageId, title: titleFrom(body), body, code: '', tags: [] });
    },
    startDuplicate: (p: Phrase) =>
      setEditing({ id: newId(), stageId: p.stageId, title: `${p.title}${t('copySuffix')}`, body: p.body, variants: p.variants ?? [], code: '', tags: p.tags }),
    cancelEdit: done,
    conflict,
    /** Another panel saved this phrase while it was being edited: keep this version (true) or theirs. */
    async resolveConflict(keepMine: boolean) {
      const pending = conflict;
      setConflict(undefined);
      done();
      if (!pending) return;
      if (!keepMine) return notify(t('editDiscarded', pending.stored.title), 'warn');
      const saved = await (await writes()).savePhrase(db, pending.draft);
      notify(t('saved', saved.title), 'ok');
    },
    async save(draft: PhraseDraft & { id: string }) {
      const w = await writes();
      try {
        const saved = await w.savePhrase(db, draft, Date.now(), editBase);
        done();
        notify(t('saved', saved.title), 'ok');
      } catch (e) {
        if (e instanceof w.PhraseConflictError) setConflict({ draft, stored: e.stored });
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

/** Import with a preview (file groups mapped to stages), all or nothing; export as JSON, CSV or Qianniu CSV. */
function useImportExport(notify: Notify, planPack: ReturnType<typeof useTeamPack>['planPack']) {
  const db = useDb();
  const [importPlan, setImportPlan] = useState<ImportPlan>();
  // What the plan was made from, so choosing a stage for a file group re-plans the same rows.
  const [source, setSource] = useState<{ read: Extract<ReadResult, { ok: true }>; library: readonly Phrase[]; stages: readonly Stage[]; stageMap: Record<string, string> }>();
  const importId = (row: ImportRow) => `import-${shortHash(`${row.stageName}|${row.title}|${row.body}`)}`;
  return {
    importPlan,
    async readFile(file: File, library: readonly Phrase[], stages: readonly Stage[]) {
      const read = readImportFile(new Uint8Array(await file.arrayBuffer()));
      if (!read.ok) {
        setImportPlan(undefined);
        notify(t('importFailed', read.error), 'error');
        return;
      }
      setImportPlan(undefined);
      if (read.team) return planPack(read.team, library, stages); // a team pack merges as one (team-pack.ts)
      // Groups that look like an existing stage (欢迎语 ~ 欢迎) go there unless the agent chooses otherwise.
      const first = planImport(read, library, stages, importId);
      const stageMap = Object.fromEntries(first.groups.filter((g) => g.suggested).map((g) => [g.name, g.suggested!]));
      setSource({ read, library, stages, stageMap });
      setImportPlan(Object.keys(stageMap).length ? planImport(read, library, stages, importId, { stageMap }) : first);
    },
    /** Put a file group into an existing stage (a stage id), or '' to create it as a new stage. */
    mapGroup(name: string, stageId: string) {
      if (!source) return;
      const stageMap = { ...source.stageMap };
      if (stageId) stageMap[name] = stageId;
      else delete stageMap[name];
      setSource({ ...source, stageMap });
      setImportPlan(planImport(source.read, source.library, source.stages, importId, { stageMap }));
    },
    importStageMap: source?.stageMap ?? {},
    cancelImport: () => setImportPlan(undefined),
    async applyImport() {
      if (!importPlan) return;
      try {
        const count = await (await writes()).applyImport(db, importPlan);
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
