import { t } from './i18n';
import type { Notice } from './use-notice';

/** The panel's status line (read out by screen readers), with 撤销 when the last action can be undone. */
export function NoticeLine({ notice, clear }: { notice: Notice | undefined; clear(): void }) {
  return (
    <div className={`notice notice--${notice?.tone ?? 'ok'}`} role="status" aria-live="polite" data-testid="notice">
      {notice?.text}
      {notice?.undo && (
        <button className="link" onClick={() => (notice.undo?.(), clear())}>
          {t('undo')}
        </button>
      )}
    </div>
  );
}
