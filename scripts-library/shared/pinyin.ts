/**
 * Pinyin for search, computed when a phrase is saved (pinyin-pro is ~320 kB and slow on 10k bodies, so it is
 * never on the panel's start-up path). Chinese characters become toneless syllables; other characters are
 * kept, lower-cased. Fields are separated by a space so no match spans two of them.
 */
import { pinyin } from 'pinyin-pro';

export interface PinyinKeys {
  /** Full pinyin without spaces between syllables: 欢迎光临 → huanyingguanglin */
  full: string;
  /** First letters: 欢迎光临 → hygl */
  initials: string;
}

/**
 * One field's keys. pinyin-pro's `type: 'array'` gives one syllable per Chinese character and each run of other
 * characters as it is: walking the text alongside tells the two apart (a syllable is never the character
 * itself). Three times faster than `type: 'all'`, which builds an object per character: a 10k-phrase pack is
 * keyed in about a second instead of four.
 */
function one(text: string): PinyinKeys {
  let full = '';
  let initials = '';
  let at = 0;
  for (const item of pinyin(text, { toneType: 'none', type: 'array', nonZh: 'consecutive', v: true })) {
    if (item && text.startsWith(item, at)) {
      // Latin letters and digits stay searchable as typed; punctuation and spaces are dropped.
      at += item.length;
      const kept = item.toLowerCase().replace(/[^a-z0-9]/g, '');
      full += kept;
      initials += kept;
    } else {
      at += (text.codePointAt(at) ?? 0) > 0xffff ? 2 : 1;
      full += item;
      initials += item[0] ?? '';
    }
  }
  return { full, initials };
}

export function phrasePinyin(parts: readonly string[]): PinyinKeys {
  const each = parts.filter(Boolean).map(one);
  return { full: each.map((e) => e.full).join(' '), initials: each.map((e) => e.initials).join(' ') };
}
