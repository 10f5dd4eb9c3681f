/**
 * Import preview cost: reading a CSV of 5k / 20k / 100k rows and planning it against a 10k library (the preview
 * an agent waits for before anything is written). Target: 100k rows ≤ 2 s.
 * Team pack update (#13): v1 of a 10k-phrase pack installed, then v2 read, planned and written (fake-indexeddb in
 * Node, search keys computed for what changed). Target: ≤ 2 s.
 */
import 'fake-indexeddb/auto';
import { Dexie } from 'dexie';
import { planImport, readImportFile, type ReadResult } from '../../scripts-library/files/phrase-io';
import type { Phrase, PhrasePack, Stage } from '../../scripts-library/shared/schema';
import { planPackUpdate, storedId } from '../../scripts-library/files/team-pack';
import { KefuDB } from '../../storage/db';
import { applyPackUpdate, getInstalledPack } from '../../storage/repositories/phrase-writes';
import defaultPack from '../../scripts-library/packs/default.json';
import { syntheticPhrases } from './corpus';

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
    planImport(read, library, stages, { newId: (r) => `import-${r.row}` });
    out[`import.preview_ms.${n / 1000}k`] = Math.round(performance.now() - t);
  }
  Object.assign(out, await teamPackUpdate());
  return out;
}

/** Read, plan and write a team pack file against the database, as the panel does (preview, then 更新). */
async function importPack(db: KefuDB, pack: PhrasePack): Promise<number> {
  const t = performance.now();
  const read = readImportFile(new TextEncoder().encode(JSON.stringify(pack)), 100_000_000);
  if (!read.ok || !read.team) throw new Error('not a team pack');
  const planned = planPackUpdate(read.team, await db.phrases.toArray(), await db.stages.toArray(), await getInstalledPack(db, pack.id));
  if (!planned.ok) throw new Error(planned.error);
  await applyPackUpdate(db, planned.plan, true);
  return performance.now() - t;
}

async function teamPackUpdate(): Promise<Record<string, number>> {
  const db = new KefuDB('bench-team-pack');
  await db.open();
  try {
    await db.stages.bulkPut(defaultPack.stages);
    const phrases = syntheticPhrases(11_000, 3).map((p, i) => ({ id: `p${i}`, stageId: p.stageId, title: p.title, body: p.body, tags: p.tags ?? [] }));
    const v1: PhrasePack = { format: 'kefu-phrase-pack', version: 1, id: 'bench-team', name: '售前组', packVersion: 1, author: '组长', stages: defaultPack.stages, phrases: phrases.slice(0, 10_000) };
    const first = await importPack(db, v1);
    // The agent edits 300 pack phrases; v2 rewords every fifth phrase, drops 500 and adds 1,000.
    const edited = v1.phrases.slice(0, 300).map((p) => storedId(v1.id, p.id));
    await db.phrases.bulkUpdate(edited.map((key) => ({ key, changes: { body: '我自己的说法' } })));
    const v2: PhrasePack = {
      ...v1,
      packVersion: 2,
      phrases: [...v1.phrases.slice(500).map((p, i) => (i % 5 === 0 ? { ...p, body: `${p.body}（已更新）` } : p)), ...phrases.slice(10_000)],
    };
    const update = await importPack(db, v2);
    const count = await db.phrases.count();
    if (count !== 10_500) throw new Error(`expected 10,500 phrases after v2, found ${count}`);
    return { 'import.team_pack_first_ms.10k': Math.round(first), 'import.team_pack_update_ms.10k': Math.round(update) };
  } finally {
    db.close();
    await Dexie.delete('bench-team-pack');
  }
}
