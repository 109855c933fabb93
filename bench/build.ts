/**
 * The production builds the browser figures and Lighthouse measure: the app, built against the
 * benchmark stack, and the anchors (bench-only pages, a build of their own, never in the app's).
 * The app's build also gives the bundle-size figures.
 */
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { gzipSync } from 'node:zlib';
import { projectRoot } from '../supabase/local/config.ts';
import { benchFolder } from './bench-stack.ts';
import { record } from './figures.ts';
import { describePublicPageJs, measurePublicPageJs, publicPageJsBudgetKb } from './public-page-js.ts';
import { round } from './stats.ts';

const run = promisify(execFile);
const vite = path.join(projectRoot, 'node_modules/.bin/vite');
/** Beside the benchmark stack's data, so that runs at other offsets do not overwrite each other's builds. */
const appDist = path.join(benchFolder('bench'), 'dist');
const anchorsDist = path.join(benchFolder('bench'), 'anchors-dist');

export async function buildApp(api: { url: string; anonKey: string }): Promise<string> {
  await run(vite, ['build', '--manifest', '--outDir', appDist, '--emptyOutDir'], {
    cwd: projectRoot,
    env: { ...process.env, VITE_SUPABASE_URL: api.url, VITE_SUPABASE_ANON_KEY: api.anonKey },
  });
  return appDist;
}

export async function buildAnchors(): Promise<string> {
  await run(
    vite,
    ['build', '--config', 'bench/anchors/vite.config.ts', '--outDir', anchorsDist, '--emptyOutDir'],
    {
      cwd: projectRoot,
    },
  );
  return anchorsDist;
}

type Manifest = Record<
  string,
  { file: string; isEntry?: boolean; imports?: string[]; isDynamicEntry?: boolean }
>;

/** The staff app's initial JS (its entry and what it imports) and the largest lazy route chunk, gzipped; the public page's first view. */
export async function recordBundleSizes(outDir: string): Promise<void> {
  const manifest = JSON.parse(await readFile(path.join(outDir, '.vite/manifest.json'), 'utf8')) as Manifest;
  const gz = async (file: string) => gzipSync(await readFile(path.join(outDir, file))).length / 1024;
  // the staff app's page (the public pages' entry, client-portal.html, is measured below)
  const entryKey = 'index.html';
  const initial = new Set<string>();
  const walk = (k: string) => {
    if (initial.has(k)) return;
    initial.add(k);
    for (const i of manifest[k]!.imports ?? []) walk(i);
  };
  walk(entryKey);
  let initialKb = 0;
  for (const k of initial) if (manifest[k]!.file.endsWith('.js')) initialKb += await gz(manifest[k]!.file);
  let largestLazy = 0;
  for (const [k, chunk] of Object.entries(manifest))
    if (chunk.isDynamicEntry && !initial.has(k)) largestLazy = Math.max(largestLazy, await gz(chunk.file));
  record({
    group: 'db',
    figure: 'vite build: initial JS (gzip)',
    value: `${round(initialKb, 1)} KB`,
    budget: '≤ 170 KB',
    met: initialKb <= 170,
    measure: { value: round(initialKb, 1), better: 'lower' },
  });
  record({
    group: 'db',
    figure: 'vite build: largest lazy route chunk (gzip)',
    value: `${round(largestLazy, 1)} KB`,
    budget: '≤ 120 KB',
    met: largestLazy <= 120,
    measure: { value: round(largestLazy, 1), better: 'lower' },
  });
  const publicPageJs = await measurePublicPageJs(outDir);
  record({
    group: 'db',
    figure: 'vite build: public request page, first view JS (gzip)',
    value: describePublicPageJs(publicPageJs),
    budget: `≤ ${publicPageJsBudgetKb} KB`,
    met: publicPageJs.totalKb <= publicPageJsBudgetKb,
    measure: { value: round(publicPageJs.totalKb, 1), better: 'lower' },
  });
}
