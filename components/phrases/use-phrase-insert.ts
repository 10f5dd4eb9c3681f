/**
 * The panel's side of the phrase flow (scripts-library/phrases/phrase-flow.ts runPhraseFlow, the same driver the "/"
 * picker runs): its form is PlaceholderForm (through `pending`), it remembers into settings, inserts through the
 * chat tab and counts the use in the library. An insert is not a send: the same reply sent to the same
 * buyer again is warned of in the chat page (the guard badge's 重复回复, from what was actually sent), not here.
 */
import { useEffect, useRef, useState } from 'react';
import { recordPhraseUse } from '../../storage/repositories/phrases';
import { updateSettings } from '../../storage/repositories/settings';
import { buyerKey as orderBuyerKey, orderSuggestions, placeholderValues, rememberPatch } from '../../scripts-library/phrases/placeholders';
import { runPhraseFlow, type FlowPorts, type FormAnswer } from '../../scripts-library/phrases/phrase-flow';
import { fillForm, type FillForm } from '../../scripts-library/phrases/fill-form';
import type { ChatTab } from '../../scripts-library/shared/protocol';
import type { Phrase, Settings } from '../../scripts-library/shared/schema';
import { useDb } from '../shared/db-context';
import { t } from '../shared/i18n';
import type { Notify } from '../shared/use-notice';
import { writeErrorText } from '../shared/write-error';
import type { InsertOutcome } from './insert-phrase';
import { EARLY_PAINT, type EarlyPaint } from '../shared/first-screen-ids';

export type InsertFn = (tabId: number | undefined, text: string, caret?: number) => Promise<InsertOutcome>;

export type Pending =
  /**
   * `body`: the wording being filled (a phrase with variants has several); `orderBuyer`: the buyer served when
   * the form opened, the only one its order values are remembered for.
   */
  { kind: 'placeholders'; phrase: Phrase; body: string; form: FillForm; orderBuyer: string | undefined };

/** A write the agent started: a failure (a full disk…) is said, never swallowed. */
function attemptWith(notify: Notify) {
  return async (write: () => Promise<unknown>, ok?: string) => {
    try {
      await write();
      if (ok) notify(ok, 'ok');
    } catch (e) {
      notify(writeErrorText(e), 'error');
    }
  };
}

export function usePhraseInsert({ settings, chatTab, insert, notify }: { settings: Settings | undefined; chatTab: ChatTab | undefined; insert: InsertFn; notify: Notify }) {
  const db = useDb();
  const [pending, setPending] = useState<Pending>();
  /** Where the open form's answer goes (runPhraseFlow waits on it); null when it closes unsent. */
  const answer = useRef<(a: FormAnswer | null) => void>(undefined);
  // The text last inserted per chat tab + buyer, so a phrase with other wordings does not give the same one twice
  // running (the panel cannot see what the page sent; the "/" picker asks the page's own memory of sends).
  const lastText = useRef(new Map<string, string>());
  const buyer = chatTab?.status.buyer ?? null;
  const convo = `${chatTab?.tabId ?? '-'}|${buyer?.id ?? buyer?.name ?? ''}`;
  const orderBuyer = chatTab ? orderBuyerKey(chatTab.status.site, buyer) : undefined;
  const close = (a: FormAnswer | null) => {
    setPending(undefined);
    const give = answer.current;
    answer.current = undefined;
    give?.(a);
  };
  const current = useConversationGuard(convo, () => close(null));
  const attempt = attemptWith(notify);

  const waiting = useWaitingRow(current);
  const flow = {
    pending,
    cancel: () => close(null),
    /** Insert a phrase into the served tab (values asked for first); `done` runs once it landed. */
    request(phrase: Phrase, done?: () => void) {
      if (!settings) return waiting.keep(phrase, done);
      const openedIn = current.current;
      const forBuyer = orderBuyer;
      const tabId = chatTab?.tabId;
      const outcome: { last?: InsertOutcome; text?: string } = {};
      const ports: FlowPorts = {
        known: placeholderValues(settings, buyer?.name),
        // Order values (运单号, 金额…) are always confirmed in the form, prefilled only with this buyer's.
        suggested: orderSuggestions(settings, forBuyer),
        givenRecently: (text) => lastText.current.get(openedIn) === text,
        ask: (step, body) =>
          new Promise((resolve) => {
            answer.current?.(null);
            answer.current = resolve;
            setPending({ kind: 'placeholders', phrase, body, form: fillForm(step), orderBuyer: forBuyer });
          }),
        stillServing: () => current.current === openedIn,
        // A convenience: the phrase goes in even if remembering fails.
        remember: ({ typed, saveShop }) => attempt(() => updateSettings(db, (stored) => rememberPatch(stored, typed, forBuyer, saveShop))),
        insert: async (text, caret) => {
          const { kind } = (outcome.last = await insert(tabId, (outcome.text = text), caret));
          return kind === 'inserted' || kind === 'handed';
        },
        countUse: async (id) => {
          lastText.current.set(openedIn, outcome.text ?? '');
          done?.();
          // The text is in the chat box already; a use that cannot be counted (full disk) is only mentioned.
          const handed = outcome.last?.kind === 'handed' ? outcome.last.message : undefined;
          await attempt(() => recordPhraseUse(db, id), handed ? t('copiedForPaste', [phrase.title, handed]) : t('inserted', phrase.title));
        },
      };
      void runPhraseFlow({ id: phrase.id, body: phrase.body, ...(phrase.variants ? { variants: phrase.variants } : {}), turn: phrase.useCount }, ports).then((landed) => {
        const failed = outcome.last;
        if (!landed && failed && failed.kind !== 'inserted' && failed.kind !== 'handed') notify(failed.message, failed.kind === 'copied' ? 'warn' : 'error');
      });
    },
    /** The fill-in form was sent. */
    fill(typed: Record<string, string>, saveShop: boolean) {
      if (pending?.kind === 'placeholders') close({ typed, saveShop });
    },
  };
  useEffect(() => {
    const w = settings ? waiting.take() : undefined;
    if (w && w.convo === current.current) flow.request(w.phrase, w.done);
    else if (w) notify(t('notInsertedBuyerChanged', w.phrase.title), 'warn'); // never into another buyer's chat, never without a word
  });
  return flow;
}

/**
 * A row taken before the settings are read (the panel's first moments) waits for them: one row, the last taken (a
 * row clicked on the static screen, use-early-click.ts, gives way to it), with the conversation it was taken in.
 */
function useWaitingRow(current: { readonly current: string }) {
  const waiting = useRef<{ phrase: Phrase; done?: (() => void) | undefined; convo: string }>(undefined);
  return {
    keep(phrase: Phrase, done?: () => void): void {
      delete ((globalThis as Record<string, unknown>)[EARLY_PAINT] as EarlyPaint | undefined)?.clicked;
      waiting.current = { phrase, done, convo: current.current };
    },
    /** The waiting row, taken: it waits no more. */
    take() {
      const w = waiting.current;
      waiting.current = undefined;
      return w;
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
