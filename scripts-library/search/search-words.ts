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
import { SynonymFileSchema, SynonymRowSchema, type SynonymRow } from '../shared/schema';
import synonymsFile from '../packs/synonyms.json';

/** The default table (scripts-library/packs/synonyms.json). */
export const DEFAULT_SYNONYMS: readonly SynonymRow[] = SynonymFileSchema.parse(synonymsFile).synonyms;

/** The table a shop searches with: its own (⚙, team packs) or, never edited, the default one. */
export function shopSynonyms(settings: { synonyms?: readonly SynonymRow[] }): readonly SynonymRow[] {
  return settings.synonyms ?? DEFAULT_SYNONYMS;
}

/**
 * A team pack's rows over a table: a row of the table holding all of a pack row's words gains its equivalents,
 * any other pack row is added; nothing of the table is removed.
 */
export function mergeSynonyms(table: readonly SynonymRow[], extra: readonly SynonymRow[]): SynonymRow[] {
  const out = table.map((r) => ({ words: [...r.words], means: [...r.means] }));
  for (const row of extra) {
    const same = out.find((r) => row.words.every((w) => r.words.includes(w)));
    if (same) same.means.push(...row.means.filter((m) => !same.means.includes(m)));
    else out.push({ words: [...row.words], means: [...row.means] });
  }
  return out;
}

export interface Synonyms {
  /** Lower-cased word → itself and its equivalents. */
  readonly map: ReadonlyMap<string, readonly string[]>;
  /** The words, longest first (a query is scanned for the longest one at each place). */
  readonly words: readonly string[];
}

export const NO_SYNONYMS: Synonyms = { map: new Map(), words: [] };

let lastRows: readonly SynonymRow[] | undefined;
let lastCompiled = NO_SYNONYMS;
/** The table as the search reads it (the last table's is kept: the picker asks for it on every keystroke). */
export function compileSynonyms(rows: readonly SynonymRow[] | undefined): Synonyms {
  if (rows !== lastRows) [lastRows, lastCompiled] = [rows, compileNow(rows)];
  return lastCompiled;
}

