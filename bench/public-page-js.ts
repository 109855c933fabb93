/**
 * The public request page's JavaScript for its first view (gzip): what a prospective client's
 * phone downloads before the therapist list can show. Read from a production build's manifest:
 * the entry and its static imports, the chunks the entry loads at start (the app), and the
 * request page's own chunk with its static imports; each file counted once.
 *
 * Run alone on a build (`vite build --manifest`): `npx tsx bench/public-page-js.ts <outDir>`.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

export const publicPageJsBudgetKb = 80;

/** The first step's module, as the route table loads it. */
const publicPageModule = 'src/features/client-portal/components/client-portal-page.tsx';

type Manifest = Record<
  string,
  { file: string; isEntry?: boolean; imports?: string[]; dynamicImports?: string[] }
>;

export interface PublicPageJs {
  totalKb: number;
  /** each file's share, largest first, so a miss says where the bytes are */
  files: { file: string; kb: number }[];
}

export async function measurePublicPageJs(outDir: string): Promise<PublicPageJs> {
  const manifest = JSON.parse(await readFile(path.join(outDir, '.vite/manifest.json'), 'utf8')) as Manifest;
  const wanted = new Set<string>();
  const walk = (key: string) => {
    if (wanted.has(key) || !manifest[key]) return;
    wanted.add(key);
    for (const imported of manifest[key].imports ?? []) walk(imported);
  };
  const entry = Object.keys(manifest).find((key) => manifest[key]!.isEntry)!;
  walk(entry);
  // main.tsx imports the app (router, providers, route table) once the settings are read: always at start
  for (const atStart of manifest[entry]!.dynamicImports ?? []) walk(atStart);
  walk(publicPageModule);
  const files: { file: string; kb: number }[] = [];
  for (const key of wanted) {
    const { file } = manifest[key]!;
    if (file.endsWith('.js'))
      files.push({ file, kb: gzipSync(await readFile(path.join(outDir, file))).length / 1024 });
  }
  files.sort((a, b) => b.kb - a.kb);
  return { totalKb: files.reduce((sum, f) => sum + f.kb, 0), files };
}

/** "228.3 KB (app 121.1, index 94.3, …)": the figure and its three largest parts. */
export function describePublicPageJs({ totalKb, files }: PublicPageJs): string {
  const parts = files
    .slice(0, 3)
    .map((f) => `${path.basename(f.file).replace(/-[\w-]{8}\.js$/, '')} ${f.kb.toFixed(1)}`)
    .join(', ');
  return `${totalKb.toFixed(1)} KB (${parts}, …)`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const outDir = process.argv[2] ?? 'dist';
  const measured = await measurePublicPageJs(outDir);
  const met = measured.totalKb <= publicPageJsBudgetKb;
  console.log(
    `public request page, first view JS (gzip): ${describePublicPageJs(measured)} — budget ≤ ${publicPageJsBudgetKb} KB: ${met ? 'met' : 'MISSED'}`,
  );
}
