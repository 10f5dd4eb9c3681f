import { useEffect, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import type { KefuDB } from '../storage/db';
import type { Phrase, Reminder } from '../scripts-library/schema';
import { activeReminders, completeStep, markPaid, startChase } from '../storage/repositories/reminders';
import { delayParts, stepState } from '../scripts-library/reminders';
import { writeErrorText } from './write-error';
import { t, type MessageKey } from './i18n';

export interface ChaseTarget {
  site: string;
  buyerId: string;
  buyerName?: string;
  tabId?: number;
}

interface Props {
  db: KefuDB;
  /** The open conversation's buyer, when the panel serves a chat tab that names one. */
  target?: ChaseTarget;
  ladder: readonly number[];
  /** The step whose notification the agent clicked (its phrase is shown ready to insert). */
  focusId?: string;
  onFocusDone(): void;
  /** Insert a phrase into the served chat tab; `done` runs once it landed. */
  onInsert(phrase: Phrase, done: () => void): void;
  /** Tell the background the reminders changed (it owns the alarms). */
  onChanged(): void;
  notify(text: string, tone: 'ok' | 'warn' | 'error'): void;
}

const delay = (minutes: number) => {
  const [value, unit] = delayParts(minutes);
  return t(`delay_${unit}` as MessageKey, value);
};
const clock = (at: number) => new Date(at).toLocaleString(undefined, { month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit' });

/**
 * 催付提醒: start the 15 min / 24 h / 48 h / 72 h ladder for the open buyer, 已付款 to stop it, and the list of
 * steps waiting across buyers (due, overdue after a restart, upcoming) with each step's phrase one click away.
 */
export function ChaseReminders({ db, target, ladder, focusId, onFocusDone, onInsert, onChanged, notify }: Props) {
  const reminders = useLiveQuery(() => activeReminders(db), [db]);
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 15_000); // steps turn overdue while the panel is open
    return () => clearInterval(timer);
  }, []);
  const focused = useLiveQuery(async () => {
    if (!focusId) return undefined;
    const step = await db.reminders.get(focusId);
    const phrase = step?.phraseId ? await db.phrases.get(step.phraseId) : undefined;
    return step && phrase ? { step, phrase } : undefined;
  }, [db, focusId]);

  const servesBuyerOf = (r: Reminder) => !!target && r.site === target.site && r.buyerId === target.buyerId;
  const mine = (reminders ?? []).filter(servesBuyerOf);
  const [justStarted, setJustStarted] = useState(false);
  useEffect(() => {
    if (!justStarted) return undefined;
    const timer = setTimeout(() => setJustStarted(false), 800);
    return () => clearTimeout(timer);
  }, [justStarted]);
  const start = async () => {
    if (!target) return;
    setJustStarted(true);
    try {
      await startChase(db, target, ladder);
    } catch (e) {
      notify(writeErrorText(e), 'error');
      return;
    }
    onChanged();
    notify(t('chaseStarted', [target.buyerName ?? target.buyerId, ladder.map(delay).join(' / ')]), 'ok');
  };
  const paid = async () => {
    if (!target) return;
    let n: number;
    try {
      n = await markPaid(db, target.site, target.buyerId);
    } catch (e) {
      notify(writeErrorText(e), 'error');
      return;
    }
    onChanged();
    notify(t('chaseCancelled', [target.buyerName ?? target.buyerId, String(n)]), 'ok');
  };
  const chase = async (step: Reminder) => {
    const phrase = step.phraseId ? await db.phrases.get(step.phraseId) : undefined;
    if (!phrase) {
      notify(t('chasePhraseMissing'), 'error');
      return;
    }
    onInsert(phrase, () => {
      void completeStep(db, step.id);
      if (step.id === focusId) onFocusDone();
    });
  };

  const waiting = (reminders ?? []).filter((r) => stepState(r, now) !== 'upcoming');
  const next = new Map<string, Reminder>();
  for (const r of reminders ?? []) if (stepState(r, now) === 'upcoming' && !next.has(r.ladderId)) next.set(r.ladderId, r);

  return (
    <section className="chase" aria-label={t('chaseTitle')}>
      {target && (
        <div className="chase__actions">
          {mine.length === 0 ? (
            <button className="chase__start" onClick={() => void start()}>{t('chaseStart')}</button>
          ) : (
            // Where 催付提醒 was now stands a label: a double click on 催付提醒 must not land on 已付款 and
            // cancel the ladder it just started. 已付款 comes after it, and only a moment later.
            <>
              <span className="chase__on">{t('chaseOn')}</span>
              <button className="chase__paid" disabled={justStarted} onClick={() => void paid()}>{t('chasePaid')}</button>
            </>
          )}
        </div>
      )}
      {focused && (
        <div className="chase__focus" data-testid="chase-focus">
          <strong>{t('chaseFocus', [focused.step.buyerName ?? focused.step.buyerId, delay(focused.step.minutes)])}</strong>
          <p>{focused.phrase.body}</p>
          {servesBuyerOf(focused.step) ? (
            <button onClick={() => void chase(focused.step)}>{t('chaseInsert')}</button>
          ) : (
            <p className="muted">{t('chaseOpenConversation')}</p>
          )}
        </div>
      )}
      {(waiting.length > 0 || next.size > 0) && (
        // Folded to one line when nothing is due yet, so the phrases stay high in the panel.
        <details className="chase__fold" open={waiting.length > 0 || undefined}>
        <summary>{t('chaseSummary', [String(waiting.length), String(next.size)])}</summary>
        <ul className="chase__list">
          {waiting.map((r) => {
            const state = stepState(r, now);
            return (
              <li key={r.id} data-reminder-id={r.id} data-state={state} className={`chase__step chase__step--${state}`}>
                <span>{t(state === 'due' ? 'chaseDue' : 'chaseOverdue', [r.buyerName ?? r.buyerId, delay(r.minutes)])}</span>
                {servesBuyerOf(r) && <button onClick={() => void chase(r)}>{t('chaseInsert')}</button>}
              </li>
            );
          })}
          {[...next.values()].map((r) => (
            <li key={r.id} data-reminder-id={r.id} data-state="upcoming" className="chase__step chase__step--upcoming">
              {t('chaseNext', [r.buyerName ?? r.buyerId, delay(r.minutes), clock(r.dueAt)])}
            </li>
          ))}
        </ul>
        </details>
      )}
    </section>
  );
}
