import { useMemo } from 'react';
import type { ClashChoice, CodeClash, ImportPlan, PlannedPhrase } from '../../scripts-library/files/phrase-io';
import type { Phrase, Stage } from '../../scripts-library/shared/schema';
import { problemText } from '../notebooks/problem-text';
import { t } from '../shared/i18n';
import type { PhraseFlag } from './PhraseList';

interface Props {
  plan: ImportPlan;
  /** Existing stages a file group can be put into, and the current choice per group (group name → stage id). */
  stages?: readonly Stage[];
  stageMap?: Readonly<Record<string, string>>;
  onMapGroup?(group: string, stageId: string): void;
  /** What to do with a row whose code a phrase here has. */
  onClashChoice?(row: number, choice: ClashChoice): void;
  /** The draft guard's verdict on a phrase's wording (the library's ⛔ / ⚠), shown before the rows are written. */
  flag?(phrase: Phrase): PhraseFlag;
  onApply(): void;
  onCancel(): void;
}

/**
 * What an import will do before anything is written: the counts, every code clash with a choice, the phrases
 * here it updates by name, the rows whose wording the guard flags, the invalid rows, the file's groups.
 */
export function ImportPreview({ plan, stages = [], stageMap = {}, onMapGroup, onClashChoice, flag, onApply, onCancel }: Props) {
  const changes = plan.added.length + plan.updated.length;
  const inFile = plan.duplicates.filter((d) => d.inFile);
  return (
    <div className="dialog" role="dialog" aria-label={t('importApply')} data-testid="import-preview">
      <strong>
        {t('importPreview', [String(plan.added.length), String(plan.updated.length), String(plan.duplicates.length), String(plan.invalid.length)])}
      </strong>
      {plan.clashes.length > 0 && <Clashes clashes={plan.clashes} onChoice={onClashChoice} />}
      {plan.updated.length > 0 && <Updated updated={plan.updated} />}
      {flag && <Flagged rows={[...plan.added, ...plan.updated]} flag={flag} />}
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

/** Each row whose code a phrase here has, named, with keep mine / take the file's / a new code. */
function Clashes({ clashes, onChoice }: { clashes: readonly CodeClash[]; onChoice?: Props['onClashChoice'] }) {
  return (
    <fieldset className="import-clashes">
      <legend>{t('importClashes', String(clashes.length))}</legend>
      {clashes.map((c) => (
        <label key={c.row} className="field">
          <span>{t('importClashRow', [String(c.row), c.title, c.code, c.owner.title])}</span>
          <select aria-label={`${c.code} ${c.title}`} value={c.choice} disabled={!onChoice} onChange={(e) => onChoice?.(c.row, e.target.value as ClashChoice)}>
            <option value="rename">{t('importClashRename', c.newCode)}</option>
            <option value="keep">{t('importClashKeep')}</option>
            <option value="take">{t('importClashTake', c.owner.title)}</option>
          </select>
        </label>
      ))}
    </fieldset>
  );
}

/** The phrases here an import rewrites, by name (folded past a few). */
function Updated({ updated }: { updated: readonly PlannedPhrase[] }) {
  const items = updated.map((u) => <li key={u.row}>{t('importUpdatedRow', [u.existing?.title ?? u.phrase.title, String(u.row)])}</li>);
  return (
    <details data-testid="import-updated" open={updated.length <= 5}>
      <summary>{t('importUpdatedList', String(updated.length))}</summary>
      <ul>{items}</ul>
    </details>
  );
}

/** Rows whose wording the draft guard flags: a count per severity, and each row with its words. */
function Flagged({ rows, flag }: { rows: readonly PlannedPhrase[]; flag: NonNullable<Props['flag']> }) {
  const flagged = useMemo(
    () =>
      rows
        .map((r) => ({ row: r, verdict: flag({ ...r.phrase, pinned: false, useCount: 0, createdAt: 0, updatedAt: 0, origin: 'import' }) }))
        .filter((f): f is { row: PlannedPhrase; verdict: NonNullable<PhraseFlag> } => f.verdict !== undefined)
        .sort((a, b) => (a.verdict.severity === b.verdict.severity ? a.row.row - b.row.row : a.verdict.severity === 'block' ? -1 : 1)),
    [rows, flag],
  );
  if (!flagged.length) return null;
  const blocks = flagged.filter((f) => f.verdict.severity === 'block').length;
  return (
    <div data-testid="import-flagged" className="problems">
      {blocks > 0 && <p>{t('importFlaggedBlock', String(blocks))}</p>}
      {flagged.length > blocks && <p>{t('importFlaggedWarn', String(flagged.length - blocks))}</p>}
      <ul>
        {flagged.map(({ row, verdict }) => (
          <li key={row.row}>{t('importFlaggedRow', [String(row.row), row.phrase.title, verdict.severity === 'block' ? '⛔' : '⚠', verdict.text])}</li>
        ))}
      </ul>
    </div>
  );
}
