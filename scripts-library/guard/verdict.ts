/**
 * The guard as agents meet it, given the model's reader and the default rules' ids it may overrule (judge.ts
 * gives the shipped ones; the service worker's check gives the ones it keeps between wakes): the rules (checkDraft) and the intent model (intent.ts) together.
 * - The rules speak first. A hit of a default word rule stands unless the model is sure (≥ VETO) that its clause
 *   means no harm (这款手机壳有微信图标的图案, 没办法再少了，送您个小礼物): then it stays as a hint, shown, not
 *   holding the send. A team's own rules and the number patterns (bank card, ID card) are never overruled.
 * - The model then speaks where no rule did: a clause (or two neighbouring clauses) it finds harmful — 懒得理你,
 *   扫一下码, 返本金 — is 建议改 (warn) when harm is likely (≥ SURE), a hint when only possible (≥ UNSURE): never
 *   必改, which needs a rule's evidence (policy.ts). Its rule id is `model-<category>`, so 不再提示 works on it.
 * SURE and VETO were chosen on two held-back splits, each scored once with the model trained on what came before:
 * round 5 (model of rounds 1–4) and round 6 (model of rounds 1–5); see tests/fixtures/guard/README.md. The shipped
 * model is trained on the whole tune split.
 */
import type { Rule, RuleCategory } from '../shared/schema';
import { checkDraft, covers, type Hit } from './check';
import { MODEL_PREFIX } from './draft-state';
import { clauses, guessesFor, NONE, unitPosterior } from './intent';
import type { IntentReader } from './intent-reader';
import { severityFor } from './policy';
import { caresForPrivacy, followsUp, NEGATABLE, quotedThenOffered, scopedClause, warnsOfScam } from './context';
import { affirmedOrConditioned, butOffers, clauseHoldsEvidence, exceptsUs, handleFollows, hitAsksMe, namedWithoutEvidence, offeredOnCondition, questionRefused, refusalScope, refusedToUsThenElsewhere, refusesReported, requestsHit } from './refusal';
import { namesOwnFeature, ownPlatformHit, ownWords } from './platforms';

export const SURE = 0.55;
export const UNSURE = 0.35;
export const VETO = 0.8;
/** A clause shorter than this is never read as excusing a rule's hit. */
export const VETO_MIN_CHARS = 6;


/** What a model hit says, per category: a sentence 替换 puts in place of the clause, or advice in （…）. */
export const INTENT_ADVICE: Record<RuleCategory, string> = {
  'off-platform': '有任何问题在这里直接找我就好，平台内交易更有保障',
  'review-inducement': '收到后有任何问题随时联系我们，评价您如实写就好',
  abuse: '不好意思，我再帮您说明一下',
  privacy: '您的账户和证件信息请妥善保管，不要告诉任何人',
  'service-taboo': '我帮您确认一下，请稍等',
  'absolute-claim': '（像是绝对化用语：换成可证明的具体描述）',
  'false-promise': '（像是无法兑现的承诺：说清条件，不要打包票）',
};

/** The hover note of a model hit: where it comes from, and how sure it is. */
export function intentNote(confidence: number): string {
  return `语义判断（把握 ${Math.round(confidence * 100)}%）：没有哪条规则写着这句话，是模型从整句读出来的。意思不是这样，可点“不再提示”。`;
}

/**
 * A clause the model reads as harm that its words excuse: it refuses, warns against or declines it (我们从来不说…,
 * 不敢说全网最低), greets (宝子你好呀 is no insult), or offers the platform's own features (发你优惠券).
 */
