/**
 * The panel path's results, kept as a fingerprint per query: every phrase listed, in order, with its `by`, its
 * score (to the last bit) and its highlight, for the labelled sets (queries.tsv, held-back.tsv, scale.tsv) and the
 * bench's queries, at 1k, 10k and 100k phrases of the synthetic shop. A change made for speed must leave every one
 * of them as it was. When a change means to alter what is found, write the file again with
 * KEFU_WRITE_FINGERPRINTS=1 and say why in the commit.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import pack from '../../../scripts-library/packs/default.json';
import keys from '../../../scripts-library/packs/keys/default.json';
import { panelSearch, PhraseSearchCache, type SearchablePhrase } from '../../../scripts-library/search/search';
import { compileSynonyms, DEFAULT_SYNONYMS } from '../../../scripts-library/search/search-words';
import { questionFallback } from '../../../scripts-library/search/search-question';
import { phrasePinyin, type PinyinKeys } from '../../../scripts-library/shared/pinyin';
import { syntheticPhrases } from '../../bench/corpus';
import { QUERIES } from '../../bench/search.bench';
import { labelledQueries } from '../../fixtures/search-queries/score';
import { scaleQueries } from '../../fixtures/search-queries/scale-score';

const FILE = join(__dirname, '..', '..', 'fixtures', 'search-queries', 'panel-fingerprints.json');
const WRITE = process.env.KEFU_WRITE_FINGERPRINTS === '1';
type Stored = SearchablePhrase & { updatedAt: number };

const queries = [
  ...new Set([...labelledQueries('queries.tsv').map((r) => r[0]), ...labelledQueries('held-back.tsv').map((r) => r[0]), ...scaleQueries('scale.tsv').map((r) => r.query), ...QUERIES]),
];
const options = { stages: pack.stages, synonyms: compileSynonyms(DEFAULT_SYNONYMS), pinyinOf: (text: string) => phrasePinyin([text]).full };

/** Every listed phrase, its `by`, score and highlight, hashed: a short text per query. */
function fingerprint(hits: ReturnType<typeof panelSearch>): string {
  const text = JSON.stringify(hits.map((h) => [h.phrase.id, h.by ?? '', h.score, h.highlight]));
  return createHash('sha1').update(text).digest('hex').slice(0, 12);
}

describe('the panel path lists the same results (fingerprints of 1k, 10k and 100k)', () => {
  const kept: Record<string, Record<string, string>> = existsSync(FILE) ? JSON.parse(readFileSync(FILE, 'utf8')) : {};
  const made: Record<string, Record<string, string>> = {};
  let all: Stored[] = [];
  beforeAll(() => {
    // One clock for the corpus's use times and the index's frecency, so scores are the same on every run.
    vi.spyOn(Date, 'now').mockReturnValue(Date.UTC(2026, 11, 7));
    all = syntheticPhrases(100_000, 7, true).map((p) => ({ ...p, pinyin: (keys as Record<string, PinyinKeys | undefined>)[p.id] ?? phrasePinyin([p.title, p.body, ...p.tags]), updatedAt: 1 }));
  }, 240_000);
  afterAll(() => {
    if (WRITE) writeFileSync(FILE, JSON.stringify(made, null, 0).replace(/\},/g, '},\n') + '\n');
  });

  it.each([
    ['1k', 1000],
    ['10k', 10_000],
    ['100k', 100_000],
  ] as const)('at %s', (label, n) => {
    vi.spyOn(Date, 'now').mockReturnValue(Date.UTC(2026, 11, 7));
    const phrases = all.slice(0, n);
    const cache = new PhraseSearchCache<Stored>();
    const suggest = questionFallback(phrases);
    const got: Record<string, string> = {};
    for (const q of queries) got[q] = fingerprint(panelSearch(cache.get(phrases), phrases, q, { ...options, suggest }));
    made[label] = got;
    if (WRITE) return;
    const changed = queries.filter((q) => got[q] !== kept[label]?.[q]);
    expect({ queries: queries.length, changed: changed.slice(0, 20) }).toEqual({ queries: queries.length, changed: [] });
  }, 240_000);
});
