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
/**
 * Letters that look like digits, typed inside a phone number (1З8О0138ООО: Cyrillic Ze and O; the compact view has
 * already folded Cyrillic о to Latin o and lower-cased): read as digits only in a run with at least LOOK_DIGITS
 * real digits and no more look-alikes than digits, so a word (no, lol) or an order code's letters (SO2023…) stay.
 */
const LOOKALIKE = new Int8Array(65536).fill(-1);
for (const [chars, digit] of [['o', 0], ['l', 1], ['з', 3]] as [string, number][]) for (const c of chars) LOOKALIKE[c.charCodeAt(0)] = digit;
const LOOK_DIGITS = 5;

/** The shortest run read as a number (a QQ number has at least five digits). */
export const MIN_RUN = 5;

const isDigit = (c: number) => c >= 48 && c <= 57;

/**
 * The text with every run of ≥ MIN_RUN numerals and digits that holds a Chinese numeral (or look-alike letters among
 * enough digits) written as ASCII digits (same length, same offsets); undefined when there is none (nearly every
 * draft: one pass, no string built).
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
    let digits = 0;
    let looks = 0;
    for (; j < text.length; j++) {
      const d = text.charCodeAt(j);
      if (DIGIT_OF[d]! >= 0) chinese++;
      else if (isDigit(d)) digits++;
      else if (LOOKALIKE[d]! >= 0) looks++;
      else break;
    }
    // A run only of look-alikes and too few digits is a word (no, lol), not a number. The folded text is only
    // searched for what the draft's own text did not match (checkDraft), so a letter folded after a number that
    // was already whole (13800138000lol) loses nothing.
    const letters = looks > 0 && digits >= LOOK_DIGITS && looks <= digits;
    if ((chinese > 0 || letters) && j - i >= MIN_RUN) {
      out ??= text.split(''); // code units: offsets stay the compact view's
      for (let k = i; k < j; k++) {
        const c2 = text.charCodeAt(k);
        const d = DIGIT_OF[c2]! >= 0 ? DIGIT_OF[c2]! : letters ? LOOKALIKE[c2]! : -1;
        if (d >= 0) out[k] = String(d);
      }
    }
    i = j;
  }
  return out?.join('');
}
