import { useEffect, useState } from 'react';
import type { ChatTab } from '../../scripts-library/shared/protocol';
import type { Phrase, Reminder, Settings } from '../../scripts-library/shared/schema';
import type { Served } from '../../scripts-library/shared/served-tab';
import { stepState } from '../../scripts-library/chase/reminders';
import { ChaseReminders } from '../chase/ChaseReminders';
import { useChase } from '../chase/use-chase';
import { useChaseFocus } from '../chase/use-chase-focus';
import { BuyerNote } from '../notebooks/BuyerNote';
import { t } from '../shared/i18n';
import type { Notify } from '../shared/use-notice';
import { QuickCount } from '../tally/QuickCount';
import { useTallyCount, type CountField } from '../tally/use-tally-count';
import { ServedTabBar } from './ServedTabBar';
import { WaitingBar } from './WaitingBar';

interface Props {
  served: Served | undefined;
  chatTab: ChatTab | undefined;
  settings: Settings | undefined;
  /** Insert a phrase through the panel's phrase flow; `done` once it landed. */
  onInsert(phrase: Phrase, done?: () => void): void;
  /** Count for the current shift, saying what was counted (or why it could not be). */
  onCount(field: CountField, delta: number): void;
  notify: Notify;
}

/**
 * The buyer bar: one line with the served tab and buyer, how long they have waited, 询单 +1 / 成交 +1, and a fold
 * (跟进 · 备注) holding 催付提醒, the follow-up ladders, the steps waiting, the other buyers waiting and the buyer's
 * note, so the search box and the phrases stay high in the panel. A clicked reminder notification opens the fold.
 */
export function ServedActions({ served: servedTab, chatTab, settings, onInsert, onCount, notify }: Props) {
  const [chaseFocus, clearChaseFocus] = useChaseFocus();
  const [open, setOpen] = useState(false);
  const tally = useTallyCount(settings);
  const { reminders } = useChase(undefined);
  const buyer = chatTab?.status.buyer ?? null;
  const buyerId = buyer?.id ?? buyer?.name;
  const served = chatTab && buyerId ? { site: chatTab.status.site, buyerId, buyerName: buyer?.name, tabId: chatTab.tabId } : undefined;
  const limitSec = settings?.waitLimitSec ?? 180;
  const due = useDueCount(reminders);
  return (
    <div className="buyer">
      <div className="buyerbar">
        <ServedTabBar served={servedTab} />
        <WaitingBar chatTab={chatTab} limitSec={limitSec} part="open" />
        {served && (
          <QuickCount
            onConsult={() => onCount('consults', 1)}
            onSale={(amount) =>
              void tally.sale(amount).then(
                () => notify(t('conversionCounted', buyer?.name ?? buyer?.id ?? ''), 'ok'),
                (e: unknown) => notify(tally.errorText(e), 'error'),
              )
            }
          />
        )}
      </div>
      <details className="buyerbar__fold" open={open || !!chaseFocus} onToggle={(e) => setOpen(e.currentTarget.open)}>
        <summary title={t('buyerMoreHint')} data-due={due || undefined}>
          {t('buyerMore')}
          {due > 0 && <span className="buyerbar__due" aria-label={t('buyerMoreDue', String(due))}>{due}</span>}
        </summary>
        <WaitingBar chatTab={chatTab} limitSec={limitSec} part="others" />
        <div className="served-actions">
          {/* keyed by buyer: the 跟进 kind and 从何时算起 picked for one buyer do not stay for the next */}
          <ChaseReminders key={served ? `${served.site}|${served.buyerId}` : ''} target={served} ladder={settings?.chaseLadder ?? []} focusId={chaseFocus} onFocusDone={clearChaseFocus} onInsert={onInsert} notify={notify} />
        </div>
        {served && <BuyerNote key={`${served.site}|${served.buyerId}`} site={served.site} buyerId={served.buyerId} buyerName={buyer?.name ?? buyer?.id ?? ''} />}
      </details>
    </div>
  );
}

/** How many follow-up steps are due or overdue (shown on the fold's toggle), re-read as time passes. */
function useDueCount(reminders: readonly Reminder[] | undefined): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 15_000);
    return () => clearInterval(timer);
  }, []);
  return (reminders ?? []).filter((r) => stepState(r, now) !== 'upcoming').length;
}
