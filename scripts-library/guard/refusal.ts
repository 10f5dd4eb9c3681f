/**
 * The shop's own refusals and warnings, by structure rather than by word list (#31 item 2, task gtune): an
 * off-platform, review or privacy hit is excused when
 * - (governed) a negation or prohibition stands before it in its own clause (不 / 没 / 别 / 勿 / 禁止 / 严禁 / 谨防 …,
 *   everyday words holding 不 / 别 taken out first), nothing between them starts a new offer (直接, 但, 可以, 就…),
 *   and the sentence names the shop or the platform as the one refusing (我们 / 本店 / 平台 / 这边 …) or warns the
 *   buyer (请勿 / 不要 / 千万别 + 加 / 提供 / 相信…, 骗子 / 诈骗 / 举报 …): 「本店从不刷单，也不找人刷单」
 *   「平台规定不能站外交易」「我们的退款不需要您提供任何验证码、银行卡号」;
 * - (refused after) the buyer's words are reported (您说 / 您问 / 您想…) or quoted (“…” 「…」, no speech verb needed)
 *   and the shop refuses or disowns them after it (这个不行, 我们不能接受, 不是我们放的, 请不要加), in the same
 *   sentence or the next: 「您问能不能直接微信转账，这个真的不行哦」「卡片上写着“好评返5元，加微信领取”，这不是我们放的」.
 * Never excused, whatever the sentence says: a clause holding evidence of a real channel (a handle of letters and
 * digits, a number of five or more digits, 加我 / 发我 / 给我 / 联系我…): 「平台不让加微信，你加我vx kefu888吧」.
 * Works on any text (the plain view for the rules, the draft for the model) with offsets into it.
 */

import { shopDeclines } from './clause-roles';

const NEGATION_REACH = 14;
/** …and further along a list (验证码、银行卡号或者支付密码). */
const LIST_REACH = 28;
const LIST = /、|或者|以及|和|及/;
const HANDLE_REACH = 16;
const SENTENCE_END = /[。！!？?；;\n]/;
const CLAUSE_END = /[，,。！!？?；;\n~～]/;

/**
 * Negations that affirm: of the agent's honesty or manner (不骗人, 真没骗您, 没开玩笑, 不麻烦您), never of the act
 * after them; and a double or rhetorical one (不能不加, 不可以不, 怎么会没有返现, 哪能不返, 哪有好评不返现的).
 */
const AFFIRMING = /(?:不|没|没有)(?:骗人|骗您|骗你|开玩笑|跟您开玩笑|跟你开玩笑)|不麻烦(?:您|你)|(?:不能|不可以|不会|怎么(?:会|可能)|哪(?:能|会)|岂能)(?:不|没有?)|哪有[^，,。！!？?；;不没]{0,4}(?:不|没)/;
export const AFFIRMS = new RegExp(AFFIRMING.source, 'g');
/** Words and questions that hold 不 / 没 / 别 and negate nothing (不好意思, 别的, 能不能…, 不行的话). */
const NOT_NEGATION = new RegExp(
  `${AFFIRMS.source}|${/别急|别着急|别犹豫|别担心|不用担心|不用怕|别怕|不怕|别忘了|别忘记|千万别忘|别客气|不差钱|不给力|没事|不收手续费|不开发票|不用谢|不好意思|不客气|不错|不少|不过|不然|不仅|不同|不一样|不久|不断|不管|不定期|不满意|不舒服|不清楚|不知道|不确定|不方便|没问题|没关系|别的|别人|别家|特别|区别|级别|类别|识别|分别|告别|能不能|可不可以|要不要|会不会|是不是|行不行|好不好|对不对|有没有|用不用|[^，,。！!？?；;]{0,3}的话|不(?:给|写|打|发)?(?:好评|评价|评|晒图|晒单|追评|带图|五星|截图)不|默认(?:好评|评价)不/.source}`,
  'g',
);
/** A negation or prohibition (after NOT_NEGATION is taken out). */
const NEGATOR = /[不没别勿]|禁止|严禁|谨防|小心|拒绝|无需|无须|怎么可能|怎么会|哪能|哪会|哪有|岂能/;
/** Between the negation and the hit: a new offer starts, the negation does not reach the hit (不走平台直接微信转账). */
const RESTART = /直接|但|可是|而是|只要|只需|可以|改成|换成|就/;
/** The shop or the platform, the one refusing. */
const SHOP = /我们|咱|本店|我家|咱家|小店|店里|店铺|本店|官方|平台|客服|这边|商家|淘宝|天猫|拼多多|京东|抖音|抖店|快手|规定|规则|法律/;
/** Warning the buyer: an imperative not to hand over, add or trust, or a scam named. */
const WARNS =
  /(?:请勿|请不要|请别|不要|千万别|千万不要|切勿|别)[^，,。！!？?；;]{0,12}?(?:加|提供|相信|信|发|告诉|透露|给|转账|转|点|扫|泄露|回复|理会|联系|添加|填|输入|付|汇)|骗局|诈骗|骗子|举报|谨防|小心|冒充|不是我们|违规|违法|封店|被封/;
/** The shop refusing what came before it, by referring back to it (这个真的不行, 我们不会让您这样做的). */
const REFERS_BACK =
  /(?:这个|这样|这种|这些|这么)[^，,。！!？?；;]{0,8}?(?:不行|不能|不可以|不支持|没法|没办法|做不了|办不了|不接受|不允许|不会让|不会要求|不会索要|是违规|是不允许|不方便|不太方便|不合适|不建议|不推荐|免了|算了|不用了|不敢(?:这么|这样)?(?:说|保证|打包票|承诺))|(?:不能|不会|不可以|没法|不)[^，,。！!？?；;]{0,6}(?:这样|这么)(?:做|弄|干|搞)|是不允许的|是违规的/;
/** …or disowning reported or quoted words (不是我们放的, 请不要加, 那是骗子, 我们不支持). */
const DISOWNS = new RegExp(`${REFERS_BACK.source}|(?:^|[，,。！!？?\\s])(?:那|这)?不行(?:的|哦|呢|啊|呀)?(?:[，,。！!]|$)|不是我们|不是本店|请不要|(?:不用|不需要|不必|没必要)(?:再)?加|请勿(?!外传|声张|告诉别人|透露给别人)|千万别(?!声张|外传|告诉别人)|别加|不要加|不要信|别信|别理|不要理|(?:别|不要|谨防|小心|以免|防止|避免)上当|(?<!不是|不算)骗子|诈骗|骗局|(?:我们|本店)?从来(?:没有|没)|(?:我们|本店)(?:没有|没)(?:放|发|做|搞|办)过|(?:平台|规定|规则)(?:是)?(?:不允许|不让|禁止|不支持)|(?:我们|本店)(?:这边|家|店|客服)?(?:也|都|是|真的|从来)*(?:不能|不支持|不接受|做不了|没法|不可以|不允许|不做|不搞|不提供|不给|不留|只走平台|只在平台)`);
/**
 * The buyer's (or someone's) words reported at the start of a clause of the sentence (亲，您说想…), or what other
 * shops do (有些店会搞…, 网上有商家让…, 别的店可能会…).
 */
