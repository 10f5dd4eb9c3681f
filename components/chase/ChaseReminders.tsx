import { useEffect, useState } from 'react';
import type { Phrase, Reminder } from '../../scripts-library/shared/schema';
import { delayParts, stepState } from '../../scripts-library/chase/reminders';
import { writeErrorText } from '../shared/write-error';
import { t, type MessageKey } from '../shared/i18n';
import { dateTime } from '../shared/dates';
import { useChase, type ChaseTarget } from './use-chase';
import { FollowUps, ladderName } from './FollowUps';

export type { ChaseTarget } from './use-chase';

type Notify = (text: string, tone: 'ok' | 'warn' | 'error') => void;

interface Props {
  /** The open conversation's buyer, when the panel serves a chat tab that names one. */
  target?: ChaseTarget;
  ladder: readonly number[];
  /** The step whose notification the agent clicked (its phrase is shown ready to insert). */
  focusId?: string;
  onFocusDone(): void;
  /** Insert a phrase into the served chat tab; `done` runs once it landed. */
  onInsert(phrase: Phrase, done: () => void): void;
  notify: Notify;
}

const delay = (minutes: number) => {
  const [value, unit] = delayParts(minutes);
  return t(`delay_${unit}` as MessageKey, value);
};
const clock = dateTime;

/**
 * 催付提醒: start the 15 min / 24 h / 48 h / 72 h ladder for the open buyer, 已付款 to stop it; the other follow-up
 * ladders (咨询未下单, 发货延迟致歉, 中差评跟进, 售后回访), optionally from an order time; and the list of
 * steps waiting across buyers (due, overdue after a restart, upcoming) with each step's phrase one click away.
 * The alarms follow the reminders table by themselves (storage/watch.ts).
 */
export function ChaseReminders({ target, ladder, focusId, onFocusDone, onInsert, notify }: Props) {
  const chaseStore = useChase(focusId);
  const { reminders, focused } = chaseStore;
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 15_000); // steps turn overdue while the panel is open
    return () => clearInterval(timer);
  }, []);
  const servesBuyerOf = (r: Reminder) => !!target && r.site === target.site && r.buyerId === target.buyerId;
  const chase = async (step: Reminder) => {
    const phrase = await chaseStore.phraseOf(step);
    if (!phrase) {
      notify(t('chasePhraseMissing'), 'error');
      return;
    }
    onInsert(phrase, () => {
      void chaseStore.complete(step.id);
      if (step.id === focusId) onFocusDone();
    });
  };
  return (
    <section className="chase" aria-label={t('chaseTitle')}>
      {target && (
        <ChaseActions target={target} ladder={ladder} running={(reminders ?? []).some((r) => servesBuyerOf(r) && r.kind === 'payment')} store={chaseStore} notify={notify} />
      )}
      {target && <FollowUps target={target} ladder={ladder} running={(reminders ?? []).filter(servesBuyerOf)} store={chaseStore} delay={delay} notify={notify} />}
      {focused && (
        <div className="chase__focus" data-testid="chase-focus">
          <strong>
            {focused.step.kind === 'payment'
              ? t('chaseFocus', [focused.step.buyerName ?? focused.step.buyerId, delay(focused.step.minutes)])
              : t('followDue', [ladderName(focused.step.kind), focused.step.buyerName ?? focused.step.buyerId, delay(focused.step.minutes)])}
          </strong>
          <p>{focused.phrase.body}</p>
          {servesBuyerOf(focused.step) ? (
            <button onClick={() => void chase(focused.step)}>{t('chaseInsert')}</button>
          ) : (
            <p className="muted">{t('chaseOpenConversation')}</p>
          )}
        </div>
      )}
      <ChaseList reminders={reminders ?? []} now={now} canInsert={servesBuyerOf} onInsert={(r) => void chase(r)} />
    </section>
  );
}

