/**
 * One reading of who does what in each clause of a sentence (#31, task gtune, eighth session), and the decision,
 * stated once, of when an off-platform, review or privacy hit is the shop declining the act rather than doing it.
 *
 * A clause is read for
 * - who acts: the shop or the agent (我 / 我们 / 客服 / 本店…), the buyer (您 / 你 / 亲), someone else (别人 / 任何人 /
 *   谁 / 骗子…) or the platform (平台 / 银行 / 官方), the first of them named;
 * - whether it is active: it offers or asks the act toward the buyer — hands something over to us (发我, 告诉客服,
 *   念一下), adds or is added (加我), pays or rewards (给您补, 返您, 领, an amount), or says it is all it takes (就行, 即可);
 * - its polarity: asked (a question said back: …？, 吗), negated, prohibited (别 / 不要 / 千万别), or plain;
 * - whether it declines: the shop or the platform negating its own act of asking, taking, doing or having it
 *   (客服不会问, 我们不会要, 本店没搞过这种活动, 我们不会拿钱换, 用不上); a prohibition on handing it to anyone (别人要也别给,
 *   任何人问都不要说, 谁问都是骗子); or advice to the buyer to protect themselves (赶紧撤回, 保管好, 只有您自己知道).
 *
 * The decision (`shopDeclines`): the hit is declined when its own clause is not active and not the shop doing it
 * plainly (a topic, a question said back, the buyer's act reported), some clause of its sentence declines, and no clause of the sentence is active, turns
 * with 但 / 不过 / 只要, or keeps it secret. A question's answer is read in the next sentence too (晒图领现金？我们家没
 * 搞过这种活动). Nothing with a handle, an amount offered or a hand-over to us is ever declined.
 */

import { spanEnd, spanStart } from './spans';
const CLAUSE_SPLIT = /[，,。！!？?；;\n~～、]/;
const REACH = 160;

export type Actor = 'shop' | 'buyer' | 'others' | 'platform' | 'none';
export type Polarity = 'asked' | 'negated' | 'prohibited' | 'plain';

export interface ClauseRole {
  start: number;
  end: number;
  actor: Actor;
  polarity: Polarity;
  /** Offers or asks the act toward the buyer (see the file's comment). */
  active: boolean;
  /** Declines the act: the shop's own negated act, a prohibition on handing it to anyone, or advice to protect. */
  declines: boolean;
}

const ACTORS: [Actor, RegExp][] = [
  ['shop', /我们|咱们?|本店|我家|小店|店里|这边|客服|商家|我(?!们)/],
  ['buyer', /您|你|亲/],
  ['others', /别人|任何人|谁|骗子|陌生人|有人|对方|其他人|外人/],
  ['platform', /平台|银行|官方|发卡行/],
];
/** Handing over to us, adding the buyer or being added, an amount or a handle: the act asked or offered, anywhere. */
const HANDS_TO_US =
  /(?:发|给|告诉|报|说|念|读|转|打|提供|拍|传|填|输入)(?:给)?(?:我(?!们(?:不|没|从)(?!会?有))|客服(?!(?:不|从|绝)(?!会?有)))|(?:发|传|报|念|说|读|填|提供|拍)(?:过来|一下)(?!了)|(?:发|传|报|念|说|读|填)下|(?:念|说|读|报)出来|(?:截图|截个图|截屏|拍照|拍个照|图片?|照片)(?:发|传)?过来(?!了)|(?:加|找|联系|私聊|私信)(?:我|一下|下)|[0-9一二三四五六七八九十两]+\s*(?:元|块)|[A-Za-z][A-Za-z_-]*\d{3,}|\d(?:[ -]?\d){4,}/;
/** A hand-over to anyone, whoever receives it (告知一下, 报给店长, 打到…卡上, 转到, 交给, 填一下, 回复在这里, 在我发的网页上…). */
const HANDS_OVER = /告知|(?:报|交|递)给|(?:打|转|汇|存|传|发)到|填(?:一下|下|到|在|写|好)|回复(?:在这里|这里|一下)|我发的/;
/** A negation right before a hand-over to us (不用发给客服, 您不用拍给我) or a review's removal (差评不用删): the clause
 * declines it and offers nothing (货不用发, with no one to receive it, is no hand-over). */