const REPORTED =
  /(?:^|[，,])[^，,。！!？?；;]{0,8}?(?:(?:您|你|买家|顾客|有人|对方|骗子)[^，,。！!？?；;]{0,4}?(?:说|问|想|提到|讲|要求|希望|的意思|冒充|假冒|自称)|有人(?:给|向|跟|找)(?:您|你)|(?:有些|有的|一些|别的|其他|其它|外面|网上|别家)[^，,。！!？?；;]{0,3}?(?:店|商家|卖家|人|平台))/;
/** A refusing predicate: a negated verb of doing or taking (不做, 不收, 没法接受, 坚决不搞) or one that cannot be done (收不了). */
const REFUSED_VERB = '(?:(?:(?:不|不能|不会|没法|没办法|无法|拒绝|从不|绝不|从来不)(?:做|搞|收|接受|支持|允许|参与|提供|开展|弄|办|碰|走|接|干|加|用|留)|(?:做|搞|收|接|支持|办|弄|干|加)不(?:了|到))(?:这个|这种|这些|这套|那个|那种|这事|这种事|这一套)?)';
const ADVERBS = '(?:这边|是|都|也|真的|真|实在|坚决|从来|一律|绝对|一概|肯定|确实|可|就|还是|一般|暂时)*';
const PARTICLES = '[的了哦呢啊哈呀喔噢亲哟]*(?:[，,。！!？?；;~～\\n]|$)';
const SHOP_SUBJECT = '(?:(?:我们|咱们|咱家|咱|我家|本店|小店)(?:店|家|店里|这边)?|店里|这边|平台|官方)';
/**
 * The words as a topic the shop then refuses in their clause, the refusal ending it (私下转账我们不收的, 刷单冲销量这个我们
 * 真的不做, 返现、刷单、站外引流都不做, 支付宝转账真的收不了), or in the next clause with the shop named (线下交易没有平台保障，
 * 我们不做); or the words named a scam, against the law or the rules (好评返现是骗局, 刷销量是违法的, 是平台明令禁止的行为).
 */
const TOPIC_REFUSED = new RegExp(`^[^，,。！!？?；;]{0,8}?(?:这个|这种|这些|这样|那种|那个|那些)?(?:(?:${SHOP_SUBJECT}|我)?${ADVERBS}${REFUSED_VERB}|${SHOP_SUBJECT}${ADVERBS}(?:没有|没)|${ADVERBS}(?:算了|免了|不必了|不用了))${PARTICLES}`);
const LIST_REFUSED = new RegExp(`^(?:(?:、|和|及|或)[^，,。！!？?；;、]{1,8}){1,4}?${SHOP_SUBJECT}?${ADVERBS}${REFUSED_VERB}${PARTICLES}`);
const NEXT_REFUSED = new RegExp(`^[，,](?:这个|这种|这些)?${SHOP_SUBJECT}${ADVERBS}${REFUSED_VERB}${PARTICLES}`);
/** …or the next clause warns the buyer off it (线下转账没保障，请勿操作). */
const NEXT_WARNED = /^[，,](?:请勿|请不要|千万不要|千万别|切勿|不要)(?:这样|这么)?(?:操作|做|尝试|相信|理会|上当)(?!错|失误|别家|别人|其他)/;
/**
 * An offer in the hit's own clause (加微信处理, 直接走微信转账, 给您补偿20): a refusal or warning in the next clause is then
 * no refusal of it (这个退款加微信处理，平台不支持的 offers the channel the platform does not give).
 */
const OFFERED = /处理|直接|走|给您|给你|补偿|返|吧|就|帮您|帮你|私聊|优惠/;
// Not negated (不算违规, 不是违法的, 不属于违规 say the opposite).
const NAMED_WRONG = /^[^，,。！!？?；;]{0,8}?(?<![不没非别])(?:是|属于|都是|算是?)[^，,。！!？?；;不没]{0,6}?(?:骗局|骗子|诈骗|违法|违规|禁止|不允许|不被允许|骗人|套路)|^(?:都|也|可|就|是|都是)?(?:违规|违法|骗人)的?[哦呢啊哈呀]*(?:[，,。！!；;]|$)|^(?:是|都|也|可|就)?(?:没有|没|毫无|缺乏)(?:任何)?(?:保障|保证)|^[^，,。！!？?；;]{0,4}?(?:不安全|有风险|风险很大|容易被骗|容易上当)/;
/** The words' clause ends disowning them (之前那个加微信的消息不是我发的): someone else's, not the shop's offer. */
const DISOWNED_TAIL = /^[^，,。！!？?；;]{0,10}?不是(?:我|我们|本店|咱们?)(?:发|放|寄|开|建|说)的[了哦呢啊哈呀]*(?:[，,。！!]|$)/;
/** After a disowned message: a concession (不过, 但, 也行, 没关系, 就能) or an act on the buyer offers it anyway. */
const CONCEDES = /不过|但|也行|也可以|也没事|没关系|无所谓|就能|就可以|也能|照样/;
export const offeredAnyway = (rest: string) => CONCEDES.test(rest) || ACT_ON_BUYER.test(rest) || OFFERS.test(rest.replace(NOT_NEGATION, (w) => '　'.repeat(w.length)));
const topicRefused = (text: string, start: number, end: number, whole: boolean) => {
  // A clause the model read whole may hold the refusal itself (好评返现属于违规).
  const rest = text.slice(whole ? start : end, end + 60);
  if (TOPIC_REFUSED.test(rest) || LIST_REFUSED.test(rest) || NAMED_WRONG.test(rest)) return true;
  const ce = clauseEnd(text, end);
  // Disowned, unless the sentence goes on to offer it anyway (…不是我发的，不过加了也行 / 但一单给您8块 / 点进去就能领).
  if (DISOWNED_TAIL.test(rest)) return !offeredAnyway(text.slice(clauseEnd(text, start), sentenceEnd(text, end)));
  const next = text.slice(ce, ce + 30);
  if (OFFERED.test(text.slice(clauseStart(text, start), start) + text.slice(end, ce))) return false;
  return NEXT_REFUSED.test(next) || NEXT_WARNED.test(next);
};
/** Evidence of a real channel or a request to the buyer (别给差评 asks for the review): never excused. */
/**
 * A handle or a number: letters then digits (kefu888), five digits or more, also grouped by spaces or dashes
 * (138 0000 1111, 6222-0202-…), an e-mail, or any handle right after the contact word (微信号xiaomei, v：kf_66).
 */
