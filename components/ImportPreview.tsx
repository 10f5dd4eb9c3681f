import type { ImportPlan } from '../scripts-library/phrase-io';
import { problemText } from './problem-text';
import { t } from './i18n';

interface Props {
  plan: ImportPlan;
  onApply(): void;
  onCancel(): void;
}

/** What an import will do, row by row, before anything is written. */
export function ImportPreview({ plan, onApply, onCancel }: Props) {
  const changes = plan.added.length + plan.updated.length;
  return (
    <div className="dialog" role="dialog" aria-label={t('importApply')} data-testid="import-preview">
      <strong>
        {t('importPreview', [String(plan.added.length), String(plan.updated.length), String(plan.duplicates.length), String(plan.invalid.length)])}
      </strong>
      {plan.invalid.length > 0 && (
        <ul className="problems">
          {plan.invalid.map((r) => (
            <li key={r.row}>{t('importRow', [String(r.row), r.title, r.problems.map(problemText).join('；')])}</li>
          ))}
        </ul>
      )}
      {changes === 0 && <p>{t('importNothing')}</p>}
      <div className="dialog__actions">
        <button onClick={onApply} disabled={changes === 0}>
          {plan.invalid.length ? t('importApplySkipping') : t('importApply')}
        </button>
        <button onClick={onCancel}>{t('cancel')}</button>
      </div>
    </div>
  );
}
