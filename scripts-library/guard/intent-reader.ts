/**
 * The intent model as the checks read it: its weights in one typed array, and each feature of a clause found as
 * a number, not a string. intent.ts's `features` (strings, what the model is trained on) names the same features:
 * - a CJK character c is c; a pair c₁c₂ is c₁·2¹⁶ + c₂; a triple is c₁·2³² + c₂·2¹⁶ + c₃; the first CJK
 *   character (`^c`) is 2⁴⁸ + c: exact integers of a double, each family in its own range, so no two collide;
 * - the few named features (a Latin word `w:…`, a number shape `n:…`, a mark `m:…`) are looked up by name.
 * A unit's posterior is summed in the order `features` lists them, from the same doubles (the stored hundredths
 * divided by 100), so it is the very number `posterior(model, features(text))` gives.
 */
import { bothViews, createScratch, type Scratch } from './normalize';
import type { LinearWeights } from '../shared/linear-model';

export interface IntentModel extends LinearWeights {
  format: 'kefu-guard-intent';
  version: 2;
}

/**
 * The model as shipped (packs/guard-intent.json): the same two-decimal weights written as hundredths, whole
 * numbers (-12 for -0.12): a third smaller to store and to read, and exactly the same values once divided.
 */
export interface StoredIntentModel {
  format: 'kefu-guard-intent';
  version: 2;
  scale: 100;
  labels: string[];
  bias: number[];
  weights: Record<string, number[]>;
}


export interface IntentReader {
  labels: readonly string[];
  /** Per label. */
  bias: Float64Array;
  /** Row r (a feature) holds its weight per label at r × labels.length + k. */
  weights: Float64Array;
  /** Open addressing: numeric feature id → its row (keys −1: an empty slot). */
  keys: Float64Array;
  rows: Int32Array;
  /** Named features → row. */
  named: Map<string, number>;
}

const CJK_FROM = 0x3400;
const CJK_TO = 0x9fff;
const P16 = 2 ** 16;
const P32 = 2 ** 32;
const FIRST = 2 ** 48;
const isCjk = (c: number) => c >= CJK_FROM && c <= CJK_TO;

/** The numeric id of a feature name `features` gives, or undefined for a named one. */
function numericId(name: string): number | undefined {
  const codes = Array.from(name, (ch) => (ch.length === 1 ? ch.charCodeAt(0) : -1));
  if (name[0] === '^' && codes.length === 2 && isCjk(codes[1]!)) return FIRST + codes[1]!;
  if (!codes.length || codes.length > 3 || !codes.every(isCjk)) return undefined;
  return codes.reduce((id, c) => id * P16 + c, 0);
}

/**
 * A feature id's home slot in a table of mask + 1 slots: Fibonacci hashing, the product's TOP bits. (Its low bits,
 * taken before, depend only on the id's low bits: every pair ending in one character — 的, 您 — shared one run of
 * slots, and a lookup walked chains of hundreds: most of a pasted draft's model time.) The layout of a kept
 * reader depends on it: compiled-form.ts READER_LAYOUT.
 */
export const homeSlot = (id: number, mask: number) => Math.imul((id >>> 0) ^ Math.imul((id / P32) | 0, 0x85ebca6b), 0x9e3779b1) >>> Math.clz32(mask);
const slot = homeSlot;

/** A reader of these weights (feature name → weight per label), the labels and bias given. */
function makeReader(labels: readonly string[], bias: Float64Array, names: readonly string[], weightOf: (row: number, k: number) => number): IntentReader {
  const K = labels.length;
  const weights = new Float64Array(names.length * K);
  let size = 16;
  while (size < names.length * 2) size *= 2;
  const keys = new Float64Array(size).fill(-1);
  const rows = new Int32Array(size);
  const named = new Map<string, number>();
  names.forEach((name, row) => {
    for (let k = 0; k < K; k++) weights[row * K + k] = weightOf(row, k);
    const id = numericId(name);
    if (id === undefined) return void named.set(name, row);
    let s = slot(id, size - 1);
    while (keys[s] !== -1) s = (s + 1) & (size - 1);
    keys[s] = id;
    rows[s] = row;
  });
  return { labels, bias, weights, keys, rows, named };
}

