import { describe, expect, it } from 'vitest';
import { isUnreadHandover } from '../../../scripts-library/notebooks/notebooks';

describe('isUnreadHandover', () => {
  it.each([
    [{ read: false, day: '2026-12-02', shift: 'day' }, { day: '2026-12-02', shift: 'day' }, false], // its own writer
    [{ read: false, day: '2026-12-02', shift: 'day' }, { day: '2026-12-02', shift: 'night' }, true], // the next shift
    [{ read: false, day: '2026-12-01', shift: 'day' }, { day: '2026-12-02', shift: 'day' }, true], // the same shift, next day
    [{ read: true, day: '2026-12-01', shift: 'day' }, { day: '2026-12-02', shift: 'night' }, false],
    [{ read: false, shift: 'day' }, { day: '2026-12-02', shift: 'day' }, true], // written before handovers had a day
  ])('%o seen by %o → %s', (h, now, unread) => {
    expect(isUnreadHandover(h, now)).toBe(unread);
  });
});