function modelExcused(clause: string, category: RuleCategory, own: ReturnType<typeof ownWords>): boolean {
  if (scopedClause(clause, category)) return true;
  if (category === 'abuse' && FRIENDLY.test(clause)) return true;
  if ((category === 'abuse' || category === 'service-taboo') && APOLOGY.test(clause)) return true;
  // The review left to the buyer's choice (您怎么评都行, 怎么写都由您决定) is respect, no brush-off; 你爱怎么评怎么评 stays.
  if ((category === 'abuse' || category === 'service-taboo') && BUYER_CHOOSES.test(clause) && !/爱怎么|你/.test(clause)) return true;
  // A condition about what the buyer does not know (不清楚自己肤质的话，…) is advice, no brush-off.
  if (category === 'service-taboo' && /的话$/.test(clause)) return true;
  if (category === 'service-taboo' && OFFER.test(clause)) return true;
  // Who or where the product suits (全家人都能用, 燃气灶电磁炉都可以用) is a fact, unless a claim word is in it (万能, 最).
  if (category === 'absolute-claim' && SUITS.test(clause) && !CLAIM_WORD.test(clause)) return true;
  // What a product is made of or certified as (百分之百羊毛, 国家一级能效) is a fact on its label, no claim or promise.
  if ((category === 'absolute-claim' || category === 'false-promise') && LABEL_FACT.test(clause)) return true;
  // An order's or a parcel's number asked for (退货单号发我一下) is the chat's own business, no private data.
  if (category === 'privacy' && ORDER_NUMBER.test(clause) && !PRIVATE_DATA.test(clause)) return true;
  // Inducement needs a reward: a review asked for with none (方便的话给我们写个评价吧) is a hint.
  if (category === 'review-inducement' && !REWARD.test(clause)) return true;
  return category === 'off-platform' && namesOwnFeature(clause, own);
}

/**
 * Default rules the model may overrule: word rules only (a number pattern is checked by its check digit), and not
 * the rules of evasions (sound-alikes, look-alikes (-lookalike), pinyin, signs: 颜证码, 全网zui低, 布吉岛, ⭐⭐⭐⭐⭐送): the model is not trained on
 * character-level tricks (intent-training.ts), so it cannot tell that such a clause means no harm.
 */
const EVASION_RULE = /-(?:sound|mixed|pinyin|latin|initials|signs|lookalike)(?:-|$)/;
/**
 * Nor a 必改 rule naming money moved outside the platform (支付宝转账, 私下转账, 转给我): the model reads 支付宝 and 转账 as
 * the platform's own checkout and refunds, and let 「支付宝转账就可以」 go as a hint. A refusal of it is still excused by
 * the refusal scope, which reads the sentence, not the model.
 */
const MONEY_OUT = (r: Rule) => r.category === 'off-platform' && r.severity === 'block' && r.terms.some((t) => /转账|汇款|打款|转给我|付给我/.test(t));
export const vetoableIds = (defaults: readonly Rule[]): string[] => defaults.filter((r) => !r.patterns?.length && !EVASION_RULE.test(r.id) && !MONEY_OUT(r)).map((r) => r.id);

export interface JudgeOptions {
  /** The agent's 不再提示 contexts per rule id (settings.guardAllows): a model hit holding one is dropped. */
  allows?: Readonly<Record<string, readonly string[]>>;
  /** The thresholds (defaults SURE, UNSURE, VETO). */
  sure?: number;
  unsure?: number;
  veto?: number;
  /**
   * The site the draft is typed on (the chat script's adapter id: pinduoduo, doudian, jd, taobao…): its platform's
   * own names, payment methods and features are no other channel (platforms.ts). None: every platform's.
   */
  site?: string;
}

