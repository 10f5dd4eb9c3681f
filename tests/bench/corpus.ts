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

/** FNV-1a of a string: a phrase's own seed from the corpus seed and its id. */
function fnv(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return h >>> 0;
}

/** A pack phrase as the corpus reads it. */
export type PackPhrase = Pick<(typeof pack.phrases)[number], 'id' | 'stageId' | 'title' | 'body'> & { code?: string; tags?: string[] };
/** How far along the pack a phrase's partner (the first half of whose body some variants borrow) is drawn from. */
const PARTNER_SPAN = 7;

/**
 * `n` distinct phrases; the first ones are the default pack's own (ids, codes, pack order) when `withPack`. Each
 * pack phrase draws its variants from its own stream (seeded by the corpus seed and its id), and the variants are
 * taken a round at a time in pack order, so adding or removing a pack phrase leaves every other phrase's variants
 * as they were: only the new phrase's own variants come in (and the last round's tail moves). One shared stream
 * would reshuffle the whole library for every phrase added. A prefix of a larger library is the smaller one.
 */
export function syntheticPhrases(n: number, seed = 7, withPack = false, src: readonly PackPhrase[] = pack.phrases): SearchablePhrase[] {
  const streams = src.map((p) => mulberry32(fnv(`${seed}:${p.id}`)));
  const out: SearchablePhrase[] = [];
  const seen = new Set<string>();
  const codes = new Set<string>();
  const usage = (rand: () => number) => ({ pinned: rand() < 0.01, useCount: Math.floor(rand() * 20), lastUsedAt: Date.now() - Math.floor(rand() * 60) * 86_400_000 });
  if (withPack) {
    for (const [order, p] of src.entries()) {
      if (out.length >= n) break;
      out.push({ ...p, tags: p.tags ?? [], order, ...usage(streams[order]!) });
      seen.add(`${p.title}\n${p.body}`);
      if (p.code) codes.add(p.code);
    }
  }
  for (let round = 0; out.length < n; round++) {
    if (round > n) throw new Error(`only ${out.length} distinct phrases for ${n}`);
    for (let j = 0; j < src.length && out.length < n; j++) {
      const variant = drawVariant(src, j, streams[j]!, seen);
      if (!variant) continue;
      const candidate = variant.a.code ? `${variant.a.code}${variant.ki}${variant.pi}` : undefined;
      const code = candidate && !codes.has(candidate) ? candidate : undefined;
      if (code) codes.add(code);
      const { a, title, body } = variant;
      out.push({ id: `p${out.length}`, stageId: a.stageId, title, body, code, tags: a.tags ?? [], ...usage(streams[j]!) });
    }
  }
  return out;
}

/** Pack phrase j's next variant not yet in the library (a few draws from its stream), or none this round. */
function drawVariant(src: readonly PackPhrase[], j: number, rand: () => number, seen: Set<string>) {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const a = src[j]!;
  for (let tries = 0; tries < 8; tries++) {
    // The partner is one of the phrases just before it (just after, for the first few), never wrapping round the
    // pack's end: a phrase added to the pack is a partner only to the few that follow it.
    const step = 1 + Math.floor(rand() * PARTNER_SPAN);
    const b = src[j >= PARTNER_SPAN ? j - step : j + step]!;
    const [product, pi] = pick(PRODUCTS);
    const [kind, ki] = pick(KINDS);
    const item = `${kind}${product}`;
    const title = `${a.title}·${item}`;
    const body = rand() < 0.5 ? `${a.body}${b.body.slice(0, Math.floor(b.body.length / 2))}` : `${item}：${a.body}`;
    const key = `${title}\n${body}`;
    if (seen.has(key)) continue;
    seen.add(key);
    return { a, title, body, pi, ki };
  }
  return undefined;
}
