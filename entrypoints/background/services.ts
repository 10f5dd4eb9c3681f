/** The background's real services: the phrase library kept in memory for the "/" picker, and small writes. */
import { liveQuery } from 'dexie';
import type { KefuDB } from '../../storage/db';
import { listPhrases, recordPhraseUse, saveDraftPhrase } from '../../storage/repositories/phrases';
import { answeredQuestions } from '../../storage/repositories/notes';
import { suggestReplies } from '../../scripts-library/suggest/suggest';
import { listRules } from '../../storage/repositories/rules';
import { countOne, recordConsultOnce } from '../../storage/repositories/tally';
import { recordResponse } from '../../storage/repositories/responses';
import { tallyRowAt } from '../../scripts-library/shared/shift';
import { getSettings, updateSettings } from '../../storage/repositories/settings';
import { addMiss } from '../../scripts-library/sites/self-check';
import { orderSuggestions, placeholderValues, rememberPatch } from '../../scripts-library/phrases/placeholders';
import { PhraseSearchCache } from '../../scripts-library/search/search';
import { compileSynonyms, shopSynonyms } from '../../scripts-library/search/search-words';
import type { Phrase } from '../../scripts-library/shared/schema';
import type { PickerItem } from '../../scripts-library/shared/protocol';
import { closeMatches } from '../../scripts-library/phrases/picker-state';
import type { ChatTabRegistry } from '../../storage/chat-tabs';
import type { BackgroundServices } from './handlers';
import { compiledFor, DEFAULT_RULES, checkWithCompiled } from '../../scripts-library/guard';
import { looksCompiled, reviveCompiled, rulesKey } from '../../scripts-library/guard/compiled-form';
import { createGuardCache, type GuardCache } from '../../storage/guard-cache';
import { intentNote, judgeDraft } from '../../scripts-library/guard/judge';
import { planRewrite } from '../../scripts-library/guard/rewrite';
import type { Rule } from '../../scripts-library/shared/schema';
import { effectiveRules, judgeAllows, own } from '../../scripts-library/guard/effective-rules';
import { reviveOrKeepModel } from './guard-model';


const PICKER_SIZE = 8;
const PICKER_RANKED = 50;
/** A phrase's title initials: pinyin.ts keeps the title's first among the space-separated fields. */
const titleInitials = (p: Phrase) => (p.pinyin?.initials ?? '').split(' ')[0]!.toLowerCase();

export interface ServiceHooks {
  /** Show the "buyer waited too long" notification for a chat tab. */
  notifyWait?: (tabId: number, name: string, waitedSec: number) => Promise<void>;
  syncReminders?: () => Promise<void>;
  injectChatScript?: (tabId: number, frameId: number) => Promise<void>;
  sites?: { enable(pattern: string, tabId?: number): Promise<void>; disable(pattern: string): Promise<void> };
  /** Where the compiled rules are kept between wakes (default: the guard cache's own IndexedDB database). */
  guardCache?: GuardCache;
}

