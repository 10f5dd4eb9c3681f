/**
 * The "/" picker's trigger: a "/" at a word start followed by a short query, ending at the caret. Pure, so the
 * rules are table-tested. "Word start" means the "/" follows the start of the text, white space, or anything
 * that is not a Latin letter, digit or URL punctuation — Chinese has no spaces ("亲/kd" triggers), while
 * "http://", "1/2" and "a/b" do not.
 */
export interface SlashTrigger {
  /** Offset of the "/". */
  start: number;
  /** What was typed after it, up to the caret. */
  query: string;
}

const MAX_QUERY = 20;

export function findSlashTrigger(text: string, caret: number): SlashTrigger | null {
  const before = text.slice(Math.max(0, caret - MAX_QUERY - 1), caret);
  const slash = before.lastIndexOf('/');
  if (slash < 0) return null;
  const query = before.slice(slash + 1);
  if (/\s/.test(query) || query.includes('/')) return null;
  const start = caret - before.length + slash;
  const prev = start > 0 ? text[start - 1]! : '';
  if (prev && /[A-Za-z0-9:/.\-_~%&?=#@]/.test(prev)) return null;
  return { start, query };
}
