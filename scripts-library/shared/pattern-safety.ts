/**
 * What a rule's regular expression must not be. JavaScript regexes have no time limit, and the guard runs them
 * on every draft in the background: `^(a+)+$` or `(\d\d?)+x` on a long draft take exponential time (catastrophic
 * backtracking), `\d+\d+\d+x` or `.*.*.*=` polynomial time of a high degree (hours on a 5,000-character draft),
 * and a pattern that matches the empty string would hold every send. All are refused when a rule is saved or
 * imported, and a stored rule holding one is quarantined (storage/repositories/rules.ts) and never run.
 *
 * The check is syntactic and errs on the side of refusing: a repeated group may not contain any repetition or
 * alternatives ((a+)+, (a|ab)*, (\d\d?)+), and two unbounded repetitions may not follow one another when the
 * first could also match everything between them and the second (\d+\d+, .*=.*, \w+a\w+), since then a draft can
 * be split between them in quadratically many ways, and three in cubically many. A rule can always be written
 * without these shapes. What passes can still be quadratic (`.*x`): the guard bounds that by running patterns over
 * windows of the draft (PATTERN_SLICE in guard/index.ts), so the input any pattern sees is short.
 */

export const MAX_PATTERN_LENGTH = 200;
const SAMPLE = 'a 1 中文 A-b_c 12345';

/** Why a pattern is refused (in Chinese, shown to the agent), or undefined when it is fine. */
export function patternProblem(pattern: string): string | undefined {
  if (pattern.length > MAX_PATTERN_LENGTH) return `长于 ${MAX_PATTERN_LENGTH} 个字符`;
  let re: RegExp;
  try {
    re = new RegExp(pattern, 'g');
  } catch {
    return '不是有效的正则表达式';
  }
  const tree = parse(pattern);
  if (nestedRepetition(tree)) return '重复的分组里又有重复或多选（如 (a+)+、(\\d\\d?)+），长消息会让检查卡死';
  if (adjacentRepetition(tree, alphabetOf(pattern))) return '两个不限次数的重复紧挨着、能吃同样的字（如 \\d+\\d+、.*.*），长消息会让检查卡死';
  if (re.test('')) return '能匹配空字符串（每条消息都会被拦下）';
  re.lastIndex = 0;
  for (const m of SAMPLE.matchAll(re)) if (m[0] === '') return '可能匹配到零长度（什么也没匹配到）';
  return undefined;
}

/** One element of a sequence: an atom (`a`, `\d`, `[0-9]`, `.`), a group, or a zero-width assertion. */
interface Item {
  src: string;
  min: number;
  max: number;
  /** A group's alternatives. */
  alts?: Item[][];
  /** ^ $ \b \B and lookarounds: they match no characters. */
  zeroWidth?: boolean;
}

/** Repetition counts at or past this are treated as unbounded (\d{1,100}\d{1,100} backtracks like \d+\d+). */
const WIDE = 10;
const unbounded = (it: Item) => it.max - it.min >= WIDE;
const repeats = (it: Item) => it.max > 1 && it.max !== it.min;

