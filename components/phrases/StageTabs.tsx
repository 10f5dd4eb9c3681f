import type { Stage } from '../../scripts-library/schema';
import { t } from '../shared/i18n';

interface Props {
  stages: readonly Stage[];
  selected: string | undefined;
  /** The stage the buyer's latest message points to (marked on its chip). */
  hinted?: string;
  onSelect(stageId: string | undefined): void;
}

/** Stage filter chips: 全部 plus one per stage, in the stages' order and colours. */
export function StageTabs({ stages, selected, hinted, onSelect }: Props) {
  return (
    <div className="stages" role="tablist" aria-label={t('stagesLabel')}>
      <button role="tab" aria-selected={selected === undefined} className="stage" onClick={() => onSelect(undefined)}>
        {t('stageAll')}
      </button>
      {stages.map((s) => (
        <button
          key={s.id}
          role="tab"
          aria-selected={selected === s.id}
          className="stage"
          style={{ borderColor: s.color, ...(selected === s.id ? { background: s.color, color: '#fff' } : {}) }}
          onClick={() => onSelect(s.id)}
          title={s.id === hinted ? t('stageHinted') : undefined}
          data-hinted={s.id === hinted || undefined}
        >
          {s.name}
          {s.id === hinted && <span aria-hidden="true"> •</span>}
        </button>
      ))}
    </div>
  );
}
