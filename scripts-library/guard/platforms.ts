/**
 * The console's own platform: its names, payment methods and features, per site (#31 item 2). On 拼多多's console
 * 「拼多多先用后付」 names the platform the agent works on, not another store; on 京东's, 白条 and 京东物流 are how the
 * buyer pays and gets the parcel. The judge is given the site the chat script's adapter serves (`guard/check`); a
 * draft checked without one (the panel, an unknown console) takes the union: a word that is any console's own,
 * except a name in a sentence that sends the buyer elsewhere (拼多多上同款更便宜: on an unknown console, maybe
 * another platform).
 *
 * A rule hit whose words are one of these (京东 on 咚咚), start with one (快手小店下单 on 快手: 快手 … 下单 of the
 * other-store rule), or lie inside one (微信 of 微信支付) is the platform's own and no hit; words after a payment
 * method (支付宝转账) still are. A model hit reading off-platform trade in a clause that names an own feature or
 * one every console has (优惠券, 店铺券) is a hint.
 */
import { spanAround } from './spans';

export interface PlatformWords {
  /** The platform and console names. */
  names: readonly string[];
  /** Payment methods and features. */
  features: readonly string[];
}

export const PLATFORM_FEATURES = {
  pinduoduo: { names: ['拼多多', '多多', '拼夕夕'], features: ['先用后付', '多多支付', '百亿补贴', '多多买菜', '拼单', '砍价', '多多果园', '多多视频', '多多进宝', '万人团', '限时秒杀'] },
  doudian: { names: ['抖音', '抖店', '飞鸽', '抖音商城'], features: ['抖音支付', '抖音月付', '抖音直播间', '直播间', '精选联盟', '抖音电商', '抖音商城', '放心购', '极速退'] },
  jd: { names: ['京东', '咚咚', '京东自营', '京喜'], features: ['白条', '京东白条', '京东物流', '京东快递', '京豆', '京东支付', '京东plus', 'plus会员', '京东秒杀', '京东到家', '211限时达', '价保'] },
  kuaishou: { names: ['快手', '快手小店', '快手电商'], features: ['快手支付', '快分期', '快手直播间', '直播间', '快手商城'] },
  taobao: { names: ['淘宝', '天猫', '千牛', '旺旺', '阿里旺旺', '淘宝网'], features: ['花呗', '花呗分期', '支付宝', '淘宝直播', '淘金币', '88vip', '天猫超市', '天猫国际', '淘口令', '淘宝联盟', '支付宝付款', '先用后付', '极速退款', '运费险'] },
} as const satisfies Record<string, PlatformWords>;

/** What every console has: the shop's own coupons and activities are never another channel. */
export const COMMON_FEATURES: readonly string[] = ['优惠券', '店铺券', '购物券', '满减', '领券', '店铺红包', '平台红包', '购物金', '宝贝链接', '商品链接', '链接'];

export type PlatformId = keyof typeof PLATFORM_FEATURES;

/** The adapter ids of the chat script that are a platform of the table (the demo and generic adapters are not). */
const isPlatform = (site: string): site is PlatformId => Object.hasOwn(PLATFORM_FEATURES, site);

export interface OwnWords {
  names: string[];
  features: string[];
  /** Whether these are the union (no site known): a name is then the own platform only where nothing sends the buyer there. */
  union: boolean;
}

/**
 * Words that send the buyer to a store elsewhere (更便宜, 那边, 搜我们店名, 我们也有店): with no site known, a platform
 * name in such a sentence may well be another platform, so it is not excused.
 */
const REDIRECT = /便宜|那边|那里|那家|去那|搜我|搜我们|我们的店|我们店|有店|我的店|活动大|店名|同款|价格低|更低|划算|我开的|我们抖音|我们拼多多|我们京东|我们淘宝|我们快手/;
const CONTACT = /群|拉您|拉你|加我|加您|私|号|扫|码/;
/** How far a sentence is looked for around a hit: a paste with no sentence marks is not walked whole per hit. */
const SENTENCE_REACH = 200;
const sentenceAround = (draft: string, start: number, end: number) => spanAround(draft, start, end, SENTENCE_REACH);

