import { Suspense, useEffect, useMemo, useState, type KeyboardEvent, type MutableRefObject, type RefObject } from 'react';
import type { Phrase, Settings, Stage } from '../../scripts-library/shared/schema';
import type { ChatTab } from '../../scripts-library/shared/protocol';
import { stageHint } from '../../scripts-library/suggest/stage-hint';
import { placeholderValues } from '../../scripts-library/phrases/placeholders';
import { suggestFor, type AnsweredQuestion } from '../../scripts-library/suggest/suggest';
import { historyBefore, type Turn } from '../../scripts-library/suggest/chat-context';
import type { SearchHit } from '../../scripts-library/search/search';
import { shopSynonyms } from '../../scripts-library/search/search-words';
import { useAnsweredQuestions } from '../notebooks/use-notebooks';
import { usePhraseFlags } from '../guard/use-phrase-flags';
import { ConfirmDialog } from '../shared/ConfirmDialog';
import { FileButton } from '../shared/FileButton';
import { t } from '../shared/i18n';
import type { Notify } from '../shared/use-notice';
import { PhraseList, type RowActions } from './PhraseList';
import { PlaceholderForm } from './PlaceholderForm';
import { StageTabs } from './StageTabs';
import { useLibraryActions, useSearchKeyBackfill } from './use-library-actions';
import { usePhraseSearch } from './use-phrase-search';
import { useFocusReturn, useResetOn, useSettling, useStableOrder } from './use-list-behaviour';
import { takeEarlyTyped } from '../shared/use-early-click';
import type { usePhraseInsert } from './use-phrase-insert';
import { lazyView, usePreload } from '../shared/lazy-view';

// 管理's tools and dialogs are their own chunks, fetched once the first screen is painted (lazy-view.tsx).
const editor = lazyView(() => import('./PhraseEditor').then((m) => m.PhraseEditor));
const importPreview = lazyView(() => import('./ImportPreview').then((m) => m.ImportPreview));
const health = lazyView(() => import('./LibraryHealth').then((m) => m.LibraryHealth));
const packExport = lazyView(() => import('./TeamPackExport').then((m) => m.TeamPackExport));
const packPreview = lazyView(() => import('./TeamPackPreview').then((m) => m.TeamPackPreview));
const PhraseEditor = editor.View;
const ImportPreview = importPreview.View;
const LibraryHealth = health.View;
const TeamPackExport = packExport.View;
const TeamPackPreview = packPreview.View;
const preloaded = [editor, importPreview, health, packExport, packPreview];

/** Keys the panel passes on from anywhere in it (Alt+1…9 inserts the n-th hit). Returns true when taken. */
export type PanelKeys = MutableRefObject<((e: { altKey: boolean; key: string }) => boolean) | undefined>;

interface Props {
  phrases: Phrase[] | undefined;
  /** The first screen while `phrases` loads: listed and insertable, not searched (use-first-screen.ts). */
  preview?: Phrase[];
  stages: Stage[] | undefined;
  settings: Settings | undefined;
  chatTab: ChatTab | undefined;
  flow: ReturnType<typeof usePhraseInsert>;
  notify: Notify;
  searchRef: RefObject<HTMLInputElement | null>;
  keysRef: PanelKeys;
  readDraft?: (tabId: number) => Promise<string>;
  /** Whether the search box takes the focus (not while the first-run card wants it). */
  focusSearch?: boolean;
}

