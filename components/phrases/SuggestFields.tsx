import type { PhraseLead } from '../../scripts-library/shared/schema';
import { CHITCHAT, INTENT_IDS, stageIntents, type IntentId } from '../../scripts-library/shared/intents';
import { t, type MessageKey } from '../shared/i18n';

/** The display name of a buyer intent (intents.ts). */
export const intentName = (id: string): string => t(`intent_${id.replace(/-/g, '_')}` as MessageKey);

type LeadMode = 'any' | 'intents' | 'never' | 'afterSales' | 'unpaid';

function modeOf(lead: PhraseLead | undefined): LeadMode {
  if (!lead) return 'any';
  if (lead.unpaidHours) return 'unpaid';
  if (lead.afterSales) return 'afterSales';
  if (lead.intents) return lead.intents.length ? 'intents' : 'never';
  return 'any';
}

interface Props {
  stageId: string;
  intents: string[] | undefined;
  lead: PhraseLead | undefined;
  onChange(next: { intents: string[] | undefined; lead: PhraseLead | undefined }): void;
}

const inOrder = (ids: Iterable<string>) => {
  const want = new Set(ids);
  return INTENT_IDS.filter((i) => want.has(i));
};

/**
 * What a phrase answers (#32): the buyer intents it declares (none ticked: those of its stage), and when it may be
 * the first suggestion, the one Enter / Alt+1 / "/"+Enter insert (a delay apology only when the buyer urges, a chase
 * only for an unpaid order of its age). A guard the agent does not touch is kept as it is.
 */
export function SuggestFields({ stageId, intents, lead, onChange }: Props) {
  const declared = intents ?? [];
  const ofStage = stageIntents(stageId);
  const shown = inOrder([...ofStage, ...declared]);
  const others = INTENT_IDS.filter((i) => i !== CHITCHAT && !shown.includes(i));
  const answered: readonly string[] = declared.length ? declared : ofStage;
  const mode = modeOf(lead);
  const toggle = (id: IntentId) => {
    const next = declared.includes(id) ? declared.filter((i) => i !== id) : inOrder([...declared, id]);
    onChange({ intents: next.length ? next : undefined, lead });
  };
  const box = (id: IntentId, checked: boolean, flip: () => void) => (
    <label key={id} className="check">
      <input type="checkbox" checked={checked} onChange={flip} />
      {intentName(id)}
    </label>
  );
  const setMode = (m: LeadMode) => {
    const next: Record<LeadMode, PhraseLead | undefined> = {
      any: undefined,
      intents: { intents: inOrder(answered) },
      never: { intents: [] },
      afterSales: { afterSales: true },
      unpaid: { unpaidHours: [0, 24] },
    };
    onChange({ intents, lead: next[m] });
  };
  const only = lead?.intents ?? [];
  return (
    <>
      <fieldset className="intents" aria-label={t('fieldIntents')}>
        <legend>{t('fieldIntents')}</legend>
        <small>{t('intentsStageDefault')}</small>
        {shown.map((id) => box(id, declared.includes(id), () => toggle(id)))}
        <details>
          <summary>{t('intentsOtherStages')}</summary>
          {others.map((id) => box(id, false, () => toggle(id)))}
        </details>
      </fieldset>
      <label className="field">
        <span>{t('fieldLead')}</span>
        <select value={mode} onChange={(e) => setMode(e.target.value as LeadMode)}>
          <option value="any">{t('leadAny')}</option>
          <option value="intents">{t('leadIntents')}</option>
          <option value="never">{t('leadNever')}</option>
          <option value="afterSales">{t('leadAfterSales')}</option>
          <option value="unpaid">{t('leadUnpaid')}</option>
        </select>
      </label>
      {mode === 'intents' && (
        <fieldset className="intents" aria-label={t('leadIntentsLegend')}>
          <legend>{t('leadIntentsLegend')}</legend>
          {inOrder([...answered, ...only]).map((id) =>
            box(id, only.includes(id), () => {
              const next = only.includes(id) ? only.filter((i) => i !== id) : inOrder([...only, id]);
              onChange({ intents, lead: { ...lead, intents: next } });
            }),
          )}
        </fieldset>
      )}
      {mode === 'unpaid' && <UnpaidHours hours={lead?.unpaidHours ?? [0, 24]} onChange={(unpaidHours) => onChange({ intents, lead: { ...lead, unpaidHours } })} />}
    </>
  );
}

/** The age of an unpaid order, [from, to) hours, for which a chase may lead. */
function UnpaidHours({ hours, onChange }: { hours: readonly [number, number]; onChange(hours: [number, number]): void }) {
  const set = (k: 0 | 1, v: string) => {
    const h: [number, number] = [hours[0], hours[1]];
    h[k] = Number(v) || 0;
    onChange(h);
  };
  return (
    <div className="field field--row">
      <label>
        <span>{t('leadUnpaidFrom')}</span>
        <input type="number" min={0} value={hours[0]} onChange={(e) => set(0, e.target.value)} />
      </label>
      <label>
        <span>{t('leadUnpaidTo')}</span>
        <input type="number" min={1} value={hours[1]} onChange={(e) => set(1, e.target.value)} />
      </label>
    </div>
  );
}
