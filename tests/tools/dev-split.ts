/**
 * The dev quarters of the retired held-back rounds (#31, task gtune): rounds 8 and 10 were each scored once as held
 * back and then retired into tune; before tuning on one, one draft in four (FNV-1a of the draft, `h % 4 === 0`) was
 * set aside as a dev split that is not looked at while fixing, and measured at the end.
 * Run: npx vite-node tests/tools/dev-split.ts [--retrain] [--misses=round10.tsv]
 * - the guard's rules as they are, with an intent model trained on the tune split WITHOUT the dev quarter (the
 *   shipped model has seen it), so the dev figure is one of wording neither rules nor model were tuned on;
 * - figures for each dev quarter, the other three quarters of its round ("fix", what was tuned on) and the whole
 *   tune split, overall and per category;
 * - --misses=<file> lists the misses and false warnings of that round's fix part only (never a dev quarter's).
 * The model is cached in node_modules/.cache (--retrain after the corpus or the default pack changed).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { judgeDraft } from '../../scripts-library/guard/judge';
import { fromStored, toStored, train, type StoredIntentModel } from '../../scripts-library/guard/intent';
import { caught, falselyWarned, heldAtSend, loadCorpus, type Clean, type Positive } from '../fixtures/guard/corpus';
import { intentExamples } from '../fixtures/guard/intent-training';

const fnv = (s: string) => {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return h >>> 0;
};
/** The rounds with a dev quarter: round 8 (split before its tuning, task gtune), round 10 (likewise, task gtune3) and round 11 (retired 2026-12-07, fourth session), round 12 (retired 2026-12-07, fifth session), round 13 (retired 2026-12-07, sixth session), round 14 (retired 2026-12-07, seventh session), round 15 (retired 2026-12-07, eighth session). */
export const DEV_ROUNDS = ['round8.tsv', 'round10.tsv', 'round11.tsv', 'round12.tsv', 'round13.tsv', 'round14.tsv', 'round15.tsv'] as const;
export const inDev = (file: string, draft: string) => (DEV_ROUNDS as readonly string[]).includes(file) && fnv(draft) % 4 === 0;

const root = join(__dirname, '..', '..');
const cache = join(root, 'node_modules', '.cache', 'guard-intent-no-dev-quarters.json');
const args = new Set(process.argv.slice(2));
if (args.has('--retrain') || !existsSync(cache)) {
  mkdirSync(join(root, 'node_modules', '.cache'), { recursive: true });
  writeFileSync(cache, JSON.stringify(toStored(train(intentExamples(inDev)))));
}
const model = fromStored(JSON.parse(readFileSync(cache, 'utf8')) as StoredIntentModel);
const check = (d: string) => judgeDraft(d, undefined, { model });
const { positives, clean } = loadCorpus();
const pct = (a: number, b: number) => `${a} / ${b} = ${((100 * a) / (b || 1)).toFixed(1)} %`;

function report(name: string, ps: Positive[], cs: Clean[], show: boolean) {
  const missed = ps.filter((p) => !caught(p, check(p.draft)));
  const judged = cs.map((c) => ({ c, hits: check(c.draft) }));
  const warned = judged.filter((j) => falselyWarned(j.hits));
  const held = judged.filter((j) => heldAtSend(j.hits));
  console.log(`${name}: recall ${pct(ps.length - missed.length, ps.length)}, false warnings ${pct(warned.length, cs.length)}, held ${pct(held.length, cs.length)}`);
  for (const cat of [...new Set(ps.map((p) => p.category))].sort()) {
    const of = ps.filter((p) => p.category === cat);
    const m = missed.filter((p) => p.category === cat).length;
    const w = warned.filter((j) => j.hits.some((h) => h.severity !== 'hint' && h.category === cat)).length;
    console.log(`  ${cat}: ${pct(of.length - m, of.length)}; warned ${w}`);
  }
  if (!show) return;
  for (const p of missed) {
    const hits = check(p.draft).map((h) => `${h.severity}:${h.ruleId}:${h.text}`);
    console.log(`MISS ${p.line} ${p.severity} ${p.category}:${p.procedure ?? ''} [${p.span}] ${p.draft}  ← ${hits.join(' | ')}`);
  }
  for (const { c, hits } of warned) console.log(`WARN ${c.line} ${c.trap} ${c.draft}  ← ${hits.filter((h) => h.severity !== 'hint').map((h) => `${h.severity}:${h.ruleId}:${h.text}`).join(' | ')}`);
}

const showFor = [...args].find((a) => a.startsWith('--misses='))?.slice('--misses='.length);
report('tune (model without the dev quarters)', positives.filter((p) => p.split === 'tune'), clean.filter((c) => c.split === 'tune'), false);
for (const round of DEV_ROUNDS) {
  const of = (x: { file: string }) => x.file === round;
  report(`${round} fix (3/4)`, positives.filter((p) => of(p) && !inDev(p.file, p.draft)), clean.filter((c) => of(c) && !inDev(c.file, c.draft)), showFor === round);
  report(`${round} dev (1/4)`, positives.filter((p) => of(p) && inDev(p.file, p.draft)), clean.filter((c) => of(c) && inDev(c.file, c.draft)), false);
}
