import { useState, type FormEvent } from 'react';
import { t } from './i18n';

interface Props {
  names: readonly string[];
  initial: Readonly<Record<string, string>>;
  onSubmit(values: Record<string, string>): void;
  onCancel(): void;
}

/** The small fill-in form for placeholders that have no value yet; what is typed is remembered. */
export function PlaceholderForm({ names, initial, onSubmit, onCancel }: Props) {
  const [values, setValues] = useState<Record<string, string>>(() =>
    Object.fromEntries(names.map((n) => [n, initial[n] ?? ''])),
  );
  const complete = names.every((n) => values[n]?.trim());
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (complete) onSubmit(Object.fromEntries(names.map((n) => [n, values[n]!.trim()])));
  };
  return (
    <form className="dialog" role="dialog" aria-label={t('fillPlaceholders')} onSubmit={submit} onKeyDown={(e) => e.key === 'Escape' && onCancel()}>
      <strong>{t('fillPlaceholders')}</strong>
      {names.map((name, i) => (
        <label key={name} className="field">
          <span>{name}</span>
          <input
            autoFocus={i === 0}
            value={values[name] ?? ''}
            maxLength={200}
            onChange={(e) => setValues((v) => ({ ...v, [name]: e.target.value }))}
          />
        </label>
      ))}
      <div className="dialog__actions">
        <button type="submit" disabled={!complete}>{t('insertButton')}</button>
        <button type="button" onClick={onCancel}>{t('cancel')}</button>
      </div>
    </form>
  );
}