/** Phrases by stage: search, stage chips (pre-selected from the buyer's message), the list, and the library tools. */
// Each piece (search, suggestions with their sure / 可能是 state, stage chips, keys, list) is its own hook or component;
// what is left here is the wiring between them, read top to bottom.
export function PhrasesView({ phrases, preview, stages, settings, chatTab, flow, notify, searchRef, keysRef, readDraft, focusSearch = true }: Props) {
  const [query, setQuery] = useState(takeEarlyTyped); // what was typed on the static first screen, before this box
  const [active, setActive] = useState(0);
  const [manage, setManage] = useState(false);
  // The active row shows its whole body when ↑/↓ chose it (hovering moves the selection without unfolding rows).
  const [byKeys, setByKeys] = useState(false);
  const buyer = chatTab?.status.buyer;
  const message = chatTab?.status.lastBuyerMessage;
  // The chat before the message (the console's recent messages), kept by content: a status report hands a new array each time.
  const history = JSON.stringify(historyBefore(chatTab?.status.recentMessages, message));
  const values = useMemo(() => (settings ? placeholderValues(settings, buyer?.name) : {}), [settings, buyer?.name]);
  // What the agent typed and picked was for the buyer served then: another buyer starts from a clean search (what
  // was typed while no chat was served yet, as on the static first screen, was for none: it stays).
  const buyerKey = chatTab ? `${chatTab.tabId}|${buyer?.id ?? buyer?.name ?? ''}` : '';
  useResetOn(buyerKey, (was) => was && (setQuery(''), setActive(0)));
  const library = useLibraryActions(notify);
  usePreload(preloaded);
  useSearchKeyBackfill(phrases);
  const flag = usePhraseFlags(settings?.guardAllows);
  const { stageId, chosen, hintStage, choose } = useStageChoice(message, stages, query, () => setActive(0));
  // With nothing typed, the replies suggested for the buyer's latest message lead the list (Alt+1…3, Enter).
  const { hits: suggested, sure } = useSuggested(query.trim() ? undefined : message, phrases, history);
  const listed = phrases ?? (query.trim() ? undefined : preview); // a query waits for the whole library
  const found = useWithSuggested(suggested, usePhraseSearch(listed, query, stageId, stages, settings && shopSynonyms(settings), !!phrases));
  // A buyer message the suggestions are not sure of: Enter and Alt+n insert nothing on their own (#32).
  const unsure = (!query.trim() && !!message?.trim() && !sure) || found[0]?.by === 'maybe';
  const hits = useStableOrder(found, `${buyerKey}|${message ?? ''}|${history}|${query}|${stageId ?? ''}`);
  const activeIndex = Math.min(active, Math.max(0, hits.length - 1));
  // The chat before the message counts too: the rows change when it does, under the same message.
  const settling = useSettling(message === undefined ? undefined : `${message}\n${history}`);
  /** Enter or Alt+n: insert a row, unless the rows just changed under the key (a new buyer message). */
  const take = (hit: SearchHit<Phrase> | undefined, chosen = false) => {
    if (!hit || settling()) return;
    if (unsure && !chosen) return notify(t('suggestNotSure'), 'warn');
    flow.request(hit.phrase);
  };
  useFocusReturn(searchRef, focusSearch);
  const onSearchKey = useListKeys(keysRef, hits, activeIndex, take, {
    select: (i) => (setByKeys(true), setActive(i)),
    clear: () => (setQuery(''), setActive(0)),
  });
  return (
    <>
      <InsertDialogs flow={flow} />
      <Finder
        searchRef={searchRef}
        autoFocus={focusSearch}
        query={query}
        activeId={hits.length ? `phrase-${activeIndex}` : undefined}
        onQuery={(q) => (setQuery(q), setActive(0))}
        onKeyDown={onSearchKey}
        stages={stages ?? []}
        hinted={hintStage}
        selected={stageId}
        onStage={(id) => (choose(id), setActive(0))}
        manage={manage}
        onManage={() => setManage((m) => !m)}
      />
      <LibraryTools library={library} manage={manage} phrases={phrases} stages={stages} newIn={chosen} onSaveDraft={draftSaver(chatTab, readDraft, (text) => library.startFromDraft(text, stages, chosen), notify)} flag={flag} />
      <Suspense fallback={null}>{manage && phrases && <LibraryHealth phrases={phrases} settings={settings} flag={flag} />}</Suspense>
      {listed === undefined ? (
        <p className="empty">{t('loading')}</p>
      ) : (
        <PhraseList
          hits={hits}
          active={activeIndex}
          onInsert={(p) => flow.request(p)}
          onHover={(i) => (setActive(i), setByKeys(false))}
          values={values}
          openActive={byKeys}
          actions={manage ? rowActions(library) : undefined}
          flag={flag}
          suggested={suggested.length || leadingSuggestions(hits)}
          maybe={(suggested.length > 0 && !sure) || found[0]?.by === 'maybe'}
        />
      )}
    </>
  );
}

