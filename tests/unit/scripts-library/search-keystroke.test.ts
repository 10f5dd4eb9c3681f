/**
 * Narrowing from the previous keystroke (#36 item 2, scripts-library/search/keystroke.ts): the panel searches at
 * every keystroke, and an index that counts a query from the previous query's count must list exactly what it
 * lists when it counts from scratch — the same phrases, order, scores and highlights — over the labelled queries
 * typed one character at a time at 10k phrases, with slips taken back, stage filters and synonyms.
 */
import { describe, expect, it } from 'vitest';
import keys from '../../../scripts-library/packs/keys/default.json';
import { PhraseIndex, type SearchablePhrase } from '../../../scripts-library/search/search';
import { compileSynonyms, DEFAULT_SYNONYMS } from '../../../scripts-library/search/search-words';
import { phrasePinyin, type PinyinKeys } from '../../../scripts-library/shared/pinyin';
import { mulberry32, syntheticPhrases } from '../../bench/corpus';
import { labelledQueries } from '../../fixtures/search-queries/score';
import { scaleQueries } from '../../fixtures/search-queries/scale-score';

const phrases: SearchablePhrase[] = syntheticPhrases(10_000, 7, true).map((p) => ({
  ...p,
  pinyin: (keys as Record<string, PinyinKeys | undefined>)[p.id] ?? phrasePinyin([p.title, p.body, ...p.tags]),
}));
const synonyms = compileSynonyms(DEFAULT_SYNONYMS);
const shown = (hits: ReturnType<PhraseIndex<SearchablePhrase>['search']>) => hits.map((h) => [h.phrase.id, h.score, h.by, h.highlight]);

/** What an agent types for `query`: each prefix, now and then a wrong character taken back. */
function keystrokes(query: string, random: () => number): string[] {
  const out: string[] = [];
  const chars = [...query];
  for (let k = 1; k <= chars.length; k++) {
    if (random() < 0.1) {
      out.push(chars.slice(0, k - 1).join('') + (random() < 0.5 ? 'x' : '的'));
      if (k > 1) out.push(chars.slice(0, k - 1).join(''));
    }
    out.push(chars.slice(0, k).join(''));
  }
  return out;
}

describe('narrowing from the previous keystroke (10k phrases)', () => {
  it('lists exactly what a search from scratch lists, for the labelled queries typed one character at a time', () => {
    const random = mulberry32(36);
    const all = [...scaleQueries().map((r) => r.query), ...labelledQueries().map((r) => r[0])];
    const sample = Array.from({ length: 40 }, () => all[Math.floor(random() * all.length)]!);
    const typed = new PhraseIndex(phrases, 0);
    const scratch = new PhraseIndex(phrases, 0);
    const ways = new Map<string, number>();
    let differ = 0;
    for (const query of sample) {
      const options = { stageId: random() < 0.15 ? 'logistics' : undefined, synonyms: random() < 0.5 ? synonyms : undefined };
      for (const q of keystrokes(query, random)) {
        const got = shown(typed.search(q, options));
        ways.set(typed.counted, (ways.get(typed.counted) ?? 0) + 1);
        scratch.forgetPrevious();
        const want = shown(scratch.search(q, options));
        if (JSON.stringify(got) !== JSON.stringify(want)) differ++;
      }
    }
    expect(differ).toBe(0);
    // The test is about something: most keystrokes were counted from the previous one.
    expect((ways.get('filter') ?? 0) + (ways.get('extend') ?? 0)).toBeGreaterThan(ways.get('full') ?? 0);
    expect(ways.get('filter') ?? 0).toBeGreaterThan(20);
  }, 120_000);
});
