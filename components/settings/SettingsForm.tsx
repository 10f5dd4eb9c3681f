import { Fragment, useState, type FormEvent } from 'react';
import { SettingsSchema, ShiftSchema, type Settings, type Shift } from '../../scripts-library/shared/schema';
import { isOrderPlaceholder } from '../../scripts-library/phrases/placeholders';
import { serviceHours } from '../../scripts-library/chase/service-hours';
import { delayParts, parseDelays } from '../../scripts-library/chase/reminders';
import { DEFAULT_SYNONYMS, parseSynonymText, shopSynonyms, synonymText } from '../../scripts-library/search/search-words';
import { t, type MessageKey } from '../shared/i18n';
import { writeErrorText } from '../shared/write-error';

interface Props {
  settings: Settings;
  onSave(patch: Partial<Settings>): Promise<void>;
  onClose(): void;
}

/** The ladder as the agent reads it: "15 分钟, 24 小时, 48 小时, 72 小时" (parseDelays reads it back). */
export function ladderText(minutes: readonly number[]): string {
  return minutes
    .map((m) => {
      const [value, unit] = delayParts(m);
      return t(`delay_${unit}` as MessageKey, value);
    })
    .join(', ');
}

/** The shop facts placeholders read, edited as text, with their labels and lengths. */
const SHOP_FIELDS = ['shopName', 'agentName', 'shipDays', 'cutoffTime', 'transitTime'] as const;
type ShopField = (typeof SHOP_FIELDS)[number];
const SHOP_LABELS: Record<ShopField, [MessageKey, number]> = {
  shopName: ['settingShopName', 40],
  agentName: ['settingAgentName', 20],
  shipDays: ['settingShipDays', 10],
  cutoffTime: ['settingCutoffTime', 20],
  transitTime: ['settingTransitTime', 60],
};
const pick = <K extends keyof Settings>(settings: Settings, keys: readonly K[]) => Object.fromEntries(keys.map((k) => [k, settings[k]])) as Pick<Settings, K>;

/** Where an error is shown: a shop field, a shift (by index), the ladder or the wait limit. */
type FieldId = ShopField | `shift${number}` | 'ladder' | 'wait' | 'synonyms';
type Errors = Partial<Record<FieldId, string>>;
const errorId = (f: FieldId) => `settings-error-${f}`;
/** An input's ARIA state for its error (the error is its description, next to it). */
const invalid = (errors: Errors, f: FieldId) => (errors[f] ? { 'aria-invalid': true, 'aria-describedby': errorId(f) } : {});
const FieldError = ({ errors, f }: { errors: Errors; f: FieldId }) => (errors[f] ? <p className="error" id={errorId(f)}>{errors[f]}</p> : null);

/** Each field's own problem (#30 m4: no field is blamed for another's value), and the patch when there is none. */
function validate(draft: Pick<Settings, ShopField>, shifts: readonly Shift[], ladder: string, wait: WaitDraft, synonyms: SynonymDraft): { errors: Errors; patch?: Partial<Settings> } {
  const errors: Errors = {};
  for (const k of SHOP_FIELDS) {
    if (!SettingsSchema.shape[k].safeParse(draft[k]).success) errors[k] = t('settingTooLong', [t(SHOP_LABELS[k][0]), String(SHOP_LABELS[k][1])]);
  }
  shifts.forEach((s, i) => {
    if (!ShiftSchema.safeParse(s).success) errors[`shift${i}`] = t('settingShiftInvalid', s.name);
  });
  const chaseLadder = parseDelays(ladder);
  if (!chaseLadder) errors.ladder = t('settingLadderInvalid');
  else if (!SettingsSchema.shape.chaseLadder.safeParse(chaseLadder).success) errors.ladder = t('settingLadderTooLong');
  const waitLimitSec = Number(wait.limit);
  if (!SettingsSchema.shape.waitLimitSec.safeParse(waitLimitSec).success || !wait.limit.trim()) errors.wait = t('settingWaitInvalid');
  const table = synonymPatch(synonyms);
  if (!table.ok) errors.synonyms = t('settingSynonymsInvalid', [String(table.line), t(`synonymProblem_${table.problem}`)]);
  if (Object.keys(errors).length || !chaseLadder || !table.ok) return { errors };
  return { errors, patch: { ...draft, shifts: [...shifts], chaseLadder, waitLimitSec, waitNotify: wait.notify, ...table.patch } };
}

/** The synonym editor's text, and the text it opened with (unchanged = nothing to save). */
type SynonymDraft = { text: string; initial: string };

/** The synonyms to save: none when untouched, the default table again (absent) when the text is the default's. */
function synonymPatch({ text, initial }: SynonymDraft): { ok: true; patch: Partial<Settings> } | ({ ok: false } & Extract<ReturnType<typeof parseSynonymText>, { ok: false }>) {
  if (text === initial) return { ok: true, patch: {} };
  if (text === synonymText(DEFAULT_SYNONYMS)) return { ok: true, patch: { synonyms: undefined } };
  const parsed = parseSynonymText(text);
  return parsed.ok ? { ok: true, patch: { synonyms: parsed.rows } } : parsed;
}

