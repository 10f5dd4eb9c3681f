import { useState } from 'react';
import { FileButton } from '../shared/FileButton';
import { isNoop, lossGroup, LOSS_GROUPS, parseBackup, TABLE_NAMES, useBackup, type Backup, type RejectedRow, type RestoreLosses, type RestorePlan, type TableName } from './use-settings';
import { download } from '../shared/download';
import { t, type MessageKey } from '../shared/i18n';

type Notify = (text: string, tone: 'ok' | 'warn' | 'error') => void;
type Pending = { backup: Backup; rejected: RejectedRow[]; plan: RestorePlan; losses: RestoreLosses; phraseLosses: RestoreLosses };

const groupName = (g: (typeof LOSS_GROUPS)[number]) => t(`restoreGroup_${g}` as MessageKey);
/** 「统计 1 条、交接记录 2 条」: the groups with rows of this kind of loss. */
const lossList = (losses: RestoreLosses, kind: 'removed' | 'changed') =>
  LOSS_GROUPS.filter((g) => losses[g][kind] > 0)
    .map((g) => t('restoreLossItem', [groupName(g), String(losses[g][kind])]))
    .join(t('listSeparator'));
const SHOWN_REJECTED = 8;

/** Export everything to one file; restore with a preview that names what would be lost, all or only the phrases. */
export function BackupPanel({ notify }: { notify: Notify }) {
  const store = useBackup();
  const [pending, setPending] = useState<Pending>();
  const apply = async (p: Pending, phrasesOnly: boolean) => {
    try {
      // The restored chase reminders get their alarms: the background follows the reminders table.
      await store.apply(p.backup, p.rejected, phrasesOnly);
      notify(t(phrasesOnly ? 'restorePhrasesOnlyDone' : 'restoreDone'), 'ok');
    } catch (err) {
      notify(t('restoreFailed', String(err)), 'error');
    }
    setPending(undefined);
  };
  return (
    <div className="backup" aria-label={t('backup')}>
      <strong>{t('backup')}</strong>
      <div className="toolbar">
        <button onClick={async () => download(`kefu-backup-${new Date().toISOString().slice(0, 10)}.json`, await store.exportAll(), 'application/json')}>
          {t('backupExport')}
        </button>
        <FileButton
          label={t('backupRestore')}
          accept=".json,application/json"
          testId="restore-file"
          onFile={async (f) => {
            const parsed = parseBackup(await f.text());
            if (!parsed.ok) return notify(t('restoreFailed', parsed.error), 'error');
            setPending({ backup: parsed.backup, rejected: parsed.rejected, ...(await store.plan(parsed.backup)) });
          }}
        />
      </div>
      {(store.quarantined?.length ?? 0) > 0 && (
        <details className="notice notice--warn" data-testid="quarantined">
          <summary>{t('backupQuarantined', String(store.quarantined!.length))}</summary>
          <ul>
            {store.quarantined!.slice(0, SHOWN_REJECTED).map((q) => (
              <li key={`${q.table}:${q.key}`}>{`${TABLE_NAMES.includes(q.table as TableName) ? groupName(lossGroup(q.table as TableName, q.row)) : q.table} “${q.key.slice(0, 60)}”：${q.reason}`}</li>
            ))}
          </ul>
        </details>
      )}
      {pending && <RestorePreview pending={pending} onApply={(phrasesOnly) => void apply(pending, phrasesOnly)} onCancel={() => setPending(undefined)} />}
    </div>
  );
}

function RestorePreview({ pending, onApply, onCancel }: { pending: Pending; onApply: (phrasesOnly: boolean) => void; onCancel: () => void }) {
  const { plan, losses, phraseLosses, rejected } = pending;
  const total = (k: keyof RestorePlan[keyof RestorePlan]) => String(TABLE_NAMES.reduce((n, name) => n + plan[name][k], 0));
  const removed = lossList(losses, 'removed');
  const changed = lossList(losses, 'changed');
  const phrasesDiffer = plan.phrases.added + plan.stages.added > 0 || LOSS_GROUPS.some((g) => phraseLosses[g].removed + phraseLosses[g].changed > 0);
  return (
    <div className="dialog" role="dialog" data-testid="restore-preview">
      <p>{isNoop(plan) ? t('restoreNothing') : t('restorePreview', [total('added'), total('changed'), total('removed'), total('unchanged')])}</p>
      {removed && <p className="notice notice--warn">{t('restoreLossRemoved', removed)}</p>}
      {changed && <p className="notice notice--warn">{t('restoreLossChanged', changed)}</p>}
      {rejected.length > 0 && (
        <div className="notice notice--warn">
          <p>{t('restoreRejected', String(rejected.length))}</p>
          <ul>
            {rejected.slice(0, SHOWN_REJECTED).map((r) => (
              <li key={`${r.table}:${r.index}`}>{`${groupName(lossGroup(r.table, r.row))} “${(r.key || `#${r.index + 1}`).slice(0, 60)}”：${r.reason}`}</li>
            ))}
            {rejected.length > SHOWN_REJECTED && <li>{t('restoreRejectedMore', String(rejected.length - SHOWN_REJECTED))}</li>}
          </ul>
        </div>
      )}
      <div className="dialog__actions">
        <button disabled={isNoop(plan) && !rejected.length} onClick={() => onApply(false)}>
          {t('restoreApply')}
        </button>
        {phrasesDiffer && <button onClick={() => onApply(true)}>{t('restorePhrasesOnly')}</button>}
        <button onClick={onCancel}>{t('cancel')}</button>
      </div>
    </div>
  );
}