/**
 * The list's keys: Alt+1…9 from anywhere in the panel inserts the n-th row; in the search box ↑/↓ move the
 * selection (`select`), Enter inserts it, Esc clears the search.
 */
function useListKeys(
  keysRef: PanelKeys,
  hits: readonly SearchHit<Phrase>[],
  activeIndex: number,
  take: (hit: SearchHit<Phrase> | undefined, chosen?: boolean) => void,
  on: { select(index: number): void; clear(): void },
) {
  useEffect(() => {
    keysRef.current = (e) => {
      const hit = e.altKey && /^[1-9]$/.test(e.key) ? hits[Number(e.key) - 1] : undefined;
      take(hit);
      return !!hit;
    };
    return () => void (keysRef.current = undefined);
  });
  return searchKeys({
    move: (by) => on.select(Math.min(Math.max(activeIndex + by, 0), Math.max(hits.length - 1, 0))),
    // A row the agent moved to with ↓ is chosen; the first one is only what the suggestions guessed.
    enter: () => take(hits[activeIndex], activeIndex > 0),
    clear: on.clear,
  });
}

/** The search box's keys: ↑/↓ move the selection, Enter inserts it, Esc clears the search. */
function searchKeys(on: { move(by: 1 | -1): void; enter(): void; clear(): void }) {
  return (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.nativeEvent.isComposing) return; // the input method owns Enter and arrows while composing
    const act = e.key === 'ArrowDown' ? () => on.move(1) : e.key === 'ArrowUp' ? () => on.move(-1) : e.key === 'Enter' ? on.enter : e.key === 'Escape' ? on.clear : undefined;
    if (!act) return;
    e.preventDefault();
    act();
  };
}

/** Each row's 编辑 / 复制 / 置顶 / 删除 in manage mode. */
function rowActions(library: ReturnType<typeof useLibraryActions>): RowActions {
  return {
    onEdit: library.startEdit,
    onDuplicate: library.startDuplicate,
    onTogglePin: (p) => void library.togglePin(p),
    onDelete: (p) => void library.remove(p),
  };
}

/** 存为短语 while a chat tab is served: its reply box's text into the editor, or a word that the box is empty. */
function draftSaver(chatTab: ChatTab | undefined, readDraft: Props['readDraft'], edit: (text: string) => void, notify: Notify): (() => void) | undefined {
  if (!chatTab || !readDraft) return undefined;
  return () => void readDraft(chatTab.tabId).then((text) => (text.trim() ? edit(text) : notify(t('draftEmpty'), 'warn')));
}

/**
 * The three suggested replies as list rows: phrases, and answered 问题登记本 questions as phrases of their own
 * (inserted like one; their use is not counted, there is no phrase to count it on).
 */
function useSuggested(message: string | undefined, phrases: Phrase[] | undefined, history: string): { hits: SearchHit<Phrase>[]; sure: boolean } {
  const faq: AnsweredQuestion[] | undefined = useAnsweredQuestions();
  // `history`: the chat before the message (JSON of historyBefore): what it shows keeps phrases that would be false
  // for it from leading (a 仅咨询 farewell after an order).
  return useMemo(() => {
    if (!message || !phrases) return { hits: [], sure: false };
    const { items, sure } = suggestFor(message, phrases, faq, { history: JSON.parse(history) as Turn[] });
    const hits = items.map((s) => ({
      phrase:
        s.kind === 'phrase'
          ? s.phrase
          : ({ id: `faq:${s.faq.id}`, stageId: 'faq', title: s.faq.question.slice(0, 60), body: s.faq.answer, tags: [], pinned: false, useCount: 0, createdAt: 0, updatedAt: 0, origin: 'faq' } satisfies Phrase),
      score: s.score,
      highlight: { title: [], body: [] },
    }));
    return { hits, sure };
  }, [message, phrases, faq, history]);
}

