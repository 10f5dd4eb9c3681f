import { describe, expect, it } from 'vitest';
import { defaultShares, planStaffing, prefillFromTally, shiftHours, staffingCsv, type StaffingInput } from '../../../scripts-library/tally/staffing';

const SHIFTS = [
  { id: 'day', name: '白班', start: '09:00', end: '17:30' },
  { id: 'night', name: '晚班', start: '17:30', end: '01:30' }, // past midnight: the Double-11 evening peak
];

const seedPath: StaffingInput = {
  mode: 'sales',
  sales: 1_000_000,
  csShare: 0.6,
  perOrder: 150,
  conversion: 0.4,
  capacity: 300,
  shifts: [{ ...SHIFTS[0]!, share: 0.4 }, { ...SHIFTS[1]!, share: 0.6 }],
};

describe('planStaffing (seed 001: 店铺销售额 × 客服销售占比 ÷ 客服客单价 ÷ 询单转化率 = 总接待量)', () => {
  it('follows the seed\'s three steps and divides each shift by one agent\'s 饱和接待量, rounded up', () => {
    const r = planStaffing(seedPath);
    if (!r.ok) throw new Error(r.field);
    expect(r.steps.map((s) => [s.label, Math.round(s.value)])).toEqual([
      ['客服销售额', 600_000],
      ['客服销售人数', 4_000],
      ['售前客服总接待量', 10_000],
    ]);
    expect(r.steps[2]!.formula).toBe('客服销售人数 4000 ÷ 询单转化率 40%');
    expect(r.shifts.map((s) => [s.name, s.inquiries, s.agents])).toEqual([
      ['白班', 4_000, 14], // 4000 / 300 = 13.3 → 14
      ['晚班', 6_000, 20], // exactly 20: no extra agent from rounding
    ]);
    expect(r.agents).toBe(34);
  });

  it('from visitors and the share who ask, or from inquiries typed directly', () => {
    const v = planStaffing({ ...seedPath, mode: 'visitors', visitors: 50_000, askRate: 0.1 });
    expect(v.ok && [v.inquiries, v.agents]).toEqual([5_000, 7 + 10]);
    const q = planStaffing({ ...seedPath, mode: 'inquiries', inquiries: 301, shifts: [{ ...SHIFTS[0]!, share: 1 }] });
    expect(q.ok && q.shifts[0]!.agents).toBe(2);
  });

  it('names the first input that is missing or out of range, and shares that do not add up to 100 %', () => {
    expect(planStaffing({ ...seedPath, conversion: undefined })).toEqual({ ok: false, field: 'conversion', reason: 'missing' });
    expect(planStaffing({ ...seedPath, conversion: 40 })).toEqual({ ok: false, field: 'conversion', reason: 'range' }); // 40, not 40 %
    expect(planStaffing({ ...seedPath, capacity: 0 })).toMatchObject({ ok: false, field: 'capacity' });
    expect(planStaffing({ ...seedPath, shifts: [{ ...SHIFTS[0]!, share: 0.5 }, { ...SHIFTS[1]!, share: 0.4 }] })).toMatchObject({ ok: false, field: 'shares' });
    expect(planStaffing({ ...seedPath, mode: 'visitors', visitors: 100, askRate: Number.NaN })).toMatchObject({ ok: false, field: 'askRate' });
  });

  it('a shift with no share needs nobody', () => {
    const r = planStaffing({ ...seedPath, shifts: [{ ...SHIFTS[0]!, share: 0 }, { ...SHIFTS[1]!, share: 1 }] });
    expect(r.ok && r.shifts.map((s) => s.agents)).toEqual([0, 34]);
  });
});

describe('prefills and shares', () => {
  it('the busiest shift in the agent\'s own tally is the 饱和接待量; conversion and 客单价 over the same rows', () => {
    expect(
      prefillFromTally([
        { consults: 80, autoConsults: 40, conversions: 30, amount: 3000, pricedSales: 20 },
        { consults: 60, conversions: 20 },
      ]),
    ).toEqual({ capacity: 120, conversion: 50 / 180, perOrder: 150 });
    expect(prefillFromTally([])).toEqual({ capacity: null, conversion: null, perOrder: null });
  });

  it('default shares follow the shifts\' hours (a shift past midnight included), in whole percents adding to 100', () => {
    expect(shiftHours(SHIFTS[1]!)).toBe(8);
    expect(defaultShares(SHIFTS)).toEqual([0.52, 0.48]); // 8.5 h and 8 h
    expect(defaultShares([SHIFTS[0]!, SHIFTS[0]!, SHIFTS[0]!]).reduce((a, b) => a + b, 0)).toBeCloseTo(1);
  });

  it('exports the formula lines, one line per shift and the total as CSV', () => {
    const r = planStaffing(seedPath);
    if (!r.ok) throw new Error('plan');
    const lines = staffingCsv(r, 300).replace('\ufeff', '').trim().split('\r\n');
    expect(lines[0]).toBe('项目,算法 / 时间,占比 / 结果,接待量,饱和接待量,所需客服');
    expect(lines).toContain('白班,09:00–17:30,40%,4000,300,14');
    expect(lines.at(-1)).toBe('合计,,100%,10000,300,34');
  });
});
