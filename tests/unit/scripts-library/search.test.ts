import { describe, expect, it, vi } from 'vitest';
import pack from '../../../scripts-library/packs/default.json';
import { phrasePinyin } from '../../../scripts-library/shared/pinyin';
import { alignedShare, typoShare, browse, frecency, libraryVersion, panelSearch, PhraseIndex, PhraseSearchCache, splitHighlight, wantsSound, type SearchablePhrase } from '../../../scripts-library/search/search';

const NOW = Date.UTC(2026, 10, 23);
const library = (): SearchablePhrase[] =>
  pack.phrases.map((p) => ({ ...p, pinned: false, useCount: 0, pinyin: phrasePinyin([p.title, p.body, ...p.tags]) }));
const index = new PhraseIndex(library(), NOW);
const ids = (q: string, n = 3, stageId?: string) => index.search(q, { stageId }).slice(0, n).map((h) => h.phrase.id);

describe('ranking on the default library', () => {
  it.each([
    ['exact shortcut code', 'hy', 'greeting-hello'],
    ['exact code, any case', 'CF24', 'payment-24h'],
    ['exact code', 'yhq', 'pricing-coupon'],
    ['Chinese words (a merged phrase\'s title, kept as a tag)', '七天无理由', 'aftersales-policy'],
    ['two Chinese words', '退货 地址', 'aftersales-return-address'],
    ['a typo in Chinese (卷 for 券)', '优惠卷', 'pricing-coupon'],
    ['Chinese title', '退款', 'aftersales-refund-time'],
  ])('%s: %s → %s first', (_label, q, id) => {
    expect(ids(q, 1)).toEqual([id]);
  });

  it.each([
    ['pinyin initials of the title', 'fhsj', 'logistics-ship-time'],
    ['full pinyin', 'kuaidi', 'logistics-transit'],
    ['a homophone typo (火 for 货)', '发火时间', 'logistics-ship-time'],
    ['a Latin typo', 'kuaidii', 'logistics-transit'],
    ['full pinyin with two letters swapped', 'tuikaun', 'aftersales-refund-time'],
    ['full pinyin with a letter missed', 'youhuiqan', 'pricing-coupon'],
  ])('%s: %s → %s in the top two', (_label, q, id) => {
    expect(ids(q, 2)).toContain(id);
  });

  it.each([
    ['full pinyin', 'huanying', '欢迎'],
    ['Chinese word', '快递', '快递'],
  ])('%s: %s finds %s phrases first', (_label, q, word) => {
    const top = index.search(q).slice(0, 3);
    expect(top).toHaveLength(3);
    for (const h of top) expect(`${h.phrase.title}${h.phrase.body}`).toContain(word);
  });

  // A swap inside a word only the bodies hold: body matching is by aligned trigrams, so huanyign ties 欢迎 (huanying)
  // with 换一种 (huanyizhong, 付款失败) — both keep hua·uan·any·nyi. The 欢迎 phrases still lead.
  it('full pinyin with swapped letters: huanyign finds 欢迎 phrases first', () => {
    const top = index.search('huanyign').slice(0, 3).map((h) => `${h.phrase.title}${h.phrase.body}`);
    expect(top[0]).toContain('欢迎');
    expect(top.filter((t) => t.includes('欢迎')).length).toBeGreaterThanOrEqual(2);
  });

  it('pinyin initials: kd finds 快递 phrases first', () => {
    const top = index.search('kd').slice(0, 2);
    for (const h of top) expect(`${h.phrase.title}${h.phrase.body}`).toContain('快递');
  });

  it('filters by stage', () => {
    expect(index.search('kd', { stageId: 'payment' }).every((h) => h.phrase.stageId === 'payment')).toBe(true);
    expect(ids('kd', 1, 'logistics')).toEqual(['logistics-transit']);
  });

  it('finds nothing for text that is nowhere', () => {
    expect(index.search('区块链')).toEqual([]);
    expect(index.search('vvxq')).toEqual([]);
  });

  it.each(['qwerty', 'xyz不存在', 'asdf', '不存在'])('finds nothing for %s, whose bigrams or characters merely occur somewhere', (q) => {
    expect(index.search(q).map((h) => h.phrase.title)).toEqual([]);
  });

  it('highlights what matched in title and body', () => {
    const [hit] = index.search('退款');
    expect(splitHighlight(hit!.phrase.title, hit!.highlight.title)).toEqual([
      { text: '退款', hit: true },
      { text: '时效', hit: false },
    ]);
  });
});

