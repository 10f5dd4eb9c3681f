/**
 * The guard's fast paths (#36 item 6) give the verdicts the plain ones gave: the intent model read through numeric
 * features and typed weights (intent-reader.ts) gives every unit of every corpus draft the very posterior the
 * string features (intent.ts `features`, trained on) give, and the counting sort of candidates gives the order a
 * stable comparison sort gives. The plain paths live only here.
 */
import { describe, expect, it } from 'vitest';
import { checkDraft, compileRules, draftCandidates, DEFAULT_RULES, checkWithCompiled } from '../../../../scripts-library/guard';
import { keptCompiled, keptReader, looksCompiled, looksJudge, looksReader, modelKey, reviveCompiled, revivedReader, rulesKey } from '../../../../scripts-library/guard/compiled-form';
import { byStartLongest, type Candidate } from '../../../../scripts-library/guard/overlaps';
import { defaultIntent, judgeDraft, SHIPPED_MODEL_TEXT, shippedReader, readShippedWith } from '../../../../scripts-library/guard/judge';
import { features, guessesFor, train, unitPosterior, units } from '../../../../scripts-library/guard/intent';
import { draftReading, homeSlot, modelReader, readSpan, readUnit } from '../../../../scripts-library/guard/intent-reader';
import { posterior } from '../../../../scripts-library/shared/linear-model';
import { patternSlices, runPatterns } from '../../../../scripts-library/guard/scan';
import { passes } from '../../../../scripts-library/guard/numbers';
import { bothViews, createScratch } from '../../../../scripts-library/guard/normalize';
import type { Ruling } from '../../../../scripts-library/guard/ruling';
import { loadCorpus } from '../../../fixtures/guard/corpus';
import { draft, manyRules } from '../../../bench/guard.bench';

const { positives, clean } = loadCorpus();
const drafts = [...positives.map((p) => p.draft), ...clean.map((c) => c.draft)];
/** Long drafts dense with hits, and ones with quotes, Latin words, numbers and marks (the named features). */
const long = Array.from({ length: 6 }, (_, i) => draft(5000, i, ['加微信', '全网最低', '好评返现', '我不知道', '“加个vx”吗', 'wx123456789012']));
/** Latin words against numbers and marks in every arrangement (the named features, read in one pass). */
const named = ['abc123def，12ab？', 'a1b2c3 吗', '12345 ab 12345678901 x', 'VX号ab12345呢。好的?', '加q 12 么嘛', 'ab cd ab，1 22 333', '9ａｂ９', 'x'.repeat(30) + '1'.repeat(12)];

/** The plain path: a comparison sort, stable, by start and the longer first. */
const bySort = (found: readonly Candidate[]) => [...found].sort((a, b) => a.start - b.start || b.end - b.start - (a.end - a.start));

