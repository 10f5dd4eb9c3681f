/**
 * Per-category recall and false warnings of the guard on the tune split of the labelled corpus, per file and in
 * all (`npx vite-node tests/tools/guard-categories.ts`): the guard as shipped (judgeDraft), the rules alone
 * (checkDraft), and the guard with model hits held to 建议改 (what #31 item 1 makes of it: the model alone never
 * holds a send). Recall: a positive is caught at its severity (corpus.ts); a clean draft is warned when any hit is
 * warn or block (the category named is the first such hit's), held when any is block. Never reads held-back files.
 */
import { checkDraft, type Hit } from '../../scripts-library/guard';
import { judgeDraft } from '../../scripts-library/guard/judge';
import { caught, falselyWarned, loadCorpus } from '../fixtures/guard/corpus';

type Check = (draft: string) => Hit[];
const capped: Check = (d) => judgeDraft(d).map((h) => (h.ruleId.startsWith('model-') && h.severity === 'block' ? { ...h, severity: 'warn' as const } : h));
const modes: [string, Check][] = [
  ['shipped', (d) => judgeDraft(d)],
  ['rules', (d) => checkDraft(d)],
  ['model≤warn', capped],
];
const only = process.argv[2]; // a file name: only that file
const { positives, clean } = loadCorpus();
// heldout.tsv is round 7, retired into tune by #31 (renamed round7.tsv there): both splits loadCorpus gives are tune now.
const ps = positives.filter((p) => !only || p.file === only);
const cs = clean.filter((c) => !only || c.file === only);
const pct = (a: number, b: number) => (b ? `${((100 * a) / b).toFixed(1)}%` : '—');
for (const [name, check] of modes) {
  const byCat = new Map<string, { n: number; ok: number; missed: string[] }>();
  for (const p of ps) {
    const row = byCat.get(p.category) ?? { n: 0, ok: 0, missed: [] };
    row.n++;
    if (caught(p, check(p.draft))) row.ok++;
    else row.missed.push(`${p.file}:${p.line} ${p.draft}`);
    byCat.set(p.category, row);
  }
  let warned = 0;
  let held = 0;
  const warnCat = new Map<string, string[]>();
  for (const c of cs) {
    const hits = check(c.draft);
    if (!falselyWarned(hits)) continue;
    warned++;
    if (hits.some((h) => h.severity === 'block')) held++;
    const h = hits.find((x) => x.severity !== 'hint')!;
    warnCat.set(h.category, [...(warnCat.get(h.category) ?? []), `${c.file}:${c.line} [${h.ruleId} ${h.text}] ${c.draft}`]);
  }
  const total = [...byCat.values()].reduce((a, r) => ({ n: a.n + r.n, ok: a.ok + r.ok }), { n: 0, ok: 0 });
  console.log(`\n== ${name}${only ? ` (${only})` : ''}: recall ${total.ok}/${total.n} = ${pct(total.ok, total.n)}, warned ${warned}/${cs.length} = ${pct(warned, cs.length)}, held ${held}/${cs.length} = ${pct(held, cs.length)}`);
  for (const [cat, r] of [...byCat].sort()) console.log(`  ${cat.padEnd(18)} recall ${r.ok}/${r.n} = ${pct(r.ok, r.n)}   false warnings ${(warnCat.get(cat) ?? []).length}`);
  if (process.env.VERBOSE) {
    for (const [cat, r] of byCat) for (const m of r.missed) console.log(`  MISS ${cat} ${m}`);
    for (const [cat, list] of warnCat) for (const w of list) console.log(`  WARN ${cat} ${w}`);
  }
}
