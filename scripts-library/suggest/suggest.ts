/**
 * Suggested replies to the buyer's latest message (#32): the phrases that answer what the buyer actually asks, or
 * nothing sure when the model is not. A phrase answers the intents it declares (`Phrase.intents`; one that declares
 * none answers its stage's, ranked below a phrase that names the intent); it scores by the probability of the best
 * of them under the intent model (intent-hint.ts), and the share of the message's character pairs its title, tags
 * and body hold only orders phrases of one intent (开发票 before 发票类型 for 能开发票吗). Use counts break exact ties
 * only. A phrase with a `lead` guard (a delay apology, an unpaid chase, an after-sales closing) never comes first
 * unless its guard holds. Answered 问题登记本 questions come in as suggestions of their own, first when their
 * question holds most of the message.
 *
 * Below the threshold (or with no phrase that answers the top intent and may lead) the suggestions are `maybe`:
 * the panel shows them as 可能是 and Enter / Alt+1 / "/"+Enter insert nothing. Chit-chat gets none.
 * Pure: the panel and the background (for the "/" picker) call it with what they have.
 */
import { normalizeTerm } from '../guard/normalize';
import { CHITCHAT, stageIntents, type IntentId } from '../shared/intents';
import { clauseRanking, INTENT_THRESHOLD, intentRanking } from './intent-hint';
import type { IntentPosterior } from './intent-model';
import { answersWhatIsAsked, asksOf } from './asks';
import { agentLast, asksAnythingElse, chatFacts, closesChat, followsUp, followUpOf, HISTORY_TURNS, negatedAt, quotesShop, type Turn } from './chat-context';

/** A phrase's `lead` guard (schema.ts PhraseLeadSchema), as loosely typed as a pack's JSON gives it. */
export interface LeadGuard {
  intents?: readonly string[] | undefined;
  unpaidHours?: readonly number[] | undefined;
  afterSales?: boolean | undefined;
  says?: readonly string[] | undefined;
  notSays?: readonly string[] | undefined;
  notAfter?: readonly string[] | undefined;
}

export interface Suggestible {
  id: string;
  stageId: string;
  title: string;
  body: string;
  tags: string[];
  useCount: number;
  intents?: string[] | undefined;
  lead?: LeadGuard | undefined;
}

export interface AnsweredQuestion {
  id: string;
  question: string;
  answer: string;
}

/** `maybe`: not sure enough to be inserted by a key (shown as 可能是). */
export type Suggestion<P> = ({ kind: 'phrase'; phrase: P; score: number } | { kind: 'faq'; faq: AnsweredQuestion; score: number }) & { maybe?: true };

/** What the panel knows of the conversation beyond the message (each only when the console's adapter reads it). */
export interface SuggestContext {
  /** The buyer's order is unpaid and this many hours old. */
  unpaidHours?: number;
  /** The conversation is an after-sales one. */
  afterSales?: boolean;
  /** The message's intents ranked already (cross-validation passes each message's out-of-fold ranking). */
  ranked?: readonly IntentPosterior[];
  /** Least probability for a sure suggestion (INTENT_THRESHOLD unless measuring). */
  threshold?: number;
  /** The conversation's earlier turns, newest last (the console adapter's recentMessages; HISTORY_TURNS at most). */
  history?: readonly Turn[];
  /** What the chat shows (chat-context.ts chatFacts of the history and the message; suggestFor fills it). */
  facts?: ReadonlySet<string>;
}

export interface Suggested<P> {
  items: Suggestion<P>[];
  /** Whether the first may be inserted by a key: the top intent is sure and a phrase that answers it leads. */
  sure: boolean;
  /** The most likely intent and its probability (none for an empty message). */
  intent?: IntentId;
  confidence: number;
}

const SUGGESTIONS = 3;
/** Least share of the message's character pairs a FAQ question must hold to be offered. */
const FAQ_MIN = 0.34;
/** …and to lead as a sure answer. */
const FAQ_SURE = 0.5;
/** A phrase that declares no intents answers its stage's, below one that names the intent. */
const STAGE_DEFAULT = 0.7;
/** Weight of shared words: orders phrases of one intent, never lifts another intent over it. */
const WORDS = 0.08;
/** What each further intent a phrase declares takes off its rank: a tie-break towards the phrase written for the question. */
const SPECIFIC = 0.005;
/** Least score to be listed at all. */
const LISTED = 0.06;
/** Least probability of an intent a phrase answers for it to be listed. */
const MIN_INTENT = 0.02;

