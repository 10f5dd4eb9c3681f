import type { ImportPlan } from '../../scripts-library/phrase-io';
import type { Stage } from '../../scripts-library/schema';
import { problemText } from '../notebooks/problem-text';
import { t } from '../shared/i18n';

interface Props {
  plan: ImportPlan;
  /** Existing stages a file group can be put into, and the current choice per group (group name → stage id). */
  stages?: readonly Stage[];
  stageMap?: Readonly<Record<string, string>>;
  onMapGroup?(group: string, stageId: string): void;
  onApply(): void;
  onCancel(): void;
}

/** What an import will do, row by row, before anything is written. */
export function ImportPreview({ plan, stages = [], stageMap = {}, onMapGroup, onApply, onCancel }: Props) {
  const changes = plan.added.length + plan.updated.length;
  const inFile = plan.duplicates.filter((d) => d.inFile);
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
      {plan.groups.length > 0 && onMapGroup && (
        <fieldset className="import-groups">
          <legend>{t('importGroups')}</legend>
          {plan.groups.map((g) => (
            <label key={g.name} className="field">
              <span>{t('importGroupRows', [g.name, String(g.rows)])}</span>
              <select aria-label={g.name} value={stageMap[g.name] ?? ''} onChange={(e) => onMapGroup(g.name, e.target.value)}>
                <option value="">{t('importGroupNew', g.name)}</option>
                {stages.map((s) => (
                  <option key={s.id} value={s.id}>{s.name}</option>
                ))}
              </select>
            </label>
          ))}
        </fieldset>
      )}
      {inFile.length > 0 && (
        <ul className="problems">
          {inFile.map((d) => (
            <li key={d.row}>{t('importDuplicateInFile', String(d.row))}</li>
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
