import { useState } from 'react';
import type { PackUpdatePlan, PackWarning } from '../../scripts-library/files/team-pack';
import { problemText } from '../notebooks/problem-text';
import { t } from '../shared/i18n';

export interface PackApplyChoice {
  /** Also remove what the new version dropped. */
  removeGone: boolean;
  /** Phrases edited here take the team's wording. */
  takeTeamWording: boolean;
}

interface Props {
  plan: PackUpdatePlan;
  onApply(choice: PackApplyChoice): void;
  onCancel(): void;
}

/**
 * What importing a team pack will do, before anything is written: one line of counts, then only what needs the
 * agent: a warning when the pack may be someone else's, the agent's own edits kept (the team's wording offered),
 * phrases the agent deleted staying deleted, the phrases the new version dropped (removed only when ticked), and
 * the rows the library refuses, folded to one line.
 */
export function TeamPackPreview({ plan, onApply, onCancel }: Props) {
  const [removeGone, setRemoveGone] = useState(false);
  const [takeTeamWording, setTakeTeamWording] = useState(false);
  const edited = plan.kept.filter((k) => k.reason === 'edited');
  const deleted = plan.kept.filter((k) => k.reason === 'deleted');
  const changes = plan.added.length + plan.updated.length + (removeGone ? plan.removed.length : 0) + (takeTeamWording ? edited.length : 0);
  const { pack } = plan;
  return (
    <div className="dialog" role="dialog" aria-label={t('teamPackTitle', pack.name)} data-testid="team-pack-preview">
      <strong>{t('teamPackTitle', pack.name)}</strong>
      <p className="muted">
        {plan.from === undefined ? t('teamPackNew', String(pack.version)) : t('teamPackFrom', [String(plan.from), String(pack.version)])}
        {pack.author && ` · ${t('teamPackAuthor', pack.author)}`}
      </p>
      {plan.warnings.length > 0 && (
        <div role="alert" className="problems">
          {plan.warnings.map((w) => (
            <p key={w.kind}>{warningText(w)}</p>
          ))}
        </div>
      )}
      <p data-testid="team-pack-counts">
        {t('teamPackCounts', [String(plan.added.length), String(plan.updated.length), String(plan.removed.length), String(plan.kept.length), String(plan.unchanged.length)])}
      </p>
      {edited.length > 0 && <KeptEdits edited={edited} take={takeTeamWording} onTake={setTakeTeamWording} />}
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
        <details className="import-refused">
          <summary>{t('teamPackRefused', String(plan.invalid.length))}</summary>
          <ul className="problems">
            {plan.invalid.map((r) => (
              <li key={r.row}>{t('importRow', [String(r.row), r.title, r.problems.map(problemText).join('；')])}</li>
            ))}
          </ul>
        </details>
      )}
      {changes === 0 && <p>{t('importNothing')}</p>}
      <div className="dialog__actions">
        <button onClick={() => onApply({ removeGone, takeTeamWording })} disabled={changes === 0 && plan.from === pack.version}>
          {t('teamPackApply', String(pack.version))}
        </button>
        <button onClick={onCancel}>{t('cancel')}</button>
      </div>
    </div>
  );
}

const warningText = (w: PackWarning) => (w.kind === 'foreign-author' ? t('teamPackForeignAuthor', [w.here, w.file || '—']) : t('teamPackHashMismatch'));

/** The agent's edits the pack keeps, named (folded past a few), and the choice to take the team's wording. */
function KeptEdits({ edited, take, onTake }: { edited: PackUpdatePlan['kept']; take: boolean; onTake(take: boolean): void }) {
  const list = (
    <ul className="problems">
      {edited.map((k) => (
        <li key={k.id}>
          {k.title}
          {k.packChanged && <em> · {t('teamPackHasNewWording')}</em>}
        </li>
      ))}
    </ul>
  );
  return (
    <section aria-label={t('teamPackKeptEdits')}>
      {edited.length <= 5 ? (
        <>
          <span>{t('teamPackKeptEdits')}</span>
          {list}
        </>
      ) : (
        <details>
          <summary>{t('teamPackKeptEditsCount', String(edited.length))}</summary>
          {list}
        </details>
      )}
      <label className="check">
        <input type="checkbox" checked={take} onChange={(e) => onTake(e.target.checked)} />
        <span>{t('teamPackTakeWording', String(edited.length))}</span>
      </label>
    </section>
  );
}
