/**
 * The guard's intent model: which harm a clause of a draft means, learned from the labelled corpus
 * (tests/fixtures/guard/) and the default phrase pack, for the wording no rule lists (懒得理你, 扫一下码, 返本金).
 * A multinomial logistic regression (linear-model.ts) over the characters, character pairs and triples of each
 * clause (separators removed, traditional folded: 微 信 and 微信 are one), its Latin words, number shapes and a few
 * marks (a question, a quote). It runs per clause and per pair of neighbouring clauses (an intent may span a
 * comma: 不要给差评，我们私下补偿您), after the rules, and speaks only where no rule did.
 *
 * Sure of itself (≥ SURE), a hit is 建议改 (never 必改: policy.ts); less sure (≥ UNSURE), a hint the agent can read
 * and ignore; below that, nothing. Trained at build time: `npm run train:guard-intent` writes packs/guard-intent.json (toStored),
 * and a test retrains and compares, so the shipped weights are always what the corpus gives.
 */
import type { RuleCategory } from '../shared/schema';
import { trainLinear, type TrainOptions } from '../shared/linear-model';
import { normalizeBoth } from './normalize';
import { draftReading, readSpan, readUnit, type DraftReading, type IntentModel, type IntentReader, type StoredIntentModel } from './intent-reader';

export const NONE = 'none';

export type { IntentModel, StoredIntentModel } from './intent-reader';

export function toStored(model: IntentModel): StoredIntentModel {
  const whole = (v: number) => Math.round(v * 100) || 0;
  const weights: Record<string, number[]> = {};
  for (const [f, w] of Object.entries(model.weights)) weights[f] = w.map(whole);
  return { format: model.format, version: 2, scale: 100, labels: model.labels, bias: model.bias.map(whole), weights };
}

export function fromStored(stored: StoredIntentModel): IntentModel {
  const weights: Record<string, number[]> = {};
  for (const [f, w] of Object.entries(stored.weights)) weights[f] = w.map((v) => v / stored.scale);
  return { format: 'kefu-guard-intent', version: 2, labels: stored.labels, bias: stored.bias.map((v) => v / stored.scale), weights };
}

export interface IntentExample {
  /** A rule category, or NONE. */
  label: string;
  text: string;
}

const CJK = /[\u3400-\u9fff]/;

const QUOTED = /["“「『‘][^"”」』’]{1,40}["”」』’]/g;

/** The features of one clause (each once). */
export function features(clause: string): string[] {
  // Quoted words are the buyer's (您说“加个微信”…): read as a mark, not as the agent's own words.
  const own = clause.replace(QUOTED, '，');
  const { plain, compact } = normalizeBoth(own);
  const out = new Set<string>();
  if (own !== clause) out.add('m:quoted');
  const chars = [...compact];
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i]!;
    if (!CJK.test(c)) continue;
    out.add(c);
    const next = chars[i + 1];
    if (next === undefined || !CJK.test(next)) continue;
    out.add(c + next);
    const third = chars[i + 2];
    if (third !== undefined && CJK.test(third)) out.add(c + next + third);
  }
  for (const w of plain.match(/[a-z]+/g) ?? []) out.add(`w:${w}`);
  for (const n of plain.match(/[0-9]+/g) ?? []) out.add(n.length >= 11 ? `n:long` : n.length >= 5 ? 'n:mid' : 'n:short');
  if (/[a-z]+[0-9]+|[0-9]+[a-z]+/.test(plain)) out.add('n:id');
  if (/[吗呢么嘛?？]/.test(plain)) out.add('m:ask');
  const first = chars.find((c) => CJK.test(c));
  if (first) out.add(`^${first}`);
  return [...out];
}

/**
 * Features not learned: a pronoun alone says who is addressed, not what harm. Abuse drafts say 你 and clean ones
 * mostly 您, so a model that learns the character 你 reads any short clause holding it as 辱骂 (发你优惠券 at 0.62,
 * round 10); the pairs and triples around it (你配, 你真是) still carry the harm. Not in the weights, a feature weighs
 * nothing when read (intent-reader.ts finds no row for it).
 */
const UNLEARNED = new Set(['你', '您', '^你', '^您']);

export function train(examples: readonly IntentExample[], options?: TrainOptions): IntentModel {
  const { labels, bias, weights } = trainLinear(examples.map((e) => ({ label: e.label, fs: features(e.text).filter((f) => !UNLEARNED.has(f)) })), options);
  return { format: 'kefu-guard-intent', version: 2, labels, bias, weights };
}

