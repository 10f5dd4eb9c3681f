/**
 * Search benchmark, on the path the panel and the "/" picker run for every keystroke (the library cache, then
 * the panel's search) over ≥ 60 realistic queries (Chinese words, initials, full pinyin, typos, codes), at 1k,
 * 10k and 100k distinct phrases (tests/bench/corpus.ts); index build time from stored records (pinyin
 * precomputed); ranking quality at 10k on the labelled query sets against Fuse.js over all the same fields.
 */
import Fuse from 'fuse.js';
import pack from '../../scripts-library/packs/default.json';
import keys from '../../scripts-library/packs/keys/default.json';
import { phrasePinyin, type PinyinKeys } from '../../scripts-library/shared/pinyin';
import { panelSearch, PhraseIndex, PhraseSearchCache, type SearchablePhrase } from '../../scripts-library/search/search';
import { compileSynonyms, DEFAULT_SYNONYMS } from '../../scripts-library/search/search-words';
import { questionFallback } from '../../scripts-library/search/search-question';
import { labelledQueries, scoreWith } from '../fixtures/search-queries/score';
import { syntheticPhrases } from './corpus';
import { percentile, timeEach } from './stats';

export { syntheticPhrases } from './corpus';

export const QUERIES = [
  // Chinese words
  '退款', '发货时间', '七天无理由', '优惠券', '尺码', '快递', '催付', '地址', '发票', '正品', '缺货', '补货',
  '包邮', '满减', '花呗', '退货 地址', '换货', '差评', '赠品', '预售', '双11', '物流', '签收', '破损',
  // pinyin initials
  'hy', 'kd', 'fhsj', 'yhq', 'tk', 'cm', 'th', 'zp', 'qh', 'dz', 'wl', 'by', 'hb',
  // full pinyin
  'huanying', 'kuaidi', 'fahuo', 'youhuiquan', 'tuihuo', 'chima', 'fapiao', 'zhengpin',
  // typos
  'huanyign', 'kuaidii', 'fahou', '发火时间', '优惠卷', '退欵', '尺吗', 'youhuiqan',
  // shortcut codes
  'cf24', 'cf48', 'yh', 'jsz', 'sh', 'syfh', 'mang', 'lk',
  // single letters (first keystroke)
  'h', 'k', 't',
  // several words, synonyms, a pasted question (#32 item 4)
  '感谢光临', '物流 更新', 'tuihuo dizhi', '机洗', '顺丰', '断码', '这个可以机洗吗', '能便宜点吗', '今天下单什么时候能到',
];

const PACK_KEYS = keys as Record<string, PinyinKeys | undefined>;
type Stored = SearchablePhrase & { updatedAt: number };

/** The library as stored: search keys computed on save (the pack's are shipped), an edit time. */
function stored(phrases: SearchablePhrase[]): Stored[] {
  return phrases.map((p) => ({ ...p, pinyin: PACK_KEYS[p.id] ?? phrasePinyin([p.title, p.body, ...p.tags]), updatedAt: 1 }));
}

const round = (x: number) => Math.round(x * 1000) / 1000;
/** What the panel searches a Chinese query's sound with once pinyin is loaded (use-phrase-search.ts). */
const pinyinOf = (text: string) => phrasePinyin([text]).full;
const synonyms = compileSynonyms(DEFAULT_SYNONYMS);