/**
 * The character pairs of the buyer's message, normalised (traditional → simplified, look-alikes). Phrases, which
 * the shop writes in simplified Chinese, are searched for them as they are: normalising a 10k library would take
 * ≈ 0.4 s.
 */
export function pairs(text: string): Set<string> {
  const t = normalizeTerm(text, false).replace(/[\s\p{P}\p{S}]/gu, '');
  const out = new Set<string>();
  for (let i = 0; i + 1 < t.length; i++) out.add(t.slice(i, i + 2));
  if (t.length === 1) out.add(t);
  return out;
}

/** The share of the message's pairs that `text` holds (a native includes() per pair: no per-phrase index). */
export function share(want: Set<string>, text: string): number {
  if (!want.size) return 0;
  let n = 0;
  for (const p of want) if (text.includes(p)) n++;
  return n / want.size;
}

/** The buyer's message as lead guards' words are looked for in it: normalised, lower case, without spaces. */
export function saidText(message: string): string {
  return normalizeTerm(message, false).toLowerCase().replace(/\s+/g, '');
}

/** A guard's words, normalised as the message is (kept per word list: the panel asks on every message). */
const guardWords = new WeakMap<readonly string[], string[]>();
function says(said: string, words: readonly string[], unlessNegated = false): boolean {
  let norm = guardWords.get(words);
  if (!norm) guardWords.set(words, (norm = words.map(saidText).filter(Boolean)));
  if (!unlessNegated) return norm.some((w) => said.includes(w));
  return norm.some((w) => {
    for (let at = said.indexOf(w); at >= 0; at = said.indexOf(w, at + 1)) if (!negatedAt(said, at) || asksEitherWay(said, at)) return true;
    return false;
  });
}

/** 有没有 / 是不是 before the word: asking either way, no negation of it. */
const asksEitherWay = (said: string, at: number): boolean => /(.)[不没]\1$/u.test(said.slice(0, at)) || (at >= 2 && said[at - 2] === said[at] && /[不没]/.test(said[at - 1]!));

/**
 * Whether a phrase may be the first suggestion for this intent in this conversation. `said` is the buyer's message
 * (saidText): a guard's `says` holds only when it holds one of the words not right after a negation (花呗分期 only
 * to a 花呗 question; 不买了 is no 买了), its `notSays` only when it holds none (询问尺码, which asks for the height
 * and weight, not when the buyer gave them).
 */
export function mayLead(lead: LeadGuard | undefined, intent: IntentId, ctx: SuggestContext = {}, said = ''): boolean {
  if (!lead) return true;
  if (lead.intents && !lead.intents.includes(intent)) return false;
  if (lead.says?.length && !says(said, lead.says, true)) return false;
  if (lead.notSays?.length && says(said, lead.notSays)) return false;
  if (lead.unpaidHours) {
    const [from = 0, to = 0] = lead.unpaidHours;
    if (ctx.unpaidHours === undefined || ctx.unpaidHours < from || ctx.unpaidHours >= to) return false;
  }
  if (lead.afterSales && !ctx.afterSales) return false;
  if (lead.notAfter?.length && ctx.facts && lead.notAfter.some((f) => ctx.facts!.has(f))) return false;
  return true;
}

/**
 * A phrase's text as the message's pairs are looked for in it, lower case, kept per phrase object (building the
 * strings for a whole library was most of a pasted question's time). A library write hands out new phrase
 * objects, so an edited text is never read stale.
 */
interface Texts {
  title: string;
  rest: string;
  /** Which neighbour pairs of code units each text holds, hashed (pairBits): the title's 128 bits, then the rest's 384. */
  bits: Int32Array;
}
const texts = new WeakMap<Suggestible, Texts>();
function textsOf(p: Suggestible): Texts {
  let t = texts.get(p);
  if (!t) {
    const title = p.title.toLowerCase();
    const rest = `${p.tags.join(' ')} ${p.body}`.toLowerCase();
    // 64 bytes: V8 keeps typed arrays up to that size on its own heap (no separate backing store).
    const bits = new Int32Array(16);
    pairBits(title, bits, TITLE_BITS, 0);
    pairBits(rest, bits, REST_BITS, TITLE_BITS);
    texts.set(p, (t = { title, rest, bits }));
  }
  return t;
}