const HANDLE = /[A-Za-z][A-Za-z_-]*\d{3,}|\d(?:[ -]?\d){4,}|[\w.+-]+@[\w-]+\.[A-Za-z]{2,}|(?:微信号?|vx|wx|qq|邮箱|[^A-Za-z][vV])\s*[:：]?\s*[A-Za-z0-9_][A-Za-z0-9_.-]{2,}/i;
/** A request to the buyer or an offer in the clause: 发一下, 需要您的, 转账就可以, 领红包, 加个微信… */
const ASKS_TO_SEND = /发一下|发张|发个|(?<![您你])发过来|(?<!不)需要(?:您|你)的/;
const REQUEST = new RegExp(`${ASKS_TO_SEND.source}|就可以|就行|领(?:红包|现金)|加个`);
const EVIDENCE = new RegExp(`(?:别|不要|千万别|千万不要|不)给?[^，,。！!？?；;]{0,2}(?:差评|中评|低分)|加我|找我|联系我|私聊我|私信我|发我|发给我(?!们)|给我(?!们)|告诉我(?!们)|转我|转给我|打给我|扫我|我的(?:微信|vx|wx|qq|电话|手机|号)|${HANDLE.source}|${REQUEST.source}`, 'i');
/**
 * Contact me HERE (有事在这里找我, 有问题发我订单号, 订单号发我看看): the chat itself, no evidence of an outside channel.
 */
const HERE = /(?:在)?(?:这里|这儿|这边|店里|平台上?)(?:直接)?(?:找|问|联系|私信|说|留言给?)我|(?:订单号|单号|订单截图|截图|照片|图片)(?:直接)?(?:发我|发给我)|发我(?:订单号|单号|截图)/g;
/**
 * "No X, but Y" (没有好评返现这一说，不过晒图的宝宝会收到一份惊喜; 刷单是违规的，不过我们有渠道): after the refusal, a
 * reward or a way offered — the refused term is offered after all.
 */
// Not the refused term said again (但好评返现是平台明令禁止的): a reward or a way the refusal does not name, not negated.
const BUT_OFFERS = /(?:不过|但是?|可是|只是)[^。！!？?；;不没别禁]*?(?:惊喜|福利|礼物|礼品|小礼|红包|渠道|办法|门路|联系客服|私聊|私信|加了|加一下|也能领|照样领)/;
/** A scam named before quoted words: they are its script, not the shop's offer. */
const SCAM_NAMED = /(?<!不是|不算|并非|没有)(?:骗子|诈骗|骗局|冒充|假冒|钓鱼)/;
/** Keeping it quiet (千万别声张, 请勿外传, 悄悄): a secret offer, never the shop refusing. */
const SECRET = /懂的都懂|懂得都懂|你懂的|您懂的|声张|外传|别告诉别人|不要告诉别人|保密|悄悄|偷偷|私下给您|私下给你/;
/** 别 / 不要 right before 转给我, 加我…: the buyer told not to (您别转给我), no channel offered. */
const TOLD_NOT = /(?:别|不要|不用|用不着|不需要|不必|无需|千万别|千万不要|请勿|请不要|请别)再?(?:加|找|联系|私聊|私信|发给?|给|转给?|打给|扫|报给?|告诉|念给?|说给|提供给|传给?)我/g;
/** The sentence with the words that are no evidence blanked: 别转给我 (TOLD_NOT), contact me here (HERE). */
const blankNoEvidence = (sentence: string) => sentence.replace(TOLD_NOT, (w) => '　'.repeat(w.length)).replace(HERE, (w) => '　'.repeat(w.length));
const OPEN = '“「『"';
const CLOSE: Record<string, string> = { '“': '”', '「': '」', '『': '』', '"': '"' };

// Walks at most REACH characters: a paste with no marks is not read whole for every hit.
const REACH = 200;
/** Where the run of text around `at` that no `mark` breaks starts, or ends (at most REACH characters away). */
const startBefore = (mark: RegExp) => (text: string, at: number) => {
  let i = at;
  while (i > 0 && at - i < REACH && !mark.test(text[i - 1]!)) i--;
  return i;
};
const endAfter = (mark: RegExp) => (text: string, at: number) => {
  let i = at;
  while (i < text.length && i - at < REACH && !mark.test(text[i]!)) i++;
  return i;
};
const sentenceStart = startBefore(SENTENCE_END);
const sentenceEnd = endAfter(SENTENCE_END);
const clauseStart = startBefore(CLAUSE_END);
const clauseEnd = endAfter(CLAUSE_END);
/** The rest of the sentence after `at`, and the next sentence. */
const after = (text: string, at: number) => {
  const end = sentenceEnd(text, at);
  return text.slice(at, end < text.length ? sentenceEnd(text, end + 1) : end);
};

/** The quoted span [open, close] overlapping [start, end), if any: opened within the 60 characters before its end. */
function quoteAround(text: string, start: number, end: number): [number, number] | undefined {
  for (let i = end - 1; i >= Math.max(0, start - 60); i--) {
    const c = text[i]!;
    if (!OPEN.includes(c)) continue;
    const close = text.indexOf(CLOSE[c]!, i + 1);
    if (close > start) return [i, close];
    return undefined;
  }
  return undefined;
}

/** The clause holds a handle or number, or asks the buyer to send something (需要您的验证码): the model may not talk a channel or privacy hit down. */
export function clauseHoldsEvidence(clause: string): boolean {
  // Full-width letters and digits (ＱＱ：２０９８８３１７７) are the same handle.
  return HANDLE.test(clause.normalize('NFKC')) || ASKS_TO_SEND.test(clause);
}

/** A handle or a number follows the hit in its clause (加客服vx kefu888): the channel itself, never excused. */
export function handleFollows(text: string, end: number): boolean {
  return HANDLE.test(text.slice(end, Math.min(clauseEnd(text, end), end + HANDLE_REACH)).normalize('NFKC'));
}

/** Verbs of handing something over: the buyer asked to give, send, say or fill it in (提供, 发, 告诉, 填…). */
const HAND_OVER = /提供|上传|发|告诉|报|填|输入|念|说|给|留/;
/** Who speaks before the verb: the shop or the agent doing it itself (我们给您发…), not asking the buyer. */
const SHOP_DOES = /(?:我们|我|本店|这边|商家|客服|平台)(?:会|将|已|已经|先|来|帮您|帮你|给您|给你|为您)*$/;
const REQUEST_REACH = 6;
/** The platform's own page or app, where the buyer types their own data themselves. */
const OWN_PAGE = /页面|支付页|收银台|App|APP|app|弹窗|系统里|输入框|框里|官方/;
const PART_OF = /^(?:的)?(?:后|末|尾|最后)(?:[一二三四五六1-6]|几)位|^(?:的)?尾号/;

