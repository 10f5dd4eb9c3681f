import { Suspense, useRef, useState } from 'react';
import type { KefuDB } from '../storage/db';
import type { Served } from '../scripts-library/shared/served-tab';
import { tallyHotkey } from '../scripts-library/tally/hotkeys';
import { rowAgent } from '../scripts-library/shared/shift';
import { DbProvider } from './shared/db-context';
import { GearIcon } from './shared/icons';
import { t } from './shared/i18n';
import { useNotice } from './shared/use-notice';
import { useDocumentKeys } from './shared/use-document-keys';
import { usePanelData } from './shared/use-panel-data';
import { PhrasesView, type PanelKeys } from './phrases/PhrasesView';
import { usePhraseInsert, type InsertFn } from './phrases/use-phrase-insert';
import { useTallyCount, type CountField } from './tally/use-tally-count';
import { ServedActions } from './served/ServedActions';
import { useTeam } from './team/use-team';
import { Onboarding } from './settings/Onboarding';
import { NoticeLine } from './shared/NoticeLine';
import { lazyView, usePreload } from './shared/lazy-view';
import { useEarlyClick } from './shared/use-early-click';

// The views the first screen does not show are their own chunks (the panel's first script is parsed and compiled
// on every open), fetched once the first screen is painted, so a click on a tab rarely waits for one.
const lazyViews = {
  rules: lazyView(() => import('./guard/RulesView').then((m) => m.RulesView)),
  tally: lazyView(() => import('./tally/TallyView').then((m) => m.Tally)),
  staffing: lazyView(() => import('./staffing/StaffingView').then((m) => m.Staffing)),
  notes: lazyView(() => import('./notebooks/NotebookView').then((m) => m.NotebookView)),
  settings: lazyView(() => import('./settings/SettingsForm').then((m) => m.SettingsForm)),
  sites: lazyView(() => import('./settings/SitesPanel').then((m) => m.SitesPanel)),
  backup: lazyView(() => import('./settings/BackupPanel').then((m) => m.BackupPanel)),
  team: lazyView(() => import('./team/TeamPanel').then((m) => m.TeamPanel)),
  teamTally: lazyView(() => import('./team/TeamTallyView').then((m) => m.LeadTally)),
};
const RulesView = lazyViews.rules.View;
const Tally = lazyViews.tally.View;
const Staffing = lazyViews.staffing.View;
const NotebookView = lazyViews.notes.View;
const SettingsForm = lazyViews.settings.View;
const SitesPanel = lazyViews.sites.View;
const BackupPanel = lazyViews.backup.View;
const TeamPanel = lazyViews.team.View;
const LeadTally = lazyViews.teamTally.View;
const preloaded = Object.values(lazyViews);

export type { InsertFn } from './phrases/use-phrase-insert';
import { readDraftOfTab } from './phrases/insert-phrase';

interface Props {
  db: KefuDB;
  served: Served | undefined;
  insert: InsertFn;
  /** The served tab's reply box text, for 存为短语 (default: ask the tab's chat script). */
  readDraft?: (tabId: number) => Promise<string>;
}

type View = 'phrases' | 'rules' | 'tally' | 'notes' | 'plan';
const VIEWS: [View, Parameters<typeof t>[0]][] = [
  ['phrases', 'viewPhrases'],
  ['rules', 'viewRules'],
  ['tally', 'viewTally'],
  ['notes', 'viewNotes'],
  ['plan', 'viewPlan'],
];

/** The side panel: routing and layout. Each view's data and writes live in its feature folder's hooks. */
export function SidePanel({ db, served, insert, readDraft = readDraftOfTab }: Props) {
  return (
    <DbProvider db={db}>
      <Panel served={served} insert={insert} readDraft={readDraft} />
    </DbProvider>
  );
}

