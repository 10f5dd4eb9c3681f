/**
 * What the conversation so far says, for the suggestions (#32, round 7: most false firsts were right for the last
 * message alone and wrong for the chat — a 仅咨询 farewell to a buyer who had ordered). Pure: the earlier turns
 * (`{from, text}`, newest last, as the console adapter read them) in, a few facts out. It only ever reads words: a
 * fact it misses leaves the suggestions as they were without context; a fact read is used to keep phrases from
 * leading (lead guards' `notAfter`), never to push one forward that would not have led anyway.
 */
import { normalizeTerm } from '../guard/normalize';
import { CHAT_FACTS, type ChatFact } from '../shared/chat-facts';

export { CHAT_FACTS, type ChatFact };

/** One earlier turn of the open conversation. */
export interface Turn {
  from: 'buyer' | 'agent';
  text: string;
}

/** How many earlier turns the suggestions read, and how much of each (the adapters cap what they send the same way). */
export const HISTORY_TURNS = 12;
export const HISTORY_CHARS = 300;


/** A word is not read when one of these comes right before it (没付, 还没收到, 不退). */
const NEGATED = /[没未不別别無无]$|没有$|还没$|還沒$|不想$|不要$|不打算$/;

/** Each fact's words, in the buyer's turns (and the agent's where the agent says it of the buyer's order). */
const BUYER_WORDS: Record<ChatFact, readonly string[]> = {
  ordered: ['拍了', '拍好了', '已拍', '拍下了', '下单了', '下了单', '已下单', '下好单', '买了', '订单号', '我的订单', '我的快递', '我的包裹', '发货了吗', '发货没', '还没发货', '拍的', '前买的', '天买的', '我买的', '地址写错', '改地址', '改一下地址', '订单尾号', 'ordernumber', '拍咗', '买咗'],
  paid: ['付了', '付好了', '付过了', '付完了', '付款了', '已付', '已经付', '付款成功', '支付成功', '钱付了', '付上了', '付成功', '付咗', '俾咗钱', 'pay了', 'paid', 'fule', 'fukuanle'],
  // 物流 alone is asked before buying too (你们发什么物流): only the buyer's parcel's 物流 says it was sent.
  shipped: ['我的物流', '物流信息', '物流显示', '物流一直', '物流怎么', '物流不动', '物流没', '物流停', '物流还', '天没更新', '没有更新', '不更新了', '查物流', '看物流', '物流到', '到哪了', '到哪里了', '到哪儿了', '中转', '派送', '签收', '快递一直', '快递怎么', '我的快递', '我的包裹', '包裹一直', '快递到', '运单号', '单号呢'],
  received: ['收到了', '收到货', '签收了', '到货了', '已经到了', '穿了', '用了两', '用了几', '试穿'],
  'after-sales': ['退货', '退款', '换货', '补发', '退回', '退换', '破损', '坏了', '破了', '质量问题', '发错', '少发', '漏发', '少了一', '换大', '换小', '换个码', '换一个码', '换码'],
  // A buyer's 到货通知我 asks; only the shop's words promise (or the buyer quoting them: quotesShop).
  'notify-promised': [],
  measured: ['斤', '公斤', 'kg', 'cm', '公分', '身高', '体重', '一米', '1米', '平时穿', '一般穿', '平常穿'],
};
const AGENT_WORDS: Record<ChatFact, readonly string[]> = {
  ordered: ['您的订单', '您拍下', '您拍的', '订单已', '已经发货', '已发货', '已发出', '运单号', '物流单号', '快递单号', '帮您改好', '已经改好', '帮您改成', '已备注', '已经备注'],
  paid: ['已付款', '付款成功', '已收到您的付款', '已经付款', '尽快为您发货', '安排发货', '付款已经收到'],
  shipped: ['已经发货', '已发货', '已发出', '已经发出', '发出了', '单号', '派送', '转运', '在路上', '到您所在'],
  received: ['收到货后', '签收后'],
  'after-sales': ['退货', '退款', '换货', '补发', '售后', '给您带来的不便'],
  'notify-promised': ['第一时间通知', '到货后通知', '到货通知', '补货后通知', '到了通知您', '到货后告诉', '到货了告诉', '到货后我'],
  measured: [],
};

