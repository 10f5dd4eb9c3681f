/**
 * ranking.ts keeps each phrase's Fuse.js index record per field set and hands Fuse the kept ones with each query's
 * candidates: every query's matches (scores and match positions, by candidate) are the ones a Fuse.js given the
 * same candidates builds from scratch, whichever queries and candidates came before.
 */
import Fuse from 'fuse.js';
import { describe, expect, it } from 'vitest';
import pack from '../../../scripts-library/packs/default.json';
import { phrasePinyin } from '../../../scripts-library/shared/pinyin';
import { PhraseIndex } from '../../../scripts-library/search/search';
import { queryUnits } from '../../../scripts-library/search/narrow';
import { fieldsFor, fuseMatches } from '../../../scripts-library/search/ranking';

const library = pack.phrases.map((p) => ({ ...p, pinned: false, useCount: 0, pinyin: phrasePinyin([p.title, p.body, ...p.tags]) }));
const { docs } = new PhraseIndex(library).data;
const QUERIES = ['退款', '发火时间', 'kd', 'tuikaun', '包油说明', 'fahuo shijian', '优惠卷', 'cf24', '尺码 缺货', 'huanyign', '物流', 'zp', '退货 地址', 'youhuiqan', '赠品', '发票 kd'];

describe('kept Fuse records', () => {
  it('match every query as a Fuse built afresh over the same candidates does, candidates seen before or not', () => {
    let seed = 5;
    const next = (n: number) => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) % n;
    let matched = 0;
    for (let round = 0; round < 6; round++) {
      for (const q of QUERIES) {
        // Two dozen candidates drawn anew each time: some records kept from earlier queries, some not.
        const candidates = Array.from({ length: 24 }, () => docs[next(docs.length)]!).filter((d, k, all) => all.indexOf(d) === k);
        const units = queryUnits(q);
        const got = fuseMatches(q, units, candidates);
        const fresh = new Fuse(candidates, fieldsFor(units)).search(q);
        expect([...got.values()], q).toEqual(fresh);
        matched += fresh.length;
      }
    }
    expect(matched).toBeGreaterThan(100);
  });
});
