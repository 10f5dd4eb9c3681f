/**
 * Numbers written in Chinese numerals (#31 item 7): a phone or QQ number typed 一三八…, 幺三八… (spoken: 幺 1,
 * 两 2, 拐 7, 洞 0), 壹叁捌… or mixed with digits (1三8…) to slip past a digit pattern. A run of at least
 * MIN_RUN numerals and digits with a Chinese numeral in it is read as digits, one character for one, so the
 * pattern rules (a mobile number, a QQ number) see it at the same offsets. 十 / 百 / 千 / 万 are not folded: they
 * make amounts (一百二十九), never a digit string, and they break a run.
 */

/** Per code unit: the digit a Chinese numeral stands for (0–9), −1 for anything else. */
const DIGIT_OF = new Int8Array(65536).fill(-1);
const NUMERALS: [string, number][] = [
  ['零〇○洞', 0],
  ['一壹幺', 1],
  ['二贰两', 2],
  ['三叁', 3],
  ['四肆', 4],
  ['五伍', 5],
  ['六陆', 6],
  ['七柒拐', 7],
  ['八捌', 8],
  ['九玖', 9],
];
for (const [chars, digit] of NUMERALS) for (const c of chars) DIGIT_OF[c.charCodeAt(0)] = digit;

/** The shortest run read as a number (a QQ number has at least five digits). */
export const MIN_RUN = 5;

const isDigit = (c: number) => c >= 48 && c <= 57;

/**
 * The text with every run of ≥ MIN_RUN numerals and digits that holds a Chinese numeral written as ASCII digits
 * (same length, same offsets); undefined when there is none (nearly every draft: one pass, no string built).
 */
export function foldNumerals(text: string): string | undefined {
  let out: string[] | undefined;
  for (let i = 0; i < text.length; ) {
    const c = text.charCodeAt(i);
    if (DIGIT_OF[c]! < 0 && !isDigit(c)) {
      i++;
      continue;
    }
    let j = i;
    let chinese = 0;
    for (; j < text.length; j++) {
      const d = text.charCodeAt(j);
      if (DIGIT_OF[d]! >= 0) chinese++;
      else if (!isDigit(d)) break;
    }
    if (chinese > 0 && j - i >= MIN_RUN) {
      out ??= text.split(''); // code units: offsets stay the compact view's
      for (let k = i; k < j; k++) {
        const d = DIGIT_OF[text.charCodeAt(k)]!;
        if (d >= 0) out[k] = String(d);
      }
    }
    i = j;
  }
  return out?.join('');
}
