import { useEffect, useState } from 'react';
import type { ChatTab } from '../../scripts-library/shared/protocol';
import { waitKey, waitLevel, waitShown } from '../../scripts-library/chase/wait-clock';
import { t } from '../shared/i18n';

/** The current time, ticking every second only while `on` (no timer while nobody waits). */
function useNow(on: boolean): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!on) return;
    const first = setTimeout(() => setNow(Date.now()), 0); // the clock may be stale from the last wait
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => {
      clearTimeout(first);
      clearInterval(timer);
    };
  }, [on]);
  return now;
}

/**
 * 等待回复: how long the open conversation's buyer has waited (green, amber, red at the limit; `part="open"`, a
 * pill in the buyer bar) and the other buyers waiting in this console, longest first, as far as the site adapter
 * can see the conversation list (`part="others"`, in the bar's fold).
 */
export function WaitingBar({ chatTab, limitSec, part }: { chatTab: ChatTab | undefined; limitSec: number; part: 'open' | 'others' }) {
  const waiting = chatTab?.status.waiting ?? [];
  const now = useNow(waiting.length > 0);
  if (!chatTab || !waiting.length) return null;
  const { status } = chatTab;
  const openKey = status.buyer ? waitKey(status.site, status.buyer) : undefined;
  const limit = limitSec * 1000;
  const open = waiting.find((w) => w.key === openKey);
  const others = waiting.filter((w) => w !== open);
  const pill = ({ since, unknownStart }: { since: number; unknownStart?: true }) => {
    const waited = Math.max(0, now - since);
    const level = waitLevel(waited, limit);
    // A wait already running when the console loaded: its start is unknown, so no clock from the page's load.
    const shown = waitShown(waited, !unknownStart);
    return (
      <span className={`wait wait--${level}`} data-level={level}>
        {shown.kind === 'clock' ? shown.text : shown.kind === 'unknown' ? '—' : t('waitAtLeast', String(shown.minutes))}
      </span>
    );
  };
  if (part === 'open') {
    return open ? (
      <span className="waiting__open" data-testid="waiting-open" title={t('waitOpen', open.name ?? '')}>
        <span className="sr-only">{t('waitOpen', open.name ?? '')} </span>
        {pill(open)}
      </span>
    ) : null;
  }
  return (
    <div className="waiting" data-testid="waiting" role="status">
      {others.length > 0 && (
        <span className="waiting__list" data-testid="waiting-list">
          {t('waitOthers')}
          {others.map((w) => (
            <span key={w.key} className="waiting__buyer">
              {w.name ?? w.key.slice(w.key.indexOf('|') + 1)} {pill(w)}
            </span>
          ))}
        </span>
      )}
    </div>
  );
}