/**
 * A filter of the pairs a text holds: a pair whose bit is clear is not in the text, so its includes() is not run
 * (a pasted question's ten pairs were looked for in thousands of phrases, most holding none of them). A set bit
 * says nothing; the text is searched. Counts are the same as share()'s.
 */
const TITLE_BITS = 128;
const REST_BITS = 384;
const pairHash = (a: number, b: number): number => Math.imul(Math.imul(a, 0x9e3779b1) ^ b, 0x85ebca6b) >>> 1;
function pairBits(text: string, bits: Int32Array, size: number, at: number): void {
  for (let i = 0; i + 1 < text.length; i++) {
    const b = at + (pairHash(text.charCodeAt(i), text.charCodeAt(i + 1)) % size);
    bits[b >>> 5]! |= 1 << (b & 31);
  }
}

/** The message's pairs with their hashes (-1 for a one-character message, which no pair filter can rule out). */
interface Wanted {
  pairs: string[];
  hashes: Int32Array;
}
function wanted(want: Set<string>): Wanted {
  const list = [...want];
  return { pairs: list, hashes: Int32Array.from(list, (p) => (p.length === 2 ? pairHash(p.charCodeAt(0), p.charCodeAt(1)) : -1)) };
}

/** share(), with the text's pair filter: the same number. */
function shareFiltered({ pairs, hashes }: Wanted, text: string, bits: Int32Array, size: number, at: number): number {
  if (!pairs.length) return 0;
  let n = 0;
  for (let k = 0; k < pairs.length; k++) {
    const h = hashes[k]!;
    const b = at + (h % size);
    if ((h < 0 || bits[b >>> 5]! & (1 << (b & 31))) && text.includes(pairs[k]!)) n++;
  }
  return n / pairs.length;
}

/** A set of intents some phrases answer: the ones they declare, or their stage's. */
interface IntentGroup {
  intents: readonly string[];
  declared: boolean;
}

/**
 * A library as the suggestions read it: each phrase's intent group (a 10k library has a few hundred), so a message
 * weighs each group once and reads only the phrases of groups likely enough. Kept per library array and checked
 * phrase by phrase on every use (an array changed in place is read afresh).
 */
interface Library {
  phrases: readonly Suggestible[];
  group: Int32Array;
  groups: IntentGroup[];
  /** Each phrase's texts by its place, once read (textsOf's WeakMap lookup per phrase was a third of a pass). */
  texts: (Texts | undefined)[];
}
const same = (a: readonly unknown[], b: readonly unknown[]): boolean => {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
};
const libraries = new WeakMap<readonly Suggestible[], Library>();
function libraryOf(phrases: readonly Suggestible[]): Library {
  const kept = libraries.get(phrases);
  if (kept && same(kept.phrases, phrases)) return kept;
  // A stage's group by its id, a declared list's by its intents written out (the few phrases that declare them).
  const ids = { stage: new Map<string, number>(), declared: new Map<string, number>() };
  const groups: IntentGroup[] = [];
  const group = new Int32Array(phrases.length);
  phrases.forEach((p, i) => {
    const declared = !!p.intents?.length;
    const byKey = declared ? ids.declared : ids.stage;
    const key = declared ? JSON.stringify(p.intents) : p.stageId;
    let g = byKey.get(key);
    if (g === undefined) {
      byKey.set(key, (g = groups.length));
      groups.push({ intents: declared ? [...p.intents!] : stageIntents(p.stageId), declared });
    }
    group[i] = g;
  });
  // Pushed one by one: a packed array (`new Array(n)` of a large library can be a dictionary).
  const texts: (Texts | undefined)[] = [];
  for (let i = 0; i < phrases.length; i++) texts.push(undefined);
  const library = { phrases: [...phrases], group, groups, texts };
  libraries.set(phrases, library);
  return library;
}

/** How a group answers the message: its rank (below MIN_INTENT: not listed), the probability it answers it, whether it answers the top intent. */
interface Weighed {
  rank: number;
  base: number;
  answersTop: boolean;
}