const union = (): OwnWords => ({
  names: [...new Set(Object.values(PLATFORM_FEATURES).flatMap((p) => p.names))],
  features: [...new Set(Object.values(PLATFORM_FEATURES).flatMap((p) => p.features))],
  union: true,
});
let unionWords: OwnWords | undefined;
const perSite = new Map<string, OwnWords>();

/** The own words for a site id (the chat script's adapter id): its platform's, or the union for any other site or none. */
export function ownWords(site?: string): OwnWords {
  if (!site || !isPlatform(site)) return (unionWords ??= union());
  let words = perSite.get(site);
  if (!words) perSite.set(site, (words = { names: [...PLATFORM_FEATURES[site].names], features: [...PLATFORM_FEATURES[site].features], union: false }));
  return words;
}

/** A group named by a rule (粉丝群, 店铺群, 群聊). */
const GROUP = /群/;
/** The shop's own pages in the app, where platforms offer shop groups (店铺首页, 订单页, 加入群聊). */
const IN_APP = /店铺首页|店铺主页|店铺页面?|(?:app|App|APP)里|订单页|商品页|详情页|加入群聊/;
/** …unless the sentence sends the buyer to a channel (加我, 微信, 扫码, 二维码, 群号). */
const OUTSIDE = /加我|私聊|私信|微信|vx|wx|qq|扣扣|扫码|扫一扫|二维码|群号|拉您|拉你/i;
/** Words after a platform's name that say it is here, where the agent types (京东这边, 拼多多这里). */
const HERE = /^(?:这边|这里|这儿|这头)/;
/** Leading words that only say where (去京东, 在快手, 上淘宝): the place is still the name. */
const WHERE = /^[去在到上用打开进]/;

/**
 * 找我 sends the buyer elsewhere only in the name's own clause (去拼多多找我); in another clause (…是京东发货，售后找我们就行)
 * it is the chat itself.
 */
const FIND_ME = /找我/;
const CLAUSE_MARK = /[，,。！!？?；;\n]/;
const clauseAround = (draft: string, start: number, end: number) => spanAround(draft, start, end, SENTENCE_REACH, CLAUSE_MARK);

/**
 * Whether a hit's words are the platform's own: the hit is a name or feature, starts with a name (after a 去 / 在…),
 * or lies inside an occurrence of one in the draft.
 */
export function ownPlatformHit(draft: string, start: number, end: number, own: OwnWords): boolean {
  const text = draft.slice(start, end).toLowerCase();
  // A shop group joined from the shop's own page in the app (在店铺首页点“加入群聊”) is the platform's feature.
  if (GROUP.test(text) && IN_APP.test(sentenceAround(draft, start, end)) && !OUTSIDE.test(sentenceAround(draft, start, end))) return true;
  const bare = text.replace(WHERE, '');
  // A name the agent calls here (您在京东这边找我, 拼多多这里下单) is the console it types on, whatever else the sentence says.
  if (own.names.includes(bare) && HERE.test(draft.slice(end, end + 3))) return true;
  if (own.union && (REDIRECT.test(sentenceAround(draft, start, end)) || FIND_ME.test(clauseAround(draft, start, end)))) return false;
  // …but not what is outside it (淘宝外, 京东以外).
  for (const name of own.names) if (bare.startsWith(name) && !/^(?:外|以外|之外)/.test(bare.slice(name.length))) return true;
  for (const word of [...own.names, ...own.features]) {
    if (word.length < end - start) continue;
    for (let at = Math.max(0, end - word.length); at <= start; at++) if (draft.slice(at, at + word.length).toLowerCase() === word) return true;
  }
  return false;
}

/** Whether a clause names an own feature or a common one (发你优惠券, 京东白条分期). */
export function namesOwnFeature(clause: string, own: OwnWords): boolean {
  const text = clause.toLowerCase();
  // A feature offered through a group or a contact is still the group (群里每天发隐藏优惠券，我拉您).
  if (CONTACT.test(text) || (own.union && (REDIRECT.test(text) || FIND_ME.test(text)))) return false;
  return own.features.some((w) => text.includes(w)) || COMMON_FEATURES.some((w) => text.includes(w));
}
