import { useEffect, useRef } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { Phrase } from '../../scripts-library/shared/schema';
import { splitHighlight, type Range, type SearchHit } from '../../scripts-library/search/search';
import { BlockIcon, PinIcon, WarnIcon } from '../shared/icons';
import { t } from '../shared/i18n';
import { editedHere } from '../../scripts-library/files/team-pack';
import { isSyncedTeamPack } from '../../scripts-library/team/team-config';
import { previewPieces, previewText } from './phrase-preview';

/** Row actions shown in manage mode. */
export interface RowActions {
  onEdit(phrase: Phrase): void;
  onDuplicate(phrase: Phrase): void;
  onTogglePin(phrase: Phrase): void;
  onDelete(phrase: Phrase): void;
}

export type PhraseFlag = { severity: 'block' | 'warn'; text: string } | undefined;

interface Props {
  hits: readonly SearchHit<Phrase>[];
  /** Marks phrases whose text the draft guard would flag. */
  flag?(phrase: Phrase): PhraseFlag;
  active: number;
  onInsert(phrase: Phrase): void;
  onHover?(index: number): void;
  actions?: RowActions;
  /** How many rows at the top are suggested replies to the buyer's latest message. */
  suggested?: number;
  /** The suggestions are not sure: labelled 可能是, not 建议. */
  maybe?: boolean;
  /** The values a phrase gets without asking (settings, the buyer), filled into the previews. */
  values?: Readonly<Record<string, string>>;
  /** The active row shows its whole body (it was reached with ↑/↓; a mouse reads it in the row's tooltip). */
  openActive?: boolean;
}

type RowProps = { hit: SearchHit<Phrase>; index: number; active: boolean; suggested: boolean; open: boolean } & Pick<Props, 'onInsert' | 'onHover' | 'actions' | 'flag' | 'values' | 'maybe'>;

/** Above this many rows only the visible ones are rendered. */
export const VIRTUALIZE_ABOVE = 150;

/** The phrase list. A click inserts; the first nine rows show their Alt+n number. Text is rendered as text. */
export function PhraseList(props: Props) {
  const { hits, active, onInsert, onHover, actions, flag, suggested = 0, values, openActive = false, maybe } = props;
  useFirstPhraseMark(hits.length > 0);
  if (hits.length === 0) return <p className="empty">{t('emptyList')}</p>;
  return hits.length > VIRTUALIZE_ABOVE ? (
    <VirtualList {...props} />
  ) : (
    <ul className="phrases" role="listbox" aria-label={t('phraseListLabel')} id="phrase-list">
      {hits.map((hit, i) => (
        <Row key={hit.phrase.id} hit={hit} index={i} active={i === active} onInsert={onInsert} onHover={onHover} actions={actions} flag={flag} suggested={i < suggested} maybe={maybe} values={values} open={openActive && i === active} />
      ))}
    </ul>
  );
}

let firstPhraseMarked = false;
/** Marks (once per page) the frame React's first phrases were painted in (`npm run bench`'s sidepanel.react_phrase_ms). */
function useFirstPhraseMark(shown: boolean) {
  useEffect(() => {
    if (!shown || firstPhraseMarked) return;
    firstPhraseMarked = true;
    requestAnimationFrame(() =>
      setTimeout(() => {
        // After the paint: React's rows (mark kefu:react-phrase); the first phrase too unless the head script's static
        // first screen was painted before (entrypoints/first-screen).
        performance.mark('kefu:react-phrase');
        if (!performance.getEntriesByName('kefu:first-phrase').length) performance.mark('kefu:first-phrase');
      }, 0),
    );
  }, [shown]);
}

function VirtualList({ hits, active, onInsert, onHover, actions, flag, suggested = 0, values, openActive = false, maybe }: Props) {
  const scroller = useRef<HTMLDivElement>(null);
  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer's functions are used during render only
  const virtualizer = useVirtualizer({
    count: hits.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => 52,
    overscan: 8,
  });
  return (
    <div ref={scroller} className="phrases phrases--virtual">
      <ul
        role="listbox"
        aria-label={t('phraseListLabel')}
        id="phrase-list"
        style={{ height: virtualizer.getTotalSize(), position: 'relative' }}
      >
        {virtualizer.getVirtualItems().map((item) => (
          <div
            key={hits[item.index]!.phrase.id}
            data-index={item.index}
            ref={virtualizer.measureElement}
            style={{ position: 'absolute', top: 0, left: 0, right: 0, transform: `translateY(${item.start}px)` }}
          >
            <Row hit={hits[item.index]!} index={item.index} active={item.index === active} onInsert={onInsert} onHover={onHover} actions={actions} flag={flag} suggested={item.index < suggested} maybe={maybe} values={values} open={openActive && item.index === active} />
          </div>
        ))}
      </ul>
    </div>
  );
}

