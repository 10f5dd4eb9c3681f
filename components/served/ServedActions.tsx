import type { ChatTab } from '../../scripts-library/protocol';
import type { Phrase, Settings } from '../../scripts-library/schema';
import { ChaseReminders } from '../chase/ChaseReminders';
import { useChaseFocus } from '../chase/use-chase-focus';
import { BuyerNote } from '../notebooks/BuyerNote';
import { t } from '../shared/i18n';
import type { Notify } from '../shared/use-notice';
import { QuickCount } from '../tally/QuickCount';
import { useTallyCount, type CountField } from '../tally/use-tally-count';

interface Props {
  chatTab: ChatTab | undefined;
  settings: Settings | undefined;
  /** Insert a phrase through the panel's phrase flow; `done` once it landed. */
  onInsert(phrase: Phrase, done?: () => void): void;
  /** Count for the current shift, saying what was counted (or why it could not be). */
  onCount(field: CountField, delta: number): void;
  notify: Notify;
}

/** What the panel offers for the open conversation: quick counts, 催付提醒, and the buyer's note. */
export function ServedActions({ chatTab, settings, onInsert, onCount, notify }: Props) {
  const [chaseFocus, clearChaseFocus] = useChaseFocus();
  const tally = useTallyCount(settings?.agentName || 'me', settings?.shifts);
  const buyer = chatTab?.status.buyer ?? null;
  const buyerId = buyer?.id ?? buyer?.name;
  const served = chatTab && buyerId ? { site: chatTab.status.site, buyerId, buyerName: buyer?.name, tabId: chatTab.tabId } : undefined;
  return (
    <>
      <div className="served-actions">
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
        {/* keyed by buyer: the 跟进 kind and 从何时算起 picked for one buyer do not stay for the next */}
        <ChaseReminders key={served ? `${served.site}|${served.buyerId}` : ''} target={served} ladder={settings?.chaseLadder ?? []} focusId={chaseFocus} onFocusDone={clearChaseFocus} onInsert={onInsert} notify={notify} />
      </div>
      {served && <BuyerNote key={`${served.site}|${served.buyerId}`} site={served.site} buyerId={served.buyerId} buyerName={buyer?.name ?? buyer?.id ?? ''} />}
    </>
  );
}
