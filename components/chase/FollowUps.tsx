import { useState } from 'react';
import { FOLLOW_FROM_MAX_AGE_MS, followFromProblem, ladderPlan } from '../../scripts-library/chase/reminders';
import { LADDER_KINDS, type LadderKind } from '../../scripts-library/shared/chase-ladder';
import type { Reminder } from '../../scripts-library/shared/schema';
import { writeErrorText } from '../shared/write-error';
import { t, type MessageKey } from '../shared/i18n';
import type { ChaseTarget, useChase } from './use-chase';

type Notify = (text: string, tone: 'ok' | 'warn' | 'error') => void;

/** A ladder kind's name (催付, 咨询未下单, 发货延迟致歉, 中差评跟进, 售后回访). */
export const ladderName = (kind: LadderKind) => t(`ladder_${kind.replace('-', '_')}` as MessageKey);

/** `datetime-local` text → ms, or undefined when empty; NaN when it is not a time. */
function parseFrom(text: string): number | undefined {
  return text ? new Date(text).getTime() : undefined;
}

/** The `datetime-local` bounds: a year back to now (the browser's own picker then offers nothing outside). */
const localText = (at: number) => new Date(at - new Date(at).getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
const fromMin = () => localText(Date.now() - FOLLOW_FROM_MAX_AGE_MS);
const fromMax = () => localText(Date.now());

interface Props {
  target: ChaseTarget;
  ladder: readonly number[];
  /** The open buyer's active steps (to offer 已完成 per running ladder). */
  running: readonly Reminder[];
  store: Pick<ReturnType<typeof useChase>, 'start' | 'paid'>;
  delay(minutes: number): string;
  notify: Notify;
}

/**
 * The follow-up ladders beyond the one-click 催付: pick a kind, optionally the moment it counts from (the order,
 * shipping or review time the agent reads in the console), start; each running ladder gets its 已完成.
 */
export function FollowUps({ target, ladder, running, store, delay, notify }: Props) {
  const [kind, setKind] = useState<LadderKind>('no-order');
  const [from, setFrom] = useState('');
  const who = target.buyerName ?? target.buyerId;
  const start = async () => {
    const at = parseFrom(from);
    const problem = at === undefined ? undefined : followFromProblem(at, Date.now());
    if (problem) {
      notify(t(problem === 'too-old' ? 'followFromTooOld' : 'followFromInvalid'), 'error');
      return;
    }
    try {
      await store.start(target, ladder, { kind, from: at });
    } catch (e) {
      notify(writeErrorText(e), 'error');
      return;
    }
    setFrom('');
    notify(t('followStarted', [who, ladderName(kind), ladderPlan(kind, ladder).map((s) => delay(s.minutes)).join(' / ')]), 'ok');
  };
  const done = async (k: LadderKind) => {
    try {
      const n = await store.paid(target, k);
      notify(t('followDone', [who, ladderName(k), String(n)]), 'ok');
    } catch (e) {
      notify(writeErrorText(e), 'error');
    }
  };
  const kinds = [...new Set(running.map((r) => r.kind))].filter((k) => k !== 'payment');
  return (
    <div className="chase__follow" data-testid="follow-ups">
      <select aria-label={t('followKind')} value={kind} onChange={(e) => setKind(e.target.value as LadderKind)}>
        {LADDER_KINDS.map((k) => (
          <option key={k} value={k}>{ladderName(k)}</option>
        ))}
      </select>
      <input type="datetime-local" min={fromMin()} max={fromMax()} aria-label={t('followFrom')} title={t('followFrom')} value={from} onChange={(e) => setFrom(e.target.value)} />
      <button className="chase__follow-start" onClick={() => void start()}>{t('followStart')}</button>
      {kinds.map((k) => (
        <button key={k} className="chase__done" onClick={() => void done(k)}>{t('followDoneButton', ladderName(k))}</button>
      ))}
    </div>
  );
}
