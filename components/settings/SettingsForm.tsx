import { useState, type FormEvent } from 'react';
import type { Settings } from '../../scripts-library/schema';
import { isOrderPlaceholder } from '../../scripts-library/placeholders';
import { serviceHours } from '../../scripts-library/service-hours';
import { t } from '../shared/i18n';

interface Props {
  settings: Settings;
  onSave(patch: Partial<Settings>): Promise<void>;
  onClose(): void;
}

/** Minutes as the agent types them: "15, 1440, 2880, 4320" (a number each, comma or space separated). */
export function parseLadder(text: string): number[] | null {
  const parts = text.split(/[,，\s]+/).filter(Boolean);
  const minutes = parts.map(Number);
  return parts.length && minutes.every((m) => Number.isFinite(m) && m > 0) ? minutes : null;
}

/** The shop facts placeholders read, edited as text. */
const SHOP_FIELDS = ['shopName', 'agentName', 'shipDays', 'cutoffTime', 'transitTime'] as const;
const pick = <K extends keyof Settings>(settings: Settings, keys: readonly K[]) => Object.fromEntries(keys.map((k) => [k, settings[k]])) as Pick<Settings, K>;

/**
 * The values most phrases' placeholders need (shop name, agent name, default shipping days, the same-day cut-off,
 * delivery times by region; the service hours come from the shifts and are shown as the buyer will read them), the work shifts the
 * tally counts by, the payment-chase ladder, and how long a buyer may wait for a reply (with the optional
 * notification when a console in the background keeps one waiting).
 */
export function SettingsForm({ settings, onSave, onClose }: Props) {
  const [draft, setDraft] = useState(() => pick(settings, SHOP_FIELDS));
  const [shifts, setShifts] = useState(settings.shifts);
  const [ladder, setLadder] = useState(settings.chaseLadder.join(', '));
  const [wait, setWait] = useState({ limit: String(settings.waitLimitSec), notify: settings.waitNotify });
  const [error, setError] = useState<string>();
  const [cleared, setCleared] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const chaseLadder = parseLadder(ladder);
    if (!chaseLadder) {
      setError(t('settingLadderInvalid'));
      return;
    }
    const waitLimitSec = Number(wait.limit);
    if (!Number.isInteger(waitLimitSec) || waitLimitSec < 5 || waitLimitSec > 3600) {
      setError(t('settingWaitInvalid'));
      return;
    }
    try {
      await onSave({ ...draft, shifts, chaseLadder, waitLimitSec, waitNotify: wait.notify });
      onClose();
    } catch {
      setError(t('settingsInvalid'));
    }
  };
  const shared = Object.entries(settings.placeholderMemory).filter(([name]) => isOrderPlaceholder(name));
  const buyers = Object.keys(settings.orderMemory).length;
  const setShift = (i: number, key: 'start' | 'end', value: string) => setShifts((list) => list.map((s, k) => (k === i ? { ...s, [key]: value } : s)));
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
      {field('cutoffTime', t('settingCutoffTime'), 20)}
      {field('transitTime', t('settingTransitTime'), 60)}
      {shifts.map((s, i) => (
        <div className="field field--shift" key={s.id}>
          <span>{t('settingShift', s.name)}</span>
          <input type="time" aria-label={t('settingShiftStart', s.name)} value={s.start} onChange={(e) => setShift(i, 'start', e.target.value)} />
          –
          <input type="time" aria-label={t('settingShiftEnd', s.name)} value={s.end} onChange={(e) => setShift(i, 'end', e.target.value)} />
        </div>
      ))}
      <p className="muted">{t('settingServiceHours', serviceHours(shifts))}</p>
      <label className="field">
        <span>{t('settingLadder')}</span>
        <input value={ladder} onChange={(e) => setLadder(e.target.value)} />
      </label>
      <WaitFields wait={wait} setWait={setWait} />
      <fieldset className="remembered">
        <legend>{t('rememberedTitle')}</legend>
        {shared.length > 0 && <p>{t('rememberedShared', shared.map(([k, v]) => `${k} ${v}`).join('，'))}</p>}
        {buyers > 0 && <p>{t('rememberedBuyers', String(buyers))}</p>}
        {shared.length === 0 && buyers === 0 ? (
          <p className="muted">{t('rememberedNone')}</p>
        ) : (
          <button type="button" onClick={() => void onSave({ placeholderMemory: {}, orderMemory: {} }).then(() => setCleared(true))}>
            {t('rememberedClear')}
          </button>
        )}
        {cleared && <p role="status">{t('rememberedCleared')}</p>}
      </fieldset>
      {error && <p className="error" role="alert">{error}</p>}
      <div className="dialog__actions">
        <button type="submit">{t('save')}</button>
        <button type="button" onClick={onClose}>{t('cancel')}</button>
      </div>
    </form>
  );
}

type WaitDraft = { limit: string; notify: boolean };

/** The reply time limit (seconds) and the late-buyer notification switch. */
function WaitFields({ wait, setWait }: { wait: WaitDraft; setWait: (update: (w: WaitDraft) => WaitDraft) => void }) {
  return (
    <>
      <label className="field">
        <span>{t('settingWaitLimit')}</span>
        <input type="number" min={5} max={3600} value={wait.limit} onChange={(e) => setWait((w) => ({ ...w, limit: e.target.value }))} />
      </label>
      <label className="muted">
        <input type="checkbox" checked={wait.notify} onChange={(e) => setWait((w) => ({ ...w, notify: e.target.checked }))} /> {t('settingWaitNotify')}
      </label>
    </>
  );
}
