import { useEffect, useMemo, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import type { KefuDB } from '../storage/db';
import { listPhrases, listStages, recordPhraseUse } from '../storage/repositories/phrases';
import type { Phrase } from '../scripts-library/schema';
import type { Served } from '../scripts-library/served-tab';
import { filterPhrases } from '../scripts-library/search';
import type { InsertOutcome } from './insert-phrase';
import { PhraseList } from './PhraseList';
import { ServedTabBar } from './ServedTabBar';
import { StageTabs } from './StageTabs';
import { t } from './i18n';

interface Props {
  db: KefuDB;
  served: Served | undefined;
  insert(tabId: number | undefined, text: string): Promise<InsertOutcome>;
}

/** The side panel: served chat tab, search, stage chips and the phrase list. */
export function SidePanel({ db, served, insert }: Props) {
  const [query, setQuery] = useState('');
  const [stageId, setStageId] = useState<string>();
  const [notice, setNotice] = useState<{ text: string; tone: 'ok' | 'warn' | 'error' }>();

  // The background seeds on install; doing it here too covers a panel opened before that finished.
  useEffect(() => {
    void import('../storage/repositories/phrase-writes')
      .then((m) => m.ensureDefaultPacks(db))
      .catch((e: unknown) => console.warn('[kefu] default packs', e));
  }, [db]);

  const stages = useLiveQuery(() => listStages(db), [db]);
  const phrases = useLiveQuery(() => listPhrases(db), [db]);
  const shown = useMemo(() => filterPhrases(phrases ?? [], { text: query, stageId }), [phrases, query, stageId]);

  const onInsert = async (phrase: Phrase) => {
    const tabId = served?.state === 'chat' ? served.tab.tabId : undefined;
    const outcome = await insert(tabId, phrase.body);
    if (outcome.kind === 'inserted') {
      await recordPhraseUse(db, phrase.id);
      setNotice({ text: t('inserted', phrase.title), tone: 'ok' });
    } else {
      setNotice({ text: outcome.message, tone: outcome.kind === 'copied' ? 'warn' : 'error' });
    }
  };

  return (
    <main className="panel">
      <header className="panel__header">
        <h1>{t('panelTitle')}</h1>
        <ServedTabBar served={served} />
      </header>
      <input
        className="search"
        type="search"
        aria-label={t('searchLabel')}
        placeholder={t('searchPlaceholder')}
        value={query}
        onChange={(e) => setQuery(e.target.value)}
      />
      <StageTabs stages={stages ?? []} selected={stageId} onSelect={setStageId} />
      {phrases === undefined ? <p className="empty">{t('loading')}</p> : <PhraseList phrases={shown} onInsert={onInsert} />}
      <div className={`notice notice--${notice?.tone ?? 'ok'}`} role="status" aria-live="polite" data-testid="notice">
        {notice?.text}
      </div>
    </main>
  );
}
