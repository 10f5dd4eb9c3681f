/**
 * The architecture's import boundaries, enforced by eslint.config.js: a deliberate violation in each place must
 * fail the lint (so the rule cannot silently stop applying after a file moves), and the tree as it is passes.
 */
import { describe, expect, it } from 'vitest';
import { ESLint } from 'eslint';
import { join } from 'node:path';

const root = join(__dirname, '../..');
const eslint = new ESLint({ cwd: root });

async function lint(path: string, code: string) {
  const [result] = await eslint.lintText(code, { filePath: join(root, path) });
  return result!.messages.map((m) => m.ruleId);
}

describe('import boundaries', () => {
  it.each([
    ['the chat script opening the database', 'entrypoints/chat-script/new-feature.ts', "import { getDb } from '../../storage/db';\nexport const x = getDb;\n"],
    ['the chat script using a repository', 'entrypoints/chat-script/new-feature.ts', "import { listPhrases } from '../../storage/repositories/phrases';\nexport const x = listPhrases;\n"],
    ['an adapter rendering React', 'entrypoints/chat-script/adapters/new-site.ts', "import { createElement } from 'react';\nexport const x = createElement;\n"],
    ['the loader importing Dexie', 'entrypoints/chat.content/index.ts', "import { Dexie } from 'dexie';\nexport const x = Dexie;\n"],
    ['the chat script importing a panel component', 'entrypoints/chat-script/new-feature.ts', "import { SidePanel } from '../../components/SidePanel';\nexport const x = SidePanel;\n"],
  ])('fails on %s', async (_label, path, code) => {
    expect(await lint(path, code)).toContain('no-restricted-imports');
  });

  it.each([
    ['a view calling a repository', 'components/tally/NewView.tsx', "import { increment } from '../../storage/repositories/tally';\nexport const x = increment;\n"],
    ['a view running a live query', 'components/tally/NewView.tsx', "import { useLiveQuery } from 'dexie-react-hooks';\nexport const x = useLiveQuery;\n"],
  ])('fails on %s', async (_label, path, code) => {
    expect(await lint(path, code)).toContain('@typescript-eslint/no-restricted-imports');
  });

  it.each([
    ['the chat script using the protocol and the core', 'entrypoints/chat-script/new-feature.ts', "import { createSender } from '../../scripts-library/protocol';\nimport { checkDraft } from '../../scripts-library/guard';\nexport const x = [createSender, checkDraft];\n"],
    ['a feature hook calling a repository', 'components/tally/use-new.ts', "import { increment } from '../../storage/repositories/tally';\nexport const x = increment;\n"],
    ['a view naming the database type', 'components/tally/NewView.tsx', "import type { KefuDB } from '../../storage/db';\nexport type X = KefuDB;\n"],
  ])('allows %s', async (_label, path, code) => {
    const rules = await lint(path, code);
    expect(rules.filter((r) => r?.includes('no-restricted-imports'))).toEqual([]);
  });
});
