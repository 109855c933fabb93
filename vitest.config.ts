import path from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

const alias = { '@': path.resolve(import.meta.dirname, 'src') };

export default defineConfig({
  test: {
    projects: [
      {
        resolve: { alias },
        test: {
          name: 'unit',
          environment: 'node',
          include: [
            'src/**/*.test.ts',
            'supabase/local/**/*.test.ts',
            'vite-plugins/**/*.test.ts',
            'tests/lint/**/*.test.ts',
            'bench/**/*.test.ts',
          ],
          // the lint rules' test runs ESLint with the project's config: slower than a unit test
          testTimeout: 60_000,
        },
      },
      {
        plugins: [react()],
        resolve: { alias },
        test: {
          name: 'components',
          environment: 'jsdom',
          include: ['src/**/*.test.tsx'],
          setupFiles: ['tests/setup/components.ts'],
          // a file's first test waits for its pages' lazy modules to be transformed, which takes
          // seconds on a busy 2-core machine; waits inside a test keep their own 5 s limit
          testTimeout: 20_000,
        },
      },
      {
        resolve: { alias },
        test: {
          name: 'api',
          environment: 'node',
          include: ['tests/api/**/*.test.ts'],
          globalSetup: ['tests/setup/api-global.ts'],
          // one shared stack; files run one at a time so their data does not race
          fileParallelism: false,
          testTimeout: 30_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
