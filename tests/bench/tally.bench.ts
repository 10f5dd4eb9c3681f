/**
 * Tally and backup benchmarks on fake-indexeddb in Node (a stand-in for the browser's IndexedDB, usually slower
 * than Chromium's): one increment, the 30-day chart query over one year of data, and export/import of a backup
 * with 10,000 phrases, one year of tally and 1,000 notes.
 */
import 'fake-indexeddb/auto';
import { Dexie } from 'dexie';
import { KefuDB } from '../../storage/db';
import { applyRestore, exportBackup, parseBackup } from '../../storage/backup';
import { increment, tallyForDays } from '../../storage/repositories/tally';
import { totalsByDay } from '../../scripts-library/tally/tally';
import { lastDays } from '../../scripts-library/shared/shift';
import { phrasePinyin } from '../../scripts-library/shared/pinyin';
import { syntheticPhrases } from './search.bench';
import { percentile } from './stats';
import { recordResponse } from '../../storage/repositories/responses';
import { summarize } from '../../scripts-library/tally/tally';

export async function run(): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  const db = new KefuDB('bench-tally');
  await db.open();
  const year = lastDays('2026-11-23', 365);
  await db.tally.bulkPut(
    year.flatMap((day, i) => ['day', 'night'].map((shift) => ({ id: `小王|${day}|${shift}`, agent: '小王', day, shift, consults: 20 + (i % 7), autoConsults: i % 4, conversions: 5 + (i % 3), amount: 100 * (i % 5), pricedSales: i % 5 ? 5 + (i % 3) : 0, refunds: i % 2, badReviews: i % 9 ? 0 : 1, responses: 60, responseMs: 60 * 45_000, firstResponses: 20, firstResponseMs: 20 * 30_000, fastResponses: 55 }))),
  );

  const inc: number[] = [];
  for (let i = 0; i < 200; i++) {
    const t = performance.now();
    await increment(db, '小王', '2026-11-23', 'day', 'consults');
    inc.push(performance.now() - t);
  }
  out['tally.increment_p95_ms'] = round(percentile(inc, 95));

  const chart: number[] = [];
  for (let i = 0; i < 30; i++) {
    const t = performance.now();
    const days = lastDays('2026-11-23', 30);
    totalsByDay(await tallyForDays(db, '小王', days), days);
    chart.push(performance.now() - t);
  }
  out['tally.chart_30d_ms.1y'] = round(percentile(chart, 50));

  // Response times with a year of data: each tally row carries its day's sums (60 replies per shift above), so
  // the day summary the KPI row shows is the 30-day read plus arithmetic, whatever the reply volume.
  const kpi: number[] = [];
  for (let i = 0; i < 30; i++) {
    const t = performance.now();
    const days = lastDays('2026-11-23', 30);
    const rows = await tallyForDays(db, '小王', days);
    const byDay = totalsByDay(rows, days);
    const today = summarize(rows.filter((r) => r.day === '2026-11-23')).response;
    if (!today.count || byDay.length !== 30) throw new Error('no responses read');
    kpi.push(performance.now() - t);
  }
  out['kpi.day_summary_ms.1y'] = round(percentile(kpi, 50));
  out['kpi.day_summary_p95_ms.1y'] = round(percentile(kpi, 95));
  // Recording one reply (the row and its tally sums in one transaction) into a year of data.
  const rec: number[] = [];
  for (let i = 0; i < 100; i++) {
    const t = performance.now();
    await recordResponse(db, { agent: '小王', day: '2026-11-23', shift: 'day', site: 'demo', buyer: `demo|b${i % 20}`, buyerAt: i * 100_000, repliedAt: i * 100_000 + 30_000 });
    rec.push(performance.now() - t);
  }
  out['kpi.record_p95_ms'] = round(percentile(rec, 95));

  const now = Date.now();
  await db.phrases.bulkPut(
    syntheticPhrases(10_000).map((p) => ({ ...p, createdAt: now, updatedAt: now, origin: 'bench', pinyin: phrasePinyin([p.title]) })),
  );
  await db.notes.bulkPut(
    Array.from({ length: 1000 }, (_, i) => ({ id: `buyer|demo|b${i}`, kind: 'buyer' as const, site: 'demo', buyerId: `b${i}`, text: '老顾客，穿M码，地址在公司', createdAt: now, updatedAt: now })),
  );
  let t = performance.now();
  const file = await exportBackup(db);
  out['backup.export_ms.10k'] = Math.round(performance.now() - t);
  out['backup.file_bytes.10k'] = file.length;
  t = performance.now();
  const parsed = parseBackup(file);
  if (!parsed.ok) throw new Error(parsed.error);
  await applyRestore(db, parsed.backup);
  out['backup.import_ms.10k'] = Math.round(performance.now() - t);
  db.close();
  await Dexie.delete('bench-tally');
  return out;
}

const round = (x: number) => Math.round(x * 100) / 100;
