/**
 * The panel's side of the phrase flow (scripts-library/phrases/phrase-flow.ts, shared with the "/" picker): known
 * values → the fill-in form → insert → count the use. An insert is not a send: the same reply sent to the same
 * buyer again is warned of in the chat page (the guard badge's 重复回复, from what was actually sent), not here.
 */
import { useEffect, useRef, useState } from 'react';
import { recordPhraseUse } from '../../storage/repositories/phrases';
import { updateSettings } from '../../storage/repositories/settings';
import { buyerKey as orderBuyerKey, fillPlaceholders, orderSuggestions, placeholderValues, rememberPatch, type Filled } from '../../scripts-library/phrases/placeholders';
import { pickWording } from '../../scripts-library/phrases/sent-memory';
import { completePhrase, deliverPhrase, startPhrase, type PhraseStep } from '../../scripts-library/phrases/phrase-flow';
import type { ChatTab } from '../../scripts-library/shared/protocol';
import type { Phrase, Settings } from '../../scripts-library/shared/schema';
import { useDb } from '../shared/db-context';
import { t } from '../shared/i18n';
import type { Notify } from '../shared/use-notice';
import { writeErrorText } from '../shared/write-error';
import type { InsertOutcome } from './insert-phrase';

export type InsertFn = (tabId: number | undefined, text: string, caret?: number) => Promise<InsertOutcome>;

export type Pending =
  /**
   * `body`: the wording being filled (a phrase with variants has several); `orderBuyer`: the buyer served when
   * the form opened, the only one its order values are remembered for.
   */
  { kind: 'placeholders'; phrase: Phrase; body: string; fields: string[]; prefill: Record<string, string>; choices: Record<string, string[]>; known: Record<string, string>; orderBuyer: string | undefined; done?: () => void };

export function usePhraseInsert({ settings, chatTab, insert, notify }: { settings: Settings | undefined; chatTab: ChatTab | undefined; insert: InsertFn; notify: Notify }) {
  const db = useDb();
  const [pending, setPending] = useState<Pending>();
  // The text last inserted per chat tab + buyer, so a phrase with other wordings does not give the same one twice
  // running.
  const lastText = useRef(new Map<string, string>());
  const buyer = chatTab?.status.buyer ?? null;
  const convo = `${chatTab?.tabId ?? '-'}|${buyer?.id ?? buyer?.name ?? ''}`;
  const orderBuyer = chatTab ? orderBuyerKey(chatTab.status.site, buyer) : undefined;
  const current = useConversationGuard(convo, () => setPending(undefined));
  /** A write the agent started: a failure (a full disk…) is said, never swallowed. */
  const attempt = async (write: () => Promise<unknown>, ok?: string) => {
    try {
      await write();
      if (ok) notify(ok, 'ok');
    } catch (e) {
      notify(writeErrorText(e), 'error');
    }
  };

  const deliver = async (phrase: Phrase, filled: Filled, done?: () => void) => {
    setPending(undefined);
    const outcome: { last?: InsertOutcome } = {};
    const landed = await deliverPhrase(
      {
        insert: async (text, caret) => {
          const { kind } = (outcome.last = await insert(chatTab?.tabId, text, caret));
          return kind === 'inserted' || kind === 'handed';
        },
        countUse: async (id) => {
          lastText.current.set(convo, filled.text);
          done?.();
          // The text is in the chat box already; a use that cannot be counted (full disk) is only mentioned.
          const handed = outcome.last?.kind === 'handed' ? outcome.last.message : undefined;
          await attempt(() => recordPhraseUse(db, id), handed ? t('copiedForPaste', [phrase.title, handed]) : t('inserted', phrase.title));
        },
      },
      phrase.id,
      filled,
    );
    const failed = outcome.last;
    if (!landed && failed && failed.kind !== 'inserted' && failed.kind !== 'handed') notify(failed.message, failed.kind === 'copied' ? 'warn' : 'error');
  };

  const next = (phrase: Phrase, body: string, known: Record<string, string>, step: PhraseStep, done?: () => void) => {
    if (step.kind === 'ask') setPending({ kind: 'placeholders', phrase, body, fields: step.fields, prefill: step.prefill, choices: step.choices, known, orderBuyer, done });
    else void deliver(phrase, step.filled, done);
  };

  return {
    pending,
    cancel: () => setPending(undefined),
    /** Insert a phrase into the served tab (values asked for first); `done` runs once it landed. */
    request(phrase: Phrase, done?: () => void) {
      if (!settings) return;
      const known = placeholderValues(settings, buyer?.name);
      // Its wordings take turns; the one this buyer got last is skipped.
      const body = pickWording(phrase, (text) => lastText.current.get(convo) === text, (w) => fillPlaceholders(w, known).text);
      // Order values (运单号, 金额…) are always confirmed in the form, prefilled only with this buyer's.
      next(phrase, body, known, startPhrase(body, known, orderSuggestions(settings, orderBuyer)), done);
    },
    /** The fill-in form was sent: remember what was typed (a convenience: the phrase goes in even if that fails). */
    async fill(typed: Record<string, string>, saveShop: boolean) {
      if (pending?.kind !== 'placeholders') return;
      const { phrase, body, known, done } = pending;
      const openedIn = current.current;
      await attempt(() => updateSettings(db, (stored) => rememberPatch(stored, typed, pending.orderBuyer, saveShop)));
      if (current.current !== openedIn) return; // the agent moved to another buyer meanwhile: nothing goes in
      next(phrase, body, { ...known, ...typed }, completePhrase(body, known, typed), done);
    },
  };
}

/**
 * A form or question opened for one buyer never outlives the conversation: another buyer (or tab) closes it, so
 * what was typed for the first cannot be inserted into, or remembered for, the next. Returns the conversation now
 * served, for a step that awaited something to check it is still the one it began in.
 */
function useConversationGuard(convo: string, close: () => void) {
  const [openFor, setOpenFor] = useState(convo);
  if (openFor !== convo) {
    setOpenFor(convo);
    close();
  }
  const current = useRef(convo);
  useEffect(() => void (current.current = convo));
  return current;
}
