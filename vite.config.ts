import path from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { devServerFsDeny } from './vite-plugins/dev-server-deny.ts';
import { preloadAppShellPlugin } from './vite-plugins/preload-app-shell.ts';
import { securityHeadersPlugin } from './vite-plugins/security-headers.ts';

const root = import.meta.dirname;

export default defineConfig({
  plugins: [react(), securityHeadersPlugin(), preloadAppShellPlugin()],
  resolve: { alias: { '@': path.resolve(root, 'src') } },
  server: {
    strictPort: true,
    fs: { deny: devServerFsDeny(root) },
  },
  // crawl every route up front: lazy routes would otherwise make Vite discover dependencies on
  // first visit and reload the page mid-session
  optimizeDeps: { entries: ['index.html', 'src/**/*.tsx', '!src/**/*.test.tsx'] },
  build: { sourcemap: true },
});
