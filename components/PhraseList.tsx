import type { Phrase } from '../scripts-library/schema';
import { t } from './i18n';

interface Props {
  phrases: readonly Phrase[];
  onInsert(phrase: Phrase): void;
}

/** The phrase list; a click on a phrase inserts it into the served chat box. Text is rendered as text only. */
export function PhraseList({ phrases, onInsert }: Props) {
  if (phrases.length === 0) return <p className="empty">{t('emptyList')}</p>;
  return (
    <ul className="phrases">
      {phrases.map((p) => (
        <li key={p.id}>
          <button className="phrase" title={t('insertHint')} onClick={() => onInsert(p)} data-phrase-id={p.id}>
            <span className="phrase__head">
              <span className="phrase__title">{p.title}</span>
              {p.code && <span className="phrase__code">{t('phraseCode', p.code)}</span>}
            </span>
            <span className="phrase__body">{p.body}</span>
          </button>
        </li>
      ))}
    </ul>
  );
}