describe('pinned and frecency', () => {
  it('an empty query lists pinned first, then most used, for the stage', () => {
    const phrases = library();
    phrases.find((p) => p.id === 'logistics-delay')!.useCount = 9;
    phrases.find((p) => p.id === 'logistics-lost')!.pinned = true;
    const idx = new PhraseIndex(phrases, NOW);
    expect(idx.search('', { stageId: 'logistics' }).slice(0, 2).map((h) => h.phrase.id)).toEqual(['logistics-lost', 'logistics-delay']);
    expect(idx.search('', { stageId: 'logistics' }).length).toBe(phrases.filter((p) => p.stageId === 'logistics').length);
  });

  it('among equal matches the recently used phrase wins, and refreshStats applies new counts without re-indexing', () => {
    const phrases = library();
    const idx = new PhraseIndex(phrases, NOW);
    const before = idx.search('尺码').map((h) => h.phrase.id);
    const target = before[2]!;
    const updated = phrases.map((p) => (p.id === target ? { ...p, useCount: 30, lastUsedAt: NOW - 3600_000 } : p));
    idx.refreshStats(updated, NOW);
    expect(idx.search('尺码')[0]!.phrase.id).toBe(target);
  });

  it('decays with age', () => {
    const fresh = frecency({ useCount: 10, lastUsedAt: NOW }, NOW);
    const old = frecency({ useCount: 10, lastUsedAt: NOW - 60 * 86_400_000 }, NOW);
    expect(fresh).toBeGreaterThan(old);
    expect(frecency({ useCount: 0 }, NOW)).toBe(0);
  });
});

describe('alignedShare', () => {
  it.each([
    ['ninhaohuanyingguanglin', 'huanying', 1],
    ['ninhaohuanyingguanglin', 'huanyign', 4 / 6],
    ['huaxxxxuanxxxxanyxxxxnyi', 'huanying', 1 / 6],
  ])('%s ~ %s = %d', (hay, token, share) => {
    expect(alignedShare(hay, token)).toBeCloseTo(share, 5);
  });
});

describe('typoShare', () => {
  it.each([
    ['tuikuanshixiao', 'tuikuan', 1], // as is
    ['tuikuanshixiao', 'tuikaun', 1 - 1 / 7], // two letters swapped: one edit
    ['tuijianyouhuiquan', 'youhuiqan', 1 - 1 / 9], // a letter missed
    ['huiyuanyouhui', 'youhuiqan', 1 - 3 / 9], // the rest of the token is not there
    ['fahuoshijian', 'fahuoshjian', 1 - 1 / 11], // a letter missed (shi → sh)
    ['', 'abc', 0],
  ])('%s ~ %s = %d', (hay, token, share) => {
    expect(typoShare(hay, token)).toBeCloseTo(share, 5);
  });

  // The table is kept in one reused array and a token held as typed skips it: every share is still the
  // textbook one (optimal string alignment, free start and end), whatever the lengths of the calls before.
  it('gives the textbook edit-distance share on random strings, calls of any length interleaved', () => {
    const textbook = (hay: string, token: string): number => {
      const m = token.length;
      if (!m) return 0;
      const d = Array.from({ length: m + 1 }, (_, i) => Array.from({ length: hay.length + 1 }, () => i));
      for (let i = 1; i <= m; i++)
        for (let j = 1; j <= hay.length; j++) {
          d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + (token[i - 1] === hay[j - 1] ? 0 : 1));
          if (i > 1 && j > 1 && token[i - 1] === hay[j - 2] && token[i - 2] === hay[j - 1]) d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1);
        }
      return 1 - Math.min(...d[m]!) / m;
    };
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
    const word = (n: number) => Array.from({ length: n }, () => 'aghinu'[Math.floor(next() * 6)]).join('');
    for (let k = 0; k < 3000; k++) {
      const hay = word(Math.floor(next() * (k % 7 === 0 ? 300 : 30)));
      const token = next() < 0.2 && hay.length > 3 ? hay.slice(1, 3 + Math.floor(next() * (hay.length - 3))) : word(1 + Math.floor(next() * 14));
      expect(typoShare(hay, token), `${hay} ~ ${token}`).toBe(textbook(hay, token));
    }
  });
});

