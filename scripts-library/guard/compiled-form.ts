/**
 * A compiled rule set kept between service-worker wakes (#36 item 4): the browser stops the worker after ~30 s
 * idle, and compiling the rules again on the first keystroke's check after each wake is what the agent waited
 * for. `CompiledRules` is typed arrays, plain objects and RegExps, so it is stored as it is (IndexedDB's
 * structured clone) and revived by giving its automata and near lists their classes back.
 *
 * Kept under `rulesKey` of the effective rules (the stored pack with the agent's allows): a rule edited, added,
 * disabled or allowed gives another key, so a form compiled from other rules is never used.
 */
import type { Rule } from '../shared/schema';
import { AhoCorasick } from './aho-corasick';
import type { CompiledRules } from './compile';
import { NearList } from './near';
import type { IntentReader } from './intent-reader';

/** The layout of CompiledRules: changed whenever compile.ts changes what it builds. */
export const FORM_VERSION = 1;

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

/** A compiled rule set read back from storage (a structured clone): its classes restored, in place. */
export function reviveCompiled(form: CompiledRules): CompiledRules {
  Object.setPrototypeOf(form.plain.automaton, AhoCorasick.prototype);
  Object.setPrototypeOf(form.compact.automaton, AhoCorasick.prototype);
  for (const groups of form.near.matches) for (const list of groups) Object.setPrototypeOf(list, NearList.prototype);
  return form;
}

/** Whether a value read back from storage has the shape of a compiled rule set (anything else is compiled anew). */
export function looksCompiled(form: unknown): form is CompiledRules {
  if (typeof form !== 'object' || form === null) return false;
  const f = form as Partial<CompiledRules>;
  return (
    typeof f.plain?.automaton === 'object' &&
    Array.isArray(f.plain.entries) &&
    typeof f.compact?.automaton === 'object' &&
    Array.isArray(f.compact.entries) &&
    Array.isArray(f.patterns) &&
    f.near?.useStart instanceof Int32Array &&
    Array.isArray(f.near.matches)
  );
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

/** A kept judge as IndexedDB gives it back: a reader and the vetoable rule ids. */
export interface KeptJudge {
  reader: IntentReader;
  vetoable: string[];
}

/** Whether a value read back from storage is a kept judge (looksReader, and a list of rule ids). */
export function looksJudge(form: unknown): form is KeptJudge {
  if (typeof form !== 'object' || form === null) return false;
  const f = form as Partial<KeptJudge>;
  return looksReader(f.reader) && Array.isArray(f.vetoable) && f.vetoable.every((id) => typeof id === 'string');
}

/** The layout of IntentReader's table (intent-reader.ts homeSlot): changed whenever where a feature sits changes. */
export const READER_LAYOUT = 2;

/**
 * Whether a value read back from storage has the shape of an intent model's reader (intent-reader.ts: typed
 * weights, its open-addressing table and the named features), else it is made anew from the shipped text.
 */
export function looksReader(form: unknown): form is IntentReader {
  if (typeof form !== 'object' || form === null) return false;
  const f = form as Partial<IntentReader>;
  const K = Array.isArray(f.labels) ? f.labels.length : 0;
  return (
    K > 0 &&
    f.labels!.every((l) => typeof l === 'string') &&
    f.bias instanceof Float64Array &&
    f.bias.length === K &&
    f.weights instanceof Float64Array &&
    f.weights.length % K === 0 &&
    f.keys instanceof Float64Array &&
    f.rows instanceof Int32Array &&
    f.rows.length === f.keys.length &&
    f.named instanceof Map
  );
}
