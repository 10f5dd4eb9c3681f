import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import type { KefuDB } from '../storage/db';
import { defaultPackInstalled, listPhrases, listStages, recordPhraseUse } from '../storage/repositories/phrases';
import { getSettings, saveSettings, updateSettings } from '../storage/repositories/settings';
import type { Phrase, Settings } from '../scripts-library/schema';
import type { Served } from '../scripts-library/served-tab';
import { buyerKey as orderBuyerKey, fieldsToAsk, fillPlaceholders, orderSuggestions, placeholderValues, rememberPatch, type Filled } from '../scripts-library/placeholders';
import type { InsertOutcome } from './insert-phrase';
import { ConfirmDialog } from './ConfirmDialog';
import { PhraseList } from './PhraseList';
import { PlaceholderForm } from './PlaceholderForm';
import { ServedTabBar } from './ServedTabBar';
import { SettingsForm } from './SettingsForm';
import { Onboarding } from './Onboarding';
import { GearIcon } from './icons';
import { QuickCount } from './QuickCount';
import { tallyHotkey } from '../scripts-library/hotkeys';
import { writeErrorText } from './write-error';
import { StageTabs } from './StageTabs';
import { usePhraseSearch } from './use-phrase-search';
import { useLibraryActions } from './use-library-actions';
import { PhraseEditor } from './PhraseEditor';
import { ImportPreview } from './ImportPreview';
import { RulesView } from './RulesView';
import { TallyView } from './TallyView';
import { BuyerNote } from './BuyerNote';
import { NotebookView } from './NotebookView';
import { BackupPanel } from './BackupPanel';
import { SitesPanel } from './SitesPanel';
import { addSale, countOne } from '../storage/repositories/tally';
import { remindersChanged } from './messaging';
import { ChaseReminders } from './ChaseReminders';
import { useChaseFocus } from './use-chase-focus';
import { shiftAt } from '../scripts-library/tally';
import { listHandovers } from '../storage/repositories/notes';
import { isUnreadHandover } from '../scripts-library/notebooks';
import { listRules } from '../storage/repositories/rules';
import { checkDraft, DEFAULT_RULES } from '../scripts-library/guard';
import { effectiveRules } from '../scripts-library/guard/effective-rules';
import { stageHint } from '../scripts-library/stage-hint';
import { t } from './i18n';

export type InsertFn = (tabId: number | undefined, text: string, caret?: number) => Promise<InsertOutcome>;

interface Props {
  db: KefuDB;
  served: Served | undefined;
  insert: InsertFn;
}

type Pending =
  | { kind: 'placeholders'; phrase: Phrase; missing: string[]; values: Record<string, string>; suggested: Record<string, string>; done?: () => void }
  | { kind: 'duplicate'; phrase: Phrase; filled: Filled; done?: () => void };