describe('splitHighlight', () => {
  it('splits text into plain and highlighted pieces', () => {
    expect(splitHighlight('发货时间', [[2, 3]])).toEqual([
      { text: '发货', hit: false },
      { text: '时间', hit: true },
    ]);
    expect(splitHighlight('abc', [])).toEqual([{ text: 'abc', hit: false }]);
  });
});

describe('PhraseSearchCache (what the panel and the picker call on every keystroke)', () => {
  const stored = () => library().map((p) => ({ ...p, updatedAt: 1 }));
  it('the same library array returns the same index at once, without touching the phrases', () => {
    const cache = new PhraseSearchCache<ReturnType<typeof stored>[number]>();
    const phrases = stored();
    const index = cache.get(phrases);
    const refresh = vi.spyOn(index, 'refreshStats');
    expect(cache.get(phrases)).toBe(index);
    expect(refresh).not.toHaveBeenCalled();
  });
  it('a new array with the same texts refreshes use counts; an edited phrase rebuilds the index', () => {
    const cache = new PhraseSearchCache<ReturnType<typeof stored>[number]>();
    const index = cache.get(stored());
    const refresh = vi.spyOn(index, 'refreshStats');
    expect(cache.get(stored())).toBe(index);
    expect(refresh).toHaveBeenCalledOnce();
    const edited = stored();
    edited[0] = { ...edited[0]!, title: '改过的标题', updatedAt: 2 };
    expect(cache.get(edited)).not.toBe(index);
  });
  it('a deleted phrase is no longer found, a new one is, and an undone delete comes back (the version follows count and edit time)', () => {
    const cache = new PhraseSearchCache<ReturnType<typeof stored>[number]>();
    const all = stored();
    const target = all[0]!;
    const found = (lib: typeof all) => cache.get(lib).search(target.title).some((h) => h.phrase.id === target.id);
    expect(found(all)).toBe(true);
    const without = all.slice(1);
    expect(found(without)).toBe(false);
    const added = [...without, { ...target, id: 'new-one', updatedAt: 5 }];
    expect(cache.get(added).search(target.title).some((h) => h.phrase.id === 'new-one')).toBe(true);
    expect(found([...added.slice(0, -1).map((p) => ({ ...p })), target])).toBe(true);
  });
  it('finds by pinyin the phrases whose search keys were added since (a team sync writes them without; the panel adds them, edit time unchanged)', () => {
    const cache = new PhraseSearchCache<ReturnType<typeof stored>[number]>();
    const keyed = stored();
    const pulled = keyed.map(({ pinyin: _keys, ...p }) => p);
    expect(cache.get(pulled).search('fahuoshijian').some((h) => h.phrase.id === 'logistics-ship-time')).toBe(false);
    expect(cache.get(keyed).search('fahuoshijian')[0]?.phrase.id).toBe('logistics-ship-time');
  });
  it('libraryVersion is the count, the latest edit and how many have search keys', () => {
    const keys = { full: 'a', initials: 'a' };
    expect(libraryVersion([{ updatedAt: 3, pinyin: keys }, { updatedAt: 9 }, { updatedAt: 1, pinyin: keys }])).toEqual({ count: 3, latest: 9, keyed: 2 });
    expect(libraryVersion([])).toEqual({ count: 0, latest: 0, keyed: 0 });
  });
});

describe('browse with a limit (the stage listed first for a stage name)', () => {
  it('gives the same first phrases, in the same order, as sorting the whole stage', () => {
    const phrases = pack.phrases.map((p, i) => ({ ...p, tags: p.tags ?? [], pinned: i % 17 === 0, useCount: (i * 7) % 5, lastUsedAt: i % 3 ? 1000 * (i % 4) : undefined, order: i }));
    for (const stageId of [undefined, 'logistics', 'payment']) {
      const whole = browse(phrases, { stageId }).map((h) => h.phrase.id);
      for (const limit of [1, 3, 10, 500]) expect(browse(phrases, { stageId, limit }).map((h) => h.phrase.id)).toEqual(whole.slice(0, limit));
    }
  });
});

