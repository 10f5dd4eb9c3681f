/**
 * Search ranking on the labelled query set (tests/fixtures/search-queries/queries.tsv: codes, titles, initials,
 * full pinyin, typos, stage names, partial Chinese), through the panel's own search path.
 */
import { describe, expect, it } from 'vitest';
import { pinyin } from 'pinyin-pro';
import pack from '../../../scripts-library/packs/default.json';
import { STAGE_PINYIN, stageNamed } from '../../../scripts-library/search';
import { queryScore } from '../../fixtures/search-queries/score';

const s = queryScore();

describe('the labelled query set', () => {
  it(`has at least 150 queries of every kind (${s.queries})`, () => {
    expect(s.queries).toBeGreaterThanOrEqual(150);
    expect([...s.byKind.keys()].sort()).toEqual(['chinese-part', 'code', 'initials', 'pinyin', 'pinyin-part', 'stage', 'stage-pinyin', 'title', 'typo', 'typo-hand']);
  });

  it(`puts the expected phrase or stage first for ≥ 96 % (${(s.top1 * 100).toFixed(1)} %)`, () => {
    expect(s.top1).toBeGreaterThanOrEqual(0.96);
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
