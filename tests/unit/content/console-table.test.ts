import { describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ADAPTERS } from '../../../entrypoints/chat-script/adapters';
import { consoleTable } from '../../tools/console-table';

const FILE = join(__dirname, '../../fixtures/adapters/README.md');
const messages = JSON.parse(readFileSync(join(__dirname, '../../../public/_locales/zh_CN/messages.json'), 'utf8')) as Record<string, { message: string }>;
const names = Object.fromEntries(ADAPTERS.map((a) => [a.id, messages[`site_${a.id}`]?.message ?? a.id]));

describe('the console table (README)', () => {
  const table = consoleTable(ADAPTERS, names);
  if (process.env.UPDATE_CONSOLE_TABLE) writeFileSync(FILE, table);

  it('is what the adapters declare (after changing an adapter\'s fields: npm run console:table)', () => {
    expect(readFileSync(FILE, 'utf8')).toBe(table);
  });

  it('has a row per adapter and cites evidence for every research field', () => {
    for (const a of ADAPTERS) expect(table).toContain(`| ${names[a.id]} (`);
    for (const a of ADAPTERS) for (const read of Object.values(a.fields)) if (read.by === 'research') expect(read.evidence, `${a.id}: ${read.how}`).toBeTruthy();
  });
});
