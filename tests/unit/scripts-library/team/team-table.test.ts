import { describe, expect, it } from 'vitest';
import { teamCsv, teamLines } from '../../../../scripts-library/team/team-table';
import type { TeamTally } from '../../../../scripts-library/team/team-config';

const row = (agent: string, device: string, c: Partial<TeamTally>): TeamTally => ({
  id: `${agent}|${device}|2026-12-07|day`, agent, device, day: '2026-12-07', shift: 'day', consults: 0, autoConsults: 0, conversions: 0, amount: 0, pricedSales: 0, refunds: 0, badReviews: 0, responses: 0, responseMs: 0, firstResponses: 0, firstResponseMs: 0, fastResponses: 0, ...c,
});

describe('team CSV', () => {
  it('is UTF-8 with a BOM, one line per agent and shift, devices summed, formulas neutralised', () => {
    const lines = teamLines([row('xiaomei', 'd-aaaaaaaa', { consults: 4, conversions: 1, amount: 88, pricedSales: 1 }), row('xiaomei', 'd-bbbbbbbb', { consults: 6 }), row('=cmd', 'd-cccccccc', { consults: 1 })], ['2026-12-07']);
    const csv = teamCsv(lines, (s) => (s === 'day' ? '白班' : s));
    expect(csv.startsWith('\ufeff客服,班次,询单,成交,转化率,客单价,首次响应(秒),平均响应(秒),3分钟响应率,退款,中差评,退款率,差评率\r\n')).toBe(true);
    expect(csv).toContain('xiaomei,白班,10,1,10.0%,88.00,,,,0,0,0.0%,0.0%');
    expect(csv).toContain("'=cmd");
  });
});