/** A question about the return policy before buying (能退吗, 七天无理由): no after-sales yet. */
const POLICY_ASK = ['能退', '可以退', '能换', '可以换', '支持退', '无理由', '能不能退', '能不能换', '包退', '包换'];

/** Whether the word at `at` in the text comes right after a negation (不买了, 还没拍): a lead guard's `says` too. */
export const negatedAt = (text: string, at: number): boolean => NEGATED.test(text.slice(Math.max(0, at - 3), at));

/**
 * Words that say an order only when said of one made: not in a condition (如果拍的话, 要是买了) nor a 吗 question about
 * one to come (买了不合适能退吗) in the same clause.
 */
const MADE_WORDS = new Set(['拍的', '拍了', '买了']);
const CONDITION = /要是|如果|假如|万一|的话/;
/** What may not come right after a word (拍的时候 is no order; 到货了通知我 asks to be told). */
const NOT_FOLLOWED: Partial<Record<string, RegExp>> = {
  拍的: /^(时候|话)/,
  到货了: /^(再|就|马上|第一时间)?(通知|告诉|提醒|叫|喊|说一声|吗|没)/,
};
const CLAUSE_END = /[，。,.!！?？;；~～]/;

/** Whether the word at `at` in the text says what it says (see NEGATED, MADE_WORDS, NOT_FOLLOWED). */
function reads(text: string, w: string, at: number): boolean {
  if (negatedAt(text, at)) return false;
  const after = text.slice(at + w.length);
  if (NOT_FOLLOWED[w]?.test(after)) return false;
  if (!MADE_WORDS.has(w)) return true;
  const start = Math.max(...[...'，。,.!！?？;；~～'].map((c) => text.lastIndexOf(c, at))) + 1;
  const end = after.search(CLAUSE_END);
  const clause = text.slice(start, at + w.length + (end < 0 ? after.length : end));
  return !CONDITION.test(clause) && !/吗|(?<![什怎这那多要])么/.test(clause.slice(at - start));
}

/** Whether the text holds one of the words where it says it (还没收到 is no 收到了). */
function holds(text: string, words: readonly string[]): boolean {
  for (const w of words) {
    for (let at = text.indexOf(w); at >= 0; at = text.indexOf(w, at + 1)) if (reads(text, w, at)) return true;
  }
  return false;
}

const norm = (text: string): string => normalizeTerm(text, false).toLowerCase().replace(/\s+/g, '');

/** The facts the turns show (a fact once shown stays: a buyer who paid has paid). */
export function chatFacts(turns: readonly Turn[]): Set<ChatFact> {
  const out = new Set<ChatFact>();
  for (const t of turns) {
    const said = norm(t.text);
    const words = t.from === 'buyer' ? BUYER_WORDS : AGENT_WORDS;
    for (const f of CHAT_FACTS) if (!out.has(f) && holds(said, words[f]) && !(f === 'after-sales' && POLICY_ASK.some((w) => said.includes(w)))) out.add(f);
  }
  // Paying, shipping or receiving is ordering first; receiving is shipping.
  if (out.has('received')) out.add('shipped');
  if (out.has('paid') || out.has('shipped')) out.add('ordered');
  return out;
}

/** A message that points back at an earlier ask (刚才问的, 我昨天问的) rather than saying one (那个呢 may be another item). */
const FOLLOW_UP = ['刚才问', '刚刚问', '刚才说', '刚刚说', '昨天问', '之前问', '上面问', '前面问', '我问的', '问你的', '刚才那个', '上面那个', '前面那个'];
/** …and one that says the answer missed it (我问的不是这个, 刚才说的不对): no earlier ask answers that. */
const DISOWNS = ['不是', '不对', '没问', '不是这个'];
/** An agent turn that holds the chat rather than answering (亲稍等, 帮您查一下). */
const HOLDS = ['稍等', '等一下', '等等', '马上', '查一下', '帮您查', '帮你查', '看一下', '核实', '确认一下', '在的'];

export function followsUp(message: string): boolean {
  const said = norm(message);
  return said.length <= 16 && FOLLOW_UP.some((w) => said.includes(w));
}