/**
 * The clause asks the buyer to hand the words of [start, end) over (请提供一下银行卡号, 卡号发一下, 把身份证号告诉我): a
 * verb of handing over just before them (its subject the buyer or none, as an imperative has) or just after them
 * (the object put first), and no negation or reported words before them in the clause. The model may not talk such
 * a request down: it asks for the very thing the hit names, whatever the model reads in the rest.
 */
export function requestsHit(text: string, start: number, end: number): boolean {
  const cs = clauseStart(text, start);
  const before = text.slice(cs, start).replace(NOT_NEGATION, (w) => '　'.repeat(w.length));
  if (NEGATOR.test(before) || REPORTED.test(text.slice(sentenceStart(text, start), start))) return false;
  // Only the last digits of it (收货人电话后四位, 尾号) is a check of the order, not the data itself.
  if (PART_OF.test(text.slice(end, end + 6))) return false;
  const near = before.slice(-REQUEST_REACH);
  const verb = near.search(HAND_OVER);
  // Typed into the platform's own page (请在支付页面输入支付密码): no one is handed anything.
  if (verb >= 0 && /^(?:输入|填)/.test(near.slice(verb)) && OWN_PAGE.test(before)) return false;
  if (verb >= 0) return !SHOP_DOES.test(before.slice(0, before.length - near.length + verb));
  const rest = text.slice(end, clauseEnd(text, end)).replace(NOT_NEGATION, (w) => '　'.repeat(w.length));
  return /^[^，,。！!？?；;]{0,2}?(?:提供|发|告诉|报|填|输入|念|给)/.test(rest) && !NEGATOR.test(rest.slice(0, 4)) && !SHOP_DOES.test(before);
}

/** The buyer's own past channel (您微信问的, 你QQ上说过的): where they asked, reported. */
const CHANNEL_USED = /(?:您|你)(?:在|用|通过)?｜(?:上|里)?(?:问|说|留言|咨询|发)(?:的|过|了)/;
/** Answering in the chat itself (我在这里回复您, 平台上给您答复). */
const ANSWERED_HERE = /(?:在)?(?:这里|这儿|平台上|平台里)(?:给您|给你|帮您|帮你|跟您|跟你)?(?:回复|答复|回答|说明|解答)/;
/**
 * An answer clause that is a refusal whole (不做。 没这回事， 不用加， 不用给我的。 那肯定不行的): a negation or refusal heading
 * it, at most a verb of doing, adding or handing over after it (to 我 / 我们 when handing over), then only particles
 * to the clause's end. A negation that goes on to another word (不用担心, 不会少您的, 不难, 不做白不做) is no refusal.
 */
const DO_VERB = '(?:加|做|搞|干|收|要|用|走|留|接|碰|参与|联系|聊|弄)';
const HAND_VERB = '(?:给|发|转|报|说|提供|告诉|付|念|传)';
const TO_US = '给?(?:我们|我|客服)';
/**
 * 不用 / 不需要 + a hand-over verb with no one after it (不用发, 不用付) may be the brushing offer itself: only to 我 / 我们 is
 * it a refusal (不用给我的); a bare 不 / 别 refuses either (不发的, 别发).
 */
/** What the refusal may name after its verb: the thing asked, by a pronoun (不用那个联系, 不搞这套). */
const IT = '(?:这个|那个|这种|那种|这套|这些|这事|这种事|这回事|那回事)';
const REFUSAL_NEG = `(?:(?:不用|不需要|不必|没必要|无需|用不着)${IT}?(?:${DO_VERB}|${HAND_VERB}${TO_US})?|(?:不|别)(?:${DO_VERB}|${HAND_VERB}(?:${TO_US})?)?${IT}?|(?:不方便|不太方便)${HAND_VERB}?|(?:不可以|不行|不能|不支持|不接受|不允许|不存在|不会|不是|没有|没|免了|算了)${IT}?(?:${DO_VERB}过?)?|(?:没有|没|不用|不加)(?:QQ|qq|微信|vx|wx|私人号|小号|个人号|其他联系方式|别的联系方式)(?:号)?|只(?:在|走|用)(?:平台|店铺|这里|店里)[^，,。！!？?；;]{0,4}|(?:做|办|搞|弄|收|加)不(?:了|到))`;
const ANSWERED_NO = new RegExp(`^\\s*(?:(?:亲|宝|哈哈|抱歉|不好意思)[，,]?)?(?:那|这|这个|这种|那个)?(?:${SHOP_SUBJECT}|我)?${ADVERBS}${REFUSAL_NEG}${PARTICLES}`);
/** …or an answer cautioning the buyer to keep it (您自己留着, 谁要都别给). */
const CAUTION_ANSWER = /^\s*(?:(?:您|你)自己(?:留着|收好|保管好?|保存好)|(?:千万|一定|请)?(?:别|不要|不能|勿)(?:给|告诉|透露给?|说给|发给)(?:任何人|别人|陌生人)|(?:跟|对)?(?:谁|任何人)[^，,。！!？?；;]{0,4}都(?:别|不要|不能)(?:给|说|告诉)(?!我))[的了哦呢啊哈呀]*(?:[，,。！!]|$)/;
/** What the rest of the answer offers instead (不用加，我加你就行; 不做，改成好评返5元): the refusal is no refusal then. */
const ANSWER_THEN_OFFERS = /(?<![不没别])(?:加(?![不了])|红包|佣金|(?<!原路)返(?!回)|扫码|私聊|私信|领(?:取|钱|红包)?)|[0-9一二三四五六七八九十两]+\s*(?:元|块)/;
/**
 * A model read holding a question and its answer (买家秀返现？没这回事, 银行卡号？不用报给我): the answer refuses it
 * (answeredNo) and runs to the read's end or past it, so the read holds nothing the answer did not refuse.
 */
export function questionRefused(text: string, start: number, end: number): boolean {
  const q = text.slice(start, end).search(/[？?]/);
  if (q < 0) return false;
  const from = start + q + 1;
  const m = ANSWERED_NO.exec(text.slice(from, from + 40));
  return !!m && from + m[0].replace(/[，,。！!]$/, '').length >= end && answeredNo(text, from - 1);
}
/**
 * The buyer's question said back (刷单？ 验证码？ 要我加你微信发实拍？), then answered by a refusal (ANSWERED_NO), and the
 * rest of the answer offers nothing else: a handle, a request, an act on the buyer or a reward there keeps the hit.
 */
function answeredNo(text: string, end: number): boolean {
  const qEnd = sentenceEnd(text, end);
  if (!/[？?]/.test(text[qEnd] ?? '')) return false;
  return answerRefuses(text, qEnd + 1);
}
/**
 * Handing the data over or entering it anywhere (发到, 交给, 报给, 念出来, 填, 输入, 登录, 拍照, 截图, 转给…): after a
 * refusal that only refuses it to me / us, the data goes elsewhere after all.
 */