/**
 * The values most phrases' placeholders need (shop name, agent name, default shipping days, the same-day cut-off,
 * delivery times by region; the service hours come from the shifts and are shown as the buyer will read them), the work shifts the
 * tally counts by, the payment-chase ladder, and how long a buyer may wait for a reply (with the optional
 * notification when a console in the background keeps one waiting).
 */
export function SettingsForm({ settings, onSave, onClose }: Props) {
  const [draft, setDraft] = useState(() => pick(settings, SHOP_FIELDS));
  const [shifts, setShifts] = useState(settings.shifts);
  const [ladder, setLadder] = useState(() => ladderText(settings.chaseLadder));
  const [wait, setWait] = useState({ limit: String(settings.waitLimitSec), notify: settings.waitNotify });
  const [synonyms, setSynonyms] = useState(() => ({ initial: synonymText(shopSynonyms(settings)), text: synonymText(shopSynonyms(settings)) }));
  const [errors, setErrors] = useState<Errors>({});
  const [error, setError] = useState<string>();
  const [cleared, setCleared] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const checked = validate(draft, shifts, ladder, wait, synonyms);
    setErrors(checked.errors);
    setError(checked.patch ? undefined : t('settingsInvalid'));
    if (!checked.patch) return;
    try {
      await onSave(checked.patch);
      onClose();
    } catch (err) {
      setError(writeErrorText(err));
    }
  };
  const shared = Object.entries(settings.placeholderMemory).filter(([name]) => isOrderPlaceholder(name));
  const buyers = Object.keys(settings.orderMemory).length;
  const setShift = (i: number, key: 'start' | 'end', value: string) => setShifts((list) => list.map((s, k) => (k === i ? { ...s, [key]: value } : s)));
  const field = (key: ShopField) => (
    <>
      <label className="field">
        <span>{t(SHOP_LABELS[key][0])}</span>
        <input value={draft[key]} maxLength={SHOP_LABELS[key][1]} {...invalid(errors, key)} onChange={(e) => setDraft((d) => ({ ...d, [key]: e.target.value }))} />
      </label>
      <FieldError errors={errors} f={key} />
    </>
  );
  return (
    <form className="dialog" aria-label={t('settings')} onSubmit={submit}>
      <strong>{t('settings')}</strong>
      {SHOP_FIELDS.map((k) => <Fragment key={k}>{field(k)}</Fragment>)}
      {shifts.map((s, i) => (
        <div className="field field--shift" key={s.id}>
          <span>{t('settingShift', s.name)}</span>
          <input type="time" aria-label={t('settingShiftStart', s.name)} value={s.start} {...invalid(errors, `shift${i}`)} onChange={(e) => setShift(i, 'start', e.target.value)} />
          –
          <input type="time" aria-label={t('settingShiftEnd', s.name)} value={s.end} {...invalid(errors, `shift${i}`)} onChange={(e) => setShift(i, 'end', e.target.value)} />
          <FieldError errors={errors} f={`shift${i}`} />
        </div>
      ))}
      <p className="muted">{t('settingServiceHours', serviceHours(shifts))}</p>
      <label className="field">
        <span>{t('settingLadder')}</span>
        <input value={ladder} {...invalid(errors, 'ladder')} onChange={(e) => setLadder(e.target.value)} />
      </label>
      <FieldError errors={errors} f="ladder" />
      <WaitFields wait={wait} setWait={setWait} errors={errors} />
      <SynonymField text={synonyms.text} onText={(text) => setSynonyms((d) => ({ ...d, text }))} errors={errors} />
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
function WaitFields({ wait, setWait, errors }: { wait: WaitDraft; setWait: (update: (w: WaitDraft) => WaitDraft) => void; errors: Errors }) {
  return (
    <>
      <label className="field">
        <span>{t('settingWaitLimit')}</span>
        <input type="number" min={5} max={3600} value={wait.limit} {...invalid(errors, 'wait')} onChange={(e) => setWait((w) => ({ ...w, limit: e.target.value }))} />
      </label>
      <FieldError errors={errors} f="wait" />
      <label className="muted">
        <input type="checkbox" checked={wait.notify} onChange={(e) => setWait((w) => ({ ...w, notify: e.target.checked }))} /> {t('settingWaitNotify')}
      </label>
    </>
  );
}

/** The shop's synonym table, a row a line (机洗/水洗 → 洗涤/保养), with a way back to the default table. */
function SynonymField({ text, onText, errors }: { text: string; onText(text: string): void; errors: Errors }) {
  return (
    <>
      <label className="field field--synonyms">
        <span>{t('settingSynonyms')}</span>
        <textarea rows={6} value={text} spellCheck={false} {...invalid(errors, 'synonyms')} onChange={(e) => onText(e.target.value)} />
      </label>
      <FieldError errors={errors} f="synonyms" />
      <button type="button" onClick={() => onText(synonymText(DEFAULT_SYNONYMS))}>{t('synonymsDefault')}</button>
    </>
  );
}
