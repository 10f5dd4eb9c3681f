/**
 * What the words around a hit say about it. Three things make a hit harmless:
 * - the rule's `cleanNear` words near it (订单号 / 运单号 / 货号 before a number);
 * - a negation in the same clause for off-platform, review and privacy rules: the agent is saying what is NOT
 *   done (「平台不允许加微信」「我们不做好评返现」「验证码不要告诉任何人」);
 * - the words are quoted buyer words (您说“我不知道尺码”…): the agent is repeating, not saying them;
 * - for service taboos, a polite question or a condition: 「不知道这个尺码合不合适您」 asks the buyer, and so does
 *   「不清楚您家宝宝多高，方便说一下吗」 (the question may end the next clause); 「没办法及时回复的话请见谅」 is an
 *   apology, not a refusal.
 * Judged on the plain view of the draft the matcher already built (no text is normalised again per hit).
 */
import type { RuleCategory } from '../shared/schema';
import type { View } from './normalize';
import { AFFIRMS, answerGoesOn, butOffers, EXCEPT_US, handleFollows, offeredAnyway, quotedDeclined, refusalScope, refusedToUsThenElsewhere } from './refusal';
import { SENTENCE_END, spanAround, spanStart } from './spans';

/** Code units that end a clause: a table, read for every character between a hit and its clause's end. */
const CLAUSE = new Uint8Array(65536);
for (const c of '，,。！!？?；;\n~～') CLAUSE[c.charCodeAt(0)] = 1;
const endsClause = (text: string, i: number) => CLAUSE[text.charCodeAt(i)] === 1;
/** A negation before the hit, in its clause and at most this far. */
const NEGATION_BEFORE = ['不能', '不可以', '不允许', '不要', '请勿', '禁止', '不支持', '不做', '不参与', '不会问', '不会让', '不会索要', '谨防', '小心', '不需要', '别相信', '拒绝', '不接受', '严禁', '不提供', '不通过', '无需', '不存在', '别信', '别把', '不搞', '不返', '不送', '从不', '从来不', '绝不', '不索取', '不索要', '们没有', '家没有', '店没有', '店里没有', '这边没有', '平台上没有', '官方没有'];
/** Refusals that negate the whole clause before the words, however far (「我们不会让您提供银行卡密码或者验证码」). */
const CLAUSE_NEGATION = ['不会让', '不会索要', '不会索取', '请勿', '禁止', '严禁', '不提供', '不通过', '无需', '不存在', '别信', '不会加', '不会私信', '不会用', '不会因为', '我们不会', '客服不会', '主播不会', '从不', '从来不', '绝不', '不用通过', '不会私聊', '不会通过', '们没有', '家没有', '店没有', '店里没有', '这边没有', '平台上没有', '官方没有', '不会请', '不会找人', '也不会'];
const NEGATION_AFTER = ['不要告诉', '不要泄露', '千万不要', '千万别', '别告诉', '不是我们建', '不是我们开', '不用提供', '不用给', '我们没有', '是不允许', '不可以', '不能给', '请勿', '都不是我们', '不是我们的', '不是本店', '千万不能', '不能告诉', '告诉别人', '没法透露', '不能透露', '不会透露', '是不安全的', '不安全', '是不做的', '是不允许的', '我们不做', '我们不搞', '一律拒绝', '别理', '别信'];
/** Each list as one alternation: one regex scan of the clause instead of a search per word. */
const anyOf = (words: string[]) => new RegExp(words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'));
const NEGATED_BEFORE = anyOf(NEGATION_BEFORE);
/** The buyer's own data named by an off-platform rule (银行卡号, 支付宝账号…). */
const PRIVATE_ITEM = /银行卡|卡号|身份证|密码|验证码|账号|账户/;
/** The shop or its staff promising never to ask for anything (我们客服永远不会问, 平台绝不会索要). */
const SHOP_NEVER_ASKS = /(?:我们|客服|本店|平台|官方|工作人员)[^，,。！!？?；;]{0,4}?(?:永远|绝对|从来|绝)不会(?:问|索要|要|找您要|向您要|让您|要求|这样|这么)/;
/** 别 / 不要 / 千万别 (给) 差评: the buyer asked to hold a bad review back. */
const NO_BAD_REVIEW = /(?:别|不要|千万别|千万不要|请勿|请不要)(?:给|打|写|留)?(?:个|我们)?(?:差评|中评|中差评|低分|一星)/;
const NEGATED_AFTER = anyOf(NEGATION_AFTER);
const NEGATED_CLAUSE = anyOf(CLAUSE_NEGATION);
export const NEGATABLE: ReadonlySet<RuleCategory> = new Set(['off-platform', 'review-inducement', 'privacy']);
/**
 * Every category: the agent refusing or warning against the words (「我们不会说傻逼这种话」「索要验证码是违规的」
 * 「本店从不索要银行卡密码」「如果有人让您加微信，那是骗子」). Speech refusals only (不会说, 禁止…): a bare 不 / 别
 * before an insult or a brush-off does not excuse it (你别跟个白痴一样).
 */
const REFUSAL_BEFORE = anyOf(['不会说', '不能说', '不会讲', '不要说', '别说', '从不说', '从不', '从来不', '从没', '绝不', '我们不做', '本店不', '禁止', '严禁', '请勿', '不允许', '谨防', '小心']);
const REFUSAL_AFTER = anyOf(['是违规的', '是不对的', '是不允许的', '是禁止的', '违反平台', '都是骗子', '是骗子', '不是我们']);
/** Claims and promises: the agent declining to claim or promise (「不敢说全网最低」「不能保证百分百不过敏」). */
const DECLINE_BEFORE = anyOf(['不敢说', '不敢保证', '不能保证', '没法保证', '无法保证', '不保证', '不好说', '不能说', '不会说', '不是', '不算', '谈不上', '称不上', '不做']);
const DECLINABLE = new Set(['absolute-claim', 'false-promise']);
/** …or a bare 不 / 不能 / 无法 right before the words (不能保证…, 不敢打包票). */
const DECLINE_ADJACENT = /(?:不能|无法|没法|不敢|不)$/;
/**
 * A warning about someone else, from the sentence's start (「如果有人让您加微信，那是骗子」「凡是要您转账的都不是我们」):
 * every category.
 */
const WARNING = /有人(?:说|让|要|冒充|找|私信|给(?:您|你)发)|(?:如果|若|凡是|任何|但凡|要是)(?:有人|[^，,。！!？?；;\n]{0,6}(?:让您|让你|要求您|要您|叫您|找您))|冒充/;
/** Someone else named (那是 / 都是 / 对方是…) right before the words. */
const THIRD_PARTY = /(?:那|这|都|对方|他们|那些|这些|这种|那种|肯定|一律|[”」』])(?:就|都|全|全都|肯定|一定)?是$|^(?:那|这|对方|他|她|他们)?(?:可能|也许|应该|八成|多半|估计|大概|肯定|一定)(?:就)?是$|^(?:那|这)(?:个|些|种)[^，,。！!？?；;你您]{0,10}的(?:人)?(?:都|就)?是$/;
/** Those who do what the clause names (…说的都是, …的那些都是): a 的-phrase as the subject. */
const WHO_DO = /的(?:人)?(?:那些|这些)?(?:都|就|全|全都)?是$/;
/**
 * …naming a scammer's act (冒充, 让您加…, 要您验证码, 陌生链接, 这么说): only then the scam; the buyer's own conduct
 * (给差评的, 说没收到的, 申请仅退款的, 催物流的) called one insults buyers.
 */
const SCAMMER_ACT = /冒充|假冒|自称|[让要叫找问向]\s*(?:您|你)|验证码|链接|转账|返钱|返现|这么说|这样说|微信|QQ|私下|站外|中奖|退税|安全账户|刷单|兼职|陌生/i;
/** …in a sentence that warns the buyer (请勿相信, 不要加, 短信…不是我们发的). */
const WARNED = /请勿|不要|别信|别相信|别理|千万别|小心|谨防|冒充|不是我们|短信|电话|链接|陌生人|提醒|所谓/;
/** The next clause cautions the buyer against giving it to anyone (任何人问都不要给, 谁要都别给). */
const CAUTION_NEXT = /^(?:任何人|谁|别人)[^，,。！!？?；;\n]{0,4}(?:都)?(?:不要|别|不能|千万别|千万不要)(?:给|说|告诉|透露|发)/;
/** …or to send it over (不用怕，发张身份证照片过来). */
const SENDS_OVER = /发一下|发张|发个|(?<![您你])发过来|拍一下|拍张/;
/** The clause asks the buyer to hand something over (发我, 告诉我, 提供…). */
const ASKS_FOR = /发我|发给我|告诉我|给我|报给?我|提供|截图(?![里中上])|拍给|说一下|报一下|念一下|(?<!不要|不用|别|勿|不|千万别|千万不要)(?:发给|发到|告诉|交给|填到|填在|填进|写到|写在)(?:客服|我们|表格|邮箱|这里|这边|群里)/;
const WARNING_REACH = 200;
/**
 * The sentence cautions the buyer about their own data (为了您的隐私安全, 建议您撤回, 注意保护隐私, 帮您撤回了, 聊天里别发
 * 证件照, 有泄露风险): a privacy hit in a
 * clause of it that asks for nothing (照片里有您的身份证号码，为了您的隐私安全，建议您撤回) is the agent protecting it.
 */
const PRIVACY_CARE =
  /为了您的(?:隐私|信息|个人信息|账户|账号)安全|保护(?:好)?(?:您的)?(?:个人)?隐私|注意(?:保护)?隐私|建议您?(?:撤回|删除|删掉)|请您?(?:撤回|删除|删掉)|帮您(?:撤回|删除|删掉|打码|隐藏)|(?:不要|别|请勿|千万别|不用)[^，,。！!？?；;]{0,6}(?:发|提供|泄露|透露|告诉)[^，,。！!？?；;]{0,3}(?:证件|身份证|照片|银行卡|卡号|密码|验证码)|泄露(?:的)?风险|(?:自己|妥善)保管|保管好|只有(?:您|你)(?:自己|本人)(?:知道|清楚|能看)|(?:您|你)自己(?:留着|收好|存好|保存好)/;
/**
 * The buyer's data named as what to cover before sending (把卡号打码, 卡号遮一下, 身份证号打上马赛克): a protecting verb
 * right after the words is advice to protect it, no request for it.
 */
const COVERING = '(?:打码|打个码|打上码|遮|盖住|挡住|涂掉|涂黑|划掉|抹掉|隐藏|打马赛克|打上马赛克|马赛克|码掉)';
// No negation in the gap (别打码, 不用遮, 不要马赛克 ask for the data whole); a password or a code is never sent covered.
const COVER_GAP = '[^，,。！!？?；;不别没勿]{0,3}?';
const COVERED_AFTER = new RegExp(`^${COVER_GAP}${COVERING}`);
const COVERED = new RegExp(`(?:卡号|银行卡|身份证号?|证件号|手机号|号码)${COVER_GAP}${COVERING}`);
const SECRET_CODE = /密码|验证码|动态码|校验码/;

/**
 * Whether the clause(s) [start, end) of the text ask for nothing and their sentence cautions the buyer about their
 * own data (PRIVACY_CARE): a privacy hit there, the rules' or the model's, is the agent protecting it.
 */
export function caresForPrivacy(text: string, start: number, end: number): boolean {
  // A photo asked for with the data covered (发截图前把卡号遮一下) asks for nothing private.
  if (COVERED.test(text.slice(start, end))) return true;
  if (ASKS_FOR.test(text.slice(start, end)) || SENDS_OVER.test(text.slice(start, end))) return false;
  let from = start;
  let to = end;
  while (from > 0 && !SENTENCE_END.test(text[from - 1]!)) from--;
  while (to < text.length && !SENTENCE_END.test(text[to]!)) to++;
  return PRIVACY_CARE.test(text.slice(from, to));
}

/**
 * Whether a whole clause (a model hit's) is in a refusal, warning or declining scope for a category: the words of
 * excuses() anywhere in it, since the model reads the clause as a whole.
 */
export function scopedClause(clause: string, category: RuleCategory): boolean {
  const text = unasked(clause);
  if (REFUSAL_BEFORE.test(text) || REFUSAL_AFTER.test(text) || WARNING.test(text)) return true;
  if (NEGATABLE.has(category) && (NEGATED_BEFORE.test(text) || NEGATED_CLAUSE.test(text))) return true;
  return DECLINABLE.has(category) && DECLINE_BEFORE.test(text);
}
const NEAR_BEFORE = 12;
const NEAR_AFTER = 4;
const BEFORE_WINDOW = 10;
const QUOTE = /(?:说|问|提到|讲|写|称|留言)[的了过道是]?\s*[：:]?\s*(["“「『‘])([^"”」』’]{1,40})["”」』’]/g;
/** The marks QUOTE opens with, and how far after one its quoted words can run (QUOTE's {1,40}). */
const OPENS_QUOTE = new Uint8Array(65536);
for (const c of '"“「『‘') OPENS_QUOTE[c.charCodeAt(0)] = 1;
const QUOTED_MAX = 40;
/** The buyer's (or someone's) words reported in the clause before the hit: the agent repeats, not says. */
const REPORTED = /(?:您|你|买家|有人|顾客)(?:刚才|之前)?(?:问|说|提到|讲)(?:的|过|了)?/;
/** A question (能不能, 可不可以…) holds 不 but negates nothing: 「差评能不能删一下」 asks for the removal. */
const QUESTION = /能不能|可不可以|要不要|会不会|是不是|行不行/g;
/**
 * A reward on a condition (不评价不返, 不晒图不送, 默认好评不返) holds 不 and refuses nothing: it asks for the review.
 */
const ON_CONDITION = /不(?:给|写|打|发)?(?:好评|评价|评|晒图|晒单|追评|带图|五星|截图)不|(?:系统)?默认(?:好评|评价)不/g;
/**
 * Every QUESTION and ON_CONDITION holds 不, every negation that affirms (AFFIRMS: 不骗人, 不能不, 怎么会没有) 不 or 没:
 * a clause without them (most) is returned as it is, with no regex run.
 */
const unasked = (text: string) => (/[不没]/.test(text) ? text.replace(AFFIRMS, '').replace(QUESTION, '').replace(ON_CONDITION, '') : text);
/** The scammer as the subject of an act (骗子说的, 骗子让您…, 骗子留的): the scam spoken of. */
const SCAMMER_DOES = /^(?:说|让|要|叫|冒充|发|留|打|用|常用|会)/;
/** Paying me (转给我, 转账给我): 我们的 after it names what the buyer paid the shop. */
const PAID_US = /转(?:账)?给我$/;
/** Money paid to the shop (打款给我们) … */
const PAID_TO_US = /(?:打款|付款|放款|结算|转账?|打钱)给我$/;
/** …by the platform once the buyer confirms (您确认收货后平台才打款给我们): its own settlement, no money sent outside. */
const SETTLES = /(?:确认收货|确认|签收|收货|收到货)(?:了|后|之后|以后)?[^，,。！!？?；;直私]{0,6}?(?:才|再|就|会|才会)$/;
/** …the platform the payer: named in the clause (确认收货后平台才打款) or as the escrow the sentence offers (用平台的担保交易). */
const PLATFORM_PAYS = /(?:平台|系统|淘宝|天猫|拼多多|京东|抖音|快手)[^，,。！!？?；;直私]{0,2}?(?:才|再|就|会|才会)$/;
const ESCROW = /平台的?(?:担保交易|担保|托管)|担保交易/;
const NOT_PLATFORM = /[不没别](?:走|用|在|经过)?平台/;
/** …with no outside channel or the buyer paying in its sentence (直接转支付宝就行, 私下转更快). */
const PAID_OUTSIDE = /支付宝|微信|vx|wx|私下|银行卡|网银|转我|先转|您转|你转|转过来/i;
/** The platform's own settlement (确认收货后平台才打款给我们): the platform pays, no outside channel in the sentence. */
function settledByPlatform(text: string, ps: number, pe: number): boolean {
  const lead = text.slice(Math.max(0, ps - 16), ps).split(/[，,。！!？?；;]/).pop()!;
  const sentence = sentenceAround(text, ps, pe);
  return SETTLES.test(lead) && (PLATFORM_PAYS.test(lead) || ESCROW.test(sentence)) && !PAID_OUTSIDE.test(sentence) && !NOT_PLATFORM.test(sentence);
}
/** The words a condition (…的话): after a negation, the act is what the buyer is steered to. */
const NEGATED_CONDITION = /^[^，,。！!？?；;]{0,4}?的话/;
/** From `pe` to the end of the next sentence (那肯定是骗子，您别理; 那种都是骗子！…千万别信), at most WARNING_REACH on. */
function sentenceAndNext(text: string, pe: number): string {
  let to = pe;
  for (let ends = 0; to < text.length && to - pe < WARNING_REACH; to++) if (SENTENCE_END.test(text[to]!) && ++ends === 2) break;
  return text.slice(pe, to);
}
/** The sentence around [ps, pe), at most WARNING_REACH either way. */
function sentenceAround(text: string, ps: number, pe: number): string {
  return spanAround(text, ps, pe, WARNING_REACH);
}
/** 不 / 别 / 勿 / 没 right before the words (不刷单, 别私下转账, 不用转账), outside a question (能不能). */
const SHORT_NEGATION = /(?:[不别勿没]|不用|不会|没有|从不|从来不|并不|绝不)[^，,。！!？?；;]{0,1}$/;
/** The clause after a taboo word asks the buyer something (您 … 吗/呢/？, or an A不A question). */
const ASKS = /[您你].*(?:[吗呢？?]|(.)不\1)|(.)不\2.*[您你]/;
const CONDITION = /^[^，,。！!？?；;]{0,8}的话/;
/**
 * The taboo word is about the buyer and the sentence asks them (不清楚您家宝宝多高，方便说一下吗): 您 / 亲 / 你 right
 * after the words, and a 吗 / 呢 / ？ before the sentence ends.
 */
/** A question about the buyer's experience or wish after the words: 这次购物体验怎么样？ */
const OPENS_A_QUESTION = /^[^。！!；;\n，,]{2,30}?(?:怎么样|如何|满意吗|合适吗|喜欢吗|好用吗)[呢呀啊]?[？?]/;
/** Not knowing (不清楚, 不确定, 看不清), and the agent going to find out (我问下技术, 我去确认, 稍后回复您). */
const KNOWING = /知道|清楚|确定|了解|懂/;
const FINDS_OUT = /我(?:这边)?(?:去|来|帮您|帮你|再)?(?:问一?下|查一?下|问问|查查|确认|核实|联系|反馈|请示|打听)|马上(?:回复|确认|问|查)|稍后(?:回复|答复|告诉)/;
/** Acknowledging (我知道了, 明白了), and acting for the buyer right after (马上帮您改, 这就给您备注). */
const ACKNOWLEDGES = /知道了|明白了/;
const ACTS = /帮您|帮你|给您|为您|马上|这就|立刻|现在就/;
const ASKS_THE_BUYER = /^[您亲你][^。！!？?；;\n]*(?:[吗呢]|[？?])/;

/**
 * Off-platform, review and privacy hits [ps, pe) of the plain text: a negation before or after the words, a refusal
 * governing the clause, reported buyer words, care for the buyer's data, a caution in the next clause, or the shop
 * refusing by structure (refusal.ts).
 */
function negatedHit(text: string, ps: number, pe: number, category: RuleCategory): boolean {
  let s = ps;
  while (s > 0 && ps - s < BEFORE_WINDOW && !endsClause(text, s - 1)) s--;
  // From the clause's start, a refusal: 「我们不会让您提供银行卡密码或者验证码」 negates the card and the code alike.
  let c = s;
  while (c > 0 && !endsClause(text, c - 1)) c--;
  // "Tell nobody — except us" (验证码别告诉别人，只告诉客服就行) asks for it.
  if (category === 'privacy' && EXCEPT_US.test(sentenceAround(text, ps, pe))) return false;
  // …what to cover before sending (截图发来时记得把卡号打码) protects it.
  if ((category === 'privacy' || PRIVATE_ITEM.test(text.slice(ps, pe))) && !SECRET_CODE.test(text.slice(ps, pe)) && COVERED_AFTER.test(text.slice(pe, pe + 12))) return true;
  // A negated act as a condition (不用线下交易的话价格要贵一倍): the act is what the buyer is steered to.
  if (SHORT_NEGATION.test(unasked(text.slice(s, ps))) && NEGATED_CONDITION.test(text.slice(pe, pe + 12))) return false;
  // Asking the buyer not to give a bad review (不要给差评，我给您补偿) is the inducement, not a refusal of it.
  if (category === 'review-inducement' && NO_BAD_REVIEW.test(text.slice(c, pe))) return false;
  // …or inside a near hit's own words (评价规范，我们不会用任何奖励换取好评: the refusal stands between them).
  if (NEGATED_CLAUSE.test(unasked(text.slice(c, pe)))) return true;
  let e = pe;
  while (e < text.length && !endsClause(text, e)) e++;
  // A gap term's own span can hold the negation too (密码千万不要告诉).
  const before = unasked(text.slice(s, pe));
  const after = unasked(text.slice(pe, e));
  if (NEGATED_BEFORE.test(before) || NEGATED_AFTER.test(after)) return true;
  if (SHORT_NEGATION.test(unasked(text.slice(s, ps)))) return true;
  // Reported buyer words without quote marks: 您问能不能返现（平台不允许的）.
  if (REPORTED.test(text.slice(s, ps))) return true;
  // …also an off-platform rule's hit on the buyer's own data (刚才那条带银行卡号的消息，建议您撤回).
  if ((category === 'privacy' || (category === 'off-platform' && PRIVATE_ITEM.test(text.slice(ps, pe)))) && caresForPrivacy(text, c, e)) return true;
  // The shop refusing or warning by structure: governed by a negation, or reported / quoted and refused after.
  if (refusalScope(text, ps, pe)) return true;
  // A caution in the next clause (付款验证码是您个人的，任何人问都不要给), when this clause asks for nothing
  // (把验证码发我，任何人问都不要给 stays flagged).
  if (text[e] !== undefined && !SENTENCE_END.test(text[e]!) && !ASKS_FOR.test(text.slice(c, e))) {
    let n = e + 1;
    while (n < text.length && !endsClause(text, n)) n++;
    if (CAUTION_NEXT.test(text.slice(e + 1, n))) return true;
  }
  return false;
}

/** A scam or trading off the platform, spoken of (别人塞的卡片, 冒充客服, 私下转账出了问题). */
const SCAM = /冒充|骗子|诈骗|别人塞|被人塞|陌生人|私下(?:交易|转账|付款)|站外|不是我们(?:发|放|寄|开|建)的/;

/**
 * A brush-off word (跟我们没关系, 管不了) in a sentence, or right after one, that warns of a scam or of trading off the
 * platform, in a clause that does not address the buyer: the shop disowning the scam, not the buyer's problem.
 */
/** The buyer told of their own loss to a scam (您在站外被骗了, 你这是上当了). */
const BUYER_LOSS = /[您你][^，,。！!？?；;\n]{0,8}(?:被骗|上当|受骗)/;
/**
 * Not knowing, then finding out for the buyer in that sentence (不太清楚，我问下技术马上回复您), or acknowledging and
 * acting (我知道了，马上帮您改地址): no brush-off. Blame (这不是我的问题，马上给你安排) stays.
 */
export function followsUp(text: string, ps: number, pe: number): boolean {
  const words = text.slice(ps, pe);
  const ack = ACKNOWLEDGES.test(words);
  if (!ack && !KNOWING.test(words)) return false;
  let to = pe;
  while (to < text.length && to - pe < WARNING_REACH && !SENTENCE_END.test(text[to]!)) to++;
  return (ack ? ACTS : FINDS_OUT).test(text.slice(pe, to));
}

export function warnsOfScam(text: string, ps: number, pe: number): boolean {
  let c = ps;
  while (c > 0 && ps - c < WARNING_REACH && !endsClause(text, c - 1)) c--;
  let e = pe;
  while (e < text.length && e - pe < WARNING_REACH && !endsClause(text, e)) e++;
  if (/[您你]/.test(text.slice(c, e))) return false;
  let from = c;
  // This sentence and the one before it.
  for (let ends = 0; from > 0 && ps - from < WARNING_REACH; from--) if (SENTENCE_END.test(text[from - 1]!) && ++ends === 2) break;
  let to = e;
  while (to < text.length && to - pe < WARNING_REACH && !SENTENCE_END.test(text[to]!)) to++;
  const around = text.slice(from, to);
  // The buyer's own loss (您在站外被骗了): disowning it is the brush-off, not a warning.
  return SCAM.test(around) && !BUYER_LOSS.test(around);
}

/** A quote whose words end in a question (“能保证明天一定到吗”): the buyer's question said back. */
const QUOTED_QUESTION = /^[^“”「」『』"]{0,40}?(?:吗|呢|么|[？?])[”」』"]/;
/**
 * The hit inside a quoted question (opened at most 40 characters before it, closed after it) declined after the quote
 * (“能保证明天一定到吗”——这个我不敢打包票): the buyer's words said back and refused, every category.
 */
function questionQuoted(text: string, ps: number, pe: number): boolean {
  const after = questionEnd(text, ps, pe);
  return after >= 0 && quotedDeclined(text, after);
}
/** Where the answer after the quoted question holding [ps, pe) starts, or -1. */
function questionEnd(text: string, ps: number, pe: number): number {
  let open = -1;
  for (let i = ps - 1; i >= Math.max(0, ps - QUOTED_MAX); i--) {
    if ('”」』'.includes(text[i]!)) return -1;
    if (OPENS_QUOTE[text.charCodeAt(i)] === 1) {
      open = i;
      break;
    }
  }
  if (open < 0) return -1;
  const m = QUOTED_QUESTION.exec(text.slice(open + 1));
  if (!m || open + 1 + m[0].length <= pe) return -1;
  return open + 1 + m[0].length;
}

/** The words in a quoted question not declined, the answer's sentence offering something (——没错，给10元; ——不多，一单5块). */
export function quotedThenOffered(text: string, ps: number): boolean {
  const after = questionEnd(text, ps, ps + 1);
  if (after < 0 || quotedDeclined(text, after)) return false;
  let to = after;
  while (to < text.length && to - after < WARNING_REACH && !SENTENCE_END.test(text[to]!)) to++;
  return answerGoesOn(text.slice(after, to));
}
// A covering word negated in the sentence (截图别打码，卡号密码都要看得清): the data asked for whole.
const NEGATED_COVER = new RegExp(`(?:别|不要|不用|不|勿|没必要)${COVERING}`);

/** Where the sentence holding `at` starts (at most WARNING_REACH before it). */
function sentenceStartOf(text: string, at: number): number {
  return spanStart(text, at, WARNING_REACH);
}
/** What a disowning names (…的消息, 短信, 通知, 链接, 卡片): someone else's words, not the shop's. */
const DISOWNED_ITEM = /(?:消息|短信|通知|链接|网址|卡片|红包|群|二维码|信息)(?:都|也|可)?$/;

/** The first index of the plain view whose character starts at or after `offset` of the draft. */
function plainIndex(view: View, offset: number): number {
  // Most drafts map one to one (from[i] = i): then the answer is the offset itself, told without a search.
  const { from } = view;
  if (offset < view.text.length && from[offset] === offset && (offset === 0 || from[offset - 1]! < offset)) return offset;
  let lo = 0;
  let hi = view.text.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (view.from[mid]! < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export function contextOf(draft: string, plain: View) {
  const text = plain.text;
  let quotes: [number, number][] | undefined;
  const quoted = (start: number, end: number) => {
    // Quoted words run at most 40 characters from their opening mark: a hit with no mark in the 40 before it is
    // not quoted, and the draft is not searched (the search tries every 说/问/… and was a twentieth of a long
    // draft's check; looking for the marks over the whole draft, a fiftieth).
    let mark = false;
    for (let i = Math.max(0, start - QUOTED_MAX); i < start && !mark; i++) mark = OPENS_QUOTE[draft.charCodeAt(i)] === 1;
    if (!mark) return false;
    quotes ??= [...draft.matchAll(QUOTE)].map((m) => {
      const at = m.index + m[0].indexOf(m[1]!) + 1;
      return [at, at + m[2]!.length] as [number, number];
    });
    return quotes.some(([s, e]) => start >= s && end <= e);
  };
  return {
    /**
     * Whether the context excuses the hit [start, end) of the draft, of a rule of this category whose clean
     * words (cleanNear, normalised) are given.
     */
    excuses(start: number, end: number, category: RuleCategory, cleanNear: readonly string[]): boolean {
      const ps = plainIndex(plain, start);
      const pe = plainIndex(plain, end);
      // 转给我 / 转账给我 going on as 我们的 (您转给我们的运费已经原路退回): money the buyer paid the shop, spoken of.
      if (PAID_US.test(text.slice(ps, pe)) && text.startsWith('们的', pe)) return true;
      if (category === 'off-platform' && PAID_TO_US.test(text.slice(ps, pe)) && text.startsWith('们', pe) && settledByPlatform(text, ps, pe)) return true;
      if (cleanNear.length) {
        const near = `${text.slice(Math.max(0, ps - NEAR_BEFORE), ps)} ${text.slice(pe, pe + NEAR_AFTER)}`;
        if (cleanNear.some((w) => near.includes(w))) return true;
      }
      // A handle or number right after the contact words is the channel itself: no refusal or quote excuses it.
      if (NEGATABLE.has(category) && handleFollows(text, pe)) return false;
      // "No X, but Y" (刷单是违规的，不过我们有渠道): the refused term offered after all.
      if (NEGATABLE.has(category) && butOffers(text, pe)) return false;
      // Refused to us only, then handed or entered elsewhere (不用告诉我们，填到我发的表格里): asked for, no scope excuses it.
      if (NEGATABLE.has(category) && refusedToUsThenElsewhere(text, pe)) return false;
      if ((category === 'privacy' || PRIVATE_ITEM.test(text.slice(ps, pe))) && NEGATED_COVER.test(sentenceAround(text, ps, pe))) return false;
      if (NEGATABLE.has(category) && negatedHit(text, ps, pe, category)) return true;
      {
        // Refusal and warning scopes, every category: before the words in the clause (10 characters at most), or after.
        let s = ps;
        while (s > 0 && ps - s < BEFORE_WINDOW && !endsClause(text, s - 1)) s--;
        let e = pe;
        while (e < text.length && !endsClause(text, e)) e++;
        const before = unasked(text.slice(s, ps));
        if (REFUSAL_BEFORE.test(before) || REFUSAL_AFTER.test(text.slice(pe, Math.min(text.length, e + 12)))) return true;
        if (DECLINABLE.has(category) && (DECLINE_BEFORE.test(before) || DECLINE_ADJACENT.test(before))) return true;
        // The shop promising never to ask (我们客服永远不会问您要验证码) refuses; it promises the buyer nothing.
        if (category === 'false-promise' && SHOP_NEVER_ASKS.test(text.slice(s, Math.min(text.length, e)))) return true;
        let from = ps;
        // At most WARNING_REACH back: a paste with no sentence marks is not walked whole for every hit.
        while (from > 0 && ps - from < WARNING_REACH && !SENTENCE_END.test(text[from - 1]!)) from--;
        if (WARNING.test(text.slice(from, ps))) return true;
        // A scam named as someone else's (那是骗子, 都是诈骗) in a sentence that warns the buyer, not the buyer called one.
        // Not an insult (那是骗子 names a scam): the agent calling anyone 傻逼 in a reply is abuse (那些打电话来催的都是傻逼).
        // …or those who do something named before it (任何这么说的都是骗子, 说好评返钱的都是骗子): they are the scam, not the buyer.
        // A scammer doing something (这个骗子说的加他微信领补偿，千万别加) in a sentence that warns the buyer.
        if (/骗|诈/.test(text.slice(ps, pe)) && SCAMMER_DOES.test(text.slice(pe, pe + 4)) && WARNED.test(sentenceAround(text, ps, pe))) return true;
        if ((category !== 'abuse' || /骗|诈/.test(text.slice(ps, pe))) && THIRD_PARTY.test(text.slice(s, ps)) && !/[你您]/.test(text.slice(s, ps)) && (WARNED.test(text.slice(from, e)) || (/骗|诈/.test(text.slice(ps, pe)) && WARNED.test(sentenceAndNext(text, pe))) || (/骗|诈/.test(text.slice(ps, pe)) && WHO_DO.test(text.slice(s, ps)) && SCAMMER_ACT.test(text.slice(from, ps))))) return true;
      }
      if (category === 'service-taboo') {
        let e = pe;
        while (e < text.length && !endsClause(text, e)) e++;
        const rest = text.slice(pe, Math.min(text.length, e + 1));
        if (CONDITION.test(rest) || ASKS.test(rest)) return true;
        if (ASKS_THE_BUYER.test(text.slice(pe, pe + 40))) return true;
        // A question opening the sentence with no 我 before it (不知道这次购物体验怎么样？) asks the buyer.
        if (OPENS_A_QUESTION.test(text.slice(pe, pe + 40)) && !/我[也都还]?$/.test(text.slice(Math.max(0, ps - 3), ps))) return true;
        if (warnsOfScam(text, ps, pe)) return true;
        if (followsUp(text, ps, pe)) return true;
        // A message, a link or a card disowned (那个让您加QQ的消息不是我发的), nothing conceded after it, is no brush-off.
        if (DISOWNED_ITEM.test(text.slice(Math.max(0, ps - 8), ps)) && !offeredAnyway(sentenceAround(text, pe, pe).slice(pe - sentenceStartOf(text, pe)))) return true;
      }
      // A quoted question agreed to and the answer offering (“晒图给红包吗”——没错，给10元): no quote excuses it.
      if (quotedThenOffered(text, ps)) return false;
      return quoted(start, end) || questionQuoted(text, ps, pe);
    },
  };
}
