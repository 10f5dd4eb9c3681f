import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

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
      'no-restricted-syntax': [
        'error',
        { selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']", message: 'Render text as text.' },
        { selector: "CallExpression[callee.name='fetch']", message: 'The extension makes no network requests.' },
      ],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', ignoreRestSiblings: true }],
    },
  },
  {
    files: ['**/*.{js,mjs}'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly', window: 'readonly', document: 'readonly', location: 'readonly', chrome: 'readonly', setTimeout: 'readonly', performance: 'readonly' } },
  },
);
