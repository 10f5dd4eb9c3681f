/**
 * The stage hint: its accuracy and coverage on the buyer-message corpus (tests/fixtures/buyer-messages, both
 * splits) and its cost per message (the side panel runs it for every new buyer message); search top-1 on the
 * labelled query set (tests/fixtures/search-queries).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { hintScore, readConversations, suggestScore } from '../fixtures/buyer-messages/score';
import { stageGuess } from '../../scripts-library/suggest/stage-hint';
import { readExamples } from '../../scripts-library/suggest/stage-model';
import { percentile } from './stats';
import { queryScore } from '../fixtures/search-queries/score';
import { suggestFor, suggestReplies } from '../../scripts-library/suggest/suggest';
import type { Turn } from '../../scripts-library/suggest/chat-context';
import pack from '../../scripts-library/packs/default.json';

export async function run(): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const split of ['train', 'heldout'] as const) {
    const s = hintScore(split);
    out[`hint.accuracy.${split}`] = Math.round(s.accuracy * 10000) / 10000;
    out[`hint.coverage.${split}`] = Math.round(s.coverage * 10000) / 10000;
  }
  const messages = readExamples(readFileSync(join(process.env.KEFU_ROOT!, 'tests/fixtures/buyer-messages/heldout.tsv'), 'utf8')).map((e) => e.text);
  for (const m of messages) stageGuess(m);
  const times: number[] = [];
  for (let r = 0; r < 20; r++) {
    for (const m of messages) {
      const t = performance.now();
      stageGuess(m);
      times.push(performance.now() - t);
    }
  }
  out['hint.p95_ms'] = Math.round(percentile(times, 95) * 10000) / 10000;
  out['hint.median_ms'] = Math.round(percentile(times, 50) * 10000) / 10000;
  out['suggest.top3_hit.heldout'] = Math.round(suggestScore().top3 * 10000) / 10000;
  // Suggested replies over a 10k library (the panel recomputes them for each new buyer message).
  const base = pack.phrases.map((p) => ({ ...p, tags: p.tags ?? [], useCount: 0 }));
  const lib = Array.from({ length: 10_000 }, (_, i) => ({ ...base[i % base.length]!, id: `p${i}`, title: `${base[i % base.length]!.title}${i % 97}` }));
  suggestReplies(messages[0], lib);
  const sTimes: number[] = [];
  for (const m of messages.slice(0, 60)) {
    const t = performance.now();
    suggestReplies(m, lib);
    sTimes.push(performance.now() - t);
  }
  out['suggest.p95_ms.10k'] = Math.round(percentile(sTimes, 95) * 100) / 100;
  out['suggest.median_ms.10k'] = Math.round(percentile(sTimes, 50) * 100) / 100;
  // …and with the chat before each message (#32, eighth round: the conversation tune file's buyer rows, up to 12
  // earlier turns each): the chat's facts, and a follow-up or a closing read a second time.
  const cTimes: number[] = [];
  for (const { message, history } of chatRows().slice(0, 120)) {
    const t = performance.now();
    suggestFor(message, lib, [], { history });
    cTimes.push(performance.now() - t);
  }
  out['suggest.p95_ms.10k.chat'] = Math.round(percentile(cTimes, 95) * 100) / 100;
  // Search ranking on the labelled query set, through the panel's search path.
  const q = queryScore();
  out['search.top1.labelled'] = Math.round(q.top1 * 10000) / 10000;
  out['search.labelled_queries'] = q.queries;
  return out;
}

/** The conversation tune file's buyer rows, each with the turns before it in its chat (the last 12). */
function chatRows(): { message: string; history: Turn[] }[] {
  const rows = readConversations(readFileSync(join(process.env.KEFU_ROOT!, 'tests/fixtures/buyer-messages/conversations-tune.tsv'), 'utf8'));
  const turns = new Map<string, Turn[]>();
  const out: { message: string; history: Turn[] }[] = [];
  for (const r of rows) {
    const before = turns.get(r.conv) ?? [];
    if (r.from === 'buyer') out.push({ message: r.text, history: before.slice(-12) });
    turns.set(r.conv, [...before, { from: r.from, text: r.text }]);
  }
  return out;
}
