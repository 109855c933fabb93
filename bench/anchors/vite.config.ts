/**
 * The benchmark's anchors: bench-only pages built on their own (never part of the app's bundle),
 * so that the browser figures are ratios against well-known libraries run in the same browser at
 * the same moment.
 */
import path from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const root = import.meta.dirname;

export default defineConfig({
  root,
  plugins: [react()],
  resolve: { alias: { '@': path.resolve(root, '../../src') } },
  build: { outDir: path.resolve(root, '../../.local/bench/anchors-dist'), emptyOutDir: true },
});