const HANDS_ELSEWHERE = /发到|发给|发来|发过来|交给|报给|(?:念|说|读)(?:出来|给|一下)|(?<![时候])填(?!的)|输入|登录|登陆|拍(?:照|个|张|一下|清楚)|截(?:图|个图|屏)|转给|转到|写(?:在|到)|传(?:到|给|上来)|上传|过来/;
/** A hand-over verb in a clause of `rest` that no negation before it in that clause takes back (也别填到表格里). */
function handsElsewhere(rest: string): boolean {
  for (const m of rest.matchAll(/[^，,。！!？?；;\n]+/g)) {
    const at = m[0].search(HANDS_ELSEWHERE);
    if (at >= 0 && !NEGATOR.test(m[0].slice(0, at).replace(NOT_NEGATION, (w) => '　'.repeat(w.length)))) return true;
  }
  return false;
}
/** A hand-over refused to us right after the words (不用告诉我们, 不需要发给客服, 不用付给我们). */
const REFUSED_TO_US = /^[^，,。！!？?；;]{0,12}?(?:不用|用不着|不需要|不必|无需|没必要|不要|别)(?:再|给)?(?:发给?|给|告诉|报给?|转给?|付给?|提供给?|念给?|说给?|传给?)(?:我们|我|客服)/;
/**
 * The words refused only to us after them (银行卡号不用告诉我们，填到我发的表格里; 微信付款？不用付给我们。直接转给店长):
 * the next clause or sentence hands them over or enters them elsewhere, so no refusal closes the case.
 */
export function refusedToUsThenElsewhere(text: string, end: number, from = end): boolean {
  const skip = /^[？?]/.test(text.slice(from)) ? 1 : 0;
  const m = REFUSED_TO_US.exec(text.slice(from + skip, end + 24));
  if (!m) return false;
  return handsElsewhere(toNextSentenceEnd(text, clauseEnd(text, from + skip + m[0].length)));
}
/** The hit's own words ask for it (验证码发我, 卡号告诉我), no negation before the verb in the clause. */
const ASKS_ME = /发我|发给我(?!们)|告诉我(?!们)|给我(?!们)|报给?我(?!们)|念给我/;
export function hitAsksMe(text: string, start: number, end: number): boolean {
  const m = ASKS_ME.exec(text.slice(start, end));
  if (!m) return false;
  const before = text.slice(clauseStart(text, start), start + m.index).replace(NOT_NEGATION, (w) => '　'.repeat(w.length));
  return !NEGATOR.test(before) && !REPORTED.test(text.slice(sentenceStart(text, start), start));
}
/** The refusal refuses it only to me / us (不用发给我, 不需要报给我们, 您自己留着, 谁要都别给): nothing said of anyone else. */
const TO_ME_ONLY = /(?:我们|我|客服)[的了哦呢啊哈呀]*[，,。！!]?$|自己(?:留着|收好|保管好?|保存好)|都(?:别|不要|不能)(?:给|说|告诉)/;
/** From `at` to the end of the next sentence. */
const toNextSentenceEnd = (text: string, at: number) => {
  const end = sentenceEnd(text, at);
  return text.slice(at, end < text.length ? sentenceEnd(text, end + 1) : end);
};
/**
 * An answer starting at `from` (after the question said back or quoted) that refuses (ANSWERED_NO, CAUTION_ANSWER), and
 * the rest of it offers nothing else: a handle, a request, an act on the buyer or a reward there keeps the hit; after a
 * refusal "to me / us" only, a hand-over to anyone in the next clause or sentence does too (不用发给我。念出来我帮您填).
 */
export function answerRefuses(text: string, from: number): boolean {
  const m = ANSWERED_NO.exec(text.slice(from, from + 40)) ?? CAUTION_ANSWER.exec(text.slice(from, from + 40));
  if (!m) return false;
  // The rest of the answer's own sentence (不用加，我加你就行), not the next one (没有的哈。券都在页面上).
  const at = from + m[0].length;
  if (TO_ME_ONLY.test(m[0]) && handsElsewhere(toNextSentenceEnd(text, at))) return false;
  // A wink in the next sentence (返现？没有。好评截图发我就行，你懂的): the no is for show.
  if (SECRET.test(toNextSentenceEnd(text, at))) return false;
  return !answerGoesOn(SENTENCE_END.test(text[at - 1] ?? '') ? '' : text.slice(at, sentenceEnd(text, at)));
}
/** The rest of an answer offers something after all: a handle, an act on the buyer, a reward, an exception, a request. */
export function answerGoesOn(rest: string): boolean {
  if (HANDLE.test(rest.normalize('NFKC')) || ACT_ON_BUYER.test(rest) || ANSWER_THEN_OFFERS.test(rest) || EXCEPT_US.test(rest)) return true;
  return EVIDENCE.test(blankNoEvidence(rest).replace(/就行|就可以|就好|即可/g, ''));
}
/**
 * The answer after a quoted question (“能保证明天到吗”——这个我不敢打包票): a real no (answerRefuses) or its first clause
 * refusing by referring back (这个真不敢打包票), the rest of the sentence offering nothing. 不急, 没错, 没问题, 不用客气,
 * 不麻烦 are no refusal.
 */
export function quotedDeclined(text: string, from: number): boolean {
  const at = from + (/^[\s—―\-－～~：:，,。？?!！]*/.exec(text.slice(from))?.[0].length ?? 0);
  if (answerRefuses(text, at)) return true;
  const ce = clauseEnd(text, at);
  if (!REFERS_BACK.test(text.slice(at, ce).replace(NOT_NEGATION, (w) => '　'.repeat(w.length)))) return false;
  if (/^(?:不急|没错|没问题|不用客气|不客气|不麻烦|不用担心|没事)/.test(text.slice(at, ce))) return false;
  return !answerGoesOn(text.slice(ce, sentenceEnd(text, ce)));
}

/** A clause going on with the one before it (比如身份证号和银行卡号): the negation of that one reaches it. */
const GOES_ON = /^(?:比如|例如|包括|像是|尤其是|特别是|还有|以及|或者|也不|更不)/;

/**
 * A negation before the hit in its clause (or in the clause a list goes on from) reaches it: at most so far on, and
 * no new offer between. `whole`: the hit is a clause the model read whole, its own negation counts (不会私下加买家微信);
 * a rule's hit holds its words only, and a negation inside them (补单，不用付款) asks, not refuses.
 */
