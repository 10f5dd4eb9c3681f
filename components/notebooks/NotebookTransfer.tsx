/** 导出笔记 / 导入笔记: the problem log and handovers to and from another agent's machine, merged by id. */
import { useState } from 'react';
import type { NotebookMerge } from '../../scripts-library/files/notebook-io';
import { download } from '../shared/download';
import { FileButton } from '../shared/FileButton';
import { t } from '../shared/i18n';
import { writeErrorText } from '../shared/write-error';
import { useNotebookTransfer } from './use-notebooks';

type State = { kind: 'idle' } | { kind: 'error'; text: string } | { kind: 'preview'; merge: NotebookMerge } | { kind: 'done'; text: string };

export function NotebookTransfer() {
  const transfer = useNotebookTransfer();
  const [state, setState] = useState<State>({ kind: 'idle' });
  const read = async (f: File) => {
    const planned = await transfer.plan(await f.text());
    setState(planned.ok ? { kind: 'preview', merge: planned.merge } : { kind: 'error', text: t('notesImportBad', planned.error) });
  };
  const apply = async (merge: NotebookMerge) => {
    try {
      await transfer.apply(merge);
      setState({ kind: 'done', text: t('notesImportDone', [String(merge.added.length), String(merge.updated.length)]) });
    } catch (e) {
      setState({ kind: 'error', text: writeErrorText(e) }); // the transaction wrote nothing
    }
  };
  return (
    <div className="toolbar notebooks__transfer">
      <button onClick={() => void transfer.exportFiles().then((files) => files.forEach((text, i) => download(`kefu-notebooks-${new Date().toISOString().slice(0, 10)}${files.length > 1 ? `-${i + 1}` : ''}.json`, text, 'application/json')))}>
        {t('notesExport')}
      </button>
      <FileButton label={t('notesImport')} accept=".json,application/json" testId="notes-import-file" onFile={(f) => void read(f)} />
      {state.kind === 'error' && <p className="error" role="alert">{state.text}</p>}
      {state.kind === 'done' && <p role="status">{state.text}</p>}
      {state.kind === 'preview' && (
        <div className="dialog" role="dialog" aria-label={t('notesImport')}>
          <p>{t('notesImportPreview', [String(state.merge.added.length), String(state.merge.updated.length), String(state.merge.kept)])}</p>
          {state.merge.skipped.length > 0 && <p className="notice notice--warn">{t('notesImportSkipped', String(state.merge.skipped.length))}</p>}
          <div className="dialog__actions">
            <button onClick={() => void apply(state.merge)} disabled={!state.merge.added.length && !state.merge.updated.length}>{t('notesImportApply')}</button>
            <button onClick={() => setState({ kind: 'idle' })}>{t('cancel')}</button>
          </div>
        </div>
      )}
    </div>
  );
}
