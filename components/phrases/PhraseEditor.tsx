import { useMemo, useState, type Dispatch, type FormEvent, type SetStateAction } from 'react';
import { PHRASE_VARIANTS_MAX, type Phrase, type Stage } from '../../scripts-library/shared/schema';
import { validatePhrase, type PhraseDraft } from '../../scripts-library/phrases/phrase-validation';
import { stageOfWords } from '../../scripts-library/phrases/phrase-stage';
import { stageDefaults } from '../../scripts-library/phrases/stage-defaults';
import { problemText } from '../notebooks/problem-text';
import { t } from '../shared/i18n';
import { SuggestFields } from './SuggestFields';

interface Props {
  initial: PhraseDraft & { id: string };
  stages: readonly Stage[];
  library: readonly Phrase[];
  /** A new phrase the agent has not filed: its stage follows its words until the agent picks one (#29 item 17). */
  autoStage?: boolean;
  /**
   * A new phrase whose intents and lead guard are its stage's defaults (stage-defaults.ts): they follow its stage
   * until the agent changes them.
   */
  presetByStage?: boolean;
  onSave(draft: PhraseDraft & { id: string }): Promise<void>;
  onAddStage(name: string): Promise<Stage>;
  onCancel(): void;
}

const NEW_STAGE = '__new__';

/** Create or edit a phrase; problems are shown as the agent types and block saving. */
export function PhraseEditor({ initial, stages, library, autoStage = false, presetByStage = false, onSave, onAddStage, onCancel }: Props) {
  const [draft, setDraft] = useState(initial);
  const [stagePicked, setStagePicked] = useState(!autoStage);
  const { preset, presets, moveTo, edited } = useStagePreset(presetByStage, draft.stageId, setDraft);
  const setBody = (body: string) => {
    setDraft((d) => ({ ...d, body }));
    const filed = !stagePicked && stageOfWords(body, stages);
    if (filed) moveTo(filed);
  };
  const [tags, setTags] = useState(initial.tags.join('|'));
  const [newStage, setNewStage] = useState<string>();
  const current = { ...draft, tags: tags.split('|').map((x) => x.trim()).filter(Boolean), variants: (draft.variants ?? []).map((v) => v.trim()).filter(Boolean) };
  const stageIds = useMemo(() => new Set(stages.map((s) => s.id)), [stages]);
  const problems = validatePhrase(current, library, stageIds);
  const [touched, setTouched] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setTouched(true);
    if (problems.length) return;
    let stageId = current.stageId;
    if (newStage !== undefined) stageId = (await onAddStage(newStage)).id;
    await onSave({ ...current, stageId });
  };

  return (
    <form className="dialog editor" aria-label={t('editorTitle')} onSubmit={submit} onKeyDown={(e) => e.key === 'Escape' && onCancel()}>
      <strong>{t('editorTitle')}</strong>
      <StageField
        stages={stages}
        value={newStage !== undefined ? NEW_STAGE : draft.stageId}
        onChange={(stageId) => {
          setStagePicked(true);
          setNewStage(stageId === NEW_STAGE ? '' : undefined);
          if (stageId !== NEW_STAGE) moveTo(stageId);
        }}
      />
      {newStage !== undefined && (
        <label className="field">
          <span>{t('newStageName')}</span>
          <input value={newStage} maxLength={20} onChange={(e) => setNewStage(e.target.value)} />
        </label>
      )}
      <label className="field">
        <span>{t('fieldTitle')}</span>
        <input value={draft.title} maxLength={80} onChange={(e) => setDraft((d) => ({ ...d, title: e.target.value }))} />
      </label>
      <label className="field">
        <span>{t('fieldCode')}</span>
        <input value={draft.code ?? ''} maxLength={30} onChange={(e) => setDraft((d) => ({ ...d, code: e.target.value }))} />
      </label>
      <label className="field">
        <span>{t('fieldBody')}</span>
        <textarea rows={4} value={draft.body} onChange={(e) => setBody(e.target.value)} />
      </label>
      <small className="counter">{t('bodyCounter', String([...draft.body.trim()].length))}</small>
      <VariantsField variants={draft.variants ?? []} onChange={(variants) => setDraft((d) => ({ ...d, variants }))} />
      <label className="field">
        <span>{t('fieldTags')}</span>
        <input value={tags} onChange={(e) => setTags(e.target.value)} />
      </label>
      {preset && (draft.intents || draft.lead) && <small className="preset">{t('suggestStagePreset', stages.find((s) => s.id === draft.stageId)?.name ?? '')}</small>}
      <SuggestFields key={presets} stageId={draft.stageId} intents={draft.intents} lead={draft.lead} onChange={(fields) => edited(fields)} />
      {(touched || draft.body !== initial.body || draft.code !== initial.code || draft.variants !== initial.variants || (!preset && draft.lead !== initial.lead)) && problems.length > 0 && (
        <ul className="problems" role="alert">
          {problems.map((p, i) => (
            <li key={i}>{problemText(p)}</li>
          ))}
        </ul>
      )}
      <div className="dialog__actions">
        <button type="submit" disabled={newStage !== undefined && !newStage.trim()}>{t('save')}</button>
        <button type="button" onClick={onCancel}>{t('cancel')}</button>
      </div>
    </form>
  );
}

