import { useState, type FormEvent } from 'react';
import { formAnswer, type FillForm } from '../../scripts-library/phrases/fill-form';
import { t } from '../shared/i18n';

interface Props {
  /** The form's model (scripts-library/phrases/fill-form.ts), the same the "/" picker's form renders. */
  form: FillForm;
  /** `saveShop`: the agent kept 保存到设置 ticked for shop-wide values (店铺名, 客服名). */
  onSubmit(values: Record<string, string>, saveShop: boolean): void;
  onCancel(): void;
}

/**
 * The small fill-in form: placeholders without a value, and order values (运单号…) prefilled with this buyer's
 * last ones for the agent to confirm; a choice list is a menu. Shop-wide values can be saved to settings right
 * here. Keyboard: Tab moves on, Enter inserts from any field (a menu too), Esc cancels.
 */
export function PlaceholderForm({ form, onSubmit, onCancel }: Props) {
  const [values, setValues] = useState<Record<string, string>>(() => Object.fromEntries(form.fields.map((f) => [f.name, f.initial])));
  const [saveShop, setSaveShop] = useState(true);
  const answer = formAnswer(form, values, saveShop);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (answer) onSubmit(answer.typed, answer.saveShop);
  };
  return (
    <form className="dialog" role="dialog" aria-label={t('fillPlaceholders')} onSubmit={submit} onKeyDown={(e) => e.key === 'Escape' && onCancel()}>
      <strong>{t('fillPlaceholders')}</strong>
      {form.fields.map((field, i) => (
        <label key={field.name} className="field">
          <span>{field.name}</span>
          {field.kind === 'menu' ? (
            <select
              autoFocus={i === 0}
              value={values[field.name] ?? ''}
              onChange={(e) => setValues((v) => ({ ...v, [field.name]: e.target.value }))}
              // Enter on a menu would only open it: here it inserts, as in a text field.
              onKeyDown={(e) => e.key === 'Enter' && !e.nativeEvent.isComposing && (e.preventDefault(), e.currentTarget.form?.requestSubmit())}
            >
              {field.options.map((c) => (
                <option key={c} value={c}>{c}</option>
              ))}
            </select>
          ) : (
            <input autoFocus={i === 0} value={values[field.name] ?? ''} maxLength={field.maxLength} onChange={(e) => setValues((v) => ({ ...v, [field.name]: e.target.value }))} />
          )}
        </label>
      ))}
      {form.offersSaveShop && (
        <label className="check">
          <input type="checkbox" checked={saveShop} onChange={(e) => setSaveShop(e.target.checked)} />
          {t('rememberShop')}
        </label>
      )}
      <div className="dialog__actions">
        <button type="submit" disabled={!answer}>{t('insertButton')}</button>
        <button type="button" onClick={onCancel}>{t('cancel')}</button>
      </div>
    </form>
  );
}
