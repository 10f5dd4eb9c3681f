/**
 * Phrase search: Chinese text, pinyin (full and initials), shortcut codes and tags, typo-tolerant, ranked with
 * pinned and frecency. Pure and synchronous, so it runs in the side panel, the background (for the "/" picker)
 * and plain Node (tests, benchmarks). What the rest of the extension imports; the parts:
 *
 * - index-build.ts: the posting lists and what Fuse.js scores of each phrase (phrase-index.ts keeps them);
 * - narrow.ts: candidate narrowing, an inverted index to the best few dozen phrases (top-k.ts, the heap);
 * - ranking.ts: Fuse.js over those candidates, each one's score, and the words' matches and scores;
 * - typo.ts: typo admission (a long token's in-order share, a title one typo away, a stage name one edit away);
 * - highlight.ts: what to highlight; browse.ts: the empty query and frecency;
 * - panel.ts: the panel's path (stage names, search by sound, a question's suggestions); cache.ts: the index
 *   kept across keystrokes.
 */
export type { Range, SearchablePhrase, SearchHit, SearchOptions } from './types';
export { browse, frecency } from './browse';
export { PhraseIndex } from './phrase-index';
export { alignedShare, oneEditApart, typoShare } from './typo';
export { splitHighlight } from './highlight';
export { libraryVersion, PhraseSearchCache } from './cache';
export { panelSearch, STAGE_PINYIN, stageFirst, stageNamed, wantsSound, type PanelSearchOptions } from './panel';
