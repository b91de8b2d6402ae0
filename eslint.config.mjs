// ESLint (flat config): typescript-eslint's recommended-type-checked rules over the
// TypeScript of src/, webview/, test/ and bench/ (each file typed by its nearest
// tsconfig.json), and ESLint's recommended rules over the build scripts (*.mjs).
// `npm run lint` runs it with --max-warnings 0.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/** What the build scripts use from Node (no `globals` package for six names). */
const nodeGlobals = Object.fromEntries(
  ['process', 'console', 'URL', 'Buffer', 'setTimeout', 'clearTimeout'].map((name) => [name, 'readonly']),
);

export default tseslint.config(
  { ignores: ['node_modules/', 'out/', 'dist/', 'test-results/', '.vscode-test/', '**/*.js'] },
  {
    files: ['**/*.ts'],
    extends: [tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      // tsc's noUnusedLocals/noUnusedParameters already report these; `_name` marks an
      // argument a callback signature requires.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // node:test's test()/describe() return promises that the runner itself awaits
      '@typescript-eslint/no-floating-promises': [
        'error',
        {
          allowForKnownSafeCalls: [
            { from: 'package', package: 'node:test', name: ['test', 'it', 'describe', 'suite', 'before', 'after', 'beforeEach', 'afterEach'] },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.mjs'],
    extends: [js.configs.recommended],
    languageOptions: { globals: nodeGlobals },
  },
);
