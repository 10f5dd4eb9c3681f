/**
 * Building the search index: posting lists of each phrase's Chinese characters and Latin bigrams (code, pinyin,
 * Latin words), the same for the title alone, trigrams of the title's full pinyin, and what Fuse.js scores of a
 * phrase. Pinyin is precomputed when a phrase is saved (see pinyin.ts). Build figures: tests/bench/HISTORY.md.
 */
import type { PinyinKeys } from '../shared/pinyin';
import { GRAM_KEYS, Postings, PostingsBuilder, TRIGRAM_KEYS } from './postings';
import { firstWord, type FuseDoc, type SearchablePhrase } from './types';

const CHAR_KEYS = 0x10000;
const LATIN = /[a-z0-9]/i;
export const NO_PINYIN: PinyinKeys = { full: '', initials: '' };
const latinWordsOf = (text: string) => text.toLowerCase().match(/[a-z0-9]+/g)?.join(' ') ?? '';

export interface IndexData {
  /** Chinese character code → phrases containing it (title, tags or body). */
  readonly chars: Postings;
  /** Latin bigram (two of [a-z0-9], as gramKey) → phrases containing it (code, pinyin, Latin words). */
  readonly grams: Postings;
  /** The same for the title alone (its characters; its pinyin, initials and full): the title signal. */
  readonly titleChars: Postings;
  readonly titleGrams: Postings;
  /**
   * Trigrams of the title's full pinyin: for a long typo'd token ("tuikaun"), the few titles that hold its
   * unbroken stretches ("tui", "uik") stand out from the many whose long bodies hold most of its bigrams.
   */
  readonly titleTrigrams: Postings;
  /** Distinct Chinese characters and distinct bigrams of each title (how much of a title a query can account for). */
  readonly titleCharCount: Uint16Array;
  readonly titleGramCount: Uint16Array;
  /** First letter of the code / title initials / first Latin word → phrases. */
  readonly firstPostings: Map<string, Int32Array>;
  /** Lower-case code → phrases. */
  readonly codeIndex: Map<string, number[]>;
  readonly docs: FuseDoc[];
  /** Latin words of each phrase's text (with its code and pinyin, where long tokens are checked for order). */
  readonly latinWords: string[];
  /** Each phrase's full pinyin (every field). */
  readonly pyFull: string[];
  /**
   * Each phrase's Latin text as the long tokens' re-rank reads it (code, full pinyin, initials, Latin words), made
   * the first time the phrase is re-ranked and kept: hundreds of letters joined and flattened per candidate and
   * query otherwise.
   */
  readonly latinText: (string | undefined)[];
}

/** The builders, sized once from the text's length so the pair arrays are allocated once. */
function builders(phrases: readonly SearchablePhrase[]) {
  const n = phrases.length;
  // Measured: distinct characters ≈ 0.7 of a text, distinct bigrams ≈ 0.5 of its pinyin.
  let cjk = 0;
  let latin = 0;
  for (const p of phrases) {
    cjk += p.title.length + p.body.length;
    latin += (p.pinyin?.full.length ?? 0) + (p.pinyin?.initials.length ?? 0) + 16;
  }
  return {
    chars: new PostingsBuilder(CHAR_KEYS, Math.ceil(cjk * 0.75)),
    grams: new PostingsBuilder(GRAM_KEYS, Math.ceil(latin * 0.55)),
    titleChars: new PostingsBuilder(CHAR_KEYS, n * 10),
    titleGrams: new PostingsBuilder(GRAM_KEYS, n * 36),
    titleTrigrams: new PostingsBuilder(TRIGRAM_KEYS, n * 24),
  };
}

export function buildIndex(phrases: readonly SearchablePhrase[]): IndexData {
  const n = phrases.length;
  const b = builders(phrases);
  const titleCharCount = new Uint16Array(n);
  const titleGramCount = new Uint16Array(n);
  const firsts = new Map<string, number[]>();
  const codeIndex = new Map<string, number[]>();
  const latinWords: string[] = [];
  const pyFull: string[] = [];
  const docs = phrases.map((p, i): FuseDoc => {
    const code = (p.code ?? '').toLowerCase();
    const tags = p.tags.join(' ');
    titleCharCount[i] = b.titleChars.addCjk(p.title, i);
    b.chars.addCjk(p.title, i);
    b.chars.addCjk(tags, i);
    b.chars.addCjk(p.body, i);

    const words = LATIN.test(p.title) || LATIN.test(tags) || LATIN.test(p.body) ? latinWordsOf(`${p.title} ${tags} ${p.body}`) : '';
    const py = p.pinyin ?? NO_PINYIN;
    b.grams.addGrams(code, i);
    b.grams.addGrams(py.full, i);
    b.grams.addGrams(py.initials, i);
    b.grams.addGrams(words, i);
    latinWords[i] = words;
    pyFull[i] = py.full;
    // pinyin.ts joins fields with spaces, title first.
    const pyTitle = `${firstWord(py.initials)} ${firstWord(py.full)}`.trim();
    titleGramCount[i] = b.titleGrams.addGrams(pyTitle, i);
    b.titleTrigrams.addTrigrams(firstWord(py.full), i);
    addFirsts(firsts, i, code, py.initials, words);
    if (code) push(codeIndex, code, i);
    return { title: p.title, body: p.body, tags, code, pyTitle, pyInitials: py.initials, segments: undefined };
  });
  // Every posting list is an Int32Array: one element kind keeps the counting loop monomorphic (a mix of
  // arrays and typed arrays made it several times slower).
  const firstPostings = new Map<string, Int32Array>();
  for (const [f, list] of firsts) firstPostings.set(f, Int32Array.from(list));
  return {
    chars: b.chars.build(),
    grams: b.grams.build(),
    titleChars: b.titleChars.build(),
    titleGrams: b.titleGrams.build(),
    titleTrigrams: b.titleTrigrams.build(),
    titleCharCount,
    titleGramCount,
    firstPostings,
    codeIndex,
    docs,
    latinWords,
    pyFull,
    latinText: new Array<string | undefined>(n),
  };
}

/** Phrase `i` under the first letter of its code, of its title's initials and of its first Latin word. */
function addFirsts(firsts: Map<string, number[]>, i: number, code: string, initials: string, words: string): void {
  const [a, b, c] = [code[0], initials[0], words[0]];
  if (a && a !== ' ') push(firsts, a, i);
  if (b && b !== ' ' && b !== a) push(firsts, b, i);
  if (c && c !== ' ' && c !== a && c !== b) push(firsts, c, i);
}

function push(map: Map<string, number[]>, key: string, i: number): void {
  const list = map.get(key);
  if (list) list.push(i);
  else map.set(key, [i]);
}