const NEG_HANDOVER = /(?:不用|别|不要|千万不要|千万别|不需要|无需|不必|用不着)(?:再|您|你)?(?:(?:发|告诉|告知|报|说|念|拍|传|转|填)(?:给|到)?(?:我们?|客服)|给(?:我们?|客服)|删|撤)/g;
/** A colleague of the shop (店长, 老板, 财务, 他…): a hand-over to them or their offer is the shop's act (加店长, 店长做). */
const COLLEAGUE = /店长|老板娘?|主管|财务|售后|业务员|同事|他(?!们|人)/;
const COLLEAGUE_ACT = /加|转|给|发|扫|付|找|联系|私聊|私信|做|表示|惊喜|照旧|返|送|补|收/;
/** Someone else named (骗子, 别人): a colleague clause naming them reports a scam, it offers nothing. */
const OTHERS_NAMED = /骗|诈|别人|陌生人|有人|对方|外人/;
/** Paying or rewarding the buyer, "that is all it takes", a gain from it: the act offered (but a question said back may name it). */
const OFFERS = /(?:返|送|给|补|退|转|打)(?:给)?(?:您|你)(?!本人|自己)|领|就(?:给|送|返)|(?<![不没])(?:更)?(?:便宜|划算|省钱|更快|快一点)/;
/** "That is all it takes" offers the act only where the clause hands, pays, adds or rewards (发我就行, 转账就可以), not 自己操作就行. */
const ALL_IT_TAKES = /就(?:能|可以|行|好)|即可/;
/** The buyer doing it themselves where it belongs (您自己在页面输入就可以): no hand-over to anyone. */
const SELF_DONE = /(?:您|你)?自己(?!发|给|转|打|加)/;
const ALL_IT_TAKES_G = new RegExp(ALL_IT_TAKES.source, 'g');
const ACT_VERB = /发|给|转|打|加|付|报|念|填|输入|上传|告诉|提供|截图|拍照|晒|评|领|返|送|红包|现金|扫/;
/** A channel or a way to pay outside the chat. */
const CHANNEL = /微信|vx|wx|qq|扣扣|钉钉|电话|手机|邮箱|支付宝|银行卡|卡上|私聊|私信|群|同号|号码|链接|二维码|收款码|付款码/i;
const CHANNEL_G = new RegExp(CHANNEL.source, 'gi');
/** What a decline can name, one family each: a decline of one does not excuse a request for another. */
const OBJECTS = [/验证码|校验码|动态码/, /密码/, /卡号|银行卡/, /身份证|证件/, /(?<!拿|花|用)钱|现金|定金|尾款|货款|押金/];
const NEGATED_OFFER = /(?:不会|不|没有?|从不|绝不|不能)(?:再|去|会)?(?:返|送|给|补|退|转|打|领)/g;
/** Turning after a refusal, or keeping it quiet: what follows may offer it after all. */
const TURNS = /^(?:但|不过|可是|只是|只要|只需|除了|除非)|除外|这次|另说|倒是|照旧|其实|悄悄|偷偷|保密|声张|懂的|放心|也行|也可以|也没事|没关系|无所谓/;
/** A request put as a question (方便告知一下…吗, 麻烦…): the shop asks it, it is not the buyer's question said back. */
const POLITE = /方便|麻烦|劳驾|辛苦|能否|请您?(?!勿|不要|别)/;
const ASKED = /[？?]$|吗$|(?:能不能|可不可以|是不是|有没有|要不要)/;
const PROHIBITED = /别|不要|千万|勿|不可以|不能/;
const NEGATED = /不|没|无/;
/** The shop or the platform negating its own act of asking, taking, doing or having it. */
const SHOP_NEGATES =
  /(?:我们|咱们?|本店|我家|小店|店里|这边|客服|商家|平台|官方)[^，,。！!？?；;]{0,6}?(?:不会|不|没|从不|从来不|从没|绝不|也不)[^，,。！!？?；;]{0,3}?(?:要|问|索要|收|搞|做|办|加|换|用|让|需要|碰|提供|开展|有(?!问题|事|风险|影响|危险|隐患)|存在)|(?:用不上|用不到|用不着|不需要这个|没有这个|没有这种)/;
