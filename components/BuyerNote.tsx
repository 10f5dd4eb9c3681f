import { useEffect, useRef, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import type { KefuDB } from '../storage/db';
import { getBuyerNote, saveBuyerNote } from '../storage/repositories/notes';
import { t } from './i18n';

interface Props {
  db: KefuDB;
  site: string;
  buyerId: string;
  buyerName: string;
}

/** The note about the buyer whose conversation is open; shown automatically, saved as the agent types. */
export function BuyerNote({ db, site, buyerId, buyerName }: Props) {
  const stored = useLiveQuery(() => getBuyerNote(db, site, buyerId), [db, site, buyerId]);
  const [draft, setDraft] = useState<string>();
  const [saved, setSaved] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);
  const text = draft ?? stored?.text ?? '';
  return (
    // Folded by default (the phrases stay high in the panel); the summary shows the note's first words.
    <details className="buyer-note">
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
          timer.current = setTimeout(() => {
            void saveBuyerNote(db, site, buyerId, value).then(() => setSaved(true));
          }, 400);
        }}
      />
      {saved && <small className="muted">{t('buyerNoteSaved')}</small>}
    </details>
  );
}