function weigh(g: IntentGroup, prob: ReadonlyMap<string, number>, top: IntentPosterior | undefined): Weighed {
  // Named intents: the probability that the phrase answers the message is the sum over them (what `sure` asks
  // of the first); it ranks by the best of them alone, so a phrase that covers other intents besides gains
  // nothing over one written for this one (婉拒议价, not 多件优惠, for 少点呗; 少件漏发, not 售后致歉, for 少了一个):
  // among phrases of the same intent the message's words decide, and on a tie the one that names fewer intents
  // (the one written for this question) comes first. A stage's intents: the best.
  let base = 0;
  let best = 0;
  for (const i of g.intents) {
    const p = prob.get(i) ?? 0;
    base += p;
    best = Math.max(best, p);
  }
  if (!g.declared) base = best = STAGE_DEFAULT * best;
  return { rank: best - SPECIFIC * (g.intents.length - 1), base, answersTop: !!top && g.intents.includes(top.intent) };
}

/** A phrase's score: its group's rank, then the share of the message's pairs its title and the rest hold. */
const scoreOf = (rank: number, title: number, rest: number): number => rank + (WORDS * (1.5 * title + rest)) / 2.5;

interface Scored<P> {
  phrase: P;
  score: number;
  base: number;
  answersTop: boolean;
  at: number;
}

/** Sorted first: higher score, then more uses (they break exact ties only), then earlier in the library. */
const before = (a: Scored<Suggestible>, b: Scored<Suggestible>): boolean => (b.score - a.score || b.phrase.useCount - a.phrase.useCount || a.at - b.at) < 0;

/** Keeps the first `k` of what it is offered in the order `before` gives (k is a screenful: 3, or 10). */
class FirstK<P extends Suggestible> {
  readonly items: Scored<P>[] = [];
  constructor(private readonly k: number) {}
  /** Whether a phrase scoring at most `bound` could still be kept (a tie may be, by its uses or place). */
  wants(bound: number): boolean {
    return this.items.length < this.k || bound >= this.items[this.items.length - 1]!.score;
  }
  offer(s: Scored<P>): void {
    let at = this.items.length;
    while (at > 0 && before(s, this.items[at - 1]!)) at--;
    if (at >= this.k) return;
    this.items.splice(at, 0, s);
    if (this.items.length > this.k) this.items.pop();
  }
}

/**
 * Where a phrase goes for this message: 0, it may lead; 1, only the buyer's words keep it out (久等致歉 when nobody
 * waited); 2, it never leads here (咨询繁忙). Without a top intent, every phrase is 0 (listed by score alone).
 */
function placeOf(lead: LeadGuard | undefined, top: IntentPosterior | undefined, ctx: SuggestContext, said: string): number {
  if (!top || mayLead(lead, top.intent, ctx, said)) return 0;
  return mayLead(lead && { ...lead, says: undefined, notSays: undefined }, top.intent, ctx, said) ? 1 : 2;
}

/**
 * The first `k` phrases of each place in score order, reading only what can get there: a group below MIN_INTENT is
 * skipped, and a phrase whose rank plus the most its words could add (then its title's share plus the most the
 * rest could add) is below the k-th already kept is never read further. The same phrases, in the same order, as
 * scoring and sorting the whole library.
 */
function firstOfEach<P extends Suggestible>(phrases: readonly P[], text: string, ranked: readonly IntentPosterior[], ctx: SuggestContext, k: number): FirstK<P>[] {
  const top = ranked[0];
  const prob = new Map(ranked.map((r) => [r.intent as string, r.p]));
  const { group, groups, texts: kept } = libraryOf(phrases);
  const weighed = groups.map((g) => weigh(g, prob, top));
  const want = wanted(pairs(text));
  const said = saidText(text);
  // The three places, then the best phrase that may lead and answers another intent than the top one (OTHER), kept
  // only while the top intent is unsure enough for diverse() to use it.
  const places = [new FirstK<P>(k), new FirstK<P>(k), new FirstK<P>(k), new FirstK<P>(1)];
  const wantsOther = !!top && top.p < DIVERSE_BELOW;
  for (let i = 0; i < phrases.length; i++) {
    const w = weighed[group[i]!]!;
    // Shared words only order phrases that answer a likely intent: the rest are not listed (nor read, at 10k).
    const most = scoreOf(w.rank, 1, 1);
    if (w.rank < MIN_INTENT || most < LISTED) continue;
    const phrase = phrases[i]!;
    const at = placeOf(phrase.lead, top, ctx, said);
    const place = places[at]!;
    const other = wantsOther && at === 0 && !w.answersTop && most >= DIVERSE_MIN ? places[OTHER]! : undefined;
    if (!place.wants(most) && !other?.wants(most)) continue;
    const { title, rest, bits } = (kept[i] ??= textsOf(phrase));
    const inTitle = shareFiltered(want, title, bits, TITLE_BITS, 0);
    const bound = scoreOf(w.rank, inTitle, 1);
    if (!place.wants(bound) && !other?.wants(bound)) continue;
    const score = scoreOf(w.rank, inTitle, shareFiltered(want, rest, bits, REST_BITS, TITLE_BITS));
    if (score < LISTED) continue;
    const scored = { phrase, score, base: w.base, answersTop: w.answersTop, at: i };
    place.offer(scored);
    other?.offer(scored);
  }
  return places;
}

