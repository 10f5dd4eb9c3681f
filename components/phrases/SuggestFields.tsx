import { useState } from 'react';
import type { PhraseLead } from '../../scripts-library/shared/schema';
import { CHITCHAT, INTENT_IDS, stageIntents, type IntentId } from '../../scripts-library/shared/intents';
import { CHAT_FACTS, type ChatFact } from '../../scripts-library/shared/chat-facts';
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
  // The word guards (says / notSays) hold whatever the mode: a phrase may lead only for some intents AND only when
  // the buyer says 花呗.
  const words = { ...(lead?.says ? { says: lead.says } : {}), ...(lead?.notSays ? { notSays: lead.notSays } : {}), ...(lead?.notAfter ? { notAfter: lead.notAfter } : {}) };
  const setMode = (m: LeadMode) => {
    const next: Record<LeadMode, PhraseLead> = {
      any: {},
      intents: { intents: inOrder(answered) },
      never: { intents: [] },
      afterSales: { afterSales: true },
      unpaid: { unpaidHours: [0, 24] },
    };
    onChange({ intents, lead: orNone({ ...next[m], ...(m === 'never' ? {} : words) }) });
  };
  const setWords = (key: 'says' | 'notSays', list: string[]) => {
    const { [key]: _old, ...rest } = lead ?? {};
    onChange({ intents, lead: orNone(list.length ? { ...rest, [key]: list } : rest) });
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
      {mode !== 'never' && (
        <>
          <WordsField label={t('leadSays')} words={lead?.says ?? []} onChange={(list) => setWords('says', list)} />
          <WordsField label={t('leadNotSays')} words={lead?.notSays ?? []} onChange={(list) => setWords('notSays', list)} />
          <small>{t('leadWordsHint')}</small>
          <NotAfterField lead={lead} onChange={(next) => onChange({ intents, lead: next })} />
        </>
      )}
    </>
  );
}

/** No guard at all when nothing is left of it (the phrase leads whenever it answers). */
const orNone = (lead: PhraseLead): PhraseLead | undefined => (Object.keys(lead).length ? lead : undefined);

/** Words split by spaces, commas or 、 (as agents list them), blanks and repeats left out. */
export const splitWords = (text: string): string[] => [...new Set(text.split(/[\s,，、;；|｜]+/).map((w) => w.trim()).filter(Boolean))];

/**
 * A word guard typed as a line of words: the text is the agent's own while they type (a trailing space or comma
 * stays), the list goes to the phrase.
 */
function WordsField({ label, words, onChange }: { label: string; words: readonly string[]; onChange(words: string[]): void }) {
  const [text, setText] = useState(words.join(' '));
  return (
    <label className="field">
      <span>{label}</span>
      <input
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          onChange(splitWords(e.target.value));
        }}
      />
    </label>
  );
}

/** What the conversation may show (chat-facts.ts) after which the phrase never leads (仅咨询 not after an order). */
function NotAfterField({ lead, onChange }: { lead: PhraseLead | undefined; onChange(lead: PhraseLead | undefined): void }) {
  const facts: readonly ChatFact[] = lead?.notAfter ?? [];
  const set = (list: ChatFact[]) => {
    const { notAfter: _old, ...rest } = lead ?? {};
    onChange(orNone(list.length ? { ...rest, notAfter: list } : rest));
  };
  return (
    <fieldset className="intents" aria-label={t('leadNotAfter')}>
      <legend>{t('leadNotAfter')}</legend>
      {CHAT_FACTS.map((f) => (
        <label key={f} className="check">
          <input type="checkbox" checked={facts.includes(f)} onChange={() => set(CHAT_FACTS.filter((x) => (x === f ? !facts.includes(f) : facts.includes(x))))} />
          {t(`chatFact_${f.replace(/-/g, '_')}` as MessageKey)}
        </label>
      ))}
    </fieldset>
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
