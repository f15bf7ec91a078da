// ESLint with typescript-eslint's type-aware rules for the extension, the server and the tests.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const NO_VSCODE = { name: 'vscode', message: 'This code also runs outside VS Code: keep vscode out of it.' };

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'test-output/**', 'node_modules/**', '.ci/*/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      // node:test's test() and describe() return promises the runner itself awaits.
      '@typescript-eslint/no-floating-promises': ['error', { allowForKnownSafeCalls: [{ from: 'package', name: ['test', 'describe', 'it', 'suite'], package: 'node:test' }] }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      eqeqeq: ['error', 'always'],
    },
  },
  {
    // Only client/src/extension runs inside VS Code. The HubSpot layer, the send module, the CLI and
    // the server also run outside it (the command line, any LSP editor).
    files: ['client/src/**', 'server/src/**'],
    ignores: ['client/src/extension/**'],
    rules: {
      'no-restricted-imports': ['error', { paths: [NO_VSCODE] }],
    },
  },
  {
    // The CLI runs the engine through its one entry, as the server's handlers do; the rest of server/src is the language server's.
    files: ['client/src/cli/**'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [NO_VSCODE],
        patterns: [{ regex: '(^|/)server/src/(?!service$)', message: 'The CLI imports the engine only through its entry, server/src/service (index.ts).' }],
      }],
    },
  },
  {
    // Pure features know nothing of the LSP connection: plain values in, plain values out.
    files: ['server/src/service/**'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [
          { name: 'vscode', message: 'Services are pure.' },
          { name: 'vscode-languageserver', message: 'Services take plain values; the handlers speak to the connection.' },
          { name: 'vscode-languageserver/node', message: 'Services take plain values; the handlers speak to the connection.' },
        ],
        patterns: [
          { regex: '(^|/)handlers(/|$)', message: 'The engine does not know the handlers that call it.' },
          { regex: '(^|/)protocol$', message: 'The engine does not know the wire: protocol.ts imports the engine, not the other way round.' },
        ],
      }],
    },
  },
  {
    // Build scripts are plain JavaScript: no types to check them against.
    files: ['**/*.mjs'],
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: { globals: { console: 'readonly', process: 'readonly', URL: 'readonly' } },
  },
);