function Row({ hit, index, active, onInsert, onHover, actions, flag, suggested, maybe, values = {}, open }: RowProps) {
  const { phrase, highlight } = hit;
  const flagged = flag?.(phrase);
  const pieces = previewPieces(phrase.body, values, highlight.body);
  return (
    <li role="option" aria-selected={active} id={`phrase-${index}`} className="phrase-row">
      <button
        className={`phrase${active ? ' phrase--active' : ''}${open ? ' phrase--open' : ''}`}
        title={`${previewText(pieces)}\n\n${t('insertHint')}`}
        // The second click of a double click (detail 2) is not a second insert; a key press (detail 0) inserts.
        onClick={(e) => e.detail < 2 && onInsert(phrase)}
        onMouseEnter={() => onHover?.(index)}
        data-phrase-id={phrase.id}
        tabIndex={-1}
      >
        <span className="phrase__head">
          {index < 9 && <kbd className="phrase__key">{index + 1}</kbd>}
          <span className="phrase__title">
            <Highlighted text={phrase.title} ranges={highlight.title} />
          </span>
          {suggested && (
            <span className="phrase__suggested" data-suggested={maybe ? 'maybe' : 'true'}>
              {maybe ? t('suggestMaybe') : t('suggestedReply')}
            </span>
          )}
          {phrase.pinned && <span className="phrase__pin" role="img" aria-label={t('pinned')}><PinIcon /></span>}
          {flagged && (
            <span className={`phrase__flag sev sev--${flagged.severity}`} role="img" title={flagged.text} aria-label={flagged.text} data-flag={flagged.severity}>
              {flagged.severity === 'block' ? <BlockIcon /> : <WarnIcon />}
            </span>
          )}
          {phrase.code && <span className="phrase__code">{t('phraseCode', phrase.code)}</span>}
          {actions && phrase.pack && <PackTag phrase={phrase} pack={phrase.pack} />}
        </span>
        <span className="phrase__body">
          {pieces.map((p, i) =>
            p.kind === 'slot' ? (
              <span key={i} className="phrase__slot" data-slot>{p.text}</span>
            ) : p.kind === 'text' && p.hit ? (
              <mark key={i}>{p.text}</mark>
            ) : (
              <span key={i}>{p.text}</span>
            ),
          )}
        </span>
      </button>
      {actions && (
        <span className="phrase__actions" aria-label={phrase.title}>
          <button onClick={() => actions.onEdit(phrase)}>{t('edit')}</button>
          <button onClick={() => actions.onDuplicate(phrase)}>{t('duplicatePhrase')}</button>
          <button onClick={() => actions.onTogglePin(phrase)}>{phrase.pinned ? t('unpin') : t('pin')}</button>
          <button onClick={() => actions.onDelete(phrase)}>{t('delete')}</button>
        </span>
      )}
    </li>
  );
}

function Highlighted({ text, ranges }: { text: string; ranges: readonly Range[] }) {
  if (ranges.length === 0) return <>{text}</>;
  return (
    <>
      {splitHighlight(text, ranges).map((piece, i) => (piece.hit ? <mark key={i}>{piece.text}</mark> : <span key={i}>{piece.text}</span>))}
    </>
  );
}

/**
 * A pack phrase's tag: 团队包 vN (· 已改) for a file pack; 团队 (· 已改) for the synced team library (#35), whose
 * edited rows say why the edit stayed here (only the lead changes team phrases).
 */
function PackTag({ phrase, pack }: { phrase: Phrase; pack: NonNullable<Phrase['pack']> }) {
  const edited = editedHere(phrase);
  if (isSyncedTeamPack(pack.id)) {
    return (
      <span className="phrase__pack" data-pack-edited={edited} title={edited ? t('teamRefusedEdit') : undefined}>
        {edited ? t('teamPhraseEdited') : t('teamPhrase')}
      </span>
    );
  }
  return (
    <span className="phrase__pack" data-pack-edited={edited}>
      {edited ? t('packPhraseEdited', String(pack.version)) : t('packPhrase', String(pack.version))}
    </span>
  );
}
