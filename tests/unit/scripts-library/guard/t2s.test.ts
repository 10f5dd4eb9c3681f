/**
 * The guard's traditional → simplified table is generated from opencc-js (tests/tools/make-t2s.mjs) instead of
 * building opencc's converter at run time: the file must be what opencc-js gives today, and the normaliser must
 * read traditional drafts as it did.
 */
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs tool without types
import { t2sPairs } from '../../../tools/make-t2s.mjs';
import { T2S_PAIRS } from '../../../../scripts-library/guard/t2s-pairs';
import { normalizeTerm } from '../../../../scripts-library/guard/normalize';
import { checkDraft } from '../../../../scripts-library/guard';

describe('traditional → simplified', () => {
  it('the generated pairs are opencc-js t → cn, character by character (node tests/tools/make-t2s.mjs rewrites it)', () => {
    expect(T2S_PAIRS).toBe(t2sPairs());
  });

  it('normalises traditional drafts, the supplement included, and keeps every offset', () => {
    expect(normalizeTerm('加我微信號', false)).toBe('加我微信号');
    expect(normalizeTerm('妳們著急', false)).toBe('你们着急');
    expect(normalizeTerm('簡體字不變', false)).toBe('简体字不变');
  });

  it('a traditional off-platform draft is flagged on the original words', () => {
    const draft = '親，加個微信吧';
    const hits = checkDraft(draft);
    expect(hits.some((h) => draft.slice(h.start, h.end).includes('微信'))).toBe(true);
  });
});
