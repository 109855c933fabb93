import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

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
      'no-restricted-syntax': [
        'error',
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
      ],
    },
  },
  {
    // in tests and benchmarks a failed `!` is a failed run, which is what it should be
    files: ['tests/**/*.{ts,tsx}', 'bench/**/*.ts', '**/*.test.{ts,tsx}'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
  {
    // features import shared code, never each other (architecture §5)
    files: ['src/features/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [{ group: ['@/features/*'], message: 'Features import shared code, never each other.' }],
        },
      ],
    },
  },
  {
    // the service-role key must never reach the browser bundle
    files: ['src/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: 'Literal[value=/service_role|SERVICE_ROLE/]',
          message: 'The service role never reaches the browser.',
        },
      ],
    },
  },
);