/**
 * Pre-select the stage the buyer's latest message points to. It filters browsing; a search looks in every stage
 * unless the agent picked one. The agent's own choice holds until the next buyer message (`onNewMessage`).
 */
function useStageChoice(lastMessage: string | undefined, stages: Stage[] | undefined, query: string, onNewMessage: () => void) {
  // The agent's explicit choice (a chip click; {stageId: undefined} = 全部), or undefined to follow the hint.
  const [choice, setChoice] = useState<{ stageId?: string }>();
  const [hintFor, setHintFor] = useState<string>();
  if (lastMessage !== hintFor) {
    setHintFor(lastMessage);
    setChoice(undefined);
    onNewMessage();
  }
  const hinted = stageHint(lastMessage);
  const hintStage = hinted && stages?.some((s) => s.id === hinted) ? hinted : undefined;
  return {
    stageId: choice ? choice.stageId : query.trim() ? undefined : hintStage,
    /** The stage the agent picked (a new phrase starts there), never the hint. */
    chosen: choice?.stageId,
    hintStage,
    choose: (stageId: string | undefined) => setChoice({ stageId }),
  };
}

interface ToolsProps {
  library: ReturnType<typeof useLibraryActions>;
  manage: boolean;
  onManage(): void;
  phrases: Phrase[] | undefined;
  stages: Stage[] | undefined;
  /** The stage the agent picked, where a new phrase starts (else it is filed by its words). */
  newIn: string | undefined;
  /** 存为短语: open the editor on the served tab's reply box text (only while a chat tab is served). */
  onSaveDraft?: () => void;
  /** The guard's verdict on a phrase's wording (the import preview names flagged rows). */
  flag: ReturnType<typeof usePhraseFlags>;
}

/**
 * The library tools, shown while 管理 is on (新建 / 存为短语 / 导入 / 导出 / 团队包), and the editor, conflict and
 * import dialogs they open.
 */
function LibraryTools({ library, manage, phrases, stages, newIn, onSaveDraft, flag }: Omit<ToolsProps, 'onManage'>) {
  const [exporting, setExporting] = useState(false);
  return (
    <>
      <div className="toolbar" hidden={!manage}>
        {manage && <button onClick={() => library.startNew(newIn, stages)}>{t('newPhrase')}</button>}
        {manage && onSaveDraft && <button onClick={onSaveDraft}>{t('saveDraftButton')}</button>}
        <FileButton
          label={t('importFile')}
          accept=".json,.csv,application/json,text/csv"
          testId="import-file"
          showButton={manage}
          onFile={(file) => {
            if (phrases && stages) void library.readFile(file, phrases, stages);
          }}
        />
        {manage && phrases && stages && (
          <>
            <button onClick={() => library.exportAs('json', phrases, stages)}>{t('exportJson')}</button>
            <button onClick={() => library.exportAs('csv', phrases, stages)}>{t('exportCsv')}</button>
            <button onClick={() => library.exportAs('qianniu', phrases, stages)}>{t('exportQianniu')}</button>
            <button onClick={() => setExporting(true)}>{t('teamPackExport')}</button>
          </>
        )}
      </div>
      <Suspense fallback={null}>
        {exporting && phrases && stages && (
          <TeamPackExport
            last={library.lastExport}
            onExport={(info) => {
              setExporting(false);
              void library.exportPack(info, phrases, stages);
            }}
            onCancel={() => setExporting(false)}
          />
        )}
      </Suspense>
      <LibraryDialogs library={library} phrases={phrases} stages={stages} flag={flag} />
    </>
  );
}

