/** A title for a phrase that came without one: a Qianniu CSV row, or a draft saved from the reply box. */

/** Greetings that open most Qianniu phrases: a title made of them says nothing ("亲" for every row). */
const OPENERS = /^(?:(?:亲爱的|亲亲|亲|您好|你好|在的|嗯嗯|好的|哈喽|hi|hello)[呀啊哦呢～~]*[，,。.！!、\s]*)+/i;

/** A title this long reads at a glance in the list; a clause longer than it is cut at a softer boundary. */
const TITLE_MAX = 16;

/**
 * Qianniu phrases have no title: the first clause that says something (after 亲/您好…) serves as one. It ends
 * at a clause boundary, never inside brackets (「本店满99元包邮（新疆、西藏除外）」 → 「本店满99元包邮」) nor after
 * a 、; a clause too long is cut at its last 、 or space before the limit, else at the limit with an ellipsis.
 */
export function titleFrom(body: string): string {
  const text = body.trim();
  const rest = text.replace(OPENERS, '') || text;
  const first = rest.split(/[，。！？,.!?；;：:\n~～]/).find((part) => part.trim().length >= 2)?.trim() ?? rest.trim();
  // Bracketed asides go, and so does a bracket the clause opens but does not close.
  const bare = first.replace(/[（(【[][^）)】\]]*[）)】\]]/g, '').replace(/[（(【[].*$/, '').trim() || first;
  const chars = [...bare];
  if (chars.length <= TITLE_MAX) return trimEnd(bare) || '（无标题）';
  const head = chars.slice(0, TITLE_MAX).join('');
  const soft = Math.max(head.lastIndexOf('、'), head.lastIndexOf(' '), head.lastIndexOf('/'));
  return soft >= 4 ? trimEnd(head.slice(0, soft)) : `${trimEnd(head)}…`;
}

const trimEnd = (s: string) => s.replace(/[\s、，,/]+$/, '');