type Draft = PhraseDraft & { id: string };

/**
 * A new phrase's intents and lead guard are its stage's defaults (stage-defaults.ts) and follow its stage until the
 * agent changes them. `presets` counts the presets: the fields are drawn afresh then (the word boxes keep their own
 * text while the agent types).
 */
function useStagePreset(presetByStage: boolean, stageId: string, setDraft: Dispatch<SetStateAction<Draft>>) {
  const [preset, setPreset] = useState(presetByStage);
  const [presets, setPresets] = useState(0);
  const moveTo = (next: string) => {
    if (!preset || next === stageId) return setDraft((d) => ({ ...d, stageId: next }));
    const { intents, lead } = stageDefaults(next);
    setDraft((d) => ({ ...d, stageId: next, intents, lead }));
    setPresets((n) => n + 1);
  };
  const edited = ({ intents, lead }: Pick<Draft, 'intents' | 'lead'>) => {
    setPreset(false);
    setDraft((d) => ({ ...d, intents, lead }));
  };
  return { preset, presets, moveTo, edited };
}

/** The stage picker, with a last option to add a stage. */
function StageField({ stages, value, onChange }: { stages: readonly Stage[]; value: string; onChange(stageId: string): void }) {
  return (
    <label className="field">
      <span>{t('fieldStage')}</span>
      <select value={value} onChange={(e) => onChange(e.target.value)}>
        {stages.map((s) => (
          <option key={s.id} value={s.id}>{s.name}</option>
        ))}
        <option value={NEW_STAGE}>{t('newStageOption')}</option>
      </select>
    </label>
  );
}

/** The other wordings of a phrase: one text box each, up to PHRASE_VARIANTS_MAX, each removable. */
function VariantsField({ variants, onChange }: { variants: string[]; onChange(variants: string[]): void }) {
  return (
    <fieldset className="variants">
      <legend>{t('fieldVariants')}</legend>
      {variants.map((v, i) => (
        <div key={i} className="variants__row">
          <textarea rows={2} aria-label={t('variantLabel', String(i + 2))} value={v} onChange={(e) => onChange(variants.map((x, k) => (k === i ? e.target.value : x)))} />
          <button type="button" aria-label={t('removeVariant', String(i + 2))} onClick={() => onChange(variants.filter((_, k) => k !== i))}>
            ×
          </button>
        </div>
      ))}
      {variants.length < PHRASE_VARIANTS_MAX && (
        <button type="button" onClick={() => onChange([...variants, ''])}>{t('addVariant')}</button>
      )}
    </fieldset>
  );
}
