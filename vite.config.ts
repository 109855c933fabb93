import path from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { devServerFsDeny } from './vite-plugins/dev-server-deny.ts';
import { preloadAppShellPlugin } from './vite-plugins/preload-app-shell.ts';
import {
  publicEntryPlugin,
  publicFirstViewChunk,
  withoutLoadedAtStart,
} from './vite-plugins/public-entry.ts';
import { signInFirstViewPlugin } from './vite-plugins/sign-in-first-view.ts';
import { securityHeadersPlugin } from './vite-plugins/security-headers.ts';

const root = import.meta.dirname;

export default defineConfig(({ command }) => ({
  plugins: [
    react(),
    securityHeadersPlugin(),
    publicEntryPlugin(),
    preloadAppShellPlugin(),
    signInFirstViewPlugin(),
  ],
  resolve: { alias: { '@': path.resolve(root, 'src') } },
  server: {
    strictPort: true,
    fs: { deny: devServerFsDeny(root) },
  },
  // crawl every route up front: lazy routes would otherwise make Vite discover dependencies on
  // first visit and reload the page mid-session
  optimizeDeps: { entries: ['index.html', 'client-portal.html', 'src/**/*.tsx', '!src/**/*.test.tsx'] },
  build: {
    // maps are built (for an error tracker) but not named in the scripts: browsers do not fetch
    // them and a phone does not download the comment; the deploy leaves them out of the upload
    // (README, "Deploy") so the source is not published
    sourcemap: 'hidden',
    // every browser the app supports preloads modules itself (Chrome 66, Firefox 115, Safari 17): no
    // polyfill in front of each page's first script
    modulePreload: { polyfill: false, resolveDependencies: withoutLoadedAtStart },
    // terser packs React DOM and the pages a little tighter than esbuild (about 2 % gzip); that is
    // what brings the public page's first view under its 80 KB
    minify: 'terser',
    terserOptions: { ecma: 2020, compress: { passes: 5 } },
    // two pages: the staff app, and the public request and status pages with an entry of their own
    // (a phone downloads only what those pages need; see src/public)
    rollupOptions: {
      input: { main: path.resolve(root, 'index.html'), public: path.resolve(root, 'client-portal.html') },
      output: { manualChunks: publicFirstViewChunk },
    },
  },
  css: {
    // short class names in the build: every CSS Module's names are a map in the JavaScript, and the
    // public page's first view pays for its maps on a phone
    modules: { generateScopedName: command === 'build' ? '_[hash:base64:5]' : '_[local]_[hash:base64:5]' },
  },
}));