function Panel({ served, insert, readDraft }: Omit<Props, 'db'>) {
  const { settings, saveSettings, stages, phrases, preview, unread } = usePanelData();
  const { notice, notify, clear } = useNotice();
  // Team mode: the live sync runs while the panel is open, whichever view shows.
  const team = useTeam(notify);
  usePreload(preloaded);
  const [showSettings, setShowSettings] = useState(false);
  const [view, setView] = useState<View>('phrases');
  const [notesTab, setNotesTab] = useState<'problems' | 'handover'>('problems');
  const search = useRef<HTMLInputElement>(null);
  const phraseKeys: PanelKeys = useRef(undefined);
  const chatTab = served?.state === 'chat' ? served.tab : undefined;
  const flow = usePhraseInsert({ settings, chatTab, insert, notify });
  useEarlyClick(phrases ?? preview, !!settings && served !== undefined, flow.request);
  const agent = rowAgent(settings?.agentName);
  const tally = useTallyCount(settings);
  const count = (field: CountField, delta: number) =>
    void tally.count(field, delta).then(
      () => notify(t(field === 'consults' ? 'tallyConsults' : 'tallyConversions') + (delta > 0 ? ' +1' : ' −1'), 'ok'),
      (e: unknown) => notify(tally.errorText(e), 'error'),
    );
  const showView = (next: View) => {
    setView(next);
    clear(); // moving on: what was said about the last view no longer applies
  };
  useDocumentKeys((e) => {
    if (e.isComposing) return;
    const hotkey = tallyHotkey(e);
    if (phraseKeys.current?.(e)) e.preventDefault();
    else if (hotkey) {
      // 服务统计本 from anywhere in the panel (and, through the chat script, from the chat page).
      e.preventDefault();
      count(hotkey.field, hotkey.delta);
    } else if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'k') {
      e.preventDefault();
      search.current?.focus();
    }
  });
  const onboarding = !!settings && !settings.onboarded && !(settings.shopName && settings.agentName);
  return (
    <main className="panel">
      {/* First run: the card comes first, with the cursor in 店铺名. */}
      {onboarding && <Onboarding settings={settings} onSave={saveSettings} />}
      <header className="panel__header">
        <h1 className="sr-only">{t('panelTitle')}</h1>
        <div className="panel__nav">
          <div className="views" role="tablist">
            {VIEWS.map(([id, label]) => (
              <button key={id} role="tab" aria-selected={view === id} onClick={() => showView(id)}>{t(label)}</button>
            ))}
          </div>
          <button className="icon-button" aria-label={t('settings')} title={t('settings')} onClick={() => setShowSettings((s) => !s)}>
            <GearIcon />
          </button>
        </div>
        {!!unread && view !== 'notes' && (
          <button className="unread" onClick={() => (setNotesTab('handover'), showView('notes'))}>
            {t('handoverUnread', String(unread))}
          </button>
        )}
        <ServedActions served={served} chatTab={chatTab} settings={settings} onInsert={flow.request} onCount={count} notify={notify} />
      </header>
      <Suspense fallback={null}>
        {showSettings && settings && <SettingsForm settings={settings} onSave={saveSettings} onClose={() => setShowSettings(false)} />}
        {showSettings && <SitesPanel notify={notify} />}
        {showSettings && <TeamPanel team={team} notify={notify} />}
        {showSettings && <BackupPanel notify={notify} />}
        {view === 'rules' && <RulesView notify={notify} />}
        {view === 'tally' && settings && (team.config?.role === 'lead' ? <LeadTally agent={agent} settings={settings} /> : <Tally agent={agent} settings={settings} />)}
        {view === 'plan' && settings && <Staffing agent={agent} settings={settings} />}
        {view === 'notes' && <NotebookView initial={notesTab} shifts={settings?.shifts} />}
      </Suspense>
      {view === 'phrases' && (
        <PhrasesView phrases={phrases} preview={preview} stages={stages} settings={settings} chatTab={chatTab} flow={flow} notify={notify} searchRef={search} keysRef={phraseKeys} readDraft={readDraft} focusSearch={!onboarding} />
      )}
      <NoticeLine notice={notice} clear={clear} />
    </main>
  );
}
