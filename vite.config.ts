import path from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  plugins: [react()],
  resolve: { alias: { '@': path.resolve(import.meta.dirname, 'src') } },
  server: { strictPort: true },
  // crawl every route up front: lazy routes would otherwise make Vite discover dependencies on
  // first visit and reload the page mid-session
  optimizeDeps: { entries: ['index.html', 'src/**/*.tsx', '!src/**/*.test.tsx'] },
  build: { sourcemap: true },
});