/** A friendly opening the model must not read as abuse (宝子你好呀, 姐妹你好, 亲爱的在的): a hint at most. */
const FRIENDLY = /你好|您好|在的|在呢|欢迎|早上好|下午好|晚上好|谢谢|感谢|哈喽|嗨/;
/** The agent taking the blame or saying it again more clearly (可能我刚才没讲清楚) is no brush-off. */
const APOLOGY = /不好意思|抱歉|对不起|没讲清楚|没说清楚|换个方式/;
/** Offering a discount (看能不能给你打个97折) is no brush-off. */
const OFFER = /打折|折扣|\d+折|优惠|申请/;
/** Brushing named in the sentence besides a hit's own words: the explicit evidence a 拍下不用付款 needs (先用后付 has none). */
const BRUSHING = /补单|刷单|空包|佣金|返本金|本金|做任务|冲销量|刷销量|冲量|刷量/;
const SENTENCE_MARK = /[。！!？?；;\n]/;
const CLAUSE_MARK = /[，,。！!？?；;\n]/;
/** The text around [start, end) up to a `mark` on either side, at most `reach` characters each way. */
function around(draft: string, start: number, end: number, mark: RegExp, reach: number): [number, number] {
  let from = start;
  while (from > 0 && start - from < reach && !mark.test(draft[from - 1]!)) from--;
  let to = end;
  while (to < draft.length && to - end < reach && !mark.test(draft[to]!)) to++;
  return [from, to];
}
function brushingBeside(draft: string, start: number, end: number): boolean {
  const [from, to] = around(draft, start, end, SENTENCE_MARK, 80);
  return BRUSHING.test(draft.slice(from, start) + '｜' + draft.slice(end, to));
}
/** A material share, a certified grade or the statutory warranty (100%纯棉, 百分之百羊毛, 一级能效, 全国联保). */
const LABEL_FACT = /(?:100|百分之百|百分百)\s?[%％]?\s?(?:纯)?(?:棉|羊毛|羊绒|蚕丝|真丝|桑蚕丝|真皮|牛皮|涤纶|聚酯|亚麻|不锈钢)|[一二三1-3]级能效|能效(?:等级)?[一二三1-3]级|国标(?:一等品|合格品|优等品)|全国联保|国家三包/;
/** Letters outside ASCII that NFKC folds to ASCII: full-width (ｖｘ) and the mathematical alphabets (𝐯𝐱). */
const STYLED = /[\uFF21-\uFF3A\uFF41-\uFF5A]|[\u{1D400}-\u{1D7FF}]/u;
/** The review's stars or words left to the buyer (您怎么评都行, 怎么写都由您决定); not 怎么退都行, a promise. */
const BUYER_CHOOSES = /(?:怎么|如何|随便)(?:评|写|打分|打星|给)[^，,。！!？?；;]{0,3}都(?:行|可以|好|由您|随您|是您)|(?:评价|写|评)[^，,。！!？?；;]{0,6}由您(?:决定|来定|做主)/;
const YOURS = /(?:您|你)的/;
const CONFIRMS = /(?:对吗|是吗|对吧|对不对|是不是|没错吧|没错吗|对得上吗|正确吗)[？?]?$|[，,](?:对|是)吗?[？?]$/;
const SOMEONE_ELSE = /他|她|别人|另一|其他|其它|那位|上一位|顾客|买家|客户|同学|朋友|老公|老婆/;
const ORDER_NUMBER = /单号|订单号|订单编号|售后单|工单/;
const PRIVATE_DATA = /验证码|密码|身份证|银行卡|卡号|证件|账号|账户|地址|手机|电话/;
/** Someone called the word (都是 / 就是 / 是个 right before it). */
const CALLED = /是(?:个|些|群|一群|一帮)?$/;
/** A clause saying who or where the product suits: a range named, then 都能 / 都可以 / 适合 + use. */
const SUITS = /都(?:能|可以)(?:用|穿|吃|戴|喝|洗|装|放)|都适合|适合(?:全家|大人|小孩|老人|各种)/;
/** The words that make such a clause a claim after all (万能, 最, 第一, 100%, 绝对…). */
const CLAIM_WORD = /最|第一|顶级|顶尖|极致|绝对|唯一|万能|无敌|完美|百分|100|全网|全球|全国|永久|永远|独家|首选|冠军|神器|史上|no\.?1|任何|所有/i;
/** What makes a review request an inducement: a reward, money, or taking a review down (晒单 and 下单 are no reward). */
const REWARD = /返|红包|现金|补偿|券|送|赠|奖|钱|元|块|佣金|补贴|优惠|礼|退|删|撤|改|免单|福利|本金|刷|[拍做刷补空]单/;

