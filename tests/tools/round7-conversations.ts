/**
 * Writes tests/fixtures/buyer-messages/round7-tune-conversations.tsv: the tune part of round 7 (round-split.ts; the
 * dev quarter left out) with the conversation ids read by hand from its rows (`starts`: the first tune row of each
 * chat). `npx vite-node tests/tools/round7-conversations.ts`.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { roundPart } from './round-split';
const starts = new Set([0, 12, 26, 39, 51, 64, 73, 85, 93, 104, 112, 122, 133, 143, 149, 158, 165, 172, 180, 189, 195, 204, 210, 217, 224, 238, 242, 249, 255, 267, 276, 285, 291, 298, 307, 314, 328, 334, 337, 342, 353, 360, 369, 374, ...Array.from({ length: 18 }, (_, i) => 382 + i), 400, 414, 421, 428, 436, 440, 453, 461, 467, 474, 478, 482, 487, 492]);
const rows = roundPart(7, false);
let conv = 0;
const out = rows.map((l, i) => {
  if (starts.has(i)) conv++;
  return `r7c${String(conv).padStart(2, '0')}\tbuyer\t${l}`;
});
const head = [
  '# round7-tune-conversations.tsv — the TUNE part of intents-round7.tsv (round-split.ts: its dev quarter left out,',
  '# never read) in round 8\'s conversation format: conversation ids added by hand from the rows\' order and content',
  '# (engineer stune8, 2026-12-07, eighth session); buyer turns only — the agent\'s words were not written, the',
  '# suggestions read only the buyer\'s earlier turns here. A block of looser single messages (stock, size, address,',
  '# shipping top-ups) is one conversation each. Labels as round 7\'s writer gave them (against the 143-phrase pack).',
  '# Columns: conv, from, intent, ok_first, false_first, text.',
];
writeFileSync(join(__dirname, '../fixtures/buyer-messages/round7-tune-conversations.tsv'), [...head, ...out].join('\n') + '\n');
console.log(conv, 'conversations', rows.length, 'rows');
