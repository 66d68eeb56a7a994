// @ts-check
/**
 * The one ESLint config (flat, ESM). Type-aware TypeScript rules with each file checked
 * against the tsconfig of the runtime it runs in, the house rules from CONVENTIONS.md, and
 * `local/layering`, which keeps every runtime folder to the imports its runtime allows.
 */
import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import { localPlugin } from './build/eslint/layering.js';

const TS = ['**/*.ts', '**/*.tsx'];
const JS = ['**/*.js', '**/*.mjs', '**/*.cjs'];
/** Tool configs that must default-export their config object. */
const CONFIG_FILES = ['*.config.{js,mjs,cjs,ts,mts}', '**/*.config.{js,mjs,cjs,ts,mts}'];

export default defineConfig(
  globalIgnores(
    ['dist/', 'node_modules/', 'out/', 'release/', 'test-results/', 'playwright-report/', '.cache/', 'docs/', 'build/eslint/fixtures/'],
    'workstation/ignores',
  ),

  js.configs.recommended,

  {
    name: 'workstation/local-layering',
    plugins: { local: localPlugin },
    rules: { 'local/layering': 'error' },
  },

  {
    name: 'workstation/typescript',
    files: TS,
    extends: [tseslint.configs.strictTypeChecked],
    languageOptions: {
      parserOptions: {
        // Each file is checked with the first project that contains it, so shared/ code is
        // type-checked without DOM or Node types, electron/ with Node types, renderer/ with
        // the DOM, and every *.test.ts and build/ script with tsconfig.test.json.
        project: ['shared/tsconfig.json', 'electron/tsconfig.json', 'renderer/tsconfig.json', 'e2e/tsconfig.json', 'tsconfig.test.json'],
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/consistent-type-definitions': ['error', 'type'],
      '@typescript-eslint/consistent-type-imports': ['error', { prefer: 'type-imports', fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/consistent-type-exports': 'error',
      '@typescript-eslint/no-import-type-side-effects': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      // Numbers and booleans in messages are routine ("row 12", "true"); objects are not.
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true, allowBoolean: true }],
      // `() => set(x)` in a callback is idiomatic (zustand, listeners); other void misuse still fails.
      '@typescript-eslint/no-confusing-void-expression': ['error', { ignoreArrowShorthand: true }],
      // `array[0]!` after a length check is clearer than a redundant guard; the checker still
      // rejects what it can prove wrong (no-unnecessary-type-assertion).
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },

  {
    name: 'workstation/javascript',
    files: JS,
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: { globals: { ...globals.node } },
  },

  {
    // The fixtures are lint targets of build/eslint/layering.test.ts only (the main run
    // ignores them); they belong to no tsconfig, so they are parsed without type information.
    name: 'workstation/layering-fixtures',
    files: ['build/eslint/fixtures/**'],
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: { parserOptions: { project: false, projectService: false } },
  },

  {
    name: 'workstation/app-code',
    files: ['shared/**', 'electron/**', 'renderer/**'],
    ignores: ['electron/cli/**'],
    rules: {
      // App code logs through electron/services/log.ts (main) or shows the error (renderer).
      'no-console': 'error',
    },
  },

  {
    name: 'workstation/no-default-exports',
    ignores: CONFIG_FILES,
    rules: {
      'no-restricted-exports': [
        'error',
        {
          restrictDefaultExports: { direct: true, named: true, defaultFrom: true, namedFrom: true, namespaceFrom: true },
        },
      ],
    },
  },

  {
    name: 'workstation/node-globals',
    files: ['electron/**', 'build/**', 'e2e/**', '**/*.test.ts', '**/*.test.tsx', ...CONFIG_FILES],
    languageOptions: { globals: { ...globals.node } },
  },

  {
    name: 'workstation/renderer',
    files: ['renderer/**/*.{ts,tsx}'],
    extends: [reactHooks.configs.flat.recommended],
    languageOptions: { globals: { ...globals.browser } },
  },
);
