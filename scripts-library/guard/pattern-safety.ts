/**
 * What a rule's regular expression must not be. JavaScript regexes have no time limit, and the guard runs them
 * on every draft in the background: `^(a+)+$` on a long draft freezes it (catastrophic backtracking), and a
 * pattern that matches the empty string would hold every send. Both are refused when a rule is saved or imported.
 * The check is syntactic (a quantified group that contains a quantifier is nested; so is a quantified group of
 * alternatives), which refuses a few harmless patterns too: a rule can always be written without nesting.
 */

export const MAX_PATTERN_LENGTH = 200;
const SAMPLE = 'a 1 中文 A-b_c 12345';

/** Why a pattern is refused, or undefined when it is fine. */
export function patternProblem(pattern: string): string | undefined {
  if (pattern.length > MAX_PATTERN_LENGTH) return `longer than ${MAX_PATTERN_LENGTH} characters`;
  let re: RegExp;
  try {
    re = new RegExp(pattern, 'g');
  } catch {
    return 'not a valid regular expression';
  }
  if (nestedQuantifier(pattern)) return 'a repeated group contains a repetition (it can take forever on a long draft)';
  if (re.test('')) return 'matches the empty string (it would hold every send)';
  re.lastIndex = 0;
  for (const m of SAMPLE.matchAll(re)) if (m[0] === '') return 'can match nothing (a zero-length match)';
  return undefined;
}

/** Whether a group with a quantifier (or alternatives) inside is itself quantified: (a+)+, (a|ab)*, (?:x*){2,}. */
function nestedQuantifier(p: string): boolean {
  const stack: { inner: boolean }[] = [];
  let last: { inner: boolean } | null = null; // the group that just closed
  for (let i = 0; i < p.length; i++) {
    const c = p[i]!;
    if (c === '\\') {
      i++;
      last = null;
      continue;
    }
    if (c === '[') {
      // a character class: skip to its end (escapes included)
      for (i++; i < p.length && p[i] !== ']'; i++) if (p[i] === '\\') i++;
      last = null;
      continue;
    }
    const quantifier = c === '*' || c === '+' || (c === '{' && /^\{\d+,\d*\}/.test(p.slice(i)) && !/^\{(\d+),\1\}/.test(p.slice(i)));
    if (quantifier) {
      if (last?.inner) return true;
      if (stack.length) stack[stack.length - 1]!.inner = true;
      last = null;
      continue;
    }
    if (c === '(') {
      stack.push({ inner: false });
      last = null;
    } else if (c === ')') {
      last = stack.pop() ?? null;
      if (last && stack.length && last.inner) stack[stack.length - 1]!.inner = true;
    } else if (c === '|') {
      if (stack.length) stack[stack.length - 1]!.inner = true;
      last = null;
    } else if (c !== '?') {
      last = null;
    }
  }
  return false;
}