export interface Span {
  start: number;
  end: number;
}

/**
 * What ends a clause in a draft, by code unit. Not ASCII '.', ':' or a single space: 微.信, ＶＸ：abc, 微 信 are one
 * clause. (A regex test and a one-character string per character were a paste's clause split.)
 */
const ENDS_CLAUSE = new Uint8Array(65536);
for (const ch of '，,。！!？?；;\n~～…') ENDS_CLAUSE[ch.charCodeAt(0)] = 1;

/** A draft's clauses (offsets in the draft, end exclusive), empty ones left out. */
export function clauses(draft: string): Span[] {
  const out: Span[] = [];
  let start = 0;
  for (let i = 0; i <= draft.length; i++) {
    if (i < draft.length && !ENDS_CLAUSE[draft.charCodeAt(i)]) continue;
    const text = draft.slice(start, i);
    const lead = text.length - text.trimStart().length;
    const trimmed = text.trim();
    if (trimmed) out.push({ start: start + lead, end: start + lead + trimmed.length });
    start = i + 1;
  }
  return out;
}

/** The units the model reads: each clause, and each clause with the next. */
export function units(draft: string, cs: readonly Span[] = clauses(draft)): Span[] {
  const out = [...cs];
  for (let i = 0; i + 1 < cs.length; i++) out.push({ start: cs[i]!.start, end: cs[i + 1]!.end });
  return out;
}

export interface IntentGuess extends Span {
  category: RuleCategory;
  /** How likely harm is at all: one minus the probability of NONE (a clause torn between 骂人 and 禁语 is harmful). */
  p: number;
}

/**
 * Posteriors of the units read lately (a keystroke changes one clause; the others are read again as they were), in
 * two generations: when the newer holds RECENT units it becomes the older, and a unit found in the older moves up.
 * (Dropping the oldest entry of one Map one at a time made each new unit walk the Map's deleted slots.)
 */
let recent = new Map<string, number[]>();
let older = new Map<string, number[]>();
const RECENT = 4096; // a 5,000-character draft is about a thousand units: all of them stay

/**
 * A draft whose units are read. Its reading (draftReading, the whole draft normalised) is made once more than
 * OWN_READS of its units were not memoised (null: it has none): a keystroke's check finds all but the two or three
 * units of the clause it changed in the memo, and normalising those alone is less work.
 */
interface DraftSource {
  draft: string;
  misses: number;
  reading?: DraftReading | null;
}
const OWN_READS = 4;

/** A unit of a draft read from the draft's reading when it has one, else on its own. */
function readIn(model: IntentReader, { source, start, end }: { source: DraftSource; start: number; end: number }): { p: number[]; known: number } {
  if (source.reading === undefined && ++source.misses > OWN_READS) source.reading = draftReading(source.draft) ?? null;
  return source.reading ? readSpan(model, source.reading, start, end) : readUnit(model, source.draft.slice(start, end));
}

/**
 * The model's posterior for one unit's text (per label, in `model.labels` order), memoised. `span`: where the text
 * sits in a draft, to read it from the draft normalised once instead of normalising it again (a paste: every unit new).
 */
export function unitPosterior(model: IntentReader, text: string, span?: { source: DraftSource; start: number; end: number }): number[] {
  if (recentModel !== model) {
    recent.clear();
    older.clear();
    recentModel = model;
  }
  // A draft read from its reading (a paste: more than OWN_READS units were new) is not looked up unit by unit: its
  // units are nearly all new, and the memo holds nothing the reading would not give again (the same numbers).
  let p = span?.source.reading ? undefined : (recent.get(text) ?? older.get(text));
  if (!p) {
    const read = span ? readIn(model, span) : readUnit(model, text);
    p = read.known ? read.p : model.labels.map((l) => (l === NONE ? 1 : 0));
  }
  // Nor are a paste's units kept by their text (a thousand strings hashed): the next check finds them by their
  // place in this draft (guessesFor's `previous`).
  if (span?.source.reading) return p;
  if (recent.size >= RECENT) {
    older = recent;
    recent = new Map();
  }
  recent.set(text, p);
  return p;
}
let recentModel: IntentReader | undefined;