export async function run(): Promise<Record<string, number>> {
  const results: Record<string, number> = {};
  let t = performance.now();
  const all = stored(syntheticPhrases(100_000, 7, true));
  results['search.pinyin_precompute_ms.100k'] = Math.round(performance.now() - t);
  results['search.corpus.distinct_phrases.100k'] = new Set(all.map((p) => `${p.title}\n${p.body}`)).size;
  results['search.corpus.with_code.100k'] = all.filter((p) => p.code).length;

  for (const [label, n, builds] of [['1k', 1000, 5], ['10k', 10_000, 5], ['100k', 100_000, 3]] as const) {
    const phrases = all.slice(0, n);
    const times: number[] = [];
    for (let k = 0; k < builds; k++) {
      t = performance.now();
      new PhraseIndex(phrases);
      times.push(performance.now() - t);
    }
    results[`search.index_build_ms.${label}`] = round(percentile(times, 50));

    // What the panel and the picker run on every keystroke: the cache for the live library, then the search.
    const cache = new PhraseSearchCache<Stored>();
    cache.get(phrases);
    const suggest = questionFallback(phrases);
    const panel = timeEach(QUERIES, 5, (q) => panelSearch(cache.get(phrases), phrases, q, { stages: pack.stages, pinyinOf, synonyms, suggest }));
    results[`search.panel_path.median_ms.${label}`] = round(percentile(panel, 50));
    results[`search.panel_path.p95_ms.${label}`] = round(percentile(panel, 95));
    // After an insert the live query hands out a new array (one use count changed): same texts, no rebuild.
    const refresh = timeEach([0, 1, 2, 3, 4], 2, (k) => cache.get(phrases.map((p, i) => (i === k ? { ...p, useCount: p.useCount + 1 } : p))));
    results[`search.panel_refresh_ms.${label}`] = round(percentile(refresh, 50));
  }

  // Quality at 10k: the pack's phrases among 10k of a large shop's (the labelled queries name pack phrases),
  // ours through the panel's path, against Fuse.js over every field ours searches (title, body, code, tags,
  // pinyin), same library, same run.
  const lib = all.slice(0, 10_000);
  const index = new PhraseIndex(lib);
  const fuse = new Fuse(lib, {
    keys: ['title', 'body', 'code', 'tags', 'pinyin.full', 'pinyin.initials'],
    ignoreLocation: true,
    threshold: 0.45,
  });
  const sets = { labelled: labelledQueries('queries.tsv'), heldback: labelledQueries('held-back.tsv') };
  for (const [name, rows] of Object.entries(sets)) {
    const suggest = questionFallback(lib);
    const ours = scoreWith(rows, (q) => panelSearch(index, lib, q, { stages: pack.stages, pinyinOf, synonyms, suggest }).map((h) => h.phrase));
    // Fuse is ≈ 100 ms a query here: every third labelled query keeps the run short; every held-back one.
    const sample = name === 'labelled' ? rows.filter((_, k) => k % 3 === 0) : rows;
    const oursSample = scoreWith(sample, (q) => panelSearch(index, lib, q, { stages: pack.stages, pinyinOf, synonyms, suggest }).map((h) => h.phrase));
    const base = scoreWith(sample, (q) => fuse.search(q, { }).map((r) => r.item));
    results[`search.quality.${name}.queries`] = rows.length;
    results[`search.quality.${name}.top1.10k`] = round(ours.top1);
    results[`search.quality.${name}.top5.10k`] = round(ours.top5);
    results[`search.quality.${name}.sample_queries`] = sample.length;
    results[`search.quality.${name}.sample.top1.10k`] = round(oursSample.top1);
    results[`search.quality.${name}.sample.fuse_all_fields.top1.10k`] = round(base.top1);
    results[`search.quality.${name}.sample.fuse_all_fields.top5.10k`] = round(base.top5);
    const typos = rows.filter((r) => r[2] === 'typo-hand');
    const typoScore = scoreWith(typos, (q) => panelSearch(index, lib, q, { stages: pack.stages, pinyinOf, synonyms, suggest }).map((h) => h.phrase));
    results[`search.quality.${name}.typo_hand.top1.10k`] = Math.round(typoScore.top1 * typos.length);
    results[`search.quality.${name}.typo_hand.queries`] = typos.length;
    if (process.env.KEFU_BENCH_MISSES && name === 'labelled') console.log(ours.misses);
  }
  results['search.queries'] = QUERIES.length;
  return results;
}