/** A prohibition on handing it to anyone, or anyone asking for it named a scammer. */
const NOBODY =
  /(?:不要|别|千万别|不能|勿)(?:随便|轻易)?(?:发|给|告诉|透露)(?:人|陌生人)(?:[哈哦呢啊呀]*$|[，,])|(?:任何人|谁|别人|陌生人|其他人|外人)[^，,。！!？?；;]{0,6}?(?:都|也)?(?:不要|别|不能|千万别|不可以)(?:给|说|告诉|发|透露|报|念|信)|(?:任何人|谁|别人)[^，,。！!？?；;]{0,6}?(?:都|就|肯定)是骗子|(?:不要|别|千万别|不能)(?:给|告诉|透露)(?:任何人|别人|其他人)/;
/** The giving refused with the subject left out, ending the clause (红包就不发了哈, 返现就不给了). */
const GIVES_NONE = /(?:就|也|都|是)?(?:不|不会|没)(?:再)?(?:发|给|送|返|补|收|加)(?:了|的)?[哈哦呢啊呀~～]*$/;
/** …not a condition: a negation or the review act before it (不晒图不返, 默认好评不返) makes it the inducement. */
const givesNone = (clause: string) => {
  const m = GIVES_NONE.exec(clause);
  return !!m && !/[不没别无]|的话|如果|评|晒|星|截图/.test(clause.slice(0, m.index));
};
/** A clause sending the buyer somewhere or to an act (直接去…, 来…, …就行, …吧, 加, 找, 扫, 点). */
const DIRECTS = /直接|去|到|来|就行|就可以|即可|吧|加|找|联系|扫|点/;
/** Advice to protect themselves: take it back, keep it, only they know it. */
const PRIVATE = /验证码|密码|身份证|银行卡|卡号|证件|账号|账户|手机号|住址|人脸/;
const ADVICE = /撤回|撤掉|撤了|保管好|收好|别让别人看|打码|遮住|只有您自己|只有你自己|您自己(?:知道|留着|保管)|你自己(?:知道|留着|保管)/;

function actorOf(clause: string): Actor {
  let best: [Actor, number] = ['none', Infinity];
  for (const [actor, re] of ACTORS) {
    const m = re.exec(clause);
    if (m && m.index < best[1]) best = [actor, m.index];
  }
  return best[0];
}

/**
 * One clause read; `hit` is the part of it that is the hit's own words. Advice to protect (撤回, 保管好) declines only
 * when the hit names the buyer's data (`privateHit`): 差评撤回 / 删掉评价 ask for the review act itself.
 */
export function readClause(text: string, start: number, end: number, hit?: [number, number], privateHit = false): ClauseRole {
  const clause = text.slice(start, end);
  const mark = text[end] ?? '';
  const polarity: Polarity = ASKED.test(clause + mark) ? 'asked' : PROHIBITED.test(clause) ? 'prohibited' : NEGATED.test(clause) ? 'negated' : 'plain';
  // A question said back names the act in the hit's words (晒图领现金？): only what it says around them can offer it.
  const around = hit && polarity === 'asked' ? text.slice(start, Math.max(start, hit[0])) + '｜' + text.slice(Math.min(end, hit[1]), end) : clause;
  // A reward refused right where it is named (我们不会返您钱, 没有送) offers nothing.
  const plainAround = around.replace(NEGATED_OFFER, (w) => '　'.repeat(w.length));
  // A hand-over negated right where it is named (不用发给客服) offers nothing; one to anyone in a question said back
  // (您发到聊天里了？) is the buyer's act, unless the shop asks it politely (方便告知一下…吗).
  // …but not where the hit begins with it (不用拍了 is a rule's own words).
  const negHandover = [...clause.matchAll(NEG_HANDOVER)].some((m) => !hit || start + m.index !== hit[0]);
  const unNeg = (s: string) => s.replace(NEG_HANDOVER, (w) => '　'.repeat(w.length));
  const handsText = unNeg(polarity === 'asked' && !POLITE.test(clause) ? around : clause);
  const colleague = COLLEAGUE.test(clause) && COLLEAGUE_ACT.test(clause) && !/[不没别勿]/.test(clause) && !OTHERS_NAMED.test(clause);
  const active =
    HANDS_TO_US.test(handsText) || (HANDS_OVER.test(handsText) && (polarity !== 'asked' || POLITE.test(clause))) || colleague || OFFERS.test(unNeg(plainAround)) || (ALL_IT_TAKES.test(unNeg(plainAround)) && ACT_VERB.test(unNeg(plainAround)) && !SELF_DONE.test(clause));
  const declines = SHOP_NEGATES.test(clause) || NOBODY.test(clause) || givesNone(clause) || (privateHit && ADVICE.test(clause)) || negHandover;
  return { start, end, actor: actorOf(clause), polarity, active, declines };
}