/** A word in several rows gets the equivalents of each. */
function compileNow(rows: readonly SynonymRow[] | undefined): Synonyms {
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
export type QueryWord = { kind: 'alts'; word: string; alts: readonly string[]; parts: readonly AltParts[] } | { kind: 'chunk'; text: string } | { kind: 'latin'; text: string };

/**
 * An equivalent as its words (尺码 缺货: both needed), each marked Chinese or Latin — split once per query, not
 * once per phrase checked (a synonym of a common word is checked against a thousand phrases).
 */
export interface AltParts {
  readonly words: readonly string[];
  readonly cjk: readonly boolean[];
}

const CJK_CHAR = /[\u3400-\u9fff\uf900-\ufaff]/;
function altParts(alt: string): AltParts {
  const words = alt.split(' ');
  return { words, cjk: words.map((w) => CJK_CHAR.test(w)) };
}

const RUN = /[\u3400-\u9fff\uf900-\ufaff]+|[a-z0-9]+/g;
const LATIN_END = /[a-z0-9]/;
/** What a buyer's question starts and ends with that no phrase needs to hold (请问…吗). */
const LEAD = /^(?:请问|你好|您好|亲亲|亲)+/;
const TAIL = /(?:吗|呢|吧|啊|呀|哦|嘛|么|啦|哈)+$/;
/**
 * Words of a buyer's question that no reply holds (这个可以 in 这个可以机洗吗, 能 and 点 around 便宜): trimmed from the
 * ends of the Chinese runs between other words, unless nothing but them is left.
 */
const FILLER_WORDS = '这个|那个|这款|那款|这件|这种|可以|能不能|可不可以|是不是|有没有|会不会|请问|一下|一点|怎么办|怎么|我们|我|你们|你|您|亲|能|会|要|想|还|就|都|也|有|的|了|吗|呢|吧|啊|呀|哦|嘛|么|点|下|个';
/** Filler at a Chinese run's start or end (有赠品 → 赠品, 了能改 → 改); a run of filler alone goes whole. */
const FILLER_EDGE = new RegExp(`^(?:${FILLER_WORDS})+|(?:${FILLER_WORDS})+$`, 'g');

/** The synonym that starts at `at` in `text`, if any (a Latin word only as a whole Latin run: ems, not in emsxx). */
function synonymAt(text: string, at: number, synonyms: Synonyms): string | undefined {
  if (!synonyms.words.length) return undefined;
  return synonyms.words.find(
    (w) => text.startsWith(w, at) && !(LATIN_END.test(w[0]!) && LATIN_END.test(text[at - 1] ?? '')) && !(LATIN_END.test(w.at(-1)!) && LATIN_END.test(text[at + w.length] ?? '')),
  );
}

/** The words of a query (lower-cased): synonyms, then the Chinese runs and Latin tokens between them. */
export function queryWords(query: string, synonyms: Synonyms = NO_SYNONYMS): QueryWord[] {
  const out: QueryWord[] = [];
  const plain = (text: string) => {
    for (const run of text.match(RUN) ?? []) out.push(LATIN_END.test(run[0]!) ? { kind: 'latin', text: run } : { kind: 'chunk', text: run });
  };
  for (const token of query.toLowerCase().split(/\s+/)) {
    const text = token.length > 2 ? token.replace(LEAD, '').replace(TAIL, '') || token : token;
    let from = 0;
    for (let at = 0; at < text.length; ) {
      const word = synonymAt(text, at, synonyms);
      if (!word) {
        at++;
        continue;
      }
      plain(text.slice(from, at));
      const alts = synonyms.map.get(word)!;
      out.push({ kind: 'alts', word, alts, parts: alts.map(altParts) });
      at += word.length;
      from = at;
    }
    plain(text.slice(from));
  }
  const content = out.flatMap((w): QueryWord[] => {
    if (w.kind !== 'chunk') return [w];
    const text = w.text.replace(FILLER_EDGE, '');
    return text === w.text ? [w] : text ? [{ kind: 'chunk', text }] : [];
  });
  return content.some((w) => w.kind !== 'latin') ? content : out;
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

/** What marks a buyer's question rather than a title or a typo'd word. */
const QUESTION = /[?？]|[吗呢么嘛啊呀]$|什么|怎么|怎样|多久|多少|几天|哪|能不能|可不可以|可以|有没有|是不是|为啥|为什么|啥|咋|会不会|行不行/;

/** A buyer's question pasted into the search (能便宜点吗), not a title or a typo'd word (发火时间). */
export function looksLikeQuestion(query: string): boolean {
  const q = query.trim();
  return [...q].filter((c) => /[\u3400-\u9fff]/.test(c)).length >= 3 && QUESTION.test(q);
}

/** The table as the ⚙ editor shows it: a row a line, `机洗/水洗 → 洗涤/保养`, words that go together joined by +. */
export function synonymText(rows: readonly SynonymRow[]): string {
  return rows.map((r) => `${r.words.join('/')} → ${r.means.map((m) => m.split(' ').join('+')).join('/')}`).join('\n');
}

/** Why a line of the editor is refused (the panel words it). */
export type SynonymLineProblem = 'arrow' | 'empty' | 'long' | 'many';

/** The editor's text read back; empty lines are skipped. A bad line gives its number (from 1) and what is wrong. */
export function parseSynonymText(text: string): { ok: true; rows: SynonymRow[] } | { ok: false; line: number; problem: SynonymLineProblem } {
  const rows: SynonymRow[] = [];
  const lines = text.split('\n');
  for (const [k, raw] of lines.entries()) {
    const line = raw.trim();
    if (!line) continue;
    const parts = line.split(/→|->|=|＝/);
    if (parts.length !== 2) return { ok: false, line: k + 1, problem: 'arrow' };
    const list = (s: string) => s.split(/[/／、,，]/).map((w) => w.split('+').map((p) => p.trim()).filter(Boolean).join(' ')).filter(Boolean);
    const row = { words: list(parts[0]!), means: list(parts[1]!) };
    if (!row.words.length || !row.means.length) return { ok: false, line: k + 1, problem: 'empty' };
    const parsed = SynonymRowSchema.safeParse(row);
    if (!parsed.success) return { ok: false, line: k + 1, problem: parsed.error.issues[0]!.code === 'too_big' && parsed.error.issues[0]!.path.length === 1 ? 'many' : 'long' };
    rows.push(parsed.data);
  }
  if (rows.length > 500) return { ok: false, line: lines.length, problem: 'many' };
  return { ok: true, rows };
}