function negationReaches(text: string, start: number, end: number, whole: boolean): boolean {
  let cs = clauseStart(text, start);
  // A clause listing examples of the one before: its words are what that clause refused, however far.
  const goesOn = cs > 0 && GOES_ON.test(text.slice(cs, end));
  if (goesOn) cs = clauseStart(text, cs - 1);
  const upTo = whole ? Math.max(start, end - 1) : start;
  const before = text.slice(cs, upTo).replace(NOT_NEGATION, (w) => '　'.repeat(w.length));
  const m = NEGATOR.exec(before);
  if (!m) return false;
  // The negation reaches a hit at most this far on (不需要您提供任何验证码、银行卡号), and no new offer starts between.
  const reach = start - cs - m.index;
  if (!goesOn && reach > (LIST.test(before.slice(m.index)) ? LIST_REACH : NEGATION_REACH)) return false;
  return !RESTART.test(before.slice(m.index + m[0].length));
}

/** Governed: a negation reaching the hit, with the shop refusing or a warning around. */
function governed(text: string, start: number, end: number, whole: boolean): boolean {
  if (!negationReaches(text, start, end, whole)) return false;
  const from = sentenceStart(text, start);
  const upTo = whole ? Math.max(start, end - 1) : start;
  // The shop refusing after it counts too (不用给好评返现，我们也不搞这个).
  return SHOP.test(text.slice(from, upTo)) || WARNS.test(text.slice(from, clauseEnd(text, end))) || DISOWNS.test(text.slice(end, sentenceEnd(text, end)));
}

/** After the words in their clause: a prohibition on handing them to anyone (谁要都不要给, 一律别给), none to 我. */
const HANDED_TO_NOBODY = /^[^，,。！!？?；;]{0,8}?(?:都|也|一律|千万|可)?(?:不要|别|不能|勿|不可以|千万别|千万不要)(?:随便)?(?:给|说|告诉|透露|发|转|泄露|念|报)(?!我)/;
/** The act cannot be done: a potential or modal negation inside the words or right after them (加不了微信, 加微信不方便). */
const CANNOT = /不了|不上|不方便/;
const CANNOT_AFTER = /^[^，,。！!？?；;]{0,3}?(?:不了|不上|不方便|不太方便|没法|办不到)|^[^，,。！!？?；;]{0,6}?(?:这个|这样|那个)(?:真|真的|确实|实在|可能|有点)?(?:不方便|不太方便|不合适|不行)/;
/** The words open with a negation heading another word of trading outside (不走私下交易: 不走 negates 私下; 不走支付宝转账). */
const HEADS_OUTSIDE = /^(?:不走|不搞|不做|不用|不加|不需要|不接受)(?=私下|站外|线下|平台外|场外|支付宝|微信|银行|对公|转账)/;
/** A condition or a consequence after the words (不加微信就没法返现, 不晒图的话不送): the negation asks for the act. */
const CONDITIONAL = /^[^，,。！!？?；;]{0,6}?(?:的话|就|才|没法|不能|无法|领不了|不给|不返|不送)/;
/** A reward offered (返现, 红包, 领…元): in a clause of its own, it makes a review request an inducement. */
const REWARD_OFFER = /返|红包|现金|领|佣金|补偿|奖励|[0-9一二三四五六七八九十两]+\s*(?:元|块)/;
/** Questions holding 不 (能不能帮忙拍几单): no modal negation. */
const QUESTIONS = /(.)不\1/g;
const AMOUNT = /[0-9一二三四五六七八九十两]+\s*(?:元|块)/;
/** How far before the words a negation may stand when nothing else says the shop refuses (不用加QQ, 怎么可能让您加微信). */
const BARE_REACH = 4;
/** A clause going back to what the one before named (这三样…, 谁问…, 都…). */
const BACK_TO_IT = /^(?:跟|对|和|向)?(?:这|那|谁|任何人|别人|陌生人|都|一律|千万)/;
/** The last clause of the sentence names it a scam (…的，都是诈骗). */
const NAMED_SCAM_LAST = /^[，,](?:那|这)?(?:些|种)?(?:都|就|全|全都|统统)?是(?:诈骗|骗局|骗子|骗人的|套路)[的了哦呢啊哈呀]*$/;
/** …or disowns it (…另一家店的网址，跟我们无关哈). */
const DISOWNED_LAST = /^[，,](?:这|那)?(?:个|些)?(?:都|也)?(?:跟|和|与)(?:我们|本店|咱们?|咱家|我家)(?:店|家)?(?:无关|没关系|没有关系|没有任何关系)[的了哦呢啊哈呀]*$/;
const NOT_TIED = /(?:跟|和|与)(?:评价|好评|评论|晒图|差评)(?:无关|没关系|没有关系|没有任何关系)/;
/**
 * A reward or a channel offered (送您, 返红包, 领赠品, 搜店名, 更便宜, 也能下单, 扫码付款, 加…微信): a disowning tail
 * (跟我们没关系, 跟评价无关) excuses only words reported or refused, never what the sentence offers.
 */
const OFFERS = /送(?!的)|返|领|搜|便宜|能省|能下单|可以下单|扫码|付款|惊喜|福利|红包|(?<![不没别])加(?!不)/;
/**
 * Handing it over to us after all (除了咱们客服, 客服除外, 只告诉客服, 转发客服就行, 客服核对时报一下): a "tell nobody"
 * with an exception asks for it.
 */
export const EXCEPT_US = /除了?[^，,。！!？?；;]{0,6}(?:客服|我们|我|咱们?|本店|店里)|(?:客服|我们|我|咱们?|本店)[^，,。！!？?；;]{0,6}除外|只(?:告诉|给|发|报|说)给?(?:客服|我们|我|咱们?)|(?:转发|发给|告诉|报给|给)(?:客服|我们|咱们?)(?:就行|就可以|即可|就好|吧)|(?:客服|我们)(?:核对|核实|确认|问)时|(?:我|我们|客服)(?:这边|这里)?[^，,。！!？?；;不没别]{0,4}(?:用一下|用用)/;
/**
 * [start, end) refers back to refuse what the buyer's words reported before it in its sentence asked (你说让我帮你把差评删了
 * 给你补偿，这个我做不了，也不会这么做).
 */
