/**
 * Scores the two held-back splits of this round ONCE (npx vite-node tests/tools/score-heldout.ts): the guard
 * (judgeDraft, as shipped) on tests/fixtures/guard/round16-heldout.tsv and the suggestions on
 * tests/fixtures/buyer-messages/intents-heldout8.tsv. Both were written by other hands before tuning began; their
 * figures go to the README as they come out, and nothing is tuned on them afterwards.
 */
import { join } from 'node:path';
import { judgeDraft } from '../../scripts-library/guard/judge';
import { checkDraft, DEFAULT_RULES } from '../../scripts-library/guard';
import { caught, falselyWarned, heldAtSend, loadMixed } from '../fixtures/guard/corpus';
import { scoreConversations } from '../fixtures/buyer-messages/score';

const root = join(__dirname, '..', '..');
const { positives, clean } = loadMixed('round16-heldout.tsv', 'heldout');
const check = (d: string) => judgeDraft(d, DEFAULT_RULES);
const pct = (a: number, b: number) => `${a} / ${b} = ${((100 * a) / b).toFixed(1)} %`;
const missed = positives.filter((p) => !caught(p, check(p.draft)));
const judged = clean.map((c) => ({ c, hits: check(c.draft) }));
const warned = judged.filter((j) => falselyWarned(j.hits));
const held = judged.filter((j) => heldAtSend(j.hits));
console.log('guard held-back (this round):', `recall ${pct(positives.length - missed.length, positives.length)}`, `false warnings ${pct(warned.length, clean.length)}`, `held at send ${pct(held.length, clean.length)}`);
for (const cat of [...new Set(positives.map((p) => p.category))].sort()) {
  const of = positives.filter((p) => p.category === cat);
  const m = missed.filter((p) => p.category === cat).length;
  const w = warned.filter((j) => j.hits.some((h) => h.severity !== 'hint' && h.category === cat)).length;
  const hd = held.filter((j) => j.hits.some((h) => h.severity === 'block' && h.category === cat)).length;
  console.log(`  ${cat}: recall ${pct(of.length - m, of.length)}; clean drafts warned by it ${w}, held by it ${hd}`);
}
for (const proc of [...new Set(positives.map((p) => p.procedure ?? '-'))].sort()) {
  const of = positives.filter((p) => (p.procedure ?? '-') === proc);
  console.log(`  procedure ${proc}: recall ${pct(of.length - missed.filter((p) => (p.procedure ?? '-') === proc).length, of.length)}`);
}
const rm = positives.filter((p) => !caught(p, checkDraft(p.draft)));
const rw = clean.filter((c) => falselyWarned(checkDraft(c.draft)));
console.log('rules alone:', `recall ${pct(positives.length - rm.length, positives.length)}`, `false warnings ${pct(rw.length, clean.length)}`);
console.log('MISSED', JSON.stringify(missed.map((p) => [p.category, p.span, p.draft])));
console.log('WARNED', JSON.stringify(warned.map((j) => [j.c.trap, j.c.draft, j.hits.filter((h) => h.severity !== 'hint').map((h) => `${h.severity}:${h.ruleId}:${h.text}`)])));

// Round 8 is whole conversations: each buyer row is scored with the turns before it as the suggestions' context.
const s = scoreConversations(join(root, 'tests/fixtures/buyer-messages/intents-heldout8.tsv'));
console.log('suggestions held-back:', JSON.stringify({ ...s, wrong: undefined }));
console.log('WRONG', JSON.stringify(s.wrong));
// The same rows with no chat before them (the message alone), to show what the chat changes.
const alone = scoreConversations(join(root, 'tests/fixtures/buyer-messages/intents-heldout8.tsv'), undefined, undefined, false);
console.log('suggestions held-back, message alone:', JSON.stringify({ ...alone, wrong: undefined }));
