import { useState } from 'react';
import { FileButton } from '../shared/FileButton';
import { isNoop, parseBackup, TABLE_NAMES, useBackup, type Backup, type RestorePlan } from './use-settings';
import { download } from '../shared/download';
import { t } from '../shared/i18n';

type Notify = (text: string, tone: 'ok' | 'warn' | 'error') => void;

/** Export everything to one file; restore with a preview, all or nothing. */
export function BackupPanel({ notify }: { notify: Notify }) {
  const store = useBackup();
  const [pending, setPending] = useState<{ backup: Backup; plan: RestorePlan }>();
  const total = (plan: RestorePlan, k: keyof RestorePlan[keyof RestorePlan]) => String(TABLE_NAMES.reduce((n, name) => n + plan[name][k], 0));
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
            setPending({ backup: parsed.backup, plan: await store.plan(parsed.backup) });
          }}
        />
      </div>
      {pending && (
        <div className="dialog" role="dialog" data-testid="restore-preview">
          <p>
            {isNoop(pending.plan)
              ? t('restoreNothing')
              : t('restorePreview', [total(pending.plan, 'added'), total(pending.plan, 'changed'), total(pending.plan, 'removed'), total(pending.plan, 'unchanged')])}
          </p>
          <div className="dialog__actions">
            <button
              disabled={isNoop(pending.plan)}
              onClick={async () => {
                try {
                  // The restored chase reminders get their alarms: the background follows the reminders table.
                  await store.apply(pending.backup);
                  notify(t('restoreDone'), 'ok');
                } catch (err) {
                  notify(t('restoreFailed', String(err)), 'error');
                }
                setPending(undefined);
              }}
            >
              {t('restoreApply')}
            </button>
            <button onClick={() => setPending(undefined)}>{t('cancel')}</button>
          </div>
        </div>
      )}
    </div>
  );
}