export function refusesReported(text: string, start: number, end: number): boolean {
  const from = sentenceStart(text, start);
  return REPORTED.test(text.slice(from, start)) && REFERS_BACK.test(text.slice(start, end).replace(NOT_NEGATION, ''));
}
/** "Tell nobody — except us" in the sentence of [start, end): it asks for the words, whatever else it negates. */
export const exceptsUs = (text: string, start: number, end: number): boolean => EXCEPT_US.test(text.slice(sentenceStart(text, start), sentenceEnd(text, end)));
/** A condition heading the clause, the words the fallback it offers (不方便的话vx聊也行, 实在不行的话wx上说): no negation between. */
const FALLBACK_BEFORE = /(?:的话|不然|否则|要不然?|实在不行)[^，,。！!？?；;不没别勿]{0,6}$/;
/** The words offered on a condition as the way to go (不方便的话vx聊也行): an offer, not a refusal, whatever the model reads. */
export const offeredOnCondition = (text: string, start: number): boolean => FALLBACK_BEFORE.test(text.slice(clauseStart(text, start), start));
/** A condition after the words (…的话, 不然, 否则): the act is what the buyer falls back on or loses, never refused. */
const ON_CONDITION_AFTER = /^[^，,。！!？?；;]{0,6}?(?:的话|不然|否则)/;
/** The reward itself denied inside the words (晒个图，没有奖励). */
const NO_REWARD = /(?:没有|没|无|不给|不送)(?:任何)?(?:奖励|返现|红包|补偿|礼品|好处)/;
const NO_REWARD_G = new RegExp(NO_REWARD.source, 'g');
/** A modal negation right before the words (不方便留电话和微信, 没法加): taken out of NOT_NEGATION, it refuses here. */
const CANNOT_BEFORE = /(?:不方便|不太方便|没法|不能|不可以)[^，,。！!？?；;]{0,6}$/;
/**
 * The words as a topic, then a negated hand-over to us ending their clause (身份证号不用发给我哦, 验证码不需要报给我们的):
 * the buyer told there is no need, nothing asked.
 */
const HANDOVER_REFUSED = new RegExp(`^[^，,。！!？?；;]{1,10}?${ADVERBS}(?:不用|用不着|不需要|不必|无需|没必要|不要|别)(?:再|给)?(?:发给?|给|告诉|报给?|转给?|提供给?|念给?|说给?|传给?)(?:我们|我|客服)${PARTICLES}`);
/** The words as a topic, the shop refusing them inside a near rule's own span (私下交易咱不走的哈). */
const REFUSED_INSIDE = new RegExp(`^[^，,。！!？?；;]{1,8}?${SHOP_SUBJECT}${ADVERBS}${REFUSED_VERB}${PARTICLES}`);

/**
 * A refusal or a warning whatever its grammar, in a sentence that holds no evidence of an act aimed at the buyer (no
 * handle or number, no 加我 / 发我 / 给我, no request): the subject left out (不走私下交易哈, 不用加QQ的哈), a bare 咱,
 * a modal or potential negation (加不了微信, 加微信发图不方便), a rhetorical question (怎么可能让您加微信呢), a caution
 * on handing it over with the object first (验证码谁问都别说). With no evidence, the words are named, not offered.
 */
function bareRefusal(text: string, start: number, end: number, whole: boolean): boolean {
  const from = sentenceStart(text, start);
  const to = sentenceEnd(text, end);
  const sentence = text.slice(from, to);
  if (SECRET.test(sentence) || REASSURES.test(sentence) || HANDLE.test(sentence.normalize('NFKC')) || EVIDENCE.test(blankNoEvidence(sentence))) return false;
  const cs = clauseStart(text, start);
  const ce = clauseEnd(text, end);
  // A reward offered in another clause of the sentence (别默认好评，手动写五星返现): the act is offered after all.
  if (REWARD_OFFER.test((text.slice(from, cs) + '｜' + text.slice(clauseEnd(text, start), to)).replace(NO_REWARD_G, ''))) return false;
  // An amount right with the words (好评返现5元) is the offer.
  if (AMOUNT.test(text.slice(cs, ce))) return false;
  const words = text.slice(start, end);
  const rest = text.slice(end, ce);
  // On a condition (微信加不了的话，您搜手机号; 不走私下交易的话就没这个价了): read before any "cannot".
  // A condition inside the words (a near rule's 私下转不了的话，换支付宝也行) makes what follows it the offer.
  const onCondition = ON_CONDITION_AFTER.test(rest) || /的话|不然|否则/.test(whole ? words : words.slice(0, -1));
  // "Tell nobody" with an exception (…，除了咱们客服) asks for it.
  const nobody = (clause: string) => HANDED_TO_NOBODY.test(clause) && !EXCEPT_US.test(sentence);
  if (nobody(rest) || (!onCondition && (CANNOT.test(words.slice(1)) || CANNOT_AFTER.test(rest)))) return true;
  // The next clause, going back to the words, cautions against handing them over (…，这三样谁问都不要给).
  const next = text.slice(ce + 1, clauseEnd(text, ce + 1));
  if (ce < to && BACK_TO_IT.test(next) && nobody(next)) return true;
  // The sentence names what came before it a scam (要您把验证码报给他的，都是诈骗), or disowns it with nothing offered.
  if (NAMED_SCAM_LAST.test(text.slice(ce, to)) || (DISOWNED_LAST.test(text.slice(ce, to)) && !OFFERS.test(text.slice(from, ce)))) return true;
  // The gift said to have nothing to do with the review (赠品是下单就送的，跟评价没关系): no reward tied to it, none offered.
  if (NOT_TIED.test(sentence) && !OFFERS.test(sentence.replace(NOT_TIED, ''))) return true;
  if (!whole && ((!onCondition && HEADS_OUTSIDE.test(text.slice(start, ce))) || NO_REWARD.test(text.slice(start, ce)) || REFUSED_INSIDE.test(text.slice(start, ce + 1)))) return true;
  // …a hand-over to us refused, unless the next clause or sentence hands it to anyone else (不用发给我，拍照发到店长那边).
  if (!EXCEPT_US.test(sentence) && HANDOVER_REFUSED.test(text.slice(start, ce + 1)) && !handsElsewhere(toNextSentenceEnd(text, ce))) return true;
  // A negation right before the act (不用加QQ, 没法加微信, 怎么可能让您加微信): not one that negates another word on the way (不明白的地方卫星问我).
  const before = text.slice(cs, whole ? Math.max(start, end - 1) : start).replace(NOT_NEGATION, (w) => '　'.repeat(w.length));
  const lead = text.slice(cs, start).replace(AFFIRMS, (w) => '　'.repeat(w.length));
  if (CANNOT_BEFORE.test(lead.replace(QUESTIONS, '')) && !/的话/.test(lead) && !RESTART.test(lead.slice(lead.search(CANNOT_BEFORE)))) return true;
  if (onCondition || CONDITIONAL.test(rest)) return false;
  const m = NEGATOR.exec(before);
  return !!m && (whole || before.length - m.index - m[0].length <= BARE_REACH) && negationReaches(text, start, end, whole);
}

/**
 * The words affirmed, not refused: a double or rhetorical negation before them in their clause (不能不加微信, 怎么会没有
 * 返现), or a negation right before them as a condition (不用线下交易的话…, 不走私下交易的话…). No reading lowers them.
 */
export function affirmedOrConditioned(text: string, start: number, end: number): boolean {
  const lead = text.slice(clauseStart(text, start), start);
  if (AFFIRMING.test(lead)) return true;
  return /(?:[不没别]|不用|不走|不需要|不加)[^，,。！!？?；;]{0,1}$/.test(lead) && ON_CONDITION_AFTER.test(text.slice(end, clauseEnd(text, end)));
}

