/**
 * A compiled rule set kept between service-worker wakes (#36 item 4): the browser stops the worker after ~30 s
 * idle, and compiling the rules again on the first keystroke's check after each wake is what the agent waited
 * for. It is kept as typed arrays and one string (KeptCompiled) and revived by making its objects again.
 *
 * Kept under `rulesKey` of the effective rules (the stored pack with the agent's allows): a rule edited, added,
 * disabled or allowed gives another key, so a form compiled from other rules is never used.
 */
import type { Rule } from '../shared/schema';
import { AhoCorasick, type AutomatonParts } from './aho-corasick';
import type { AllowAt, CompiledRules, Entry, ViewMatcher } from './compile';
import type { Ruling } from './ruling';
import { NearList } from './near';
import type { IntentReader } from './intent-reader';

/** The layout of CompiledRules and of its kept form: changed whenever compile.ts or KeptCompiled changes. */
export const FORM_VERSION = 2;

/**
 * The key of a rule set: its JSON's length and SHA-256, with the form's layout version. Hashed with crypto.subtle
 * (native, off the script's thread): the script loop textKey runs took milliseconds of a woken worker's first
 * check over the 180 kB of a whole pack's JSON, in code not yet optimised.
 */
export async function rulesKey(rules: readonly Rule[]): Promise<string> {
  const json = JSON.stringify(rules);
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(json)));
  let hex = '';
  for (const byte of digest) hex += byte.toString(16).padStart(2, '0');
  return `v${FORM_VERSION}:${json.length.toString(36)}:${hex}`;
}

/** The key of a text (a rule set's JSON, the shipped model's): its length and two 32-bit hashes, with FORM_VERSION. */
function textKey(text: string): string {
  let a = 2166136261;
  let b = 0x9747b28c;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 16777619);
    b = Math.imul((b << 5) | (b >>> 27), 0x5bd1e995) ^ c;
  }
  return `v${FORM_VERSION}:${text.length.toString(36)}:${(a >>> 0).toString(36)}:${(b >>> 0).toString(36)}`;
}

/**
 * A compiled rule set as kept: typed arrays and one short JSON string. The automata are their typed arrays
 * (AhoCorasick.toParts); each term's entry is numbers (ViewEntries); the rules as the matcher reads them, the allow
 * contexts and gap pieces, the patterns and the near rules are the JSON (KeptTables), rules and lists by number.
 * IndexedDB gives back a handful of buffers and one string instead of thousands of small objects (the form itself
 * is ≈ 1.2 MB of them, each rebuilt by the structured clone on a woken worker's first check), and a revived form
 * makes a term's entry object only when the term is first found (most of the thousands never are).
 */
export interface KeptCompiled {
  layout: typeof FORM_VERSION;
  plain: AutomatonParts;
  compact: AutomatonParts;
  plainEntries: ViewEntries;
  compactEntries: ViewEntries;
  useStart: Int32Array;
  uses: Int32Array;
  latin: Uint8Array;
  /** JSON of KeptTables. */
  tables: string;
}

/**
 * A view's entries as numbers: entry i is heads[4i … 4i + 4) = ruling, flags (1 latinStart, 2 latinEnd, 4 sepOnly,
 * 8 a gap term), allow list, and where its tail starts in `tails`: a gap term's list of further pieces, else the
 * count of its allowAt and each as [index in the allow list, back, probeAt, probe].
 */
export interface ViewEntries {
  heads: Int32Array;
  tails: Int32Array;
}

interface KeptTables {
  /** Each distinct Ruling, as [id, category, severity, suggestion, replacement or null, cleanNear]. */
  rulings: [string, Ruling['category'], Ruling['severity'], string, string | null, string[]][];
  lists: string[][];
  /** [ruling, check or null, source, flags]. */
  patterns: [number, string | null, string, string][];
  /** [ruling, groups, within, ordered, allow list, words]. */
  near: [number, number, number, boolean, number, number[][]][];
}

