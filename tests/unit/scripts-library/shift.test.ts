import { describe, expect, it } from 'vitest';
import { tallyRowAt, type Shift } from '../../../scripts-library/shared/shift';

const shifts: Shift[] = [
  { id: 'day', name: '白班', start: '09:00', end: '17:30' },
  { id: 'late', name: '夜班', start: '22:00', end: '02:00' },
];

describe('tallyRowAt: whose row, which day, which shift', () => {
  it.each([
    ['in the day shift', new Date(2026, 11, 7, 10, 0), { agent: '小王', day: '2026-12-07', shift: 'day' }],
    ['after midnight in a shift that began the evening before', new Date(2026, 11, 8, 1, 30), { agent: '小王', day: '2026-12-07', shift: 'late' }],
    ['between shifts', new Date(2026, 11, 7, 19, 0), { agent: '小王', day: '2026-12-07', shift: 'off' }],
  ])('%s', (_label, at, row) => {
    expect(tallyRowAt({ agentName: '小王', shifts }, at)).toEqual(row);
  });

  it('counts to `me` with the default shifts before settings name an agent', () => {
    expect(tallyRowAt({ agentName: '' }, new Date(2026, 11, 7, 18, 0))).toEqual({ agent: 'me', day: '2026-12-07', shift: 'night' });
    expect(tallyRowAt(undefined, new Date(2026, 11, 7, 10, 0))).toEqual({ agent: 'me', day: '2026-12-07', shift: 'day' });
  });
});