/** The reader of the shipped form (packs/guard-intent.json, parsed): no per-feature arrays made on the way. */
export function storedReader(stored: StoredIntentModel): IntentReader {
  const names = Object.keys(stored.weights);
  const lists = Object.values(stored.weights);
  return makeReader(stored.labels, Float64Array.from(stored.bias, (v) => v / stored.scale), names, (row, k) => lists[row]![k]! / stored.scale);
}

const readers = new WeakMap<IntentModel, IntentReader>();
/** The reader of a model in memory (one trained in a test, or read back with fromStored), made once per model. */
export function modelReader(model: IntentModel): IntentReader {
  let reader = readers.get(model);
  if (!reader) {
    const names = Object.keys(model.weights);
    const lists = Object.values(model.weights);
    readers.set(model, (reader = makeReader(model.labels, Float64Array.from(model.bias), names, (row, k) => lists[row]![k]!)));
  }
  return reader;
}

function rowOf(reader: IntentReader, id: number): number {
  const { keys } = reader;
  const mask = keys.length - 1;
  for (let s = slot(id, mask); ; s = (s + 1) & mask) {
    const key = keys[s]!;
    if (key === id) return reader.rows[s]!;
    if (key === -1) return -1;
  }
}

/** One unit's known rows, in the order `features` lists their features, each once. */
class RowList {
  rows = new Int32Array(256);
  n = 0;
  /** Per row: the unit it was last added for (each once). */
  private stamps = new Int32Array(0);
  private unit = 0;
  start(reader: IntentReader): void {
    const rowCount = reader.weights.length / reader.labels.length;
    if (this.stamps.length < rowCount) this.stamps = new Int32Array(rowCount);
    this.n = 0;
    if (++this.unit === 2 ** 31 - 1) {
      this.stamps.fill(0);
      this.unit = 1;
    }
  }
  add(row: number): void {
    if (row < 0 || this.stamps[row] === this.unit) return;
    this.stamps[row] = this.unit;
    if (this.n === this.rows.length) {
      const more = new Int32Array(this.n * 2);
      more.set(this.rows);
      this.rows = more;
    }
    this.rows[this.n++] = row;
  }
}

