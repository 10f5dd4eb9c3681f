/**
 * Search quality at shop scale (#36 item 3): the labelled queries of tests/fixtures/search-queries/scale.tsv
 * (product + topic, typos, several words, pinyin, initials, parts of titles) on the synthetic shop library at 1k,
 * 10k and 100k, ours through the panel's path (PhraseSearchCache + panelSearch, as use-phrase-search.ts calls it)
 * and MiniSearch in the same process over the same fields, given the project's own pinyin keys. Top-1 and top-5,
 * overall and by kind; the panel path's time on these queries. KEFU_SCALE_FILE scores another file of the same
 * format (a path); KEFU_BENCH_MISSES=1 prints our misses.
 */
import MiniSearch from 'minisearch';
import pack from '../../scripts-library/packs/default.json';
import keys from '../../scripts-library/packs/keys/default.json';
import { phrasePinyin, type PinyinKeys } from '../../scripts-library/shared/pinyin';
import { panelSearch, PhraseSearchCache, type SearchablePhrase } from '../../scripts-library/search/search';
import { compileSynonyms, DEFAULT_SYNONYMS } from '../../scripts-library/search/search-words';
import { questionFallback } from '../../scripts-library/search/search-question';
import { answerableRows, scaleQueries, scoreScale, type ScaleScore } from '../fixtures/search-queries/scale-score';
import { syntheticPhrases } from './corpus';
import { percentile, timeEach } from './stats';

const PACK_KEYS = keys as Record<string, PinyinKeys | undefined>;
type Stored = SearchablePhrase & { updatedAt: number };
const round = (x: number) => Math.round(x * 1000) / 1000;
const pinyinOf = (text: string) => phrasePinyin([text]).full;
const synonyms = compileSynonyms(DEFAULT_SYNONYMS);

const CJK_RUN = /[\u3400-\u9fff\uf900-\ufaff]+|[a-z0-9]+/g;
/** MiniSearch's terms: each Chinese character and each pair of neighbours, each Latin word. */
function tokenize(text: string): string[] {
  const out: string[] = [];
  for (const run of text.toLowerCase().match(CJK_RUN) ?? []) {
    if (/[a-z0-9]/.test(run[0]!)) {
      out.push(run);
      continue;
    }
    for (let k = 0; k < run.length; k++) {
      out.push(run[k]!);
      if (k + 1 < run.length) out.push(run.slice(k, k + 2));
    }
  }
  return out;
}

/** MiniSearch over title, title pinyin (full and initials), code, tags, body and the whole text's pinyin. */
function miniSearch(phrases: readonly Stored[]): (q: string) => string[] {
  const ms = new MiniSearch<{ id: number; title: string; pyTitle: string; code: string; tags: string; body: string; py: string }>({
    fields: ['title', 'pyTitle', 'code', 'tags', 'body', 'py'],
    tokenize,
    searchOptions: {
      boost: { title: 3, pyTitle: 3, code: 3, tags: 2 },
      prefix: (term) => /^[a-z0-9]{2,}$/.test(term),
      fuzzy: (term) => (/^[a-z]{4,}$/.test(term) ? 0.2 : false),
      combineWith: 'OR',
    },
  });
  ms.addAll(
    phrases.map((p, id) => {
      const py = p.pinyin ?? { full: '', initials: '' };
      const first = (s: string) => s.split(' ')[0] ?? '';
      return { id, title: p.title, pyTitle: `${first(py.full)} ${first(py.initials)}`, code: p.code ?? '', tags: p.tags.join(' '), body: p.body, py: `${py.full} ${py.initials}` };
    }),
  );
  return (q) => ms.search(q).slice(0, 5).map((r) => phrases[r.id as number]!.title);
}

function record(results: Record<string, number>, engine: string, label: string, s: ScaleScore): void {
  results[`search.scale.${engine}.top1.${label}`] = round(s.top1);
  results[`search.scale.${engine}.top5.${label}`] = round(s.top5);
  for (const [kind, k] of s.byKind) {
    results[`search.scale.${engine}.${kind}.top1.${label}`] = round(k.top1 / k.n);
    results[`search.scale.${engine}.${kind}.top5.${label}`] = round(k.top5 / k.n);
  }
}

export async function run(): Promise<Record<string, number>> {
  const results: Record<string, number> = {};
  const rows = scaleQueries(process.env.KEFU_SCALE_FILE ?? 'scale.tsv');
  const queries = rows.map((r) => r.query);
  results['search.scale.queries'] = rows.length;
  const all: Stored[] = syntheticPhrases(100_000, 7, true).map((p) => ({ ...p, pinyin: PACK_KEYS[p.id] ?? phrasePinyin([p.title, p.body, ...p.tags]), updatedAt: 1 }));
  for (const [label, n] of [['1k', 1000], ['10k', 10_000], ['100k', 100_000]] as const) {
    const phrases = all.slice(0, n);
    const cache = new PhraseSearchCache<Stored>();
    cache.get(phrases);
    const options = { stages: pack.stages, pinyinOf, synonyms, suggest: questionFallback(phrases) };
    const ours = (q: string) => panelSearch(cache.get(phrases), phrases, q, options);
    // Only the queries this library can answer (a product it lacks is no engine's miss).
    const scored = answerableRows(rows, phrases.map((p) => p.title));
    results[`search.scale.answerable.${label}`] = scored.length;
    const score = scoreScale(scored, (q) => ours(q).slice(0, 5).map((h) => h.phrase.title));
    record(results, 'ours', label, score);
    if (process.env.KEFU_BENCH_MISSES) console.log(label, score.misses);
    const times = timeEach(queries, 3, ours);
    results[`search.scale.ours.panel_path.median_ms.${label}`] = round(percentile(times, 50));
    results[`search.scale.ours.panel_path.p95_ms.${label}`] = round(percentile(times, 95));

    const t = performance.now();
    const mini = miniSearch(phrases);
    results[`search.scale.minisearch.build_ms.${label}`] = Math.round(performance.now() - t);
    record(results, 'minisearch', label, scoreScale(scored, mini));
    const miniTimes = timeEach(queries, 1, mini);
    results[`search.scale.minisearch.median_ms.${label}`] = round(percentile(miniTimes, 50));
    results[`search.scale.minisearch.p95_ms.${label}`] = round(percentile(miniTimes, 95));
  }
  return results;
}