/** The side panel: served chat tab, search, stage chips and the phrase list, all usable from the keyboard. */
export function SidePanel({ db, served, insert }: Props) {
  const [query, setQuery] = useState('');
  // The agent's explicit stage choice (a chip click; {stageId: undefined} = 全部), or undefined to follow the hint.
  const [choice, setChoice] = useState<{ stageId?: string }>();
  const [active, setActive] = useState(0);
  const [pending, setPending] = useState<Pending>();
  const [showSettings, setShowSettings] = useState(false);
  const [notice, setNotice] = useState<{ text: string; tone: 'ok' | 'warn' | 'error'; undo?: () => void }>();
  const [manage, setManage] = useState(false);
  const [view, setView] = useState<'phrases' | 'rules' | 'tally' | 'notes'>('phrases');
  const [notesTab, setNotesTab] = useState<'problems' | 'handover'>('problems');
  // Handovers written by another shift and not yet read (the live query follows the settings' shifts too).
  const unread = useLiveQuery(async () => {
    const now = shiftAt(new Date(), (await getSettings(db)).shifts);
    return (await listHandovers(db)).filter((h) => isUnreadHandover(h, now)).length;
  }, [db]);
  const library = useLibraryActions(db, (text, tone, undo) => setNotice({ text, tone, undo }));
  const fileInput = useRef<HTMLInputElement>(null);
  // The last phrase inserted per chat tab + buyer: inserting it again right away earns a warning.
  const lastInserted = useRef(new Map<string, string>());
  const search = useRef<HTMLInputElement>(null);
  const [chaseFocus, clearChaseFocus] = useChaseFocus();
  // A notice says what just happened; it goes once the agent has had time to read it (errors and undo stay longer).
  useEffect(() => {
    if (!notice) return undefined;
    const ms = notice.undo || notice.tone === 'error' ? 10_000 : notice.tone === 'warn' ? 6_000 : 3_000;
    const timer = setTimeout(() => setNotice(undefined), ms);
    return () => clearTimeout(timer);
  }, [notice]);
  const showView = (next: typeof view) => {
    setView(next);
    setNotice(undefined); // moving on: what was said about the last view no longer applies
  };

  useEffect(() => {
    // The background installs the default library on install; doing it here too covers a panel opened first.
    // Only then is the pack (and its precomputed keys) loaded: on every other open it would hold up the first screen.
    void defaultPackInstalled(db)
      .then(async (installed) => installed || (await import('../storage/repositories/packs')).ensureDefaultPacks(db))
      .catch((e: unknown) => console.warn('[kefu] default packs', e));
  }, [db]);

  const stages = useLiveQuery(() => listStages(db), [db]);
  const phrases = useLiveQuery(() => listPhrases(db), [db]);
  const settings = useLiveQuery(() => getSettings(db), [db]);
  // Pre-select the stage the buyer's latest message points to. It filters browsing; a search looks in every
  // stage unless the agent picked one. The agent's own choice holds until the next buyer message.
  const lastMessage = served?.state === 'chat' ? served.tab.status.lastBuyerMessage : undefined;
  const hinted = stageHint(lastMessage);
  const [hintFor, setHintFor] = useState<string>();
  if (lastMessage !== hintFor) {
    setHintFor(lastMessage);
    setChoice(undefined);
    setActive(0);
  }
  const hintStage = hinted && stages?.some((s) => s.id === hinted) ? hinted : undefined;
  const stageId = choice ? choice.stageId : query.trim() ? undefined : hintStage;
  const hits = usePhraseSearch(phrases, query, stageId);
  const storedRules = useLiveQuery(() => listRules(db), [db]);
  // The same rules the page's checks run with: the pack plus the agent's 不再提示 allows.
  const rules = useMemo(
    () => effectiveRules(storedRules?.length ? storedRules : DEFAULT_RULES, settings?.guardAllows ?? {}),
    [storedRules, settings?.guardAllows],
  );
  /** Phrases that would teach warn/block wording are flagged (checked for rendered rows only). */
  const flag = (phrase: Phrase) => {
    const found = checkDraft(phrase.body, rules).filter((h) => h.severity !== 'hint');
    if (!found.length) return undefined;
    const terms = found.map((h) => h.text).join('、');
    return found.some((h) => h.severity === 'block') ? { severity: 'block' as const, text: t('flagBlock', terms) } : { severity: 'warn' as const, text: t('flagWarn', terms) };
  };
  const activeIndex = Math.min(active, Math.max(0, hits.length - 1));

  const chatTab = served?.state === 'chat' ? served.tab : undefined;
  const buyer = chatTab?.status.buyer ?? null;
  const buyerKey = `${chatTab?.tabId ?? '-'}|${buyer?.id ?? buyer?.name ?? ''}`;

  const deliver = async (phrase: Phrase, filled: Filled, done?: () => void) => {
    setPending(undefined);
    const outcome = await insert(chatTab?.tabId, filled.text, filled.caret < filled.text.length ? filled.caret : undefined);
    if (outcome.kind === 'inserted') {
      lastInserted.current.set(buyerKey, phrase.id);
      done?.();
      // The text is in the chat box already; a use that cannot be counted (full disk) is only mentioned.
      await attempt(() => recordPhraseUse(db, phrase.id), t('inserted', phrase.title));
    } else {
      setNotice({ text: outcome.message, tone: outcome.kind === 'copied' ? 'warn' : 'error' });
    }
  };

  const orderBuyer = chatTab ? orderBuyerKey(chatTab.status.site, buyer) : undefined;
  const proceed = (phrase: Phrase, values: Record<string, string>, done?: () => void) => {
    const filled = fillPlaceholders(phrase.body, values);
    if (filled.missing.length) {
      setPending({ kind: 'placeholders', phrase, missing: filled.missing, values, suggested: {}, done });
    } else if (chatTab && lastInserted.current.get(buyerKey) === phrase.id) {
      setPending({ kind: 'duplicate', phrase, filled, done });
    } else {
      void deliver(phrase, filled, done);
    }
  };

  /** Insert a phrase into the served tab (placeholders asked for first); `done` runs once it landed. */
  const requestInsert = (phrase: Phrase, done?: () => void) => {
    if (!settings) return;
    const values = placeholderValues(settings, buyer?.name);
    // Order values (运单号, 金额…) are always confirmed in the form, prefilled only with this buyer's.
    const ask = fieldsToAsk(phrase.body, values);
    if (ask.length) setPending({ kind: 'placeholders', phrase, missing: ask, values, suggested: orderSuggestions(settings, orderBuyer), done });
    else proceed(phrase, values, done);
  };

  const onPlaceholders = async (phrase: Phrase, values: Record<string, string>, typed: Record<string, string>, saveShop: boolean, done?: () => void) => {
    // Remembering is a convenience: the phrase goes in even when it cannot be stored.
    await attempt(() => updateSettings(db, (current) => rememberPatch(current, typed, orderBuyer, saveShop)));
    proceed(phrase, { ...values, ...typed }, done);
  };

  const agent = settings?.agentName || 'me';
  /** A write the agent started: a failure (a full disk…) is said, never swallowed. */
  const attempt = async (write: () => Promise<unknown>, ok?: string) => {
    try {
      await write();
      if (ok) setNotice({ text: ok, tone: 'ok' });
    } catch (e) {
      setNotice({ text: writeErrorText(e), tone: 'error' });
    }
  };
  const countTally = (field: 'consults' | 'conversions', delta: number) => {
    const { day, shift } = shiftAt(new Date(), settings?.shifts);
    return attempt(
      () => countOne(db, agent, day, shift, field, delta),
      t(field === 'consults' ? 'tallyConsults' : 'tallyConversions') + (delta > 0 ? ' +1' : ' −1'),
    );
  };

  const onSearchKey = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.nativeEvent.isComposing) return; // the input method owns Enter and arrows while composing
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      const step = e.key === 'ArrowDown' ? 1 : -1;
      setActive(Math.min(Math.max(activeIndex + step, 0), Math.max(hits.length - 1, 0)));
    } else if (e.key === 'Enter') {
      e.preventDefault();
      const hit = hits[activeIndex];
      if (hit) requestInsert(hit.phrase);
    } else if (e.key === 'Escape') {
      e.preventDefault();
      setQuery('');
      setActive(0);
    }
  };

  const onPanelKey = (e: KeyboardEvent) => {
    if (e.nativeEvent.isComposing) return;
    if (e.altKey && /^[1-9]$/.test(e.key)) {
      const hit = hits[Number(e.key) - 1];
      if (hit) {
        e.preventDefault();
        requestInsert(hit.phrase);
      }
    } else if (tallyHotkey(e)) {
      // 服务统计本 from anywhere in the panel (and, through the chat script, from the chat page).
      e.preventDefault();
      const { field, delta } = tallyHotkey(e)!;
      void countTally(field, delta);
    } else if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'k') {
      e.preventDefault();
      search.current?.focus();
    }
  };

  return (
    <main className="panel" onKeyDown={onPanelKey}>
      <header className="panel__header">
        <div className="panel__title">
          <h1>{t('panelTitle')}</h1>
          <button className="icon-button" aria-label={t('settings')} title={t('settings')} onClick={() => setShowSettings((s) => !s)}>
            <GearIcon />
          </button>
        </div>
        <ServedTabBar served={served} />
        <div className="served-actions">
        {chatTab && (buyer?.id ?? buyer?.name) && (
          <QuickCount
            onConsult={() => void countTally('consults', 1)}
            onSale={(amount) => {
              const { day, shift } = shiftAt(new Date(), settings?.shifts);
              void attempt(() => addSale(db, agent, day, shift, amount), t('conversionCounted', buyer?.name ?? buyer?.id ?? ''));
            }}
          />
        )}
        <ChaseReminders
          db={db}
          target={chatTab && (buyer?.id ?? buyer?.name) ? { site: chatTab.status.site, buyerId: (buyer?.id ?? buyer?.name)!, buyerName: buyer?.name, tabId: chatTab.tabId } : undefined}
          ladder={settings?.chaseLadder ?? []}
          focusId={chaseFocus}
          onFocusDone={clearChaseFocus}
          onInsert={requestInsert}
          onChanged={remindersChanged}
          notify={(text, tone) => setNotice({ text, tone })}
        />
        </div>
        {chatTab && (buyer?.id ?? buyer?.name) && (
          <BuyerNote
            key={`${chatTab.status.site}|${buyer?.id ?? buyer?.name}`}
            db={db}
            site={chatTab.status.site}
            buyerId={(buyer?.id ?? buyer?.name)!}
            buyerName={buyer?.name ?? buyer?.id ?? ''}
          />
        )}
        <div className="views" role="tablist">
          <button role="tab" aria-selected={view === 'phrases'} onClick={() => showView('phrases')}>{t('viewPhrases')}</button>
          <button role="tab" aria-selected={view === 'rules'} onClick={() => showView('rules')}>{t('viewRules')}</button>
          <button role="tab" aria-selected={view === 'tally'} onClick={() => showView('tally')}>{t('viewTally')}</button>
          <button role="tab" aria-selected={view === 'notes'} onClick={() => showView('notes')}>{t('viewNotes')}</button>
        </div>
        {!!unread && view !== 'notes' && (
          <button
            className="unread"
            onClick={() => {
              setNotesTab('handover');
              showView('notes');
            }}
          >
            {t('handoverUnread', String(unread))}
          </button>
        )}
      </header>
      {showSettings && settings && (
        <SettingsForm
          settings={settings}
          onSave={async (patch: Partial<Settings>) => void (await saveSettings(db, patch))}
          onClose={() => setShowSettings(false)}
        />
      )}
      {showSettings && <SitesPanel db={db} notify={(text, tone) => setNotice({ text, tone })} />}
      {showSettings && <BackupPanel db={db} notify={(text, tone) => setNotice({ text, tone })} />}
      {view === 'rules' && <RulesView db={db} notify={(text, tone) => setNotice({ text, tone })} />}
      {view === 'tally' && settings && <TallyView db={db} agent={agent} settings={settings} />}
      {view === 'notes' && <NotebookView db={db} initial={notesTab} shifts={settings?.shifts} />}
      {settings && !settings.onboarded && !(settings.shopName && settings.agentName) && (
        <Onboarding settings={settings} onSave={async (patch) => void (await saveSettings(db, patch))} />
      )}
      {view === 'phrases' && (<>
      <div className="toolbar">
        <button onClick={() => library.startNew(stageId ?? stages?.[0]?.id ?? 'greeting')}>{t('newPhrase')}</button>
        <button aria-pressed={manage} onClick={() => setManage((m) => !m)}>{manage ? t('doneManaging') : t('manage')}</button>
        <button onClick={() => fileInput.current?.click()}>{t('importFile')}</button>
        <input
          ref={fileInput}
          type="file"
          accept=".json,.csv,application/json,text/csv"
          hidden
          data-testid="import-file"
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = '';
            if (file && phrases && stages) void library.readFile(file, phrases, stages);
          }}
        />
        {manage && phrases && stages && (
          <>
            <button onClick={() => library.exportAs('json', phrases, stages)}>{t('exportJson')}</button>
            <button onClick={() => library.exportAs('csv', phrases, stages)}>{t('exportCsv')}</button>
            <button onClick={() => library.exportAs('qianniu', phrases, stages)}>{t('exportQianniu')}</button>
          </>
        )}
      </div>
      {library.editing && stages && phrases && (
        <PhraseEditor
          key={library.editing.id}
          initial={library.editing}
          stages={stages}
          library={phrases}
          onSave={library.save}
          onAddStage={library.addStage}
          onCancel={library.cancelEdit}
        />
      )}
      {library.conflict && (
        <ConfirmDialog
          message={t('editConflict', library.conflict.stored.title)}
          confirm={t('editKeepMine')}
          cancel={t('editKeepTheirs')}
          onConfirm={() => void library.resolveConflict(true)}
          onCancel={() => void library.resolveConflict(false)}
        />
      )}
      {library.importPlan && (
        <ImportPreview
          plan={library.importPlan}
          stages={stages}
          stageMap={library.importStageMap}
          onMapGroup={library.mapGroup}
          onApply={() => void library.applyImport()}
          onCancel={library.cancelImport}
        />
      )}
      {pending?.kind === 'placeholders' && (
        <PlaceholderForm
          names={pending.missing}
          initial={{ ...pending.suggested, ...pending.values }}
          onSubmit={(typed, saveShop) => void onPlaceholders(pending.phrase, pending.values, typed, saveShop, pending.done)}
          onCancel={() => setPending(undefined)}
        />
      )}
      {pending?.kind === 'duplicate' && (
        <ConfirmDialog
          message={t('duplicateWarning')}
          confirm={t('insertAnyway')}
          cancel={t('cancel')}
          onConfirm={() => void deliver(pending.phrase, pending.filled, pending.done)}
          onCancel={() => setPending(undefined)}
        />
      )}
      <div className="finder">
      <input
        ref={search}
        className="search"
        type="search"
        autoFocus
        aria-label={t('searchLabel')}
        aria-controls="phrase-list"
        aria-activedescendant={hits.length ? `phrase-${activeIndex}` : undefined}
        placeholder={t('searchPlaceholder')}
        value={query}
        onChange={(e) => {
          setQuery(e.target.value);
          setActive(0);
        }}
        onKeyDown={onSearchKey}
      />
      <StageTabs
        stages={stages ?? []}
        hinted={hintStage}
        selected={stageId}
        onSelect={(id) => {
          setChoice({ stageId: id });
          setActive(0);
        }}
      />
      </div>
      {phrases === undefined ? (
        <p className="empty">{t('loading')}</p>
      ) : (
        <PhraseList
          hits={hits}
          active={activeIndex}
          onInsert={requestInsert}
          onHover={setActive}
          actions={
            manage
              ? {
                  onEdit: library.startEdit,
                  onDuplicate: library.startDuplicate,
                  onTogglePin: (p) => void library.togglePin(p),
                  onDelete: (p) => void library.remove(p),
                }
              : undefined
          }
          flag={flag}
        />
      )}
      </>)}
      <div className={`notice notice--${notice?.tone ?? 'ok'}`} role="status" aria-live="polite" data-testid="notice">
        {notice?.text}
        {notice?.undo && (
          <button
            className="link"
            onClick={() => {
              notice.undo?.();
              setNotice(undefined);
            }}
          >
            {t('undo')}
          </button>
        )}
      </div>
    </main>
  );
}