/** The form to keep of a compiled rule set (reviveCompiled makes it again). */
export function keptCompiled(form: CompiledRules): KeptCompiled {
  const rulingIds = new Map<Ruling, number>();
  const rulings: KeptTables['rulings'] = [];
  const ruling = (r: Ruling) => {
    let at = rulingIds.get(r);
    if (at === undefined) {
      rulingIds.set(r, (at = rulings.length));
      rulings.push([r.id, r.category, r.severity, r.suggestion, r.replacement ?? null, r.cleanNear]);
    }
    return at;
  };
  const listIds = new Map<readonly string[], number>();
  const lists: string[][] = [];
  const list = (l: string[]) => {
    let at = listIds.get(l);
    if (at === undefined) listIds.set(l, (at = lists.push(l) - 1));
    return at;
  };
  const entries = (view: ViewMatcher): ViewEntries => {
    const heads: number[] = [];
    const tails: number[] = [];
    for (let id = 0; id < view.entries.length; id++) {
      const e = view.entries[id] ?? view.entryOf!(id); // a revived form's, not yet made
      const flags = (e.latinStart ? 1 : 0) | (e.latinEnd ? 2 : 0) | (e.sepOnly ? 4 : 0) | (e.rest ? 8 : 0);
      heads.push(ruling(e.rule), flags, list(e.allow), tails.length);
      if (e.rest) tails.push(list(e.rest));
      else tails.push(e.allowAt!.length, ...e.allowAt!.flatMap((a) => [e.allow.indexOf(a.allow), a.back, a.probeAt, a.probe]));
    }
    return { heads: Int32Array.from(heads), tails: Int32Array.from(tails) };
  };
  const plainEntries = entries(form.plain);
  const compactEntries = entries(form.compact);
  const tables: KeptTables = {
    rulings,
    lists,
    patterns: form.patterns.map((p) => [ruling(p.rule), p.check ?? null, p.regex.source, p.regex.flags]),
    near: form.near.rules.map((r) => [ruling(r.rule), r.groups, r.within, r.ordered, list(r.allow), r.words]),
  };
  const { useStart, uses, latin } = form.near;
  const [plain, compact] = [form.plain.automaton.toParts(), form.compact.automaton.toParts()];
  return { layout: FORM_VERSION, plain, compact, plainEntries, compactEntries, useStart, uses, latin, tables: JSON.stringify(tables) };
}

/** A view of a kept form: its automaton, and each term's entry made from the numbers when it is first found. */
function revivedView(parts: AutomatonParts, { heads, tails }: ViewEntries, rulings: readonly Ruling[], lists: readonly string[][]): ViewMatcher {
  const entryOf = (id: number): Entry => {
    const at = id * 4;
    const [rule, flags, allow, tail] = [rulings[heads[at]!]!, heads[at + 1]!, lists[heads[at + 2]!]!, heads[at + 3]!];
    // The fields in compile.ts's order (one object shape for the matcher's optimised code).
    const [latinStart, latinEnd, sepOnly] = [(flags & 1) !== 0, (flags & 2) !== 0, (flags & 4) !== 0];
    if (flags & 8) return { rule, latinStart, latinEnd, sepOnly, allow, rest: lists[tails[tail]!]! };
    const allowAt: AllowAt[] = [];
    for (let i = tail + 1, end = i + 4 * tails[tail]!; i < end; i += 4) allowAt.push({ allow: allow[tails[i]!]!, back: tails[i + 1]!, probeAt: tails[i + 2]!, probe: tails[i + 3]! });
    return { rule, latinStart, latinEnd, sepOnly, allow, allowAt };
  };
  return { automaton: AhoCorasick.fromParts(parts), entries: new Array<Entry | undefined>(heads.length / 4), entryOf };
}

/** The compiled rule set a kept form was made of (read back from storage: a structured clone of keptCompiled's). */
export function reviveCompiled(kept: KeptCompiled): CompiledRules {
  const t = JSON.parse(kept.tables) as KeptTables;
  // Each field in compile.ts's and ruling.ts's order: one object shape per kind, as compiled.
  const rulings = t.rulings.map(([id, category, severity, suggestion, replacement, cleanNear]): Ruling => ({ id, category, severity, suggestion, replacement: replacement ?? undefined, cleanNear }));
  const near = t.near.map(([r, groups, within, ordered, allow, words]) => ({ rule: rulings[r]!, groups, within, ordered, allow: t.lists[allow]!, words }));
  const words = kept.useStart.length - 1;
  return {
    plain: revivedView(kept.plain, kept.plainEntries, rulings, t.lists),
    compact: revivedView(kept.compact, kept.compactEntries, rulings, t.lists),
    near: {
      useStart: kept.useStart,
      uses: kept.uses,
      rules: near,
      seen: new Uint8Array(words),
      latin: kept.latin,
      found: new Int32Array(words),
      foundCount: 0,
      matches: near.map((r) => Array.from({ length: r.groups }, () => new NearList())),
      touched: [],
      marked: new Uint8Array(near.length),
      complete: new Uint8Array(near.length),
    },
    patterns: t.patterns.map(([r, check, source, flags]) => ({ rule: rulings[r]!, check: (check ?? undefined) as Rule['check'], regex: new RegExp(source, flags) })),
  };
}

