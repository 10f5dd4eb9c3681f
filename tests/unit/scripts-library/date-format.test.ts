// #29 item 22: one way to write a date in the panel — 「12月6日 12:44」 in Chinese, "Dec 6, 12:44" in English.
import { expect, it } from 'vitest';
import { formatDateTime, formatDay, formatWeek } from '../../../scripts-library/shared/date-format';

const at = (y: number, m: number, d: number, h = 0, min = 0) => new Date(y, m - 1, d, h, min).getTime();
const NOW = at(2026, 12, 6, 15, 0);

it('a moment: month, day and time, the year only when it is not this year', () => {
  expect(formatDateTime(at(2026, 12, 6, 12, 44), 'zh', NOW)).toBe('12月6日 12:44');
  expect(formatDateTime(at(2026, 1, 9, 8, 5), 'zh', NOW)).toBe('1月9日 08:05');
  expect(formatDateTime(at(2025, 12, 31, 23, 59), 'zh', NOW)).toBe('2025年12月31日 23:59');
  expect(formatDateTime(at(2026, 12, 6, 12, 44), 'en', NOW)).toBe('Dec 6, 12:44');
  expect(formatDateTime(at(2025, 12, 31, 23, 59), 'en', NOW)).toBe('Dec 31, 2025, 23:59');
});

it('a work day (YYYY-MM-DD), with the weekday when asked', () => {
  expect(formatDay('2026-12-06', 'zh')).toBe('12月6日');
  expect(formatDay('2026-12-06', 'zh', { weekday: true })).toBe('12月6日 周日');
  expect(formatDay('2026-12-06', 'en')).toBe('Dec 6');
  expect(formatDay('2026-12-06', 'en', { weekday: true })).toBe('Sun, Dec 6');
});

it('a week from its Monday: the days it spans', () => {
  expect(formatWeek('2026-11-30', 'zh')).toBe('11月30日–12月6日');
  expect(formatWeek('2026-11-30', 'en')).toBe('Nov 30 – Dec 6');
});
