import { useEffect, useRef } from 'react';
import type { Stage } from '../../scripts-library/shared/schema';
import { t } from '../shared/i18n';
import { filledChip } from '../shared/contrast';

interface Props {
  stages: readonly Stage[];
  selected: string | undefined;
  /** The stage the buyer's latest message points to (marked on its chip). */
  hinted?: string;
  onSelect(stageId: string | undefined): void;
}

/** Stage filter chips: 全部 plus one per stage, in the stages' order and colours; one line, scrolled to the chosen one. */
export function StageTabs({ stages, selected, hinted, onSelect }: Props) {
  const row = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const chip = row.current?.querySelector<HTMLElement>('[aria-selected="true"]');
    if (!chip || !row.current) return;
    const { offsetLeft: left, offsetWidth: width } = chip;
    const view = row.current;
    if (left < view.scrollLeft || left + width > view.scrollLeft + view.clientWidth) view.scrollLeft = Math.max(0, left - 24);
  }, [selected, stages.length]);
  return (
    <div className="stages" role="tablist" aria-label={t('stagesLabel')} ref={row}>
      <button role="tab" aria-selected={selected === undefined} className="stage" onClick={() => onSelect(undefined)}>
        {t('stageAll')}
      </button>
      {stages.map((s) => (
        <button
          key={s.id}
          role="tab"
          aria-selected={selected === s.id}
          className="stage"
          style={{ borderColor: s.color, ...(selected === s.id ? filledChip(s.color) : {}) }}
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