/** Whether a value read back from storage is a kept compiled rule set of this layout (anything else is compiled anew). */
export function looksCompiled(form: unknown): form is KeptCompiled {
  if (typeof form !== 'object' || form === null) return false;
  const f = form as Partial<KeptCompiled>;
  const parts = (p: unknown) => typeof p === 'object' && p !== null && (p as AutomatonParts).fail instanceof Int32Array && (p as AutomatonParts).rootCodes instanceof Uint16Array;
  const entries = (e: unknown) => typeof e === 'object' && e !== null && (e as ViewEntries).heads instanceof Int32Array && (e as ViewEntries).tails instanceof Int32Array;
  return f.layout === FORM_VERSION && parts(f.plain) && parts(f.compact) && entries(f.plainEntries) && entries(f.compactEntries) && f.useStart instanceof Int32Array && f.uses instanceof Int32Array && f.latin instanceof Uint8Array && typeof f.tables === 'string';
}

/** The key of the shipped intent model's reader: its text's (a new model in an update is another key). */
export function modelKey(modelText: string): string {
  return `model:${READER_LAYOUT}:${textKey(modelText)}`;
}
/**
 * The key of a kept judge (the shipped model's reader and the default rules' ids it may overrule): the model's
 * text's and the default rule pack's (a new model or pack in an update is another key). The service worker gets it
 * made at build time (wxt.config.ts), so a wake reads neither file.
 */
export function judgeKey(modelText: string, rulePackText: string): string {
  return `${modelKey(modelText)}:${textKey(rulePackText)}`;
}

/** A kept judge as IndexedDB gives it back: a reader (as kept) and the vetoable rule ids. */
export interface KeptJudge {
  reader: KeptReader;
  vetoable: string[];
}

/**
 * An intent model's reader as kept: its weights as whole hundredths in an Int16Array when every weight is one
 * (the shipped model's are: it stores hundredths), a quarter of the Float64Array's bytes for IndexedDB to read back
 * on a wake (the reader was the larger half of what a wake reads); `weights` itself otherwise.
 */
export type KeptReader = Omit<IntentReader, 'weights'> & ({ weights: Float64Array } | { hundredths: Int16Array });

/** The form to keep of a reader (revivedReader makes it again, to the last bit). */
export function keptReader(reader: IntentReader): KeptReader {
  const { weights, ...rest } = reader;
  const hundredths = new Int16Array(weights.length);
  for (let i = 0; i < weights.length; i++) {
    const q = Math.round(weights[i]! * 100);
    // Exactly q / 100 as the shipped model's reader divides it, and in range: else the doubles are kept.
    if (!Object.is(q / 100, weights[i]) || q < -32768 || q > 32767) return reader;
    hundredths[i] = q;
  }
  return { ...rest, hundredths };
}

/** The reader a kept one was made of. */
export function revivedReader(kept: KeptReader): IntentReader {
  if ('weights' in kept) return kept;
  const { hundredths, ...rest } = kept;
  const weights = new Float64Array(hundredths.length);
  for (let i = 0; i < hundredths.length; i++) weights[i] = hundredths[i]! / 100;
  // The fields in makeReader's order (intent-reader.ts).
  return { labels: rest.labels, bias: rest.bias, weights, keys: rest.keys, rows: rest.rows, named: rest.named };
}

/** Whether a value read back from storage is a kept judge (a kept reader, and a list of rule ids). */
export function looksJudge(form: unknown): form is KeptJudge {
  if (typeof form !== 'object' || form === null) return false;
  const f = form as Partial<KeptJudge>;
  const r = f.reader as Partial<{ hundredths: unknown; weights: unknown }> | undefined;
  const reader = looksReader(r) || (typeof r === 'object' && r !== null && r.hundredths instanceof Int16Array && !('weights' in r) && readerParts(r, r.hundredths.length));
  return reader && Array.isArray(f.vetoable) && f.vetoable.every((id) => typeof id === 'string');
}

/** The layout of IntentReader's table (intent-reader.ts homeSlot): changed whenever where a feature sits changes. */
export const READER_LAYOUT = 3;

/**
 * Whether a value read back from storage has the shape of an intent model's reader (intent-reader.ts: typed
 * weights, its open-addressing table and the named features), else it is made anew from the shipped text.
 */
export function looksReader(form: unknown): form is IntentReader {
  if (typeof form !== 'object' || form === null) return false;
  const weights = (form as Partial<IntentReader>).weights;
  return weights instanceof Float64Array && readerParts(form, weights.length);
}

/** The parts of a reader but its weights (`weights` of them), shaped as makeReader makes them. */
function readerParts(form: object, weights: number): boolean {
  const f = form as Partial<IntentReader>;
  const K = Array.isArray(f.labels) ? f.labels.length : 0;
  return (
    K > 0 &&
    f.labels!.every((l) => typeof l === 'string') &&
    f.bias instanceof Float64Array &&
    f.bias.length === K &&
    weights % K === 0 &&
    f.keys instanceof Float64Array &&
    f.rows instanceof Int32Array &&
    f.rows.length === f.keys.length &&
    f.named instanceof Map
  );
}
