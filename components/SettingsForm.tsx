import { useState, type FormEvent } from 'react';
import type { Settings } from '../scripts-library/schema';
import { t } from './i18n';

interface Props {
  settings: Settings;
  onSave(patch: Partial<Settings>): Promise<void>;
  onClose(): void;
}

/** Shop name, agent name and default shipping days: the values most phrases' placeholders need. */
export function SettingsForm({ settings, onSave, onClose }: Props) {
  const [draft, setDraft] = useState({ shopName: settings.shopName, agentName: settings.agentName, shipDays: settings.shipDays });
  const [error, setError] = useState<string>();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    try {
      await onSave(draft);
      onClose();
    } catch {
      setError(t('settingsInvalid'));
    }
  };
  const field = (key: keyof typeof draft, label: string, max: number) => (
    <label className="field">
      <span>{label}</span>
      <input value={draft[key]} maxLength={max} onChange={(e) => setDraft((d) => ({ ...d, [key]: e.target.value }))} />
    </label>
  );
  return (
    <form className="dialog" aria-label={t('settings')} onSubmit={submit}>
      <strong>{t('settings')}</strong>
      {field('shopName', t('settingShopName'), 40)}
      {field('agentName', t('settingAgentName'), 20)}
      {field('shipDays', t('settingShipDays'), 10)}
      {error && <p className="error" role="alert">{error}</p>}
      <div className="dialog__actions">
        <button type="submit">{t('save')}</button>
        <button type="button" onClick={onClose}>{t('cancel')}</button>
      </div>
    </form>
  );
}
