/**
 * The architecture's import boundaries, enforced by eslint.config.js (the page side and the pure core import no
 * database, React or WXT; views no repositories; only storage/repositories/** touches db.<table>): a deliberate
 * violation in each place must fail the lint (so the rule cannot silently stop applying after a file moves), and
 * the tree as it is passes (`npm run check` lints it).
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
  ['the core opening the database', 'scripts-library/tally/new-rule.ts', imp('{ getDb }', '../../storage/db'), PAGE],
  ['the core using a repository', 'scripts-library/phrases/new-rule.ts', imp('{ listPhrases }', '../../storage/repositories/phrases'), PAGE],
  ['the core importing a component', 'scripts-library/shared/new-kernel.ts', imp('{ SidePanel }', '../../components/SidePanel'), PAGE],
  ['the core importing the background', 'scripts-library/guard/new-rule.ts', imp('{ createBackground }', '../../entrypoints/background/handlers'), PAGE],
  ['the core rendering React', 'scripts-library/phrases/new-rule.ts', imp('{ createElement }', 'react'), PAGE],
  ['the core importing Dexie', 'scripts-library/tally/new-rule.ts', imp('{ liveQuery }', 'dexie'), PAGE],
  ['the core importing WXT', 'scripts-library/shared/new-kernel.ts', imp('{ browser }', 'wxt/browser'), PAGE],
  ['the core importing its own kernel', 'scripts-library/tally/new-rule.ts', imp('{ shiftAt }', '../shared/shift'), null],
];

const TABLE = 'no-restricted-syntax';
const touch = (expr: string) => `import type { KefuDB } from '../../storage/db';\nexport const read = (db: KefuDB) => ${expr};\n`;
/** [what, where, code, whether the db.<table> rule must object] */
const TABLE_CASES: [string, string, string, boolean][] = [
  ['a feature hook reading a settings row', 'components/phrases/use-new.ts', touch("db.settings.get('k')"), true],
  ['the background writing a table', 'entrypoints/background/new-feature.ts', touch('db.tally.clear()'), true],
  ['storage outside the repositories', 'storage/new-helper.ts', touch('db.phrases.count()'), true],
  ['a repository', 'storage/repositories/new-table.ts', touch('db.phrases.count()'), false],
  ['a repository call', 'components/phrases/use-new.ts', touch('db.transaction'), false],
];

describe('import boundaries', () => {
  it.each(CASES)('%s (%s): %#', async (_label, path, code, rule) => {
    const rules = (await lint(path, code)).filter((r) => r?.endsWith('no-restricted-imports'));
    expect(rules).toEqual(rule ? [rule] : []);
  });

  it.each(TABLE_CASES)('db.<table>: %s (%s)', async (_label, path, code, objects) => {
    expect((await lint(path, code)).filter((r) => r === TABLE)).toEqual(objects ? [TABLE] : []);
  });

  it('lets a view name the database type without opening it', async () => {
    const rules = await lint('components/tally/NewView.tsx', "import type { KefuDB } from '../../storage/db';\nexport type X = KefuDB;\n");
    expect(rules.filter((r) => r?.endsWith('no-restricted-imports'))).toEqual([]);
  });
});