/** Where firstOfEach keeps the best phrase that may lead and answers another intent than the top one. */
const OTHER = 3;
/** Below this probability of the top intent, the suggestions also show the likeliest other reading (see diverse). */
const DIVERSE_BELOW = 0.9;
/** …when that reading's phrase scores at least this (a reading the model gives a tenth or more). */
const DIVERSE_MIN = 0.1;

/**
 * The list as shown: when every phrase of it answers the top intent and the model is not sure of that intent (below
 * DIVERSE_BELOW), the last place goes to the best phrase of another intent that may lead — three phrases of one
 * reading leave a buyer who meant the other with nothing right among them (这个怎么洗 read as a care question at 0.6:
 * two laundry phrases, then 材质说明).
 */
function diverse<P extends Suggestible>(places: FirstK<P>[], top: IntentPosterior | undefined, limit: number): Scored<P>[] {
  const listed = places.slice(0, OTHER).flatMap((p) => p.items);
  const other = places[OTHER]!.items[0];
  if (!top || top.p >= DIVERSE_BELOW || !other || other.score < DIVERSE_MIN || limit < 2 || listed.length < limit) return listed;
  const shown = listed.slice(0, limit);
  if (!shown.every((s) => s.answersTop) || shown.includes(other)) return listed;
  return [...shown.slice(0, limit - 1), other, ...listed.slice(limit - 1)];
}

/** Below this probability of the top intent, a message of two asks is sure only when the lead answers the first. */
const TWO_ASKS_SURE = 0.5;
const answersIntent = (p: Suggestible, intent: string): boolean => (p.intents?.length ? p.intents : (stageIntents(p.stageId) as readonly string[])).includes(intent);

/**
 * A message of two asks (尺码 + 面料, 包邮 + 发货: asks.ts asksOf reads each part): when no phrase of the list answers
 * the other ask, its best phrase that may lead for it takes the last place; and whether the lead may stay sure — not
 * when the model is unsure of the whole (under TWO_ASKS_SURE) and the lead does not answer the first ask.
 */
function coverAsks<P extends Suggestible>(text: string, phrases: readonly P[], ctx: SuggestContext, top: IntentPosterior, lead: P, items: Suggestion<P>[], limit: number): boolean {
  const asks = asksOf(text, clauseRanking);
  if (asks.length < 2) return true;
  const other = asks.find((a) => a !== top.intent);
  if (other && !items.slice(0, limit).some((s) => s.kind === 'phrase' && answersIntent(s.phrase, other))) {
    const best = firstOfEach(phrases, text, [{ intent: other as IntentId, p: 1 }], ctx, 1)[0]!.items[0];
    if (best) items.splice(Math.min(limit - 1, items.length), 0, { kind: 'phrase', phrase: best.phrase, score: best.score });
  }
  return top.p >= TWO_ASKS_SURE || answersIntent(lead, asks[0]!);
}

/**
 * The message read with the conversation so far (SuggestContext.history): the chat's facts for the lead guards'
 * `notAfter`; a follow-up (我刚才问的) read as the earlier ask it points at when no agent answered that, else unsure;
 * an explicit 没有了 / 不用了 to the agent's turn ending in 还有其他需要吗 read as a closing; a message that quotes the shop's earlier words
 * against it (你之前说…) never sure. Without history, the message alone, as before.
 */
