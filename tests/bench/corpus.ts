/**
 * A large shop's phrase library for the benchmarks: the default pack recombined with product names, every
 * phrase distinct (title + body), from an integer PRNG (mulberry32) so a seed gives the same library on every
 * machine. Codes follow the README's naming rule as a person would extend it (the phrase's code + the product's
 * initials, cf → cflyq); a code already taken is left out rather than numbered, as real libraries do.
 */
import pack from '../../scripts-library/packs/default.json';
import type { SearchablePhrase } from '../../scripts-library/search/search';

/** mulberry32: a 32-bit integer generator (no float state, so it does not fall into a short cycle). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PRODUCTS: [name: string, initials: string][] = [
  ['连衣裙', 'lyq'], ['运动鞋', 'ydx'], ['保温杯', 'bwb'], ['羽绒服', 'yrf'], ['面膜', 'mm'], ['数据线', 'sjx'],
  ['儿童外套', 'etwt'], ['床品四件套', 'cpsjt'], ['蓝牙耳机', 'lyej'], ['收纳盒', 'snh'], ['卫衣', 'wy'], ['牛仔裤', 'nzk'],
  ['电饭煲', 'dfb'], ['行李箱', 'xlx'], ['口红', 'kh'], ['洗发水', 'xfs'], ['猫粮', 'ml'], ['台灯', 'td'], ['雨伞', 'ys'],
  ['拖鞋', 'tx'], ['茶叶', 'cy'], ['坚果礼盒', 'jglh'], ['手机壳', 'sjk'], ['围巾', 'wj'], ['双肩包', 'sjb'],
];
const KINDS: [name: string, initials: string][] = [
  ['', ''], ['新款', 'xk'], ['加绒', 'jr'], ['大码', 'dm'], ['儿童', 'et'], ['男款', 'nk'], ['女款', 'nvk'], ['礼盒装', 'lhz'],
  ['旗舰', 'qj'], ['轻薄', 'qb'], ['防水', 'fs'], ['升级版', 'sjb'], ['冬季', 'dj'], ['夏季', 'xj'], ['经典', 'jd'], ['限定', 'xd'],
];

/** `n` distinct phrases; the first ones are the default pack's own (ids, codes, pack order) when `withPack`. */
export function syntheticPhrases(n: number, seed = 7, withPack = false): SearchablePhrase[] {
  const rand = mulberry32(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const usage = () => ({ pinned: rand() < 0.01, useCount: Math.floor(rand() * 20), lastUsedAt: Date.now() - Math.floor(rand() * 60) * 86_400_000 });
  const src = pack.phrases;
  const out: SearchablePhrase[] = [];
  const seen = new Set<string>();
  const codes = new Set<string>();
  if (withPack) {
    for (const [order, p] of src.entries()) {
      if (out.length >= n) break;
      out.push({ ...p, tags: p.tags ?? [], order, ...usage() });
      seen.add(`${p.title}\n${p.body}`);
      if (p.code) codes.add(p.code);
    }
  }
  for (let tries = 0; out.length < n; tries++) {
    if (tries > n * 20) throw new Error(`only ${out.length} distinct phrases for ${n}`);
    const a = pick(src);
    const b = pick(src);
    const [product, pi] = pick(PRODUCTS);
    const [kind, ki] = pick(KINDS);
    const item = `${kind}${product}`;
    const title = `${a.title}·${item}`;
    const body = rand() < 0.5 ? `${a.body}${b.body.slice(0, Math.floor(b.body.length / 2))}` : `${item}：${a.body}`;
    const key = `${title}\n${body}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const candidate = a.code ? `${a.code}${ki}${pi}` : undefined;
    const code = candidate && !codes.has(candidate) ? candidate : undefined;
    if (code) codes.add(code);
    out.push({ id: `p${out.length}`, stageId: a.stageId, title, body, code, tags: a.tags ?? [], ...usage() });
  }
  return out;
}
