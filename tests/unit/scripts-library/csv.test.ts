import { describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import { toCsv, unescapeCell } from '../../../scripts-library/files/csv';
import { exportCsv, readImportFile, type ReadResult } from '../../../scripts-library/files/phrase-io';
import { tallyCsv } from '../../../scripts-library/tally/tally';

const HOSTILE = ['=HYPERLINK("http://x.example","点我")', '+cmd|\' /C calc\'!A0', '-2+3', '@SUM(A1:A9)', '\t=1', '\r=1'];
const cells = (csv: string) => Papa.parse<string[]>(csv.replace(/^\ufeff/, ''), { skipEmptyLines: true }).data.slice(1).flat();

describe('CSV exports never carry a live formula (OWASP CSV injection)', () => {
  it.each(HOSTILE)('%j is written with a leading quote', (cell) => {
    expect(cells(toCsv(['a'], [[cell]]))).toEqual([`'${cell}`]);
  });

  it('phrase CSV: a hostile title and body are neutralised and read back exactly as they were', () => {
    const stages = [{ id: 'greeting', name: '欢迎', order: 1, color: '#000000', builtin: true }];
    const phrases = HOSTILE.map((body, i) => ({ id: `p${i}`, stageId: 'greeting', title: `=t${i}`, body, tags: ['@tag'] }));
    const csv = exportCsv(stages, phrases);
    for (const c of cells(csv)) expect(c).not.toMatch(/^[=+\-@\t\r]/);
    const read = readImportFile(new TextEncoder().encode(csv)) as Extract<ReadResult, { ok: true }>;
    expect(read.rows.map((r) => [r.title, r.body.trim(), r.tags])).toEqual(phrases.map((p) => [p.title, p.body.trim(), ['@tag']]));
  });

  it('tally CSV: a shift named like a formula is neutralised', () => {
    const csv = tallyCsv([{ day: '2026-12-02', shift: 'x', consults: 1, conversions: 0 }], () => '=1+1');
    expect(cells(csv)[1]).toBe("'=1+1");
  });

  it('unescapeCell removes only the protective quote', () => {
    expect(unescapeCell("'=1")).toBe('=1');
    expect(unescapeCell("'好的")).toBe("'好的");
    expect(unescapeCell('=1')).toBe('=1');
  });
});
