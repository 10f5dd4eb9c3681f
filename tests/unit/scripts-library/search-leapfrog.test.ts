/** leapfrog.ts: the phrases in every list, ascending, as intersecting the lists in full gives, read one at a time. */
import { describe, expect, it } from 'vitest';
import { Intersection } from '../../../scripts-library/search/leapfrog';

function all(lists: Int32Array[]): number[] {
  const cursor = new Intersection(lists);
  const out: number[] = [];
  for (let i = cursor.next(); i >= 0; i = cursor.next()) out.push(i);
  expect(cursor.next()).toBe(-1);
  return out;
}

describe('Intersection', () => {
  it('reads what every list holds, in order, for lists dense and sparse', () => {
    let seed = 3;
    const next = (n: number) => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) % n;
    for (let round = 0; round < 200; round++) {
      const size = 1 + next(1200);
      const lists = Array.from({ length: 1 + next(5) }, () => {
        const keep = [1, 2, 10, 100][next(4)]!;
        return Int32Array.from({ length: size }, (_, i) => i).filter(() => next(keep) === 0 || keep === 1);
      });
      const want = [...lists[0]!].filter((x) => lists.every((l) => l.includes(x)));
      expect(all(lists)).toEqual(want);
    }
  });

  it('reads nothing from an empty list or none', () => {
    expect(all([Int32Array.of(1, 2, 3), new Int32Array(0)])).toEqual([]);
    expect(all([])).toEqual([]);
    expect(all([Int32Array.of(5, 9), Int32Array.of(5, 9)])).toEqual([5, 9]);
  });
});