/**
 * Words in the hit's own clause that push the act (加微信处理, 直接走微信转账, 给您补偿20, …吧), or in its sentence that
 * reassure about it (放心做, 不算违规, 是真的, 别声张): the model does not talk a rule's hit down there, whatever it reads.
 */
const PUSHED = /处理|直接走|走微信|走支付宝|走银行|补偿|吧|私聊/;
const REASSURED = /放心(?:做|加|转|拍|刷|去|吧)|不算违规|不是违规|不违规|不违法|不是违法|不属于违规|是真的|声张|外传/;
function pushedAround(draft: string, start: number, end: number): boolean {
  const [cs, ce] = around(draft, start, end, CLAUSE_MARK, 80);
  if (PUSHED.test(draft.slice(cs, start) + '｜' + draft.slice(end, ce))) return true;
  const [from, to] = around(draft, start, end, SENTENCE_MARK, 120);
  return REASSURED.test(draft.slice(from, to));
}

/** The sentence around a model hit refuses or warns against it (refusal.ts), cares for the buyer's data, or disowns a scam. */
const inScope = (draft: string, start: number, end: number, category: RuleCategory) =>
  ((category === 'privacy' || category === 'service-taboo') && caresForPrivacy(draft, start, end)) ||
  (NEGATABLE.has(category) && refusalScope(draft, start, end, true)) ||
  (category === 'service-taboo' && (warnsOfScam(draft, start, end) || followsUp(draft, start, end)));

/** The categories whose stock terms name an act that needs evidence to hold a send (policy.ts). */
const NAMED_AT_MOST: ReadonlySet<RuleCategory> = new Set(['off-platform', 'review-inducement', 'privacy']);

/** A form of address opening a clause (老铁，… 家人，… 宝，…): how the agent greets, never the harm itself. */
const ADDRESS = /^(?:老铁们?|家人们?|宝子?|宝贝|亲亲?|亲爱的|姐妹们?|朋友|兄弟|美女|帅哥|小伙伴)[，,\s]*/;
/** Sending a photo or a screenshot here (拍照给我, 截个图发我, 我发个图给您): the chat's own feature, unless a channel is named. */
const PHOTO_HERE = /[拍截](?:个|张|一下)?(?:照|图|视频)(?:片)?(?:给我|发我|发给我|发过来)|发(?:个|张|几张)?(?:图|图片|照片|视频)(?:给您|给你)/;
const CHANNEL = /微信|vx|wx|qq|扣扣|邮箱|电话|手机|号/i;
/** The second person: an abuse read in a greeting sentence is still one when it is aimed at the buyer (你…). */
const YOU = /你|您(?!好)/;

/**
 * Whether the model's read of [start, end) is excused: its words excuse it (modelExcused), its sentence refuses or
 * warns (inScope), every clause of a two-clause read is excused on its own (我们不拉群也不加私人号，下次直接来快手小店),
 * the read rests on a form of address only (老铁，那就这么定了 read without 老铁 is no harm), a brush-off or insult
 * read in a sentence that greets (宝，您好呀，今天想买点什么？) with no 你 / 您 (other than 您好) in it, or a photo sent here.
 */