/** The pattern as alternatives of item sequences (it is already known to be a valid regex). */
function parse(p: string): Item[][] {
  let i = 0;
  const alternatives = (): Item[][] => {
    const alts: Item[][] = [[]];
    while (i < p.length) {
      const c = p[i]!;
      if (c === ')') return alts;
      if (c === '|') {
        i++;
        alts.push([]);
        continue;
      }
      const item = atom();
      quantifier(item);
      alts[alts.length - 1]!.push(item);
    }
    return alts;
  };
  const atom = (): Item => {
    const start = i;
    const c = p[i]!;
    if (c === '\\') {
      i += 2;
      const e = p[i - 1];
      if (e === 'u' && p[i] === '{') i = p.indexOf('}', i) + 1;
      else if (e === 'u') i += 4;
      else if (e === 'x') i += 2;
      else if (e === 'c') i += 1;
      else if ((e === 'p' || e === 'P') && p[i] === '{') i = p.indexOf('}', i) + 1;
      else if (e === 'k' && p[i] === '<') i = p.indexOf('>', i) + 1;
      else if (e && /[1-9]/.test(e)) while (/\d/.test(p[i] ?? '')) i++;
      return { src: p.slice(start, i), min: 1, max: 1, zeroWidth: e === 'b' || e === 'B' };
    }
    if (c === '[') {
      for (i++; i < p.length && p[i] !== ']'; i++) if (p[i] === '\\') i++;
      i++;
      return { src: p.slice(start, i), min: 1, max: 1 };
    }
    if (c === '(') {
      const look = /^\(\?<?[=!]/.test(p.slice(i));
      const head = /^\(\?(?::|<?[=!]|<[A-Za-z_$][\w$]*>)/.exec(p.slice(i))?.[0] ?? '(';
      i += head.length;
      const alts = alternatives();
      i++; // ')'
      return { src: p.slice(start, i), min: 1, max: 1, alts, zeroWidth: look };
    }
    i++;
    return { src: c, min: 1, max: 1, zeroWidth: c === '^' || c === '$' };
  };
  const quantifier = (item: Item) => {
    const rest = p.slice(i);
    const m = /^(?:([*+?])|\{(\d+)(,(\d*))?\})\??/.exec(rest);
    if (!m) return;
    i += m[0].length;
    if (m[1] === '*') [item.min, item.max] = [0, Infinity];
    else if (m[1] === '+') [item.min, item.max] = [1, Infinity];
    else if (m[1] === '?') [item.min, item.max] = [0, 1];
    else {
      const lo = Number(m[2]);
      [item.min, item.max] = [lo, m[3] === undefined ? lo : m[4] ? Number(m[4]) : Infinity];
    }
  };
  return alternatives();
}

const items = (alts: Item[][]): Item[] => alts.flat();

/** A repeated group holding a repetition or alternatives, at any depth: (a+)+, (a|ab)*, (?:x*){2,}, (\d\d?)+. */
function nestedRepetition(alts: Item[][]): boolean {
  return items(alts).some((it) => {
    if (!it.alts) return false;
    if (repeats(it) && (it.alts.length > 1 || hasRepetition(it.alts))) return true;
    return nestedRepetition(it.alts);
  });
}

function hasRepetition(alts: Item[][]): boolean {
  return items(alts).some((it) => it.min !== it.max || (it.alts !== undefined && (it.alts.length > 1 || hasRepetition(it.alts))));
}

/** The characters the overlap test tries: common kinds of character, and every character the pattern names. */
function alphabetOf(pattern: string): string[] {
  return [...new Set([...'09azAZ_ \t\n-.@=/:，。中微xX１ａ', ...pattern])];
}

/** Which characters of the alphabet one item can match (a group: any of its atoms; a backreference: all). */
function charsOf(it: Item, alphabet: readonly string[]): Set<string> {
  if (it.zeroWidth) return new Set();
  if (it.alts) return new Set(items(it.alts).flatMap((x) => [...charsOf(x, alphabet)]));
  if (/^\\(?:[1-9]|k<)/.test(it.src)) return new Set(alphabet);
  let re: RegExp;
  try {
    re = new RegExp(`^(?:${it.src})$`);
  } catch {
    return new Set(alphabet);
  }
  return new Set(alphabet.filter((c) => re.test(c)));
}

const overlaps = (a: Set<string>, b: Set<string>) => [...a].some((c) => b.has(c));

/**
 * Two unbounded repetitions in one sequence, the second reachable from the first over items that are optional or
 * that the first could match too, and both able to match the same character: \d+\d+, \d+\s?\d+, .*=.*, \w+a\w+.
 * Unrepeated groups of one alternative are read as part of their sequence (\d+(\d+) is \d+\d+).
 */
function adjacentRepetition(alts: Item[][], alphabet: readonly string[]): boolean {
  for (const seq of alts) {
    const flat = seq.flatMap((it) => (it.alts?.length === 1 && !repeats(it) && !it.zeroWidth ? it.alts[0]! : [it]));
    for (let a = 0; a < flat.length; a++) {
      const first = flat[a]!;
      if (!unbounded(first)) continue;
      const mine = charsOf(first, alphabet);
      for (let b = a + 1; b < flat.length; b++) {
        const it = flat[b]!;
        if (it.zeroWidth) continue;
        const theirs = charsOf(it, alphabet);
        if (unbounded(it) && overlaps(mine, theirs)) return true;
        if (it.min > 0 && !overlaps(mine, theirs)) break; // a character the first repetition cannot take
      }
    }
    for (const it of seq) if (it.alts && adjacentRepetition(it.alts, alphabet)) return true;
  }
  return false;
}