describe('a Chinese query by its sound (the IME picked the wrong character)', () => {
  const phrases = library();
  const index = new PhraseIndex(phrases);
  const pinyinOf = (text: string) => phrasePinyin([text]).full;
  it('包油 finds 包邮说明 once a converter is given, and nothing much without one', () => {
    expect(panelSearch(index, phrases, '包油').map((h) => h.phrase.id)).not.toContain('pricing-free-shipping');
    expect(panelSearch(index, phrases, '包油', { pinyinOf })[0]?.phrase.id).toBe('pricing-free-shipping');
  });
  it('brings only phrases of the same sound: 拒收 (jushou) finds the phrases with 拒收 first, never 预售 (yushou)', () => {
    const ids = panelSearch(index, phrases, '拒收', { pinyinOf }).map((h) => h.phrase.id);
    expect(ids.slice(0, 2).sort()).toEqual(['aftersales-refund-shipped', 'logistics-inspect']);
    expect(ids).not.toContain('stock-presale');
  });
  it('tells whether any phrase (of a stage) holds a sound, so a sound none holds is not searched (#36)', () => {
    expect(index.soundHeld('baoyou')).toBe(true);
    expect(index.soundHeld('baoyou', 'pricing')).toBe(true);
    expect(index.soundHeld('baoyou', 'greeting')).toBe(false);
    expect(index.soundHeld('jintianxiadanshenmeshihounengdao')).toBe(false);
    // Every bigram of it is in the library, the sound itself in no phrase.
    expect(index.soundHeld('youbao')).toBe(false);
  });
  it('says what reading every phrase would say, for sounds held and not, in every stage (#36: postings intersected first)', () => {
    const full = (p: SearchablePhrase) => p.pinyin?.full ?? '';
    const sounds = new Set<string>();
    phrases.forEach((p, k) => {
      const f = full(p).replace(/[^a-z0-9]+/g, '');
      // Pieces of a phrase's own sound, and pieces joined across two phrases (each bigram held, the whole seldom).
      for (const len of [2, 5, 9, 16]) sounds.add(f.slice(k % 7, k % 7 + len));
      sounds.add(f.slice(-6) + full(phrases[(k + 1) % phrases.length]!).replace(/[^a-z0-9]+/g, '').slice(0, 6));
    });
    for (const q of ['今天下单什么时候能到', '能便宜点吗', '包油', '这个可以机洗吗']) sounds.add(pinyinOf(q).toLowerCase().replace(/[^a-z0-9]+/g, ''));
    let held = 0;
    for (const s of [...sounds].filter((x) => x.length >= 2)) {
      for (const stage of [undefined, 'pricing', 'logistics', 'greeting']) {
        const want = phrases.some((p) => (!stage || p.stageId === stage) && full(p).includes(s));
        expect(index.soundHeld(s, stage), `${s} ${stage}`).toBe(want);
        if (want) held++;
      }
    }
    expect(held).toBeGreaterThan(200);
  });
  it('leaves a query that finds enough by its characters alone', () => {
    const calls: string[] = [];
    const spy = (text: string) => (calls.push(text), pinyinOf(text));
    const plain = panelSearch(index, phrases, '退款').map((h) => h.phrase.id);
    expect(panelSearch(index, phrases, '退款', { pinyinOf: spy }).map((h) => h.phrase.id)).toEqual(plain);
    expect(calls).toEqual([]);
  });
  it('searches by sound only when the characters found nothing (#36: the slowest path): 发火时间 finds 发货时间 by its characters', () => {
    const calls: string[] = [];
    const spy = (text: string) => (calls.push(text), pinyinOf(text));
    expect(panelSearch(index, phrases, '发火时间', { pinyinOf: spy })[0]?.phrase.id).toBe('logistics-ship-time');
    expect(calls).toEqual([]);
    expect(wantsSound('发火时间', 1)).toBe(false);
    expect(wantsSound('包油', 0)).toBe(true);
  });
});