/** The editor, the edit-conflict question and the two import previews (row by row, and a team pack's merge). */
function LibraryDialogs({ library, phrases, stages, flag }: Pick<ToolsProps, 'library' | 'phrases' | 'stages' | 'flag'>) {
  return (
    <Suspense fallback={null}>
      {library.editing && stages && phrases && (
        <PhraseEditor
          key={library.editing.id}
          initial={library.editing}
          stages={stages}
          library={phrases}
          autoStage={library.autoStage}
          presetByStage={library.presetByStage}
          onSave={library.save}
          onAddStage={library.addStage}
          onCancel={library.cancelEdit}
        />
      )}
      {library.conflict && (
        <ConfirmDialog
          message={library.conflict.stored ? t('editConflict', library.conflict.stored.title) : t('editDeletedElsewhere', library.conflict.draft.title)}
          confirm={library.conflict.stored ? t('editKeepMine') : t('editRecreate')}
          cancel={library.conflict.stored ? t('editKeepTheirs') : t('editDropDeleted')}
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
          onClashChoice={library.chooseClash}
          flag={flag}
          onApply={() => void library.applyImport()}
          onCancel={library.cancelImport}
        />
      )}
      {library.packPlan && <TeamPackPreview plan={library.packPlan} onApply={(choice) => void library.applyPack(choice)} onCancel={library.cancelPack} />}
    </Suspense>
  );
}

/** The fill-in form of the phrase flow. */
function InsertDialogs({ flow }: { flow: ReturnType<typeof usePhraseInsert> }) {
  const { pending } = flow;
  if (pending?.kind === 'placeholders') {
    return <PlaceholderForm form={pending.form} onSubmit={(typed, saveShop) => void flow.fill(typed, saveShop)} onCancel={flow.cancel} />;
  }
  return null;
}

interface FinderProps {
  searchRef: RefObject<HTMLInputElement | null>;
  autoFocus: boolean;
  query: string;
  /** The active row's element id, for the screen reader. */
  activeId: string | undefined;
  onQuery(query: string): void;
  onKeyDown(e: KeyboardEvent<HTMLInputElement>): void;
  stages: Stage[];
  hinted: string | undefined;
  selected: string | undefined;
  onStage(id: string | undefined): void;
  /** 管理: the library tools and each row's actions. */
  manage: boolean;
  onManage(): void;
}

/** The search box with 管理 beside it, and the stage chips. */
function Finder({ searchRef, autoFocus, query, activeId, onQuery, onKeyDown, stages, hinted, selected, onStage, manage, onManage }: FinderProps) {
  return (
    <div className="finder">
      <div className="finder__row">
        <input
          ref={searchRef}
          className="search"
          type="search"
          autoFocus={autoFocus}
          aria-label={t('searchLabel')}
          aria-controls="phrase-list"
          aria-activedescendant={activeId}
          placeholder={t('searchPlaceholder')}
          value={query}
          onChange={(e) => onQuery(e.target.value)}
          onKeyDown={onKeyDown}
        />
        <button className="finder__manage" aria-pressed={manage} onClick={onManage}>{manage ? t('doneManaging') : t('manage')}</button>
      </div>
      <StageTabs stages={stages} hinted={hinted} selected={selected} onSelect={onStage} />
    </div>
  );
}

/** How many rows at the top a typed question's suggestions fill (marked 建议 like the buyer message's own). */
function leadingSuggestions(hits: readonly SearchHit<Phrase>[]): number {
  const k = hits.findIndex((h) => h.by !== 'suggestion' && h.by !== 'maybe');
  return k < 0 ? hits.length : k;
}

/** The suggestions first, then the list without them. */
function useWithSuggested(suggested: SearchHit<Phrase>[], found: SearchHit<Phrase>[]): SearchHit<Phrase>[] {
  return useMemo(() => {
    if (!suggested.length) return found;
    const ids = new Set(suggested.map((h) => h.phrase.id));
    return [...suggested, ...found.filter((h) => !ids.has(h.phrase.id))];
  }, [suggested, found]);
}
