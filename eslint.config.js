import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

/** Packages the page side (chat loader, chat script) must not import. */
export const PAGE_SIDE_FORBIDDEN_PACKAGES = ['react', 'react-dom', 'react-dom/client', 'dexie', 'dexie-react-hooks', '@tanstack/react-virtual'];

/** Syntax forbidden everywhere. */
const BASE_SYNTAX = [
  { selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']", message: 'Render text as text.' },
  { selector: "CallExpression[callee.name='fetch']", message: 'The extension makes no network requests.' },
];
/** The database's tables (storage/db.ts), touched as `db.<table>` only by the repositories. */
export const DB_TABLES = ['phrases', 'stages', 'settings', 'rules', 'tally', 'notes', 'reminders', 'responses'];
const DB_TABLE = {
  selector: `MemberExpression:matches([object.name='db'], [object.property.name='db'])[property.name=/^(${DB_TABLES.join('|')})$/]`,
  message: 'Only storage/repositories/** touches db.<table>: call a repository function.',
};

export default tseslint.config(
  { ignores: ['.output/', '.wxt/', 'node_modules/', 'tests/e2e/.tmp/', 'tests/bench/.tmp/', '.scratch/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      // User and page text is rendered as text, never parsed as HTML.
      'no-restricted-properties': [
        'error',
        { property: 'innerHTML', message: 'Render text with textContent / React, never innerHTML.' },
        { property: 'outerHTML', message: 'Never build HTML from strings.' },
        { property: 'insertAdjacentHTML', message: 'Never build HTML from strings.' },
      ],
      'no-restricted-syntax': ['error', ...BASE_SYNTAX, DB_TABLE],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', ignoreRestSiblings: true }],
    },
  },
  // Boundaries. The page side (the chat loader, the injected chat script and its adapters) runs in every chat
  // console: it may import the pure core (scripts-library/, the protocol included) and nothing that opens the
  // database or renders React; IndexedDB opened there would belong to the console's origin, not ours.
  {
    files: ['entrypoints/chat.content/**/*.{ts,tsx}', 'entrypoints/chat-script/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: PAGE_SIDE_FORBIDDEN_PACKAGES.map((name) => ({ name, message: 'The page side has no React and no database: send a message to the background.' })),
          patterns: [
            { group: ['**/storage/**', '**/storage'], message: 'The page side never imports storage/: ask the background through the protocol.' },
            { group: ['**/components/**', '**/background/**', '**/sidepanel/**'], message: 'The page side imports only scripts-library/ and its own folder.' },
          ],
        },
      ],
    },
  },
  // The repositories own the tables; the backup reads and writes every table by name; tests seed and inspect them.
  {
    files: ['storage/repositories/**/*.ts', 'storage/backup.ts', 'tests/**/*.{ts,tsx}'],
    rules: { 'no-restricted-syntax': ['error', ...BASE_SYNTAX] },
  },
  // The pure core runs in plain Node: no database, no React, no WXT or browser wiring, nothing from the floors above.
  {
    files: ['scripts-library/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [...PAGE_SIDE_FORBIDDEN_PACKAGES, 'wxt', '#imports'].map((name) => ({ name, message: 'scripts-library/ is pure logic: no React, Dexie or WXT.' })),
          patterns: [
            { group: ['wxt/*', '@wxt-dev/*'], message: 'scripts-library/ is pure logic: no WXT.' },
            { group: ['**/storage/**', '**/storage', '**/components/**', '**/entrypoints/**'], message: 'scripts-library/ imports only itself: storage/, components/ and entrypoints/ import it, never the reverse.' },
          ],
        },
      ],
    },
  },
  // In the panel, the repositories and live queries belong to each feature's use-*.ts hooks; views take props and
  // callbacks (a view may name the database's type, never open it).
  {
    files: ['components/**/*.tsx'],
    ignores: ['components/shared/db-context.tsx'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'dexie-react-hooks', message: 'Live queries live in the feature\'s use-*.ts hook.' }],
          patterns: [{ group: ['**/storage/**'], allowTypeImports: true, message: 'Views call their feature\'s use-*.ts hook, not storage/.' }],
        },
      ],
    },
  },
  // The team server (server/, its own package) is a Node program, not the extension: it serves the network.
  {
    files: ['server/**/*.{js,mjs,ts}'],
    languageOptions: { globals: { Buffer: 'readonly', setInterval: 'readonly', clearInterval: 'readonly', clearTimeout: 'readonly', fetch: 'readonly' } },
    rules: { 'no-restricted-syntax': 'off' },
  },
  {
    files: ['**/*.{js,mjs}'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly', window: 'readonly', document: 'readonly', location: 'readonly', chrome: 'readonly', setTimeout: 'readonly', performance: 'readonly' } },
  },
);