function readExcused(reader: IntentReader, draft: string, start: number, end: number, category: RuleCategory, own: ReturnType<typeof ownWords>, sure: number): boolean {
  const text = draft.slice(start, end);
  // Refused to us only, then handed or entered elsewhere (银行卡号不用告诉我们，填到我发的表格里): never excused.
  if ((category === 'off-platform' || category === 'privacy') && refusedToUsThenElsewhere(draft, end, start)) return false;
  if (modelExcused(text, category, own) || inScope(draft, start, end, category)) return true;
  // A question said back and answered no (买家秀返现？没这回事), unless the question is aimed at the buyer (你…).
  if (questionRefused(draft, start, end) && !(category === 'abuse' && YOU.test(text))) return true;
  // The buyer's own data read back to them to confirm (您的地址是…，收件人王女士，对吗？), no one else's named.
  if (category === 'privacy' && YOURS.test(text) && CONFIRMS.test(sentenceOf(draft, start, end) + (draft[around(draft, start, end, SENTENCE_MARK, 120)[1]] ?? '')) && !SOMEONE_ELSE.test(sentenceOf(draft, start, end))) return true;
  // The shop refusing what the buyer asked for (你说让我帮你把差评删了…，这个我做不了) is no brush-off.
  if (category === 'service-taboo' && refusesReported(draft, start, end)) return true;
  const parts = [...text.matchAll(/[^，,。！!？?；;\n]+/g)];
  const partExcused = (part: string, at: number) => modelExcused(part, category, own) || inScope(draft, at, at + part.length, category) || (category === 'off-platform' && namesOwnSite(part, own));
  if (parts.length > 1 && parts.every((m) => partExcused(m[0], start + m.index))) return true;
  const address = ADDRESS.exec(text);
  if (address && address[0].length < text.length) {
    const k = reader.labels.indexOf(category);
    if (k >= 0 && unitPosterior(reader, text.slice(address[0].length))[k]! < sure) return true;
  }
  if ((category === 'abuse' || category === 'service-taboo') && !YOU.test(text) && FRIENDLY.test(sentenceOf(draft, start, end))) return true;
  return category === 'off-platform' && PHOTO_HERE.test(text) && !CHANNEL.test(sentenceOf(draft, start, end));
}
/** A clause sending the buyer to the console's own platform (下次直接来快手小店), when the site is known and no channel is named. */
const namesOwnSite = (part: string, own: ReturnType<typeof ownWords>) => !own.union && !CHANNEL.test(part) && own.names.some((n) => part.toLowerCase().includes(n));
const sentenceOf = (draft: string, start: number, end: number) => {
  const [from, to] = around(draft, start, end, SENTENCE_MARK, 120);
  return draft.slice(from, to);
};

/** The model that reads the clauses, and the ids of the default rules it may overrule (vetoableIds). */
export interface Judge {
  reader: IntentReader;
  vetoable: ReadonlySet<string>;
}

