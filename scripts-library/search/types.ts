/** The shapes the search takes and returns (search.ts re-exports them for the rest of the extension). */
import type { PinyinKeys } from '../shared/pinyin';
import type { Synonyms } from './search-words';

export interface SearchablePhrase {
  id: string;
  stageId: string;
  title: string;
  body: string;
  code?: string;
  tags: string[];
  pinned: boolean;
  useCount: number;
  lastUsedAt?: number;
  pinyin?: PinyinKeys;
  order?: number;
}

export interface SearchOptions {
  stageId?: string;
  /** Most results returned (default 50; an empty query returns the whole stage). */
  limit?: number;
  /** The shop's synonym table (search-words.ts compileSynonyms). */
  synonyms?: Synonyms;
}

export type Range = [start: number, end: number];

export interface SearchHit<P extends SearchablePhrase> {
  phrase: P;
  score: number;
  /** How it was found, when not by the fuzzy search alone: it holds every word, or it is suggested for a question. */
  /** 'maybe': a suggestion for a pasted question that the suggestions are not sure of (shown, never inserted by a key). */
  by?: 'words' | 'suggestion' | 'maybe';
  /** Inclusive character ranges to highlight, by field. */
  highlight: { title: Range[]; body: Range[] };
}

/** What Fuse.js scores of a phrase, lower-case where Latin. */
export interface FuseDoc {
  title: string;
  /** Title pinyin: initials and full, e.g. "fhsj fahuoshijian". */
  pyTitle: string;
  body: string;
  tags: string;
  code: string;
  pyInitials: string;
  /** The initials of each part of the title (ranking.ts segmentInitials), worked out when a query first needs them. */
  segments?: string[] | undefined;
}

/** A Chinese character (CJK unified ideographs, extension A, compatibility ideographs). */
export const CJK = /[\u3400-\u9fff\uf900-\ufaff]/;

/** The first space-separated field (pinyin.ts writes the title's first). */
export function firstWord(s: string): string {
  const k = s.indexOf(' ');
  return k < 0 ? s : s.slice(0, k);
}