const QUOTED = /["“「『‘][^"”」』’]{1,40}["”」』’]/g;
/** A character that opens a quote (QUOTED): a draft without one has no quoted words in any of its units. */
const QUOTE_OPEN = /["“「『‘]/;
const scratch: Scratch = createScratch(64);
const list = new RowList();

/** The rows of a unit's features, in `features` order (see intent.ts: the same steps, on numbers). */
function unitRows(reader: IntentReader, clause: string): RowList {
  list.start(reader);
  const own = clause.replace(QUOTED, '，');
  if (own !== clause) list.add(reader.named.get('m:quoted') ?? -1);
  const { plain, compact } = bothViews(own, scratch);
  addRows(reader, compact.codes, 0, compact.text.length, plain.text, 0, plain.text.length);
  return list;
}

/** The n-gram rows of compact codes [from, to), then the named ones of the unit's plain text [tFrom, tTo), then its first character's. */
function addRows(reader: IntentReader, codes: Uint16Array, from: number, to: number, text: string, tFrom: number, tTo: number): void {
  let first = -1;
  for (let i = from; i < to; i++) {
    const c = codes[i]!;
    if (!isCjk(c)) continue;
    if (first < 0) first = c;
    list.add(rowOf(reader, c));
    const next = i + 1 < to ? codes[i + 1]! : -1;
    if (!isCjk(next)) continue;
    list.add(rowOf(reader, c * P16 + next));
    const third = i + 2 < to ? codes[i + 2]! : -1;
    if (isCjk(third)) list.add(rowOf(reader, c * P32 + next * P16 + third));
  }
  addNamed(reader, text, tFrom, tTo);
  if (first >= 0) list.add(rowOf(reader, FIRST + first));
}

const isLetter = (c: number) => c >= 97 && c <= 122; // [a-z]
const isDigit = (c: number) => c >= 48 && c <= 57; // [0-9]
/** 吗呢么嘛?？: the mark of a question (m:ask). */
const ASKS = new Set([0x5417, 0x5462, 0x4e48, 0x561b, 0x3f, 0xff1f]);
const SHAPES = ['n:short', 'n:mid', 'n:long'];
const words: string[] = [];
const shapes: number[] = [];

/**
 * The named features of plain text [from, to), in the order intent.ts `features` adds them: each Latin word
 * (`w:…`, /[a-z]+/g), each number's shape (/[0-9]+/g), `n:id` (a word against a number, /[a-z]+[0-9]+|[0-9]+[a-z]+/),
 * `m:ask`. One pass over the codes instead of four regexes and their match arrays per unit (a numbered paste
 * runs them on a thousand units).
 */
function addNamed(reader: IntentReader, text: string, from: number, to: number): void {
  words.length = 0;
  shapes.length = 0;
  let id = false;
  let ask = false;
  for (let i = from; i < to; ) {
    const c = text.charCodeAt(i);
    if (isLetter(c) || isDigit(c)) {
      const letters = isLetter(c);
      let j = i + 1;
      while (j < to && (letters ? isLetter(text.charCodeAt(j)) : isDigit(text.charCodeAt(j)))) j++;
      if (letters) words.push(text.slice(i, j));
      else shapes.push(j - i >= 11 ? 2 : j - i >= 5 ? 1 : 0);
      // A run of one kind ended by the other: a word against a number.
      if (j < to && (letters ? isDigit(text.charCodeAt(j)) : isLetter(text.charCodeAt(j)))) id = true;
      i = j;
      continue;
    }
    if (ASKS.has(c)) ask = true;
    i++;
  }
  const { named } = reader;
  for (const w of words) list.add(named.get(`w:${w}`) ?? -1);
  for (const n of shapes) list.add(named.get(SHAPES[n]!) ?? -1);
  if (id) list.add(named.get('n:id') ?? -1);
  if (ask) list.add(named.get('m:ask') ?? -1);
}

/**
 * A draft normalised once for reading its units (a paste holds a thousand of them), when a unit's own views are
 * exactly the draft's, cut at its offsets: every character normalises to one on its own (no context: no '.',
 * which keepsDot decides by its neighbours), and no quote opens anywhere (quoted words are replaced per unit).
 * Undefined otherwise: each unit is then normalised on its own (readUnit).
 */
export interface DraftReading {
  /** The plain view's text: character i of the draft is character i of it. */
  plain: string;
  /** The compact view's codes, and per draft offset the first compact index at or after it. */
  codes: Uint16Array;
  at: Int32Array;
}
const draftScratch: Scratch = createScratch();
export function draftReading(draft: string): DraftReading | undefined {
  if (QUOTE_OPEN.test(draft)) return undefined;
  const { plain, compact } = bothViews(draft, draftScratch);
  if ('to' in plain || plain.codes.includes(46)) return undefined; // not one to one, or a '.'
  const at = new Int32Array(draft.length + 1);
  const { from } = compact;
  for (let i = 0, j = 0; i <= draft.length; i++) {
    while (j < from.length && from[j]! < i) j++;
    at[i] = j;
  }
  return { plain: plain.text, codes: compact.codes.slice(), at };
}

/** readUnit of the draft's text [start, end), from its reading: the same rows in the same order, so the same numbers. */
export function readSpan(reader: IntentReader, reading: DraftReading, start: number, end: number): { p: number[]; known: number } {
  list.start(reader);
  addRows(reader, reading.codes, reading.at[start]!, reading.at[end]!, reading.plain, start, end);
  return posteriorOf(reader, list);
}

/**
 * The posterior of every label for one unit's text (softmax), and whether the model knows any of its features:
 * what `posterior(model, features(text))` gives, computed as `posterior` does.
 */
export function readUnit(reader: IntentReader, text: string): { p: number[]; known: number } {
  return posteriorOf(reader, unitRows(reader, text));
}

function posteriorOf(reader: IntentReader, { rows, n }: RowList): { p: number[]; known: number } {
  const K = reader.labels.length;
  if (z.length < K) z = new Float64Array(K);
  z.set(reader.bias);
  const w = reader.weights;
  for (let i = 0; i < n; i++) {
    const base = rows[i]! * K;
    for (let k = 0; k < K; k++) z[k]! += w[base + k]!;
  }
  let max = -Infinity;
  for (let k = 0; k < K; k++) if (z[k]! > max) max = z[k]!;
  let sum = 0;
  for (let k = 0; k < K; k++) sum += z[k] = Math.exp(z[k]! - max);
  const p = new Array<number>(K);
  for (let k = 0; k < K; k++) p[k] = z[k]! / sum;
  return { p, known: n };
}
let z = new Float64Array(8);
