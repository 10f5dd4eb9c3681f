/**
 * A query as the words an agent typed (#32 item 4): words in any order, each matched by text, pinyin or initials,
 * with the shop's synonym table (机洗 → 洗涤, 顺丰 → 快递). Pure; search.ts runs it over the index's candidates.
 *
 * Chinese has no spaces, so a run such as 感谢光临 is split by the phrase's own text: it matches a phrase when
 * the run is covered by pieces of two characters or more that the phrase holds, in any order and anywhere
 * (感谢 … 光临). A run the phrase holds whole is one piece. Measured against splitting by a word list first (the
 * ICU dictionary behind Intl.Segmenter), the phrase's own text splits the agents' words as the library writes
 * them (七天无理由, 运费险, 拍下未付 are one word to the library, three or more to a general dictionary), and a
 * typo'd character (发火时间, 优惠卷) is never a piece, so a typo leaves the query to the fuzzy search.
 */
import { z } from 'zod';

/** One row of the synonym table: a query holding any of `words` also finds phrases holding any of `means`. */
export const SynonymRowSchema = z.object({
  words: z.array(z.string().trim().min(1).max(20)).min(1).max(20),
  means: z.array(z.string().trim().min(1).max(20)).min(1).max(20),
});
export type SynonymRow = z.infer<typeof SynonymRowSchema>;
export const SynonymTableSchema = z.array(SynonymRowSchema).max(500);

export interface Synonyms {
  /** Lower-cased word → itself and its equivalents. */
  readonly map: ReadonlyMap<string, readonly string[]>;
  /** The words, longest first (a query is scanned for the longest one at each place). */
  readonly words: readonly string[];
}

export const NO_SYNONYMS: Synonyms = { map: new Map(), words: [] };

/** The table as the search reads it; a word in several rows gets the equivalents of each. */
export function compileSynonyms(rows: readonly SynonymRow[] | undefined): Synonyms {
  if (!rows?.length) return NO_SYNONYMS;
  const map = new Map<string, string[]>();
  for (const row of rows) {
    const means = row.means.map((m) => m.toLowerCase());
    for (const w of row.words) {
      const word = w.toLowerCase();
      const alts = map.get(word) ?? [word];
      for (const m of means) if (!alts.includes(m)) alts.push(m);
      map.set(word, alts);
    }
  }
  return { map, words: [...map.keys()].sort((a, b) => b.length - a.length) };
}

/**
 * One word of a query:
 * - `alts`: a synonym's own word and its equivalents (any one of them in the phrase matches);
 * - `chunk`: Chinese text between synonyms, covered by pieces of the phrase's text;
 * - `latin`: a Latin token (pinyin, initials, a code), matched in the phrase's code and pinyin.
 */
export type QueryWord = { kind: 'alts'; word: string; alts: readonly string[] } | { kind: 'chunk'; text: string } | { kind: 'latin'; text: string };

const CJK_RUN = /[\u3400-\u9fff\uf900-\ufaff]+|[a-z0-9]+/g;
/** What a buyer's question starts and ends with that no phrase needs to hold (请问…吗). */
const LEAD = /^(?:请问|你好|您好|亲亲|亲)+/;
const TAIL = /(?:吗|呢|吧|啊|呀|哦|嘛|么|啦|哈)+$/;

/** The words of a query (lower-cased, trimmed): Latin tokens, synonyms and the Chinese between them. */
export function queryWords(query: string, synonyms: Synonyms = NO_SYNONYMS): QueryWord[] {
  const out: QueryWord[] = [];
  for (const run of query.toLowerCase().match(CJK_RUN) ?? []) {
    if (/^[a-z0-9]/.test(run)) {
      const alts = synonyms.map.get(run);
      out.push(alts ? { kind: 'alts', word: run, alts } : { kind: 'latin', text: run });
      continue;
    }
    const text = run.length > 2 ? run.replace(LEAD, '').replace(TAIL, '') || run : run;
    let chunk = '';
    for (let at = 0; at < text.length; ) {
      const word = synonyms.words.length ? synonyms.words.find((w) => text.startsWith(w, at)) : undefined;
      if (!word) {
        chunk += text[at++];
        continue;
      }
      if (chunk) out.push({ kind: 'chunk', text: chunk });
      chunk = '';
      out.push({ kind: 'alts', word, alts: synonyms.map.get(word)! });
      at += word.length;
    }
    if (chunk) out.push({ kind: 'chunk', text: chunk });
  }
  return out;
}

/**
 * How many pieces of two characters or more, each found in the text (`has`), cover `chunk` (fewest; 1 = the text
 * holds it whole), or 0 when they cannot. A one-character chunk is one piece when the text holds it.
 */
export function coverPieces(chunk: string, has: string | ((piece: string) => boolean)): number {
  const holds = typeof has === 'string' ? (piece: string) => has.includes(piece) : has;
  const m = chunk.length;
  if (m === 1 || holds(chunk)) return holds(chunk) ? 1 : 0;
  // best[i] = fewest pieces covering chunk[i, m); NONE = they cannot.
  const NONE = 255;
  const best = new Uint8Array(m + 1);
  for (let i = m - 1; i >= 0; i--) {
    let b = NONE;
    for (let j = m; j >= i + 2; j--) {
      const rest = j === m ? 0 : best[j]!;
      if (rest === NONE || rest + 1 >= b) continue;
      if (holds(chunk.slice(i, j))) b = rest + 1;
    }
    best[i] = b;
  }
  return best[0] === NONE ? 0 : best[0]!;
}
