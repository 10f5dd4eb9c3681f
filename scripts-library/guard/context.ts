/**
 * What the words around a hit say about it. Three things make a hit harmless, judged on the original draft:
 * - the rule's `cleanNear` words near it (订单号 / 运单号 / 货号 before a number, 用…付款 around 微信支付);
 * - a negation in the same clause for off-platform, review and privacy rules: the agent is saying what is NOT
 *   done (「平台不允许加微信」「我们不做好评返现」「验证码不要告诉任何人」);
 * - the words are quoted buyer words (您说“我不知道尺码”…): the agent is repeating, not saying them.
 */
import type { Rule } from '../schema';
import { normalizeTerm } from './normalize';

const CLAUSE = /[，,。！!？?；;\n~～]/;
/** A negation before the hit, in its clause and at most this far. */
const NEGATION_BEFORE = ['不能', '不可以', '不允许', '不要', '请勿', '禁止', '不支持', '不做', '不参与', '不会问', '不会让', '不会索要', '谨防', '小心', '不需要', '别相信', '拒绝', '不接受', '严禁'];
const NEGATION_AFTER = ['不要告诉', '不要泄露', '千万不要', '不用提供', '不用给', '我们没有', '是不允许', '不可以', '不能给', '请勿'];
const NEGATABLE = new Set(['off-platform', 'review-inducement', 'privacy']);
const NEAR_BEFORE = 12;
const NEAR_AFTER = 4;
const QUOTE = /(?:说|问|提到|讲|写|称|留言)[的了过道是]?\s*[：:]?\s*(["“「『‘])([^"”」』’]{1,40})["”」』’]/g;

/** A question (能不能, 可不可以…) holds 不 but negates nothing: 「差评能不能删一下」 asks for the removal. */
const QUESTION = /能不能|可不可以|要不要|会不会|是不是|行不行/g;
const unasked = (text: string) => normalizeTerm(text, false).replace(QUESTION, '');

export interface HitLike {
  start: number;
  end: number;
  category: string;
}

export function contextOf(draft: string) {
  let quotes: [number, number][] | undefined;
  const quoted = (h: HitLike) => {
    quotes ??= [...draft.matchAll(QUOTE)].map((m) => {
      const at = m.index + m[0].indexOf(m[1]!) + 1;
      return [at, at + m[2]!.length] as [number, number];
    });
    return quotes.some(([s, e]) => h.start >= s && h.end <= e);
  };
  const clauseAround = (h: HitLike) => {
    let s = h.start;
    while (s > 0 && !CLAUSE.test(draft[s - 1]!)) s--;
    let e = h.end;
    while (e < draft.length && !CLAUSE.test(draft[e]!)) e++;
    return { before: unasked(draft.slice(Math.max(s, h.start - 10), h.start)), after: unasked(draft.slice(h.end, e)) };
  };
  return {
    /** Whether the context excuses this hit of this rule. */
    excuses(h: HitLike, rule: Rule | undefined): boolean {
      if (rule?.cleanNear?.length) {
        const near = normalizeTerm(draft.slice(Math.max(0, h.start - NEAR_BEFORE), h.start) + ' ' + draft.slice(h.end, h.end + NEAR_AFTER), false);
        if (rule.cleanNear.some((w) => near.includes(normalizeTerm(w, false)))) return true;
      }
      if (NEGATABLE.has(h.category)) {
        const { before, after } = clauseAround(h);
        // A gap term's own span can hold the negation too (密码千万不要告诉).
        const inside = unasked(draft.slice(h.start, h.end));
        if (NEGATION_BEFORE.some((n) => before.includes(n) || inside.includes(n)) || NEGATION_AFTER.some((n) => after.includes(n))) return true;
      }
      return quoted(h);
    },
  };
}