/**
 * The buyer's earlier turn a follow-up points back at: the last one before it that is more than a bare word or two,
 * when no agent turn after it answered (an answer the buyer then points at is disputed, not asked again).
 */
export function followUpOf(message: string, turns: readonly Turn[]): string | undefined {
  if (!followsUp(message) || DISOWNS.some((w) => norm(message).includes(w))) return undefined;
  let answered = false;
  for (let i = turns.length - 1; i >= 0; i--) {
    const t = turns[i]!;
    const said = norm(t.text);
    if (t.from === 'agent') answered ||= !HOLDS.some((w) => said.includes(w));
    else if (said.replace(/[\p{P}\p{S}]/gu, '').length >= 5 && !FOLLOW_UP.some((w) => said.includes(w))) return answered ? undefined : t.text;
  }
  return undefined;
}

/** What the agent said last, when the agent spoke after the buyer's last earlier turn (a bare 好的 answers it). */
export function agentLast(turns: readonly Turn[]): string | undefined {
  const last = turns[turns.length - 1];
  return last?.from === 'agent' ? last.text : undefined;
}

/**
 * The agent's last turn ends in asking whether there is anything else (…还有其他需要吗？): a turn that only holds the
 * words (这款还有别的颜色, 其他问题我先帮您查) asks nothing of the kind.
 */
const ANYTHING_ELSE = /还有(其他|别的|什么)的?(问题|需要|可以帮|要帮|能帮)[^。，,.!！?？]{0,10}[吗呢？?][\p{P}\p{S}\s]*$/u;
export const asksAnythingElse = (agent: string | undefined): boolean => !!agent && ANYTHING_ELSE.test(norm(agent));

/**
 * The buyer's explicit closer to that question (没有了, 不用了, 就这些, around it a 好的 / 嗯 or thanks and a form of
 * address): a bare 是的 / 可以 / 嗯 / 怎么办 may answer anything and is no closing.
 */
const CLOSER = /^(好的|好|嗯+|恩|哦|暂时|目前)?(没有了|没有啦|没了|不用了|不需要了|没事了|就这些|没别的了|没有别的了)(谢谢|谢了|哈|啦|呀|哦|亲|亲亲|老板)*$/u;
export const closesChat = (message: string): boolean => CLOSER.test(norm(message).replace(/[\p{P}\p{S}\s]/gu, ''));

/**
 * A buyer message that quotes what the shop said before against what it sees (你昨天说是纯棉的, 你之前说补到货通知我):
 * a dispute, whatever the rest of it asks, so no phrase of the library is sure for it.
 */
const QUOTES_SHOP = ['你之前说', '你昨天说', '你上次说', '你刚才说', '你刚刚说', '你们说', '你们之前说', '客服说', '不是说', '你不是说', '说好的', '答应我', '答应过'];
/** …or names when the shop said it (前天你说, 上回聊的时候你说). */
const SAID_WHEN = /(之前|以前|昨天|前天|上次|上回|刚才|刚刚|那天|早上|上午|下午).{0,8}你们?(说|讲|答应)|你们?(之前|以前|昨天|前天|上次|上回|刚才|刚刚|刚|那天|早上|上午|下午)(说|讲|答应)/u;
export const quotesShop = (message: string): boolean => {
  const said = norm(message);
  return QUOTES_SHOP.some((w) => said.includes(w)) || SAID_WHEN.test(said);
};

/**
 * The turns before the buyer's message the suggestions answer, from a console's recent messages (newest last): the
 * messages up to the last buyer row holding that message, left out with it; none when the message is not among them
 * (the rows changed while the status travelled: no context rather than a wrong one).
 */
export function historyBefore(recent: readonly Turn[] | undefined, message: string | undefined): Turn[] {
  if (!recent?.length || !message) return [];
  const want = message.trim();
  const at = recent.findLastIndex((t) => t.from === 'buyer' && t.text.trim() === want);
  return at < 0 ? [] : recent.slice(Math.max(0, at - HISTORY_TURNS), at).map((t) => ({ from: t.from, text: t.text.slice(0, HISTORY_CHARS) }));
}
