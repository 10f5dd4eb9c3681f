import { useState } from 'react';
import type { PackUpdatePlan } from '../../scripts-library/team-pack';
import { problemText } from '../notebooks/problem-text';
import { t } from '../shared/i18n';

interface Props {
  plan: PackUpdatePlan;
  onApply(removeGone: boolean): void;
  onCancel(): void;
}

/**
 * What importing a team pack will do, before anything is written: added, updated in place, the agent's own edits
 * kept (and whether the new version rewords them), phrases the agent deleted staying deleted, and the phrases the
 * new version dropped, removed only when the agent ticks the box.
 */
export function TeamPackPreview({ plan, onApply, onCancel }: Props) {
  const [removeGone, setRemoveGone] = useState(false);
  const edited = plan.kept.filter((k) => k.reason === 'edited');
  const deleted = plan.kept.filter((k) => k.reason === 'deleted');
  const changes = plan.added.length + plan.updated.length + (removeGone ? plan.removed.length : 0);
  const { pack } = plan;
  return (
    <div className="dialog" role="dialog" aria-label={t('teamPackTitle', pack.name)} data-testid="team-pack-preview">
      <strong>{t('teamPackTitle', pack.name)}</strong>
      <p className="muted">
        {plan.from === undefined ? t('teamPackNew', String(pack.version)) : t('teamPackFrom', [String(plan.from), String(pack.version)])}
        {pack.author && ` · ${t('teamPackAuthor', pack.author)}`}
      </p>
      <p data-testid="team-pack-counts">
        {t('teamPackCounts', [String(plan.added.length), String(plan.updated.length), String(plan.removed.length), String(plan.kept.length), String(plan.unchanged.length)])}
      </p>
      {edited.length > 0 && (
        <section aria-label={t('teamPackKeptEdits')}>
          <span>{t('teamPackKeptEdits')}</span>
          <ul className="problems">
            {edited.map((k) => (
              <li key={k.id}>
                {k.title}
                {k.packChanged && <em> · {t('teamPackHasNewWording')}</em>}
              </li>
            ))}
          </ul>
        </section>
      )}
      {deleted.length > 0 && <p className="muted">{t('teamPackKeptDeleted', String(deleted.length))}</p>}
      {plan.removed.length > 0 && (
        <label className="check">
          <input type="checkbox" checked={removeGone} onChange={(e) => setRemoveGone(e.target.checked)} />
          <span>
            {t('teamPackRemove', String(plan.removed.length))}
            {plan.removed.some((r) => r.edited) && ` ${t('teamPackRemoveEdited', String(plan.removed.filter((r) => r.edited).length))}`}
            ：{plan.removed.map((r) => r.title).join('、')}
          </span>
        </label>
      )}
      {plan.invalid.length > 0 && (
        <ul className="problems">
          {plan.invalid.map((r) => (
            <li key={r.row}>{t('importRow', [String(r.row), r.title, r.problems.map(problemText).join('；')])}</li>
          ))}
        </ul>
      )}
      {changes === 0 && <p>{t('importNothing')}</p>}
      <div className="dialog__actions">
        <button onClick={() => onApply(removeGone)} disabled={changes === 0 && plan.from === pack.version}>
          {t('teamPackApply', String(pack.version))}
        </button>
        <button onClick={onCancel}>{t('cancel')}</button>
      </div>
    </div>
  );
}
