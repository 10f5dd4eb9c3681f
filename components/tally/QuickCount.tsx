import { useState, type FormEvent } from 'react';
import { t } from '../shared/i18n';

interface Props {
  /** 询单 +1 for the current shift. */
  onConsult(): void;
  /** 成交 +1, with the order amount when the agent typed one (0 = none). */
  onSale(amount: number): void;
}

/**
 * 询单 +1 and 成交 +1 in the panel's header, beside the served buyer. 成交 opens a one-field form for the order
 * amount (Enter with nothing typed counts the sale without one, so 客单价 leaves it out).
 */
export function QuickCount({ onConsult, onSale }: Props) {
  const [asking, setAsking] = useState(false);
  const [amount, setAmount] = useState('');
  const [invalid, setInvalid] = useState(false);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const value = amount.trim() ? Number(amount) : 0;
    if (!Number.isFinite(value) || value < 0) {
      setInvalid(true);
      return;
    }
    onSale(value);
    setAsking(false);
    setAmount('');
    setInvalid(false);
  };
  return (
    <span className="quick-count">
      <button className="sale" onClick={onConsult}>{t('consultPlusOne')}</button>
      {asking ? (
        <form className="quick-count__sale" onSubmit={submit} onKeyDown={(e) => e.key === 'Escape' && setAsking(false)}>
          <input
            autoFocus
            inputMode="decimal"
            aria-label={t('tallyAmount')}
            placeholder={t('tallyAmount')}
            value={amount}
            aria-invalid={invalid || undefined}
            onChange={(e) => setAmount(e.target.value)}
          />
          <button type="submit" className="sale">{t('tallySale')}</button>
          {invalid && <span className="error" role="alert">{t('tallyAmountInvalid')}</span>}
        </form>
      ) : (
        <button className="sale" onClick={() => setAsking(true)}>{t('conversionForBuyer')}</button>
      )}
    </span>
  );
}
