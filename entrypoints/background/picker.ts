/**
 * The "/" picker's messages: its search, a use counted, 存为短语, and the values typed in its form. Owns the
 * picker's copy of the phrase library, followed from the picker's first search on (never on a wake for a guard
 * check or a status report: reading a 10k library then would hold those up).
 */
import { liveQuery } from 'dexie';
import type { KefuDB } from '../../storage/db';
import { listPhrases, recordPhraseUse, saveDraftPhrase } from '../../storage/repositories/phrases';
import { answeredQuestions } from '../../storage/repositories/notes';
import { getSettings, updateSettings } from '../../storage/repositories/settings';
import { suggestReplies } from '../../scripts-library/suggest/suggest';
import { historyBefore, type Turn } from '../../scripts-library/suggest/chat-context';
import { orderSuggestions, placeholderValues, rememberPatch } from '../../scripts-library/phrases/placeholders';
import { PhraseSearchCache } from '../../scripts-library/search/search';
import { compileSynonyms, shopSynonyms } from '../../scripts-library/search/search-words';
import type { Phrase } from '../../scripts-library/shared/schema';
import type { PickerItem } from '../../scripts-library/shared/protocol';
import { closeMatches } from '../../scripts-library/phrases/picker-state';
import { OK, type Handlers } from './messages';

const PICKER_SIZE = 8;
const PICKER_RANKED = 50;
/** A phrase's title initials: pinyin.ts keeps the title's first among the space-separated fields. */
const titleInitials = (p: Phrase) => (p.pinyin?.initials ?? '').split(' ')[0]!.toLowerCase();

export function pickerHandlers(db: KefuDB): Handlers<'picker/search' | 'phrase/used' | 'phrase/save-draft' | 'placeholders/remember'> {
  const library = followLibrary(db);
  return {
    // `buyer`: the conversation's buyer key (`site|buyer`), for that buyer's remembered order values.
    async 'picker/search'({ query, buyer, message, recent }) {
      const phrases = await library();
      const settings = await getSettings(db);
      const values = placeholderValues(settings, undefined);
      const suggested = orderSuggestions(settings, buyer);
      if (!query.trim() && message) {
        // Nothing typed after "/": the replies suggested for the buyer's latest message, 问题登记本 answers included.
        const replies = await suggestedItems(db, message, phrases, historyBefore(recent, message));
        if (replies.length) return replies.map((r) => ({ ...r, values, suggested }));
      }
      // More than a screen's worth is ranked, so the close matches of a code are not cut by looser ones first.
      const ranked = library.cache.get(phrases).search(query, { limit: PICKER_RANKED, synonyms: compileSynonyms(shopSynonyms(settings)) }).map((h) => h.phrase);
      return closeMatches(query, ranked, titleInitials).slice(0, PICKER_SIZE).map((phrase) => pickerItem(phrase, values, suggested));
    },
    async 'phrase/used'({ id }) {
      await recordPhraseUse(db, id);
      return OK;
    },
    'phrase/save-draft': async ({ text }) => ({ ok: true, title: (await saveDraftPhrase(db, text)).title }),
    // Order values under `buyer`, shared ones as suggestions, shop-wide ones into settings when `saveShop`.
    async 'placeholders/remember'({ values, buyer, saveShop }) {
      await updateSettings(db, (current) => rememberPatch(current, values, buyer, saveShop ?? false));
      return OK;
    },
  };
}

function pickerItem(phrase: Phrase, values: Record<string, string>, suggested: Record<string, string>): PickerItem {
  return { id: phrase.id, title: phrase.title, body: phrase.body, ...(phrase.code ? { code: phrase.code } : {}), ...(phrase.variants?.length ? { variants: phrase.variants, turn: phrase.useCount } : {}), values, suggested };
}

/** The library as the picker searches it: followed as it changes once first asked for, so a keystroke never waits for a full table read. */
function followLibrary(db: KefuDB): (() => Promise<Phrase[]>) & { cache: PhraseSearchCache<Phrase> } {
  let phrases: Phrase[] | undefined;
  let following: Promise<void> | undefined;
  const follow = () =>
    (following ??= new Promise<void>((resolve) => {
      liveQuery(() => listPhrases(db)).subscribe({
        next: (rows) => {
          phrases = rows;
          resolve();
        },
        error: (e: unknown) => {
          console.warn('[kefu] phrase subscription', e);
          resolve();
        },
      });
    }));
  const read = async () => {
    await follow();
    return phrases ?? (phrases = await listPhrases(db));
  };
  return Object.assign(read, { cache: new PhraseSearchCache<Phrase>() });
}

/** The suggested replies to a buyer message, as picker items (an answered 问题登记本 question is one of its own). */
async function suggestedItems(db: KefuDB, message: string, library: readonly Phrase[], history: Turn[]): Promise<Pick<PickerItem, 'id' | 'title' | 'body' | 'code' | 'maybe'>[]> {
  return suggestReplies(message, library, await answeredQuestions(db), undefined, { history }).map((s) => ({
    ...(s.kind === 'phrase'
      ? { id: s.phrase.id, title: s.phrase.title, body: s.phrase.body, ...(s.phrase.code ? { code: s.phrase.code } : {}) }
      : { id: `faq:${s.faq.id}`, title: s.faq.question.slice(0, 60), body: s.faq.answer.slice(0, 500) }),
    ...(s.maybe ? { maybe: true as const } : {}),
  }));
}
