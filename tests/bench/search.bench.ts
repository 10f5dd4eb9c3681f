/**
 * Search benchmark: per-query latency over ≥ 60 realistic queries (Chinese words, pinyin initials, full
 * pinyin, typos, shortcut codes, multi-word) at 1,000 and 10,000 phrases, against a plain default Fuse.js
 * setup over title+body in the same run; index build time from stored records (pinyin precomputed).
 */
import Fuse from 'fuse.js';
import pack from '../../scripts-library/packs/default.json';
import { phrasePinyin } from '../../scripts-library/pinyin';
import { PhraseIndex, PhraseSearchCache, type SearchablePhrase } from '../../scripts-library/search';
import { percentile, timeEach } from './stats';

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
];

const WORDS = ['连衣裙', '运动鞋', '保温杯', '羽绒服', '面膜', '数据线', '儿童外套', '床品四件套', '蓝牙耳机', '收纳盒'];

/** `n` phrases: the default library recombined with product words, like a large shop's own library. */
export function syntheticPhrases(n: number, seed = 7): SearchablePhrase[] {
  let s = seed;
  const rand = () => ((s = (s * 1103515245 + 12345) % 2147483648) / 2147483648);
  const src = pack.phrases;
  const out: SearchablePhrase[] = [];
  for (let i = 0; i < n; i++) {
    const a = src[Math.floor(rand() * src.length)]!;
    const b = src[Math.floor(rand() * src.length)]!;
    const word = WORDS[Math.floor(rand() * WORDS.length)]!;
    const half = b.body.slice(0, Math.floor(b.body.length / 2));
    const title = `${a.title}·${word}`;
    const body = rand() < 0.5 ? `${a.body}${half}` : `${word}：${a.body}`;
    out.push({
      id: `p${i}`, stageId: a.stageId, title, body, code: i < src.length ? a.code : `${a.code}${i}`,
      tags: a.tags, pinned: rand() < 0.01, useCount: Math.floor(rand() * 20), lastUsedAt: Date.now() - Math.floor(rand() * 60) * 86_400_000,
    });
  }
  return out;
}

export async function run(): Promise<Record<string, number>> {
  const results: Record<string, number> = {};
  const all = syntheticPhrases(10_000);
  let t = performance.now();
  const withPinyin = all.map((p) => ({ ...p, pinyin: phrasePinyin([p.title, p.body, ...p.tags]) }));
  results['search.pinyin_precompute_ms.10k'] = Math.round(performance.now() - t);

  for (const [label, n] of [['1k', 1000], ['10k', 10_000]] as const) {
    const phrases = withPinyin.slice(0, n);
    const builds: number[] = [];
    let index!: PhraseIndex<SearchablePhrase>;
    for (let k = 0; k < 5; k++) {
      t = performance.now();
      index = new PhraseIndex(phrases);
      builds.push(performance.now() - t);
    }
    results[`search.index_build_ms.${label}`] = round(percentile(builds, 50));

    const ours = timeEach(QUERIES, 5, (q) => index.search(q, { limit: 50 }));
    results[`search.median_ms.${label}`] = round(percentile(ours, 50));
    results[`search.p95_ms.${label}`] = round(percentile(ours, 95));

    // The path the panel and the "/" picker run on every keystroke: the cache for the live library, then search.
    const stored = phrases.map((p) => ({ ...p, updatedAt: 1 }));
    const cache = new PhraseSearchCache<(typeof stored)[number]>();
    cache.get(stored);
    const panel = timeEach(QUERIES, 5, (q) => cache.get(stored).search(q, { limit: 50 }));
    results[`search.panel_path.median_ms.${label}`] = round(percentile(panel, 50));
    results[`search.panel_path.p95_ms.${label}`] = round(percentile(panel, 95));

    const fuse = new Fuse(phrases, { keys: ['title', 'body'] });
    const baseline = timeEach(QUERIES, 1, (q) => fuse.search(q, { limit: 50 }));
    results[`search.baseline_fuse.median_ms.${label}`] = round(percentile(baseline, 50));
    results[`search.baseline_fuse.p95_ms.${label}`] = round(percentile(baseline, 95));
  }
  results['search.queries'] = QUERIES.length;
  return results;
}

const round = (x: number) => Math.round(x * 1000) / 1000;
