import { useEffect, useRef, useState } from 'react';
import { useBuyerNote } from './use-notebooks';
import { t } from '../shared/i18n';
import { writeErrorText } from '../shared/write-error';

interface Props {
  site: string;
  buyerId: string;
  buyerName: string;
}

/** Where a note that could not be saved (a full disk) waits, so closing the panel does not lose it. */
const unsavedKey = (site: string, buyerId: string) => `kefu:unsaved-note:${site}|${buyerId}`;

/**
 * The note about the buyer whose conversation is open; shown automatically, saved as the agent types. A failed
 * save says why and keeps the text (in this page's localStorage too), trying again on the next edit or open.
 */
export function BuyerNote({ site, buyerId, buyerName }: Props) {
  const note = useBuyerNote(site, buyerId);
  const stored = note.stored;
  const [draft, setDraft] = useState<string | undefined>(() => localStorage.getItem(unsavedKey(site, buyerId)) ?? undefined);
  const [saved, setSaved] = useState(false);
  const [error, setError] = useState<string>();
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);
  const text = draft ?? stored?.text ?? '';
  const save = (value: string) =>
    note.save(value).then(
      () => {
        localStorage.removeItem(unsavedKey(site, buyerId));
        setSaved(true);
        setError(undefined);
      },
      (e: unknown) => {
        localStorage.setItem(unsavedKey(site, buyerId), value);
        setError(writeErrorText(e));
      },
    );
  // A note left unsaved last time is tried again when the buyer's note is shown.
  useEffect(() => {
    const pending = localStorage.getItem(unsavedKey(site, buyerId));
    if (pending !== null) void save(pending);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [site, buyerId]);
  return (
    // Folded by default (the phrases stay high in the panel); the summary shows the note's first words.
    <details className="buyer-note" open={error ? true : undefined}>
      <summary>
        {t('buyerNote', buyerName)}
        {text && <span className="buyer-note__preview">{t('buyerNotePreview', text.split('\n')[0]!.slice(0, 24))}</span>}
      </summary>
      <textarea
        aria-label={t('buyerNote', buyerName)}
        placeholder={t('buyerNotePlaceholder')}
        maxLength={5000}
        rows={3}
        value={text}
        onChange={(e) => {
          const value = e.target.value;
          setDraft(value);
          setSaved(false);
          clearTimeout(timer.current);
          timer.current = setTimeout(() => void save(value), 400);
        }}
      />
      {saved && !error && <small className="muted">{t('buyerNoteSaved')}</small>}
      {error && (
        <p className="error" role="alert">
          {error} {t('buyerNoteUnsaved')}
        </p>
      )}
    </details>
  );
}
