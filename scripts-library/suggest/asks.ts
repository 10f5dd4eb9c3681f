/**
 * What a buyer's message asks, read structurally for the suggestions (#32): whether it is a bare reply to the agent
 * (好的, 那行, 不用了, 然后呢: its meaning is whatever the agent said last, which the suggestions do not know), and which
 * product property it asks about that a phrase must speak of to answer it (承重, 防水, 耐高温…: a size chart does not
 * answer 承重多少). Both only ever take sureness away: the suggestions still list, as 可能是.
 */
import { stageIntents, type IntentId } from '../shared/intents';

/**
 * Words that on their own only acknowledge, accept, decline or prompt the agent. A message made of nothing else
 * (after punctuation, emoji and modal particles; in characters or toneless pinyin) depends on the agent's last words: 好的 to "稍等我查一下" is no
 * farewell, 不用了 to "要帮您备注吗" is no complaint. Longest first, so 好的 is taken before 好.
 */
const REPLY_WORDS = [
  '不用了', '不需要', '不要了', '然后呢', '还有呢', '所以呢', '怎么办', '怎么弄', '怎么搞', '怎么整', '咋个整', '咋弄', '咋整', '啥意思', '什么意思', '知道了', '明白了', '了解了', '晓得了',
  '没问题', '没有了', '就这样', '没有', '没了', '这样啊', '原来如此', '是这样', '好的', '好滴', '好嘞', '好吧', '好叻', '那行', '那好', '行吧', '也行', '都行',
  '可以', '的话', '算了', '收到', '知道', '明白', '了解', '懂了', '好好', '得嘞', '要得', '妥了', '随便', '不用', '不要', '然后',
  '是的', '对的', '不是', '咋办', 'okay', 'ok', 'haode', 'haoba', 'keyi', 'xingba', 'xing', 'enen', 'buyongle', 'buyong', 'suanle', 'zhidaole', 'mingbaile', 'shide', 'duide', 'dui', 'en', 'hao', 'o', '嗯', '恩', '哦', '噢', '喔', '好', '行', '中', '对', '是', '那', '就', '先', '了',
  '吧', '呢', '啊', '呀', '哈', '嘛', '啦', '哒', '的', '么',
].sort((a, b) => b.length - a.length);

/** Forms of address around a reply (好的亲, 好的老板): no ask of their own, though alone they call the agent. */
const ADDRESS_WORDS = ['亲爱的', '小姐姐', '小哥哥', '亲亲', '老板', '客服', '掌柜', '店家', '美女', '帅哥', '姐姐', '哥哥', '宝宝', '宝子', '亲'];

/**
 * Whether the message only replies to the agent (see REPLY_WORDS; forms of address around them, emoji codes that say
 * one, [OK] / [好的], or emoji alone 👌 also count); `said` is saidText(message).
 */
export function repliesToAgent(said: string): boolean {
  const codes = said.replace(/\[([^\]]*)\]/g, (_, inner: string) => (REPLY_WORDS.includes(inner.toLowerCase()) ? ` ${inner} ` : ' '));
  let rest = codes.toLowerCase().replace(/[\p{P}\p{S}\s\d]/gu, '');
  if (!rest) return codes === said && /\p{Extended_Pictographic}/u.test(said); // emoji alone (a reply code leaves its text in rest)
  let replied = false;
  for (let guard = 0; rest && guard < 20; guard++) {
    const word = REPLY_WORDS.find((w) => rest.startsWith(w)) ?? ADDRESS_WORDS.find((w) => rest.startsWith(w));
    if (!word) return false;
    replied ||= REPLY_WORDS.includes(word);
    rest = rest.slice(word.length);
  }
  return !rest && replied;
}

/**
 * Product properties the default pack's phrases do not speak of, each with the words that ask about it and the words
 * a phrase must hold to answer it. A message asking about one is answered only by a phrase that speaks of it (a shop
 * adds its own): 材质说明's 柔软透气 to 能装开水吗, 尺码表 to 承重多少 would be a near phrase sent as an answer.
 */