export function createServices(db: KefuDB, registry: ChatTabRegistry, hooks: ServiceHooks = {}): BackgroundServices {
  const cache = new PhraseSearchCache<Phrase>();
  let phrases: Phrase[] | undefined;
  const guardCheck = createGuardChecker(db, hooks.guardCache ?? createGuardCache());
  // Follow the library as it changes, so a keystroke in the "/" picker never waits for a full table read. Only
  // from the picker's first search on: the browser wakes this worker for every guard check and status report,
  // and reading a 10k library each time would hold all of those up (≈ 150 ms).
  let following: Promise<void> | undefined;
  const followLibrary = () =>
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

  return {
    registry,
    guardCheck,
    guardRewrite: guardRewriter(guardCheck),
    async guardAllow(ruleId, context) {
      await updateSettings(db, ({ guardAllows }) => {
        const list = own(guardAllows, ruleId) ?? [];
        return list.includes(context) ? {} : { guardAllows: { ...guardAllows, [ruleId]: [...list, context] } };
      });
    },
    async buyerOpened(site, buyerId) {
      const settings = await getSettings(db);
      if (!settings.autoConsult) return;
      const { agent, day, shift } = tallyRowAt(settings, new Date());
      await recordConsultOnce(db, agent, day, shift, `${site}|${buyerId}`);
    },
    async guardOverride(ruleIds) {
      await updateSettings(db, ({ guardOverrides }) => {
        const next = { ...guardOverrides };
        for (const id of ruleIds) next[id] = (own(next, id) ?? 0) + 1;
        return { guardOverrides: next };
      });
    },
    async pickerSearch(query, buyer, message) {
      await followLibrary();
      const library = phrases ?? (phrases = await listPhrases(db));
      const settings = await getSettings(db);
      const values = placeholderValues(settings, undefined);
      const suggested = orderSuggestions(settings, buyer);
      if (!query.trim() && message) {
        // Nothing typed after "/": the replies suggested for the buyer's latest message, 问题登记本 answers included.
        const replies = await suggestedItems(db, message, library);
        if (replies.length) return replies.map((r) => ({ ...r, values, suggested }));
      }
      // More than a screen's worth is ranked, so the close matches of a code are not cut by looser ones first.
      const ranked = cache.get(library).search(query, { limit: PICKER_RANKED, synonyms: compileSynonyms(shopSynonyms(settings)) }).map((h) => h.phrase);
      return closeMatches(query, ranked, titleInitials)
        .slice(0, PICKER_SIZE)
        .map((phrase): PickerItem => ({ id: phrase.id, title: phrase.title, body: phrase.body, ...(phrase.code ? { code: phrase.code } : {}), ...(phrase.variants?.length ? { variants: phrase.variants, turn: phrase.useCount } : {}), values, suggested }));
    },
    recordUse: (id) => recordPhraseUse(db, id),
    saveDraft: async (text) => (await saveDraftPhrase(db, text)).title,
    ...waitServices(db, hooks),
    async tallyCount(field, delta) {
      const { agent, day, shift } = tallyRowAt(await getSettings(db), new Date());
      await countOne(db, agent, day, shift, field, delta);
    },
    startChatScript: (tabId, frameId) => (hooks.injectChatScript ? hooks.injectChatScript(tabId, frameId) : Promise.reject(new Error('no scripting'))),
    remindersChanged: hooks.syncReminders ?? (async () => {}),
    siteEnable: (pattern, tabId) => (hooks.sites ? hooks.sites.enable(pattern, tabId) : Promise.reject(new Error('no site service'))),
    siteDisable: (pattern) => hooks.sites?.disable(pattern) ?? Promise.resolve(),
    ...teachServices(db),
    async remember(values, buyer, saveShop) {
      await updateSettings(db, (current) => rememberPatch(current, values, buyer, saveShop));
    },
  };
}

/** Teach by pointing and the self-check: what a site was taught, and its misses, in settings (one transaction each). */
function teachServices(db: KefuDB): Pick<BackgroundServices, 'teachLoad' | 'teachSave' | 'recordMiss'> {
  return {
    teachLoad: async (site) => (await getSettings(db)).taughtSites[site] ?? null,
    async teachSave(site, taught) {
      await updateSettings(db, ({ taughtSites }) => ({ taughtSites: { ...taughtSites, [site]: taught } }));
    },
    async recordMiss(site, field) {
      await updateSettings(db, ({ fieldMisses }) => ({ fieldMisses: addMiss(fieldMisses, site, field, Date.now()) }));
    },
  };
}

/** The unreplied-buyer countdown's side: response times into the database, the limit, late-buyer notices. */
function waitServices(db: KefuDB, hooks: ServiceHooks): Pick<BackgroundServices, 'recordResponse' | 'waitConfig' | 'waitOverdue'> {
  return {
    async recordResponse(site, buyer, buyerAt, repliedAt) {
      const at = Math.min(repliedAt, Date.now()); // never a reply from the future
      await recordResponse(db, { ...tallyRowAt(await getSettings(db), new Date(at)), site, buyer, buyerAt, repliedAt: at });
    },
    async waitConfig() {
      const { waitLimitSec, waitNotify } = await getSettings(db);
      return { limitSec: waitLimitSec, notify: waitNotify };
    },
    async waitOverdue(tabId, name, waitedSec) {
      if ((await getSettings(db)).waitNotify) await hooks.notifyWait?.(tabId, name, waitedSec);
    },
  };
}

