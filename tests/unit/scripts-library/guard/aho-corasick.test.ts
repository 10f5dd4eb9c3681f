// The guard's automaton against the obvious search: every occurrence of every pattern, overlapping ones included.
import { expect, it } from 'vitest';
import { AhoCorasick } from '../../../../scripts-library/guard/aho-corasick';

const codes = (s: string) => Uint16Array.from(s, (c) => c.charCodeAt(0));
const run = (patterns: string[], text: string) => {
  const out: string[] = [];
  new AhoCorasick(patterns).scan(codes(text), (id, start, end) => out.push(`${id}@${start}-${end}`));
  return out.sort();
};
const naive = (patterns: string[], text: string) => {
  const out: string[] = [];
  patterns.forEach((p, id) => {
    if (!p) return;
    for (let at = text.indexOf(p); at >= 0; at = text.indexOf(p, at + 1)) out.push(`${id}@${at}-${at + p.length}`);
  });
  return out.sort();
};

it('finds nested, overlapping and repeated terms, each with its own id', () => {
  const patterns = ['微信', '加微信', '信', '加微', '微信微信', '', '微信'];
  expect(run(patterns, '加微信微信号，加微 信')).toEqual(naive(patterns, '加微信微信号，加微 信'));
  expect(run(patterns, '加微信')).toContain('1@0-3');
  expect(run(patterns, '加微信')).toContain('6@1-3'); // a duplicate term keeps its own id
});

it('agrees with a plain search on random texts over a small alphabet (where failure links matter most)', () => {
  let seed = 7;
  const next = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
  const alphabet = '不知道我微信加好评返现a1';
  const word = (n: number) => Array.from({ length: n }, () => alphabet[Math.floor(next() * alphabet.length)]).join('');
  for (let round = 0; round < 40; round++) {
    const patterns = Array.from({ length: 1 + Math.floor(next() * 60) }, () => word(1 + Math.floor(next() * 5)));
    const text = word(300);
    expect(run(patterns, text)).toEqual(naive(patterns, text));
  }
});

it('reports matches in order of their end, as the guard relies on', () => {
  const ends: number[] = [];
  new AhoCorasick(['ab', 'b', 'abc', 'c']).scan(codes('xabcab'), (_, __, end) => ends.push(end));
  expect(ends).toEqual([...ends].sort((a, b) => a - b));
  expect(ends).toHaveLength(6);
});