export function judgeWith({ reader, vetoable }: Judge, draft: string, rules: readonly Rule[], { allows = {}, sure = SURE, unsure = UNSURE, veto = VETO, site }: JudgeOptions = {}): Hit[] {
  const own = ownWords(site);
  // The console's own platform, payment methods and features are no other channel.
  const ruled = checkDraft(draft, rules).filter((h) => h.category !== 'off-platform' || !ownPlatformHit(draft, h.start, h.end, own));
  if (!draft.trim()) return ruled;
  const none = reader.labels.indexOf(NONE);
  const cs = clauses(draft);
  const clauseOf = (at: number) => cs.find((c) => c.start <= at && at < c.end);
  const hits = ruled.map((h0) => {
    // A default term in a clause that negates, forbids or asks, with no evidence of an act in its sentence: 建议改 at most.
    const h = h0.severity === 'block' && vetoable.has(h0.ruleId) && NAMED_AT_MOST.has(h0.category) && namedWithoutEvidence(draft, h0.start, h0.end) ? { ...h0, severity: 'warn' as const } : h0;
    // A handle or number after the contact words (加客服vx kefu888) is evidence the model cannot talk down.
    if (h.severity === 'hint' || !vetoable.has(h.ruleId) || handleFollows(draft, h.end)) return h;
    // Letters typed in a styled or full-width form (𝐯𝐱, ｖｘ) are an evasion the model never saw: it does not overrule them.
    if (STYLED.test(h.text) && h.text.normalize('NFKC') !== h.text) return h;
    const c = clauseOf(h.start);
    if (!c || c.end < h.end) return h; // a hit across clauses: the model read neither alone
    if (c.end - c.start < VETO_MIN_CHARS) return h; // too few words to overrule a rule (您看着办)
    if ((h.category === 'off-platform' || h.category === 'privacy') && clauseHoldsEvidence(draft.slice(c.start, c.end))) return h; // kefu@qq.com, 需要您的验证码
    if ((h.category === 'off-platform' || h.category === 'privacy') && requestsHit(draft, h.start, h.end)) return h; // 请提供一下银行卡号
    // "Tell nobody — except us" asks for it (验证码谁问都别给，客服除外); a fallback on a condition offers it (不方便的话vx聊也行).
    if ((h.category === 'off-platform' || h.category === 'privacy') && (exceptsUs(draft, h.start, h.end) || offeredOnCondition(draft, h.start))) return h;
    // Refused to us only, then handed or entered elsewhere (不用告诉我们，填到我发的表格里): asked for after all.
    if ((h.category === 'off-platform' || h.category === 'privacy') && (refusedToUsThenElsewhere(draft, h.end, h.start) || hitAsksMe(draft, h.start, h.end))) return h;
    if (quotedThenOffered(draft, h.start)) return h; // “晒图给红包吗”——没错，给10元: the quoted question agreed to, then offered
    if (h.category === 'review-inducement' && brushingBeside(draft, h.start, h.end)) return h; // 直接拍下不用付款，我们补单
    if (NAMED_AT_MOST.has(h.category) && (affirmedOrConditioned(draft, h.start, h.end) || butOffers(draft, h.end))) return h; // 不可以不加微信; 刷单是违规的，不过我们有渠道
    if (h.category !== 'abuse' && pushedAround(draft, h.start, h.end)) return h; // 这个退款加微信处理，平台不支持的
    if (unitPosterior(reader, draft.slice(c.start, c.end))[none]! < veto) return h;
    // An insult said of people (问这种链接的都是弱智) is still one: the model may lower it to 建议改, not to a hint.
    return { ...h, severity: h.category === 'abuse' && CALLED.test(draft.slice(c.start, h.start)) ? ('warn' as const) : ('hint' as const) };
  });
  const taken = hits.filter((h) => h.severity !== 'hint');
  const found: Hit[] = [];
  // Surest first: a pair that is surer than its clauses takes their place, and the other way round.
  for (const g of guessesFor(reader, draft, unsure, cs).sort((a, b) => b.p - a.p)) {
    if (taken.some((h) => h.start < g.end && h.end > g.start)) continue;
    if (found.some((h) => h.start < g.end && h.end > g.start)) continue;
    const ruleId = `${MODEL_PREFIX}${g.category}`;
    const text = draft.slice(g.start, g.end);
    if ((Object.hasOwn(allows, ruleId) ? allows[ruleId]! : []).some((a) => a && covers(draft, a, g.start, g.end))) continue;
    found.push({
      start: g.start,
      end: g.end,
      text,
      ruleId,
      category: g.category,
      // A clause that refuses, warns against or declines what the model reads (我们从来不说…, 不敢说全网最低) is a hint.
      severity: g.p >= sure && !readExcused(reader, draft, g.start, g.end, g.category, own, sure) ? severityFor(g.category, 'model') : 'hint',
      suggestion: INTENT_ADVICE[g.category],
      confidence: Math.round(g.p * 100) / 100,
    });
  }
  if (!found.length) return hits;
  // A model hit replaces the rule hints inside it (it says more); the rest keep their place, in order.
  const kept = hits.filter((h) => h.severity !== 'hint' || !found.some((f) => f.severity !== 'hint' && f.start <= h.start && h.end <= f.end));
  return [...kept, ...found].sort((a, b) => a.start - b.start || b.end - a.end);
}