describe('the intent model read by numbers', () => {
  const model = defaultIntent();
  const reader = modelReader(model);

  it('gives every unit of the corpus (and of long drafts) the posterior the string features give, to the last bit', () => {
    let compared = 0;
    for (const d of [...drafts, ...long, ...named]) {
      for (const u of units(d)) {
        const text = d.slice(u.start, u.end);
        const plain = posterior(model, features(text));
        expect(readUnit(reader, text), text).toEqual(plain);
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(drafts.length);
  });

  it('reads every unit of a draft normalised once exactly as the unit alone (a paste is not normalised unit by unit)', () => {
    // Long drafts without the quote (its words are replaced per unit) and with the numbers, Latin words and marks.
    const plainLong = Array.from({ length: 6 }, (_, i) => draft(5000, i, ['加微信', '全网最低', '好评返现', 'wx123456789012吗', 'ＶＸ：ab12', '微 信 '])).map((d, i) => d.replace(/[，。]/g, (m) => `${i}${m}`));
    let read = 0;
    for (const d of [...drafts, ...plainLong, ...named]) {
      const reading = draftReading(d);
      if (!reading) continue;
      for (const u of units(d)) {
        expect(readSpan(reader, reading, u.start, u.end), d.slice(u.start, u.end)).toEqual(readUnit(reader, d.slice(u.start, u.end)));
        read++;
      }
    }
    expect(plainLong.every((d) => draftReading(d))).toBe(true);
    expect(read).toBeGreaterThan(drafts.length);
    // Where a unit's own views may differ from the draft's, cut: a quote, a '.', a character normalised to several.
    for (const d of ['您说“加个微信”吗，不行', '型号NO.1，微.信', '重量1㎏，好的', '好的\u200b，微信']) expect(draftReading(d), d).toBeUndefined();
  });

  it('finds every feature of the shipped model within a few slots of its home (no long runs of colliding ids)', () => {
    const { keys } = reader;
    const mask = keys.length - 1;
    let longest = 0;
    let total = 0;
    let used = 0;
    keys.forEach((id, s) => {
      if (id === -1) return;
      const walk = (s - homeSlot(id, mask) + keys.length) & mask;
      longest = Math.max(longest, walk);
      total += walk;
      used++;
    });
    expect(used).toBeGreaterThan(10_000);
    expect(total / used).toBeLessThan(2);
    expect(longest).toBeLessThan(40);
  });

  it('knows a feature of every family: characters, pairs, triples, the first character, words, numbers, marks', () => {
    const tiny = train([
      { label: 'none', text: '您好' },
      { label: 'off-platform', text: '加我vx 13800138000 “微信”吗' },
    ]);
    const text = '加我vx 13800138000 “微信”吗';
    expect(features(text)).toEqual(expect.arrayContaining(['加', '加我', '^加', 'w:vx', 'n:long', 'm:quoted', 'm:ask']));
    expect(readUnit(modelReader(tiny), text)).toEqual(posterior(tiny, features(text)));
    expect(readUnit(modelReader(tiny), '完全不相干').known).toBe(0);
  });
});

describe('candidates ordered by a counting sort', () => {
  it('puts every corpus draft’s candidates (default and 2,000 rules) in the order a stable comparison sort gives', () => {
    const rules2k = manyRules(2000);
    let dense = 0;
    for (const d of [...drafts, ...long]) {
      for (const rules of [DEFAULT_RULES, rules2k]) {
        const found = draftCandidates(d, rules);
        if (found.length > 20) dense++;
        const at = new Map(found.map((x, i) => [x, i]));
        expect(byStartLongest(found).map((x) => at.get(x))).toEqual(bySort(found).map((x) => at.get(x)));
      }
    }
    expect(dense).toBeGreaterThan(5);
  });

  it('keeps the order found among candidates of one start and one length, the longer first', () => {
    const rule = DEFAULT_RULES[0]!;
    const c = (start: number, end: number, id: string) => ({ rule: { ...rule, id }, start, end }) as unknown as Candidate;
    const found = [c(5, 7, 'a'), c(0, 2, 'b'), c(5, 9, 'c'), c(5, 7, 'd'), c(0, 3, 'e'), c(70000, 70002, 'f')];
    expect(byStartLongest(found).map((x) => x.rule.id)).toEqual(['e', 'b', 'c', 'a', 'd', 'f']);
  });
});

describe('a paste judged from its reading', () => {
  it('gets the hits it gets when every unit is read on its own (numbered pastes, every clause new; Latin words, numbers, marks)', () => {
    let n = 0;
    const extras = ['加微信', '好评返现', '我不知道', 'wx123456789012吗', '加q 12ab', '返现5元']; // six: draft() takes every one
    const pastes = Array.from({ length: 24 }, (_, i) => draft(5000, i + 3, extras).replace(/[，。？]/g, (m) => `${n++}${m}`));
    const other = { model: train([{ label: 'none', text: '您好' }, { label: 'abuse', text: '滚' }]) };
    let hits = 0;
    for (const d of pastes) {
      judgeDraft('您好', DEFAULT_RULES, other); // another model: the memo starts empty
      const cold = judgeDraft(d);
      judgeDraft('您好', DEFAULT_RULES, other);
      const every = guessesFor(shippedReader(), d, 0); // every unit's harm, to the last bit
      judgeDraft('您好', DEFAULT_RULES, other);
      for (const u of units(d)) unitPosterior(shippedReader(), d.slice(u.start, u.end)); // each unit alone (readUnit)
      expect(judgeDraft(d)).toEqual(cold);
      expect(guessesFor(shippedReader(), d, 0)).toEqual(every);
      hits += cold.length;
    }
    expect(hits).toBeGreaterThan(24 * 10);
    // Read from their readings (one normalisation for the draft), not unit by unit.
    expect(pastes.filter((d) => draftReading(d)).length).toBeGreaterThan(20);
  });
});

describe('a draft read from the one before it', () => {
  // guessesFor takes the posterior of a unit the previous draft had at the same place (before the edit, or after it
  // shifted): edits anywhere in a paste, deletions, a paste replaced by another, a draft judged twice — every
  // check gives, to the last bit, what reading the draft cold gives (another model first empties every memo).
  it('gives what a cold read gives, edit after edit', () => {
    const other = train([{ label: 'none', text: '您好' }, { label: 'abuse', text: '滚' }]);
    const cold = (d: string) => {
      guessesFor(modelReader(other), '您好', 0);
      const g = guessesFor(shippedReader(), d, 0);
      guessesFor(modelReader(other), '您好', 0);
      return g;
    };
    let seed = 3;
    const next = (n: number) => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) % n;
    const pieces = ['加微信', '，', '。', '好评返现', '我不知道', '吗', 'wx123', '的', '？', '\n', '“加个vx”', '滚'];
    let n = 0;
    let d = draft(5000, 4, ['加微信', '好评返现', '我不知道']).replace(/[，。？]/g, (m) => `${n++}${m}`);
    let checked = 0;
    for (let step = 0; step < 160; step++) {
      const at = next(d.length + 1);
      const kind = next(10);
      if (kind < 5) d = d.slice(0, at) + pieces[next(pieces.length)]! + d.slice(at);
      else if (kind < 8) d = d.slice(0, at) + d.slice(at + 1 + next(12));
      else if (kind < 9) d = draft(600 + next(3000), step, ['加微信', '滚']);
      const warm = guessesFor(shippedReader(), d, 0);
      expect(guessesFor(shippedReader(), d, 0)).toEqual(warm); // the same draft again
      expect(warm, `step ${step}`).toEqual(cold(d));
      guessesFor(shippedReader(), d, 0); // the next edit is read from this draft, not from the cold read's
      checked += warm.length;
    }
    expect(checked).toBeGreaterThan(160 * 50);
  });
});

describe('the pattern rules run with exec', () => {
  /** The plain path: matchAll over each slice (a RegExp clone and an iterator per pattern and slice). */
  function byMatchAll(patterns: ReturnType<typeof compileRules>['patterns'], text: string, add: (rule: Ruling, start: number, end: number) => void) {
    const slices = patternSlices(text.length);
    for (const { rule, check, regex } of patterns) {
      for (const { from, to, own, ownEnd, upTo } of slices) {
        regex.lastIndex = 0;
        for (const m of text.slice(from, to).matchAll(regex)) {
          const start = from + m.index;
          const end = start + m[0].length;
          if (start < own || start >= ownEnd || end > upTo) continue;
          if (m[0] && (!check || passes(check, m[0]))) add(rule, start, end);
        }
      }
    }
  }

  it('find what matchAll finds, in the same order, on pastes dense with numbers, pinyin and hits, and every corpus draft', () => {
    const { patterns } = compileRules(DEFAULT_RULES);
    // An empty-matching pattern too (a stored one the safety check would refuse): it must still step on, never hit.
    patterns.push({ rule: patterns[0]!.rule, check: undefined, regex: /(?:x?)/g });
    const extra = ['加微信', 'vx123', '13812345678', 'hpfx', 'haopingfanxian', '6222021234567890123', 'no.1', 'sb', 'q123456'];
    let n = 0;
    const pastes = Array.from({ length: 60 }, (_, i) => draft(5000, i, extra).replace(/[，。？]/g, (m) => `${n++}${m}`));
    let hits = 0;
    for (const d of [...pastes, ...drafts, ...long, ...named]) {
      const text = bothViews(d, createScratch()).compact.text;
      const a: unknown[] = [];
      const b: unknown[] = [];
      byMatchAll(patterns, text, (rule, start, end) => a.push([rule.id, start, end]));
      runPatterns(patterns, text, (rule, start, end) => b.push([rule.id, start, end]));
      expect(b).toEqual(a);
      hits += a.length;
    }
    expect(hits).toBeGreaterThan(1000);
  });
});

describe('the compiled rules kept between wakes', () => {
  it('revived from a structured clone (what IndexedDB keeps), check every corpus draft as the rules compiled anew do', () => {
    const rules2k = manyRules(2000);
    for (const rules of [DEFAULT_RULES, rules2k]) {
      const form: unknown = structuredClone(keptCompiled(compileRules(rules)));
      expect(looksCompiled(form)).toBe(true);
      const copy = [...rules]; // another array: checked only with the revived form
      checkWithCompiled(copy, reviveCompiled(form as Parameters<typeof reviveCompiled>[0]));
      for (const d of [...drafts, ...long]) expect(checkDraft(d, copy)).toEqual(checkDraft(d, rules));
    }
  });

  it('revived from its kept form are the very form the rules compile to: automata, entries, patterns, near tables', () => {
    for (const rules of [DEFAULT_RULES, manyRules(2000)]) {
      const fresh = compileRules(rules);
      const kept: unknown = structuredClone(keptCompiled(fresh));
      expect(looksCompiled(kept)).toBe(true);
      const revived = reviveCompiled(kept as Parameters<typeof reviveCompiled>[0]);
      // A revived form kept again (its entries not yet made) is the same kept form.
      expect(keptCompiled(reviveCompiled(structuredClone(kept) as Parameters<typeof reviveCompiled>[0]))).toEqual(kept);
      // Its entries are made when a term is first found: every one of them made here.
      for (const view of [revived.plain, revived.compact]) {
        expect(view.entries.length).toBeGreaterThan(0);
        for (let id = 0; id < view.entries.length; id++) view.entries[id] = view.entryOf!(id);
        delete view.entryOf;
      }
      expect(revived).toEqual(fresh);
      // Each object with its fields in the order compiled (one shape for the matcher's optimised code).
      expect(Object.keys(revived.plain.entries[0]!)).toEqual(Object.keys(fresh.plain.entries[0]!));
      expect(Object.keys(revived.plain.entries[0]!.rule)).toEqual(Object.keys(fresh.plain.entries[0]!.rule));
      expect(Object.keys(revived.near)).toEqual(Object.keys(fresh.near));
      expect(Object.keys(revived.plain.automaton)).toEqual(Object.keys(fresh.plain.automaton));
    }
  });

  it('revived checks many drafts (edited, pasted, hit-dense, every corpus draft) with the hits the rules compiled anew give', () => {
    const copy = [...DEFAULT_RULES];
    checkWithCompiled(copy, reviveCompiled(structuredClone(keptCompiled(compileRules(DEFAULT_RULES)))));
    let seed = 7;
    const next = (n: number) => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) % n;
    let hits = 0;
    for (let i = 0; i < 300; i++) {
      // Corpus drafts joined, cut and spliced: terms across the seams, near words apart, allow contexts split.
      const a = drafts[next(drafts.length)]!;
      const b = drafts[next(drafts.length)]!;
      const cut = next(a.length + 1);
      const d = i % 3 === 0 ? draft(500 + next(4500), i, ['加微信', '好评返现', '全网最低', 'vx', '不知道']) : a.slice(0, cut) + b + a.slice(cut);
      const expected = checkDraft(d, DEFAULT_RULES);
      expect(checkDraft(d, copy), d).toEqual(expected);
      hits += expected.length;
    }
    expect(hits).toBeGreaterThan(300);
  });

  it('are keyed by the rules: one changed term, severity, allow or switch is another key', async () => {
    const base = DEFAULT_RULES.slice(0, 20);
    const key = await rulesKey(base);
    expect(await rulesKey(base.map((r) => ({ ...r })))).toBe(key);
    const edits = [
      (r: (typeof base)[number]) => ({ ...r, terms: [...r.terms, '卖光了'] }),
      (r: (typeof base)[number]) => ({ ...r, severity: r.severity === 'block' ? ('warn' as const) : ('block' as const) }),
      (r: (typeof base)[number]) => ({ ...r, allow: [...r.allow, '在平台内'] }),
      (r: (typeof base)[number]) => ({ ...r, enabled: !r.enabled }),
    ];
    for (const edit of edits) expect(await rulesKey([edit(base[0]!), ...base.slice(1)])).not.toBe(key);
    expect(looksCompiled({ plain: {} })).toBe(false);
    expect(looksCompiled(undefined)).toBe(false);
  });
});