/** "No X, but Y" after the hit's clause, in its sentence (…，不过晒图的宝宝会收到一份惊喜). */
export const butOffers = (text: string, end: number): boolean => BUT_OFFERS.test(text.slice(clauseEnd(text, end), sentenceEnd(text, end)));

/** Whether the hit [start, end) of `text` is the shop refusing or warning against it (see the file's comment). */
export function refusalScope(text: string, start: number, end: number, whole = false): boolean {
  // The hit's own words (私下给您便宜 refused by 这种不行) are what is refused, not a secret kept.
  if (SECRET.test(text.slice(sentenceStart(text, start), start) + '｜' + text.slice(end, sentenceEnd(text, end)))) return false;
  // Who does what, clause by clause: the shop declining, warning or advising, nothing offered (clause-roles.ts).
  if (shopDeclines(text, start, end, (s) => HANDLE.test(s.normalize('NFKC')) || EVIDENCE.test(blankNoEvidence(s)))) return true;
  const quote = quoteAround(text, start, end);
  if (quote) {
    // A quoted scam or request, disowned after it: a handle or number inside still counts.
    if (HANDLE.test(text.slice(quote[0], quote[1]))) return false;
    // …or named a scam before it (骗子常用话术：“…”).
    return DISOWNS.test(after(text, quote[1] + 1)) || SCAM_NAMED.test(text.slice(sentenceStart(text, quote[0]), quote[0]));
  }
  const clause = text.slice(clauseStart(text, start), clauseEnd(text, end));
  // The buyer's question said back and answered no (加个微信？不加哈): its words are asked, not offered; a handle still counts.
  if (!HANDLE.test(clause.normalize('NFKC')) && answeredNo(text, end)) return true;
  // Reported words keep their 我 (您说要我的微信): only a handle or number there is evidence.
  const reported = REPORTED.test(text.slice(sentenceStart(text, start), whole ? end : start)) || CHANNEL_USED.test(text.slice(Math.max(0, start - 4), start) + '｜' + text.slice(end, end + 6));
  if (reported ? HANDLE.test(clause) : EVIDENCE.test(blankNoEvidence(clause))) return false;
  // "No X, but Y": a reward or a way offered after the refusal, in the same sentence.
  if (butOffers(text, end)) return false;
  // …or, after the refusal's clause, pay for an order or another outside channel (只做补单，一单给您10块; 支付宝也行).
  if (OFFERED_AFTER.test(text.slice(clauseEnd(text, end), sentenceEnd(text, end)))) return false;
  if (topicRefused(text, start, end, whole)) return true;
  if (governed(text, start, end, whole)) return true;
  if (bareRefusal(text, start, end, whole)) return true;
  // The buyer's question said back, then answered no (店铺是个人收款吗？不是的，都是平台收款).
  // From the hit's start: a model hit can take in two sentences (剩下的用微信转账。这个我们没法接受).
  const rest = after(text, start);
  const ownSentence = text.slice(start, sentenceEnd(text, start));
  const back = REFERS_BACK.exec(ownSentence.replace(NOT_NEGATION, (w) => '　'.repeat(w.length)));
  // Not a later clause whose subject is the platform or a price (私下给您便宜，平台上这样不行): the offer's contrast, no refusal.
  if (back && !(start + back.index >= clauseEnd(text, start) && CONTRAST.test(text.slice(clauseStart(text, start + back.index), start + back.index + back[0].length)))) return true;
  // …or answered here instead (上次您微信问的那个问题，我在这里回复您): the buyer's channel named, the chat kept.
  return reported && (DISOWNS.test(rest.replace(NOT_NEGATION, '')) || ANSWERED_HERE.test(rest));
}

/** Pay per order or another outside channel offered after a refusal (一单给您10块, 佣金日结, 支付宝也行, 补单). */
const OFFERED_AFTER = /[0-9一二三四五六七八九十两]+\s*(?:元|块)(?!.*(?:优惠券|券|立减|满减))|佣金|提成|辛苦费|补单|(?:支付宝|微信|vx|wx|qq|银行卡|私聊|私下)[^，,。！!？?；;]{0,4}(?:也行|也可以|可以|就行|没问题)/i;
/** A clause with the platform or a price as its subject (平台上…, 走平台…, 这个价…, 这个折扣…). */
const CONTRAST = /^(?:在|走|到|用)?(?:平台|淘宝|天猫|拼多多|京东|店铺|官方)(?:上|里|内|那边)?|^(?:这个|这|那个)?(?:价|价格|价钱|折扣|优惠|活动价)/;
/** Reassuring the buyer about the act (放心做, 不违规): it is offered. */
const REASSURES = /放心(?:做|加|转|拍|刷|去|吧)|不算违规|不是违规|不违规|不违法|不是违法|不属于违规|是真的/;
/** Acts on the buyer a refusal never holds: adding them, paying them, a brushing job's pay or its empty parcel. */
const ACT_ON_BUYER = /加你|加您|[少欠]了?(?:你|您)的|\d+\s*(?:元|块)|[退返转打]给?(?:你|您)|提成|佣金|辛苦费|不发货|空单|空包|改完|改成好评|打卡上|打到卡/;
/** A negation or prohibition in the hit's clause before its words. */
const NOT_PLAIN = /[不没别勿]|禁止|严禁|谨防|小心|拒绝|无需|无须|怎么可能|哪能|违规|违法|诈骗|骗/;
/**
 * The words stand in a clause that negates, forbids or asks something, and their sentence holds no evidence of an act
 * aimed at the buyer (no handle or number, no 加我 / 发我 / 给我, no request, no reward offered elsewhere): however the
 * scope failed to read it, a stock term there is named, not offered — 建议改 at most, never 必改 (policy.ts).
 */
export function namedWithoutEvidence(text: string, start: number, end: number): boolean {
  const from = sentenceStart(text, start);
  const to = sentenceEnd(text, end);
  const sentence = text.slice(from, to);
  if (SECRET.test(sentence) || HANDLE.test(sentence.normalize('NFKC')) || EVIDENCE.test(blankNoEvidence(sentence)) || BUT_OFFERS.test(text.slice(clauseEnd(text, end), to))) return false;
  if (ACT_ON_BUYER.test(sentence) || REASSURES.test(sentence) || affirmedOrConditioned(text, start, end)) return false;
  const cs = clauseStart(text, start);
  if (REWARD_OFFER.test((text.slice(from, cs) + '｜' + text.slice(clauseEnd(text, start), to)).replace(NO_REWARD_G, ''))) return false;
  // Before the words only: a negation after them often promises (好评返现不会少您的).
  return NOT_PLAIN.test(text.slice(cs, start).replace(NOT_NEGATION, '').replace(QUESTIONS, ''));
}