const PROPERTIES: readonly { asks: readonly string[]; answers: readonly string[] }[] = [
  { asks: ['承重', '载重', '能坐', '坐得住', '坐不坏', '承受', '扛得住'], answers: ['承重', '载重'] },
  { asks: ['防水', '下雨', '淋雨', '进水', '防泼水'], answers: ['防水'] },
  { asks: ['开水', '高温', '耐热', '耐温', '消毒', '微波炉', '烤箱', '洗碗机', '沸水'], answers: ['高温', '耐热', '微波'] },
  { asks: ['长宽高', '多长', '多宽', '多厚', '多深', '多高', '高度', '放得进', '放得下', '放进去', '床垫', '米的床', '米床', '被套多大'], answers: ['长宽高', '规格'] },
  { asks: ['容量', '几升', '毫升', '装多少'], answers: ['容量'] },
  { asks: ['净重', '多重', '重量', '克重', '几斤重', '多少斤重', '净含量'], answers: ['重量', '净重', '净含量'] },
  { asks: ['味道', '气味', '有味吗', '异味', '臭味'], answers: ['味道', '气味', '异味'] },
  { asks: ['防晒', '防紫外线', 'upf', 'spf'], answers: ['防晒'] },
  { asks: ['适配', '兼容', '适用于', '能用在'], answers: ['适配', '兼容', '型号'] },
  { asks: ['续航', '电池', '功率', '电压', '噪音'], answers: ['续航', '电池', '功率', '噪音'] },
  { asks: ['保质期', '生产日期', '孕妇', '过敏', '甲醛'], answers: ['保质期', '孕妇', '过敏', '甲醛', '异味'] },
];

/**
 * Intents that ask about the goods themselves (a 电池鼓包了 complaint is a defect, not a property question); 有没有味道
 * reads as in-stock, 有货 no answer to it.
 */
const PRODUCT_ASKS = new Set<string>([...stageIntents('product'), 'how-to-use', 'in-stock']);

/**
 * Whether a phrase may be the sure first suggestion for what the message asks beyond its intent: not to a bare reply
 * to the agent, and not to a question about a product property (PROPERTIES) that the phrase's title, tags and body do
 * not speak of. `said` is saidText(message), `top` the message's most likely intent.
 */
export function answersWhatIsAsked(said: string, top: IntentId, phrase: { title: string; tags: readonly string[]; body: string }): boolean {
  if (repliesToAgent(said)) return false;
  if (!PRODUCT_ASKS.has(top)) return true;
  const text = `${phrase.title} ${phrase.tags.join(' ')} ${phrase.body}`;
  return !PROPERTIES.some((p) => p.asks.some((w) => said.includes(w)) && !p.answers.some((w) => text.includes(w)));
}

/** Where a message goes from one ask to the next: punctuation, spaces and the words that add a question. */
const ASK_BREAK = /[\s，,。.!！?？;；~～、]+|顺便问一?下|顺便问问|顺便|另外|还有就是|再问一?下|对了/u;
/** Readings that are no ask of their own (a greeting, thanks, chit-chat beside the question). */
const NO_ASK = new Set<string>(['chitchat', 'greet', 'thanks-bye', 'where-are-you']);
/** Least probability of a part's reading for it to count as an ask. */
const ASK_SURE = 0.6;

/**
 * The asks of a message of several parts: each part's most likely intent, when the model is sure enough of it and it
 * is a question of its own (in order, no repeats). `rank` ranks a part (intent-hint.ts clauseRanking).
 */
export function asksOf(text: string, rank: (part: string) => readonly { intent: string; p: number }[]): string[] {
  const parts = text.split(ASK_BREAK).filter((p) => p.replace(/[\p{P}\p{S}\d\s]/gu, '').length >= 2);
  if (parts.length < 2) return [];
  const asks: string[] = [];
  for (const part of parts) {
    const top = rank(part)[0];
    if (top && top.p >= ASK_SURE && !NO_ASK.has(top.intent) && !asks.includes(top.intent)) asks.push(top.intent);
  }
  return asks;
}
