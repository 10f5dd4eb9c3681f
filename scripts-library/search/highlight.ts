/** What to highlight in a hit's title and body, and splitting text into plain and highlighted pieces. */
import type { FuseResult } from 'fuse.js';
import { CJK, type FuseDoc, type Range, type SearchHit, type SearchablePhrase } from './types';

type Highlight = SearchHit<SearchablePhrase>['highlight'];

/** Title/body ranges Fuse matched; single Latin letters are dropped (noise), single Chinese characters kept. */
export function highlightOf(r: FuseResult<FuseDoc> | undefined, q: string): Highlight {
  const out: Highlight = { title: [], body: [] };
  if (!r?.matches) return out;
  const wanted = new Set(q);
  for (const m of r.matches) {
    if (m.key !== 'title' && m.key !== 'body') continue;
    const value = m.value ?? '';
    out[m.key] = m.indices
      .filter(([s, e]) => e > s || (CJK.test(value[s] ?? '') && wanted.has(value[s]!)))
      .map(([s, e]) => [s, e] as Range);
  }
  return out;
}

/** Where the matched words are in the title and body (first occurrence of each). */
export function wordsHighlight(doc: FuseDoc, found: readonly string[]): Highlight {
  // The words found are Chinese (or a synonym as written in the table): no lower-casing needed.
  const ranges = (text: string): Range[] =>
    found.flatMap((w) => {
      const at = text.indexOf(w);
      return at < 0 ? [] : [[at, at + w.length - 1] as Range];
    });
  return { title: ranges(doc.title), body: ranges(doc.body) };
}

/** Split text into plain and highlighted pieces (for rendering as text, never HTML). */
export function splitHighlight(text: string, ranges: readonly Range[]): { text: string; hit: boolean }[] {
  const pieces: { text: string; hit: boolean }[] = [];
  let at = 0;
  for (const [s, e] of [...ranges].sort((a, b) => a[0] - b[0])) {
    if (s < at) continue;
    if (s > at) pieces.push({ text: text.slice(at, s), hit: false });
    pieces.push({ text: text.slice(s, e + 1), hit: true });
    at = e + 1;
  }
  if (at < text.length) pieces.push({ text: text.slice(at), hit: false });
  return pieces;
}