/** The clauses of text[from, to), each read. */
export function readClauses(text: string, from: number, to: number, hit?: [number, number], privateHit = false): ClauseRole[] {
  const out: ClauseRole[] = [];
  let s = from;
  for (let i = from; i <= to; i++) {
    if (i < to && !CLAUSE_SPLIT.test(text[i]!)) continue;
    if (i > s) out.push(readClause(text, s, i, hit && hit[0] < i && hit[1] > s ? hit : undefined, privateHit));
    s = i + 1;
  }
  return out;
}

const blank = (w: string) => '　'.repeat(w.length);
const sentenceFrom = (text: string, at: number) => spanStart(text, at, REACH);
const sentenceTo = (text: string, at: number) => spanEnd(text, at, REACH);

/**
 * Whether the hit [start, end) of `text` is the shop declining or warning against its act (the file's comment).
 * `evidence`: the caller's test for a channel or a request (a handle, 发我…), run on the sentence and the next one.
 */
export function shopDeclines(text: string, start: number, end: number, evidence: (s: string) => boolean = () => false): boolean {
  const from = sentenceFrom(text, start);
  let to = sentenceTo(text, end);
  // A question said back is answered in the next sentence.
  if (/[？?]/.test(text[to] ?? '')) to = sentenceTo(text, Math.min(text.length, to + 1));
  // The next sentence may ask again (验证码？谁要都别给。截图过来): it is read for an act, not for a refusal.
  const next = to < text.length ? sentenceTo(text, to + 1) : to;
  const privateHit = PRIVATE.test(text.slice(start, end));
  const read = readClauses(text, from, to, [start, end], privateHit);
  const own = read.filter((c) => c.start < end && c.end > start);
  const later = readClauses(text, Math.min(text.length, to + 1), next, undefined, privateHit);
  if (!own.length || [...read, ...later].some((c) => c.active || TURNS.test(text.slice(c.start, c.end)))) return false;
  // The caller's evidence, clause by clause: not in a question said back (您把卡号发过来了？ is what the buyer did;
  // the reader looked for an act around its words), nor 就行 in a clause that hands over nothing (自己操作就行).
  const evidenceText = [...read, ...later]
    .map((c) => (own.includes(c) && c.polarity === 'asked' ? '' : text.slice(c.start, c.end).replace(ALL_IT_TAKES_G, blank).replace(NEG_HANDOVER, blank)))
    .join('｜');
  if (evidence(evidenceText)) return false;
  // The shop doing it, said plainly (我们私下交易便宜，平台不让): a refusal elsewhere does not take it back.
  if (own.some((c) => c.polarity === 'plain' && c.actor === 'shop')) return false;
  // A read over several clauses (我们不加私人微信，下次直接去淘宝店下单就行): a plain one sending the buyer somewhere is the act.
  if (own.length > 1 && own.some((c) => !c.declines && c.polarity === 'plain' && DIRECTS.test(text.slice(c.start, c.end)))) return false;
  // Another channel named in a clause that does not negate it (咱们不用微信，钉钉上聊吧): the act moved, not declined.
  if (read.some((c) => !own.includes(c) && CHANNEL.test(text.slice(c.start, c.end)) && c.polarity === 'plain')) return false;
  // …or suggested (钉钉上聊吧): a suggestion is no topic.
  if (own.some((c) => c.polarity === 'plain' && /吧[哈呀哦啊~～]*$/.test(text.slice(c.start, c.end)))) return false;
  // The refusal is of the hit's act: a clause refusing another channel (咱们不用微信) says nothing of 钉钉.
  const words = text.slice(start, end);
  const named = (c: ClauseRole, re: RegExp) => [...text.slice(c.start, c.end).matchAll(re)].every((m) => words.toLowerCase().includes(m[0].toLowerCase()));
  // …and a clause other than the hit's declines only the things it names (我们不会要您的密码 says nothing of 验证码).
  const aboutIt = (c: ClauseRole) => named(c, CHANNEL_G) && (own.includes(c) || OBJECTS.every((f) => !f.test(text.slice(c.start, c.end)) || f.test(words)));
  return read.some((c) => c.declines && aboutIt(c));
}