/**
 * The guard as the chat page's checks run it: the agent's rule set (edited, disabled, imported in the panel;
 * the defaults until it is installed) with their 不再提示 allows, compiled again only when either changed, and the
 * intent model after them (judge.ts).
 */
function createGuardChecker(db: KefuDB, kept: GuardCache): BackgroundServices['guardCheck'] {
  let stored: Rule[] | undefined;
  // The first check waits for the stored rules: a worker just woken must not answer with the defaults.
  let read: () => void = () => {};
  const firstRead = new Promise<void>((resolve) => (read = resolve));
  liveQuery(() => listRules(db)).subscribe({
    next: (rows) => {
      stored = rows.length ? rows : undefined;
      read();
    },
    error: (e: unknown) => {
      console.warn('[kefu] rule subscription', e);
      read();
    },
  });
  // The model's reader from the last wake, read while the settings and rules are (guard-model.ts).
  const model = reviveOrKeepModel(kept);
  let rules: { base: readonly Rule[]; key: string; rules: readonly Rule[]; notes: Map<string, string>; ready: Promise<void> } | undefined;
  return async (text, site) => {
    const [{ guardAllows }] = await Promise.all([getSettings(db), firstRead, model]);
    const base = stored ?? DEFAULT_RULES;
    const key = JSON.stringify(guardAllows);
    if (!rules || key !== rules.key || base !== rules.base) {
      const effective = effectiveRules(base, guardAllows);
      // The rules' notes by id, made once per rule set rather than on every keystroke's check.
      rules = { base, key, rules: effective, notes: new Map(base.map((r) => [r.id, r.note])), ready: reviveOrKeep(kept, effective) };
    }
    await rules.ready;
    const { notes } = rules;
    // A model hit keeps its confidence: the badge offers no 不再提示 on a sure 辱骂 guess.
    return judgeDraft(text, rules.rules, { allows: judgeAllows(guardAllows), ...(site ? { site } : {}) }).map((h) => ({
      ...h,
      note: h.confidence === undefined ? (notes.get(h.ruleId) ?? '') : intentNote(h.confidence),
    }));
  };
}

/**
 * The compiled form of these rules from the last wake when it was kept under their key (compiled-form.ts), else
 * compiled now and kept for the next wake (written after this check is answered).
 */
async function reviveOrKeep(kept: GuardCache, rules: readonly Rule[]): Promise<void> {
  const key = rulesKey(rules);
  const form = await kept.get(key);
  if (looksCompiled(form)) return checkWithCompiled(rules, reviveCompiled(form));
  setTimeout(() => void kept.put(key, compiledFor(rules)), 0);
}

/** 替换 / 改写此句 planned and re-checked by the same guard the page's checks use (rewrite.ts planRewrite). */
function guardRewriter(guardCheck: BackgroundServices['guardCheck']): BackgroundServices['guardRewrite'] {
  return async (text, hit, hits) => {
    const plan = await planRewrite(text, hit, hits, guardCheck);
    return plan ? { start: plan.start, end: plan.end, text: plan.text, kind: plan.kind, result: plan.result, remaining: plan.remaining.map((h) => ({ ...h, note: '' })) } : null;
  };
}

/** The suggested replies to a buyer message, as picker items (an answered 问题登记本 question is one of its own). */
async function suggestedItems(db: KefuDB, message: string, library: readonly Phrase[]): Promise<Pick<PickerItem, 'id' | 'title' | 'body' | 'code' | 'maybe'>[]> {
  return suggestReplies(message, library, await answeredQuestions(db)).map((s) => ({
    ...(s.kind === 'phrase'
      ? { id: s.phrase.id, title: s.phrase.title, body: s.phrase.body, ...(s.phrase.code ? { code: s.phrase.code } : {}) }
      : { id: `faq:${s.faq.id}`, title: s.faq.question.slice(0, 60), body: s.faq.answer.slice(0, 500) }),
    ...(s.maybe ? { maybe: true as const } : {}),
  }));
}