/** 催付提醒 for the open buyer, or — once it runs — 已付款 to stop it. */
interface ActionsProps {
  target: ChaseTarget;
  ladder: readonly number[];
  running: boolean;
  store: Pick<ReturnType<typeof useChase>, 'start' | 'paid'>;
  notify: Notify;
}
function ChaseActions({ target, ladder, running, store: chaseStore, notify }: ActionsProps) {
  const [justStarted, setJustStarted] = useState(false);
  useEffect(() => {
    if (!justStarted) return undefined;
    const timer = setTimeout(() => setJustStarted(false), 800);
    return () => clearTimeout(timer);
  }, [justStarted]);
  const start = async () => {
    setJustStarted(true);
    try {
      await chaseStore.start(target, ladder);
    } catch (e) {
      notify(writeErrorText(e), 'error');
      return;
    }
    notify(t('chaseStarted', [target.buyerName ?? target.buyerId, ladder.map(delay).join(' / ')]), 'ok');
  };
  const paid = async () => {
    let n: number;
    try {
      n = await chaseStore.paid(target);
    } catch (e) {
      notify(writeErrorText(e), 'error');
      return;
    }
    notify(t('chaseCancelled', [target.buyerName ?? target.buyerId, String(n)]), 'ok');
  };
  return (
    <div className="chase__actions">
      {!running ? (
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
  );
}

/**
 * 「该催付 1 项 · 该跟进 1 项 · 催付已排期 2 位买家 · 跟进已排期 1 项」: 催付 and the other follow-ups counted apart, and
 * scheduled ladders said as such (等待 is the reply countdown's word). Parts with nothing are left out.
 */
function summaryText(waiting: readonly Reminder[], next: readonly Reminder[]): string {
  const pay = (r: Reminder) => r.kind === 'payment';
  const parts: [MessageKey, number][] = [
    ['chaseSummaryPayDue', waiting.filter(pay).length],
    ['chaseSummaryFollowDue', waiting.filter((r) => !pay(r)).length],
    ['chaseSummaryPayNext', next.filter(pay).length],
    ['chaseSummaryFollowNext', next.filter((r) => !pay(r)).length],
  ];
  return parts
    .filter(([, n]) => n > 0)
    .map(([key, n]) => t(key, String(n)))
    .join(' · ');
}

/** Steps due or overdue across buyers, and each ladder's next step; folded to one line when nothing is due. */
function ChaseList({ reminders, now, canInsert, onInsert }: { reminders: Reminder[]; now: number; canInsert(r: Reminder): boolean; onInsert(r: Reminder): void }) {
  const waiting = reminders.filter((r) => stepState(r, now) !== 'upcoming');
  const next = new Map<string, Reminder>();
  for (const r of reminders) if (stepState(r, now) === 'upcoming' && !next.has(r.ladderId)) next.set(r.ladderId, r);
  if (!waiting.length && !next.size) return null;
  return (
    <details className="chase__fold" open={waiting.length > 0 || undefined}>
      <summary>{summaryText(waiting, [...next.values()])}</summary>
      <ul className="chase__list">
        {waiting.map((r) => {
          const state = stepState(r, now);
          return (
            <li key={r.id} data-reminder-id={r.id} data-state={state} className={`chase__step chase__step--${state}`}>
              <span>
                {state === 'due' && r.kind !== 'payment'
                  ? t('followDue', [ladderName(r.kind), r.buyerName ?? r.buyerId, delay(r.minutes)])
                  : t(state === 'due' ? 'chaseDue' : 'chaseOverdue', [(r.kind === 'payment' ? '' : `${ladderName(r.kind)} · `) + (r.buyerName ?? r.buyerId), delay(r.minutes)])}
              </span>
              {canInsert(r) && <button onClick={() => onInsert(r)}>{t('chaseInsert')}</button>}
            </li>
          );
        })}
        {[...next.values()].map((r) => (
          <li key={r.id} data-reminder-id={r.id} data-state="upcoming" className="chase__step chase__step--upcoming">
            {r.kind === 'payment'
              ? t('chaseNext', [r.buyerName ?? r.buyerId, delay(r.minutes), clock(r.dueAt)])
              : t('followNext', [ladderName(r.kind), r.buyerName ?? r.buyerId, delay(r.minutes), clock(r.dueAt)])}
          </li>
        ))}
      </ul>
    </details>
  );
}
