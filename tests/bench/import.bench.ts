/**
 * Import preview cost: reading a CSV of 5k / 20k / 100k rows and planning it against a 10k library (the preview
 * an agent waits for before anything is written). Target: 100k rows ≤ 2 s.
 */
import { planImport, readImportFile, type ReadResult } from '../../scripts-library/phrase-io';
import type { Phrase, Stage } from '../../scripts-library/schema';

const stages: Stage[] = [{ id: 'logistics', name: '物流', order: 10, color: '#000000', builtin: true }];

export async function run(): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  const library: Phrase[] = Array.from({ length: 10_000 }, (_, i) => ({
    id: `p${i}`, stageId: 'logistics', title: `库${i}`, body: `内容${i}`, code: `k${i}`, tags: [], pinned: false, useCount: 0, createdAt: 0, updatedAt: 0, origin: 'user',
  }));
  for (const n of [5_000, 20_000, 100_000]) {
    const lines = ['阶段,标题,快捷编码,内容,标签'];
    // Every tenth row updates a stored phrase, every twentieth repeats the row before it.
    for (let i = 0; i < n; i++) lines.push(i % 10 === 0 ? `物流,库${i % 10_000},k${i % 10_000},新内容${i},` : i % 20 === 1 ? lines[lines.length - 1]! : `物流,标题${i},c${i},内容${i},标签`);
    const bytes = new TextEncoder().encode(lines.join('\r\n'));
    const t = performance.now();
    const read = readImportFile(bytes, 100_000_000) as Extract<ReadResult, { ok: true }>;
    planImport(read, library, stages, (r) => `import-${r.row}`);
    out[`import.preview_ms.${n / 1000}k`] = Math.round(performance.now() - t);
  }
  return out;
}
