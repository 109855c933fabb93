import { readdirSync } from 'node:fs';
import js from '@eslint/js';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import importX from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** No focused or skipped tests anywhere: every `no-restricted-syntax` block below repeats these. */
const noFocusedOrSkippedTests = [
  {
    selector: "MemberExpression[object.name='it'][property.name=/^(only|skip)$/]",
    message: 'No focused or skipped tests.',
  },
  {
    selector: "MemberExpression[object.name='test'][property.name=/^(only|skip|fixme)$/]",
    message: 'No focused or skipped tests.',
  },
  {
    selector: "MemberExpression[object.name='describe'][property.name=/^(only|skip)$/]",
    message: 'No focused or skipped tests.',
  },
];

const features = readdirSync(new URL('./src/features', import.meta.url), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);

/**
 * Import boundaries (architecture §5): a feature imports shared code, never another feature (by
 * `@/features/…` or by a relative `../../other/…` path alike); shared code never imports a feature
 * or the app; only the app puts features together.
 */
const importBoundaries = [
  ...features.map((feature) => ({
    target: `./src/features/${feature}`,
    from: './src/features',
    except: [`./${feature}`],
    message: 'Features import shared code (src/lib, src/components), never each other.',
  })),
  {
    target: ['./src/lib', './src/components', './src/config', './src/types'],
    from: ['./src/features', './src/app', './src/public'],
    message: 'Shared code never imports a feature or the app.',
  },
  {
    // the public pages' entry (src/public) is what a phone downloads: the staff app stays out of it
    target: './src/public',
    from: './src/app',
    except: ['./styles.css'],
    message:
      'The public pages’ entry never imports the staff app (its router, shell, auth, Supabase client).',
  },
];

export default tseslint.config(
  {
    ignores: [
      'dist',
      'node_modules',
      '.local',
      'src/types/database.types.ts',
      'supabase/functions',
      'supabase/local/edge-runtime',
      'test-results',
      'playwright-report',
    ],
  },
  {
    files: ['**/*.{ts,tsx,js}'],
    extends: [js.configs.recommended, ...tseslint.configs.strict],
    languageOptions: { ecmaVersion: 2023, globals: { ...globals.browser, ...globals.node } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'no-restricted-syntax': ['error', ...noFocusedOrSkippedTests],
    },
  },
  {
    // in tests and benchmarks a failed `!` is a failed run, which is what it should be
    files: ['tests/**/*.{ts,tsx}', 'bench/**/*.ts', '**/*.test.{ts,tsx}'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: 'tsconfig.json' })],
    },
    rules: { 'import-x/no-restricted-paths': ['error', { zones: importBoundaries }] },
  },
  {
    // the service-role key must never reach the browser bundle; a rule's options replace those of
    // an earlier block, so the test rules are repeated here
    files: ['src/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-syntax': [
        'error',
        ...noFocusedOrSkippedTests,
        {
          selector: 'Literal[value=/service_role|SERVICE_ROLE/]',
          message: 'The service role never reaches the browser.',
        },
      ],
    },
  },
);
