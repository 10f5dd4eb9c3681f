/** A title for a phrase that came without one: a Qianniu CSV row, or a draft saved from the reply box. */

/** Greetings that open most Qianniu phrases: a title made of them says nothing ("亲" for every row). */
const OPENERS = /^(?:(?:亲爱的|亲亲|亲|您好|你好|在的|嗯嗯|好的|哈喽|hi|hello)[呀啊哦呢～~]*[，,。.！!、\s]*)+/i;

/** Qianniu phrases have no title: the first words that say something (after 亲/您好…) serve as one. */
export function titleFrom(body: string): string {
  const text = body.trim();
  const rest = text.replace(OPENERS, '') || text;
  const first = rest.split(/[，。！？,.!?；;\n]/).find((part) => part.trim().length >= 2)?.trim() ?? rest.trim();
  return [...first].slice(0, 12).join('') || '（无标题）';
}
