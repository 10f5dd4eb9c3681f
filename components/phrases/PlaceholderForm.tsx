import { useState, type FormEvent } from 'react';
import { settingKeyOf } from '../../scripts-library/phrases/placeholders';
import { t } from '../shared/i18n';

interface Props {
  names: readonly string[];
  initial: Readonly<Record<string, string>>;
  /** Fields that are a menu (`{快递公司=顺丰/中通}`), with their choices. */
  choices?: Readonly<Record<string, readonly string[]>>;
  /** `saveShop`: the agent kept 保存到设置 ticked for shop-wide values (店铺名, 客服名). */
  onSubmit(values: Record<string, string>, saveShop: boolean): void;
  onCancel(): void;
}

/**
 * The small fill-in form: placeholders without a value, and order values (运单号…) prefilled with this buyer's
 * last ones for the agent to confirm; a choice list is a menu. Shop-wide values can be saved to settings right
 * here. Keyboard: Tab moves on, Enter inserts from any field (a menu too), Esc cancels.
 */
export function PlaceholderForm({ names, initial, choices = {}, onSubmit, onCancel }: Props) {
  const [values, setValues] = useState<Record<string, string>>(() =>
    Object.fromEntries(names.map((n) => [n, initial[n] ?? ''])),
  );
  const [saveShop, setSaveShop] = useState(true);
  const hasShop = names.some((n) => settingKeyOf(n));
  const complete = names.every((n) => values[n]?.trim());
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (complete) onSubmit(Object.fromEntries(names.map((n) => [n, values[n]!.trim()])), hasShop && saveShop);
  };
  return (
    <form className="dialog" role="dialog" aria-label={t('fillPlaceholders')} onSubmit={submit} onKeyDown={(e) => e.key === 'Escape' && onCancel()}>
      <strong>{t('fillPlaceholders')}</strong>
      {names.map((name, i) => (
        <label key={name} className="field">
          <span>{name}</span>
          {choices[name] ? (
            <select
              autoFocus={i === 0}
              value={values[name] ?? ''}
              onChange={(e) => setValues((v) => ({ ...v, [name]: e.target.value }))}
              // Enter on a menu would only open it: here it inserts, as in a text field.
              onKeyDown={(e) => e.key === 'Enter' && !e.nativeEvent.isComposing && (e.preventDefault(), e.currentTarget.form?.requestSubmit())}
            >
              {choices[name]!.map((c) => (
                <option key={c} value={c}>{c}</option>
              ))}
            </select>
          ) : (
            <input autoFocus={i === 0} value={values[name] ?? ''} maxLength={200} onChange={(e) => setValues((v) => ({ ...v, [name]: e.target.value }))} />
          )}
        </label>
      ))}
      {hasShop && (
        <label className="check">
          <input type="checkbox" checked={saveShop} onChange={(e) => setSaveShop(e.target.checked)} />
          {t('rememberShop')}
        </label>
      )}
      <div className="dialog__actions">
        <button type="submit" disabled={!complete}>{t('insertButton')}</button>
        <button type="button" onClick={onCancel}>{t('cancel')}</button>
      </div>
    </form>
  );
}
