/**
 * Phrase filtering for the side panel. The foundation's version is a plain substring filter over title, body,
 * shortcut code and tags; the ranked Fuse.js + pinyin search replaces it in the quick-phrase issue.
 */
import type { Phrase } from './schema';

export interface PhraseQuery {
  text?: string;
  stageId?: string;
}

/** Matching phrases: pinned first, then most used, then by title. Space-separated words must all match. */
export function filterPhrases(phrases: readonly Phrase[], q: PhraseQuery): Phrase[] {
  const words = (q.text ?? '').toLowerCase().split(/\s+/).filter(Boolean);
  return phrases
    .filter((p) => !q.stageId || p.stageId === q.stageId)
    .filter((p) => {
      if (!words.length) return true;
      const hay = [p.title, p.body, p.code ?? '', ...p.tags].join('\n').toLowerCase();
      return words.every((w) => hay.includes(w));
    })
    .sort(
      (a, b) =>
        Number(b.pinned) - Number(a.pinned) || b.useCount - a.useCount || a.title.localeCompare(b.title, 'zh-CN'),
    );
}
