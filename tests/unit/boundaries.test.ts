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

const PAGE = 'no-restricted-imports';
const VIEW = '@typescript-eslint/no-restricted-imports';
const imp = (what: string, from: string) => `import ${what} from '${from}';\nexport const used = [${what.replace(/[{}]|type /g, '')}];\n`;

/** [what, where, code, the rule that must object (null: none may)] */
const CASES: [string, string, string, string | null][] = [
  ['the chat script opening the database', 'entrypoints/chat-script/new-feature.ts', imp('{ getDb }', '../../storage/db'), PAGE],
  ['the chat script using a repository', 'entrypoints/chat-script/new-feature.ts', imp('{ listPhrases }', '../../storage/repositories/phrases'), PAGE],
  ['an adapter rendering React', 'entrypoints/chat-script/adapters/new-site.ts', imp('{ createElement }', 'react'), PAGE],
  ['the loader importing Dexie', 'entrypoints/chat.content/index.ts', imp('{ Dexie }', 'dexie'), PAGE],
  ['the chat script importing a panel component', 'entrypoints/chat-script/new-feature.ts', imp('{ SidePanel }', '../../components/SidePanel'), PAGE],
  ['a view calling a repository', 'components/tally/NewView.tsx', imp('{ increment }', '../../storage/repositories/tally'), VIEW],
  ['a view running a live query', 'components/tally/NewView.tsx', imp('{ useLiveQuery }', 'dexie-react-hooks'), VIEW],
  ['the chat script using the protocol', 'entrypoints/chat-script/new-feature.ts', imp('{ createSender }', '../../scripts-library/shared/protocol'), null],
  ['a feature hook calling a repository', 'components/tally/use-new.ts', imp('{ increment }', '../../storage/repositories/tally'), null],
];

describe('import boundaries', () => {
  it.each(CASES)('%s (%s): %#', async (_label, path, code, rule) => {
    const rules = (await lint(path, code)).filter((r) => r?.endsWith('no-restricted-imports'));
    expect(rules).toEqual(rule ? [rule] : []);
  });

  it('lets a view name the database type without opening it', async () => {
    const rules = await lint('components/tally/NewView.tsx', "import type { KefuDB } from '../../storage/db';\nexport type X = KefuDB;\n");
    expect(rules.filter((r) => r?.endsWith('no-restricted-imports'))).toEqual([]);
  });
});
