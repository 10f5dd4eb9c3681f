/**
 * Search ranking on the labelled query set (tests/fixtures/search-queries/queries.tsv: codes, titles, initials,
 * full pinyin, typos, stage names, partial Chinese), through the panel's own search path.
 */
import { describe, expect, it } from 'vitest';
import { pinyin } from 'pinyin-pro';
import pack from '../../../scripts-library/packs/default.json';
import { STAGE_PINYIN, stageNamed } from '../../../scripts-library/search/search';
import { queryScore } from '../../fixtures/search-queries/score';

const s = queryScore();

describe('the labelled query set', () => {
  it(`has at least 600 queries of every kind, 100 of them of round 2 (${s.queries})`, () => {
    expect(s.queries).toBeGreaterThanOrEqual(600);
    expect([...s.byKind.keys()].sort()).toEqual(['chinese-part', 'code', 'initials', 'multi-word', 'pasted', 'pinyin', 'pinyin-part', 'stage', 'stage-pinyin', 'synonym', 'title', 'typo', 'typo-hand', 'typo-round2']);
    const round2 = ['multi-word', 'synonym', 'pasted', 'typo-round2'].reduce((n, k) => n + s.byKind.get(k)!.n, 0);
    expect(round2).toBeGreaterThanOrEqual(100);
  });

  it(`puts the expected phrase or stage first for ≥ 95 % (${(s.top1 * 100).toFixed(1)} %)`, () => {
    expect(s.top1).toBeGreaterThanOrEqual(0.95);
  });

  it(`returns something for all but one query, each of which has a matching phrase (${s.empty.length}: ${s.empty.join(' ')})`, () => {
    // shuancguifu (双11催付 without its 11, two letters swapped) is the one the search cannot place.
    expect(s.empty.length).toBeLessThanOrEqual(1);
  });

  it.each(['code', 'title', 'stage', 'stage-pinyin'])('every %s query is right', (kind) => {
    expect(s.misses.filter((m) => m.kind === kind)).toEqual([]);
  });
});

describe('a stage\'s own name', () => {
  it.each([
    ['欢迎', 'greeting'],
    ['huanying', 'greeting'],
    ['库存', 'stock'],
    ['cuifu', 'payment'],
    ['离开', 'away'],
    ['hy', undefined], // two letters are a shortcut code first
    ['欢迎光临', undefined],
  ])('%s → %s', (query, stage) => {
    expect(stageNamed(query, pack.stages)).toBe(stage);
  });

  it('the stage pinyin table is the default stages\' names in pinyin', () => {
    for (const st of pack.stages) {
      const names = st.name.split('/').map((n) => pinyin(n, { toneType: 'none', type: 'array' }).join(''));
      expect(names.some((n) => STAGE_PINYIN[st.id]!.includes(n))).toBe(true);
    }
  });
});
