import { describe, expect, it } from 'vitest';
import { responseTotals, withResponse } from '../../../scripts-library/tally/kpi';
import { serviceHours } from '../../../scripts-library/chase/service-hours';
import { conversionRate, goalProgress, monthToDate, summarize, tallyCsv, totalsByDay, weekToDate } from '../../../scripts-library/tally/tally';
import { lastDays, shiftAt, type Shift } from '../../../scripts-library/shared/shift';

const at = (s: string) => new Date(s); // local time (no zone suffix): wall-clock, DST-free arithmetic

describe('serviceHours ({服务时间} from the shifts)', () => {
  const shift = (start: string, end: string, id = start): Shift => ({ id, name: id, start, end });
  it.each([
    ['shifts that touch are one stretch', [shift('09:00', '17:30'), shift('17:30', '22:30')], '09:00-22:30'],
    ['overlapping, in any order', [shift('13:00', '22:00'), shift('08:00', '14:00')], '08:00-22:00'],
    ['a gap keeps two stretches', [shift('08:00', '12:00'), shift('14:00', '20:00')], '08:00-12:00、14:00-20:00'],
    ['past midnight', [shift('09:00', '18:00'), shift('18:00', '02:00')], '09:00-次日02:00'],
    ['the whole day', [shift('08:00', '20:00'), shift('20:00', '08:00')], '全天'],
  ])('%s', (_name, shifts, text) => expect(serviceHours(shifts)).toBe(text));
});

describe('shiftAt (default shifts 白班 9:00–17:30, 晚班 17:30–22:30)', () => {
  it.each([
    ['2026-11-23T09:00', '2026-11-23', 'day'],
    ['2026-11-23T17:29', '2026-11-23', 'day'],
    ['2026-11-23T17:30', '2026-11-23', 'night'],
    ['2026-11-23T22:29', '2026-11-23', 'night'],
    ['2026-11-23T22:30', '2026-11-23', 'off'],
    ['2026-11-23T08:59', '2026-11-23', 'off'],
  ])('%s → %s %s', (time, day, shift) => {
    expect(shiftAt(at(time))).toEqual({ day, shift });
  });

  it('a shift past midnight counts to the day it started, across a month end', () => {
    const shifts: Shift[] = [{ id: 'night', name: '夜班', start: '22:00', end: '02:00' }];
    expect(shiftAt(at('2026-11-30T23:30'), shifts)).toEqual({ day: '2026-11-30', shift: 'night' });
    expect(shiftAt(at('2026-12-01T01:59'), shifts)).toEqual({ day: '2026-11-30', shift: 'night' });
    expect(shiftAt(at('2026-12-01T02:00'), shifts)).toEqual({ day: '2026-12-01', shift: 'off' });
  });
});

describe('conversionRate', () => {
  it('is conversions / consults, and null (not 0 %) without consults', () => {
    expect(conversionRate(8, 2)).toBe(0.25);
    expect(conversionRate(0, 0)).toBeNull();
    expect(conversionRate(0, 1)).toBeNull();
  });
});

describe('lastDays', () => {
  it('lists days oldest first across month and year ends', () => {
    expect(lastDays('2027-01-02', 4)).toEqual(['2026-12-30', '2026-12-31', '2027-01-01', '2027-01-02']);
  });
});