describe('the intent model kept between wakes', () => {
  it('read back from a structured clone (what IndexedDB keeps), judges every corpus draft as the model read from its text does', () => {
    const live = shippedReader();
    const expected = [...drafts, ...long].map((d) => judgeDraft(d));
    const form: unknown = structuredClone(live);
    expect(looksReader(form)).toBe(true);
    try {
      readShippedWith(form as typeof live);
      expect(shippedReader()).not.toBe(live);
      expect([...drafts, ...long].map((d) => judgeDraft(d))).toEqual(expected);
    } finally {
      readShippedWith(live);
    }
  });

  it('kept with its weights as hundredths, revived to the very doubles, in the field order a reader is made with', () => {
    const live = shippedReader();
    const kept = keptReader(live);
    expect('hundredths' in kept).toBe(true);
    const judge: unknown = structuredClone({ reader: kept, vetoable: ['a'] });
    expect(looksJudge(judge)).toBe(true);
    expect(looksJudge({ reader: { ...kept, hundredths: Array.from((kept as { hundredths: Int16Array }).hundredths) }, vetoable: [] })).toBe(false);
    expect(looksJudge({ reader: { ...kept, bias: [] }, vetoable: [] })).toBe(false);
    expect(looksJudge({ reader: live, vetoable: [] })).toBe(true);
    const revived = revivedReader((judge as { reader: typeof kept }).reader);
    expect(revived).toEqual(live);
    expect(Object.keys(revived)).toEqual(Object.keys(live));
    for (let i = 0; i < live.weights.length; i++) if (!Object.is(revived.weights[i], live.weights[i])) throw new Error(`weight ${i}`);
    // A model whose weights are not whole hundredths (one trained in memory) is kept as it is.
    const odd = { ...live, weights: live.weights.map((w, i) => (i === 5 ? w + 0.001 : w)) };
    expect(keptReader(odd)).toBe(odd);
    expect(revivedReader(keptReader(odd))).toBe(odd);
  });

  it('is keyed by the model’s text, and anything not shaped like a reader is not used', () => {
    expect(modelKey(SHIPPED_MODEL_TEXT)).toBe(modelKey(`${SHIPPED_MODEL_TEXT}`));
    expect(modelKey(SHIPPED_MODEL_TEXT.replace('"bias":[', '"bias":[1,'))).not.toBe(modelKey(SHIPPED_MODEL_TEXT));
    const live = shippedReader();
    for (const bad of [undefined, {}, { ...live, weights: Array.from(live.weights) }, { ...live, bias: live.bias.subarray(1) }, { ...live, named: {} }]) {
      expect(looksReader(bad)).toBe(false);
    }
  });
});
