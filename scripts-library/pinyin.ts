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

function one(text: string): PinyinKeys {
  let full = '';
  let initials = '';
  for (const item of pinyin(text, { toneType: 'none', type: 'all', nonZh: 'consecutive', v: true })) {
    if (item.isZh) {
      full += item.pinyin;
      initials += item.pinyin[0] ?? '';
    } else {
      // Latin letters and digits stay searchable as typed; punctuation and spaces are dropped.
      const kept = item.origin.toLowerCase().replace(/[^a-z0-9]/g, '');
      full += kept;
      initials += kept;
    }
  }
  return { full, initials };
}

export function phrasePinyin(parts: readonly string[]): PinyinKeys {
  const each = parts.filter(Boolean).map(one);
  return { full: each.map((e) => e.full).join(' '), initials: each.map((e) => e.initials).join(' ') };
}