describe('totalsByDay, summaries and tallyCsv', () => {
  const rows = [
    { day: '2026-11-22', shift: 'night', consults: 4, conversions: 1, amount: 99 },
    { day: '2026-11-23', shift: 'day', consults: 8, autoConsults: 2, conversions: 3, amount: 300 },
    { day: '2026-11-23', shift: 'night', consults: 2, conversions: 0 },
  ];
  it('sums shifts per day (hand + automatic consults) and fills missing days with zeros', () => {
    expect(totalsByDay(rows, ['2026-11-21', '2026-11-22', '2026-11-23']).map(({ day, consults, autoConsults, conversions }) => ({ day, consults, autoConsults, conversions }))).toEqual([
      { day: '2026-11-21', consults: 0, autoConsults: 0, conversions: 0 },
      { day: '2026-11-22', consults: 4, autoConsults: 0, conversions: 1 },
      { day: '2026-11-23', consults: 12, autoConsults: 2, conversions: 3 },
    ]);
  });
  it('gives the rate and 客单价, or null where they would be a claim', () => {
    expect(summarize(rows)).toEqual({ consults: 16, autoConsults: 2, conversions: 4, amount: 399, pricedSales: 4, refunds: 0, badReviews: 0, rate: 0.25, perOrder: 99.75, response: responseTotals([]) });
    expect(summarize([])).toMatchObject({ rate: null, perOrder: null });
    expect(summarize([{ day: 'x', shift: 'day', consults: 3, conversions: 1 }]).perOrder).toBeNull(); // no amount entered
  });
  it('客单价 leaves sales without an amount out (¥128.5 and two unpriced sales is ¥128.50, not ¥42.83)', () => {
    expect(summarize([{ day: 'x', shift: 'day', consults: 5, conversions: 3, amount: 128.5, pricedSales: 1 }]).perOrder).toBe(128.5);
  });
  it('knows the week (Monday first) and the month to date', () => {
    expect(weekToDate('2026-11-25')).toEqual(['2026-11-23', '2026-11-24', '2026-11-25']); // a Wednesday
    expect(weekToDate('2026-11-23')).toEqual(['2026-11-23']); // a Monday
    expect(weekToDate('2026-11-29')).toHaveLength(7); // a Sunday
    expect(weekToDate('2026-12-02')).toEqual(['2026-11-30', '2026-12-01', '2026-12-02']); // across a month end
    expect(monthToDate('2026-12-02')).toEqual(['2026-12-01', '2026-12-02']);
    expect(monthToDate('2026-11-30')).toHaveLength(30);
  });
  it('measures the daily goal only when one is set', () => {
    expect(goalProgress(3, 0)).toBeNull();
    expect(goalProgress(3, 4)).toBe(0.75);
    expect(goalProgress(6, 4)).toBe(1.5);
  });
  it('CSV: response times, 退款率 and 差评率 per day and shift', () => {
    const csv = tallyCsv(
      [
        { day: '2026-11-23', shift: 'day', consults: 10, conversions: 4, refunds: 1, badReviews: 1, ...withResponse(withResponse({}, 30_000, true), 240_000, false) },
        { day: '2026-11-23', shift: 'night', consults: 0, conversions: 0, ...withResponse({}, 12_000, true) },
      ],
      (id) => ({ day: '白班', night: '晚班' })[id] ?? id,
    );
    const lines = csv.replace('\ufeff', '').trim().split('\r\n');
    expect(lines.slice(1)).toEqual([
      '2026-11-23,白班,10,0,4,40.0%,,,30,135,2,50.0%,1,25.0%,1,25.0%',
      '2026-11-23,晚班,0,0,0,,,,12,12,1,100.0%,0,,0,',
    ]);
  });
  it('writes CSV with a BOM, one row per day and shift, rate empty without consults', () => {
    const csv = tallyCsv([...rows, { day: '2026-11-24', shift: 'off', consults: 0, conversions: 0 }], (id) => ({ day: '白班', night: '晚班', off: '班外' })[id] ?? id);
    expect(csv).toBe(
      '\ufeff日期,班次,询单,其中自动,成交,转化率,金额,客单价,首次响应(秒),平均响应(秒),响应次数,3分钟响应率,退款,退款率,中差评,差评率\r\n' +
        '2026-11-22,晚班,4,0,1,25.0%,99.00,99.00,,,0,,0,0.0%,0,0.0%\r\n' +
        '2026-11-23,白班,10,2,3,30.0%,300.00,100.00,,,0,,0,0.0%,0,0.0%\r\n' +
        '2026-11-23,晚班,2,0,0,0.0%,,,,,0,,0,,0,\r\n' +
        '2026-11-24,班外,0,0,0,,,,,,0,,0,,0,\r\n',
    );
  });
});