/**
 * The last draft guessesFor read and its units' posteriors, in `units` order: its clauses, then its pairs, each
 * part ascending by start (no two of a part start together). A keystroke changes one place of the draft: a unit of
 * the next draft wholly before it (in the drafts' common start) or wholly after it (in their common end) is the
 * same text as the unit at the same place, or shifted by what the draft gained, in this one — so its posterior is
 * this one's, found by its offsets instead of by hashing its text. (A paste's units are kept only here: hashing a
 * thousand new strings was a tenth of a paste's judge.)
 */
interface ReadDraft {
  model: IntentReader | undefined;
  draft: string;
  clauses: number;
  count: number;
  starts: Int32Array;
  ends: Int32Array;
  ps: (number[] | undefined)[];
}
/** Two, taking turns as the previous draft and the one being read (no arrays made per check). */
const readDrafts: ReadDraft[] = [0, 1].map(() => ({ model: undefined, draft: '', clauses: 0, count: 0, starts: new Int32Array(64), ends: new Int32Array(64), ps: [] }));
let previous: ReadDraft | undefined;

/** How many code units `a` and `b` share at their start, and then at their end (not overlapping that start). */
function sharedEnds(a: string, b: string): { start: number; end: number } {
  const most = Math.min(a.length, b.length);
  let start = 0;
  while (start < most && a.charCodeAt(start) === b.charCodeAt(start)) start++;
  let end = 0;
  while (end < most - start && a.charCodeAt(a.length - 1 - end) === b.charCodeAt(b.length - 1 - end)) end++;
  return { start, end };
}

/** The posterior of the unit [start, end) of a read draft, if it had that unit. */
function unitAt(read: ReadDraft, start: number, end: number): number[] | undefined {
  return placeIn(read, 0, read.clauses, start, end) ?? placeIn(read, read.clauses, read.count, start, end);
}

/** unitAt among the units [from, to) of a read draft (ascending by start). */
function placeIn(read: ReadDraft, from: number, to: number, start: number, end: number): number[] | undefined {
  let lo = from;
  let hi = to;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (read.starts[mid]! < start) lo = mid + 1;
    else hi = mid;
  }
  return lo < to && read.starts[lo] === start && read.ends[lo] === end ? read.ps[lo] : undefined;
}

/** A unit's posterior from the previous draft, when the two drafts share all of its text at the same place. */
function fromPrevious(draft: string, u: Span, shared: { start: number; end: number } | undefined): number[] | undefined {
  if (!previous || !shared) return undefined;
  if (u.end <= shared.start) return unitAt(previous, u.start, u.end);
  const shift = draft.length - previous.draft.length;
  if (u.start >= draft.length - shared.end) return unitAt(previous, u.start - shift, u.end - shift);
  return undefined;
}

/**
 * The units the model finds harm in (at least `min`), with the likeliest harmful category of each.
 */
export function guessesFor(model: IntentReader, draft: string, min: number, cs: readonly Span[] = clauses(draft)): IntentGuess[] {
  const out: IntentGuess[] = [];
  const none = model.labels.indexOf(NONE);
  const source: DraftSource = { draft, misses: 0 };
  if (previous && previous.model !== model) previous = undefined;
  // Drafts sharing little (another chat's) are read by the memo alone.
  let shared = previous ? sharedEnds(previous.draft, draft) : undefined;
  if (shared && (shared.start + shared.end) * 2 < draft.length) shared = undefined;
  const us = units(draft, cs);
  const read = readDrafts[previous === readDrafts[0] ? 1 : 0]!;
  Object.assign(read, { model, draft, clauses: cs.length, count: us.length });
  if (read.starts.length < us.length) {
    read.starts = new Int32Array(us.length * 2);
    read.ends = new Int32Array(us.length * 2);
  }
  read.ps.length = us.length;
  for (let k = 0; k < us.length; k++) {
    const u = us[k]!;
    const p = fromPrevious(draft, u, shared) ?? unitPosterior(model, draft.slice(u.start, u.end), { source, start: u.start, end: u.end });
    read.starts[k] = u.start;
    read.ends[k] = u.end;
    read.ps[k] = p;
    const harm = 1 - p[none]!;
    if (harm < min) continue;
    let best = -1;
    for (let j = 0; j < p.length; j++) if (j !== none && (best < 0 || p[j]! > p[best]!)) best = j;
    out.push({ ...u, category: model.labels[best] as RuleCategory, p: harm });
  }
  previous = read;
  return out;
}