export function suggestFor<P extends Suggestible>(message: string | undefined, phrases: readonly P[], faq: readonly AnsweredQuestion[] = [], ctx: SuggestContext = {}, limit = SUGGESTIONS): Suggested<P> {
  const text = message?.trim();
  if (!text) return { items: [], sure: false, confidence: 0 };
  const history = (ctx.history ?? []).slice(-HISTORY_TURNS);
  const facts = ctx.facts ?? (history.length ? chatFacts([...history, { from: 'buyer', text }]) : undefined);
  const inChat: SuggestContext = { ...ctx, history, ...(facts ? { facts } : {}) };
  if (!history.length || ctx.ranked) return suggestAlone(text, phrases, faq, inChat, limit);
  const alone = suggestAlone(text, phrases, faq, inChat, limit);
  if (quotesShop(text)) return unsure(alone);
  if (followsUp(text)) {
    // A follow-up is sure only as the earlier ask it points at, when nothing answered that yet.
    const earlier = followUpOf(text, history);
    const again = earlier ? suggestAlone(earlier, phrases, faq, inChat, limit) : undefined;
    return again?.sure ? again : unsure(alone);
  }
  if (!alone.sure && closesChat(text) && asksAnythingElse(agentLast(history))) {
    const closing = suggestAlone(text, phrases, faq, { ...inChat, ranked: [{ intent: 'thanks-bye' as IntentId, p: CLOSING }], closing: true }, limit);
    if (closing.sure) return closing;
  }
  return alone;
}

/** How sure a bare reply to the agent's 还有其他需要吗 is a closing. */
const CLOSING = 0.9;
const unsure = <P>(s: Suggested<P>): Suggested<P> => ({ ...s, sure: false, items: s.items.map((i) => ({ ...i, maybe: true as const })) });

function suggestAlone<P extends Suggestible>(text: string, phrases: readonly P[], faq: readonly AnsweredQuestion[], ctx: SuggestContext & { closing?: true }, limit: number): Suggested<P> {
  const ranked = ctx.ranked ?? intentRanking(text);
  const top = ranked[0];
  const threshold = ctx.threshold ?? INTENT_THRESHOLD;
  if (top && top.intent === CHITCHAT && top.p >= threshold) return { items: [], sure: false, intent: top.intent, confidence: top.p };
  // The first must be allowed to lead. After it come the others that could have led here, in their order (the
  // next most likely answers), then those whose guard keeps them out of this situation (暂时离开 and 下班时间
  // after 我在的 for 人呢, not before 久等致歉).
  // Of those kept out, the ones only the buyer's words kept out (久等致歉 when nobody waited) come before the ones
  // that never lead here (咨询繁忙). A list never shows more than `limit`, so no more are kept of each.
  const places = firstOfEach(phrases, text, ranked, ctx, Math.max(1, limit));
  const items: Suggestion<P>[] = diverse(places, top, limit).map((s) => ({ kind: 'phrase', phrase: s.phrase, score: s.score }));
  // Sure: the phrase that leads answers the most likely intent, and answers the message with the probability asked.
  const lead = top && places[0]!.items[0];
  // Never to a bare reply to the agent (好的, 不用了: it means what the agent said last), nor to a question about a
  // product property the leading phrase does not speak of (承重 to a size chart): asks.ts.
  let sure = !!lead && lead.answersTop && lead.base >= threshold && (ctx.closing || answersWhatIsAsked(saidText(text), top.intent, lead.phrase));
  if (top && lead && !coverAsks(text, phrases, ctx, top, lead.phrase, items, limit)) sure = false;
  // 问题登记本 answers: the one whose question holds most of the message leads; a looser one comes second.
  const want = pairs(text);
  const answered = faq
    .map((q) => ({ q, s: share(want, q.question.toLowerCase()) }))
    .filter((f) => f.s >= FAQ_MIN && f.q.answer.trim())
    .sort((a, b) => b.s - a.s);
  const best = answered[0];
  if (best) {
    const entry: Suggestion<P> = { kind: 'faq', faq: best.q, score: best.s };
    if (best.s >= FAQ_SURE) {
      items.unshift(entry);
      sure = true;
    } else items.splice(Math.min(1, items.length), 0, entry);
  }
  const out = items.slice(0, limit).map((s) => (sure ? s : { ...s, maybe: true as const }));
  return { items: out, sure: sure && out.length > 0, ...(top ? { intent: top.intent, confidence: top.p } : { confidence: 0 }) };
}

/** The suggestions alone (each `maybe` when they are not sure). */
export function suggestReplies<P extends Suggestible>(message: string | undefined, phrases: readonly P[], faq: readonly AnsweredQuestion[] = [], limit = SUGGESTIONS, ctx: SuggestContext = {}): Suggestion<P>[] {
  return suggestFor(message, phrases, faq, ctx, limit).items;
}
