import path from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { securityHeadersPlugin } from './vite-plugins/security-headers.ts';

const root = import.meta.dirname;

export default defineConfig({
  plugins: [react(), securityHeadersPlugin()],
  resolve: { alias: { '@': path.resolve(root, 'src') } },
  server: {
    strictPort: true,
    fs: {
      // The dev server also serves files of the project folder by path. Refuse what must never
      // leave the machine: the local stack's data (database files, logs, the dev inbox with
      // working links), env files, keys, git, and supabase/ — except the shared function code
      // the app imports (supabase/functions/_shared). Vite's defaults are repeated: setting
      // `deny` replaces them.
      deny: [
        '.env',
        '.env.*',
        '*.{crt,pem}',
        '**/.git/**',
        `${root}/.local/**`,
        `${root}/supabase/*`,
        `${root}/supabase/!(functions)/**`,
        `${root}/supabase/functions/*`,
        `${root}/supabase/functions/!(_shared)/**`,
      ],
    },
  },
  // crawl every route up front: lazy routes would otherwise make Vite discover dependencies on
  // first visit and reload the page mid-session
  optimizeDeps: { entries: ['index.html', 'src/**/*.tsx', '!src/**/*.test.tsx'] },
  build: { sourcemap: true },
});
