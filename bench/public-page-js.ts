/**
 * The public request page's JavaScript for its first view (gzip): what a prospective client's
 * phone downloads before the therapist list can show and be used. The public pages have an entry
 * of their own (client-portal.html, which the host answers `/request/…` with); counted are every
 * script and module preload that page's HTML names, the static imports of those chunks (from the
 * build's manifest), and — should the first step ever become a chunk of its own — the first
 * step's chunk with its imports; each file once. The status page's first view (the entry, the
 * status page's chunk and the query library it loads with it) is reported beside it.
 *
 * Run alone on a build (`vite build --manifest`): `npx tsx bench/public-page-js.ts <outDir>`.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

export const publicPageJsBudgetKb = 80;

const publicHtml = 'client-portal.html';
/** The first step's module, and the status page's (each a chunk's key in the manifest when lazy). */
const firstStepModule = 'src/features/client-portal/components/client-portal-page.tsx';
const statusPageModules = [
  'src/features/request-status/components/request-status-page.tsx',
  'src/public/query-provider.tsx',
];

type Manifest = Record<
  string,
  { file: string; isEntry?: boolean; imports?: string[]; dynamicImports?: string[] }
>;

export interface PublicPageJs {
  totalKb: number;
  /** each file's share, largest first, so a miss says where the bytes are */
  files: { file: string; kb: number }[];
  /** The status page's first view (`/request/status/<token>`). */
  statusPageKb: number;
}

/** The JavaScript files an HTML page loads at once: its module scripts and module preloads. */
export function scriptsOfHtml(html: string): string[] {
  const tags = html.match(/<(script|link)\b[^>]*>/g) ?? [];
  return tags.flatMap((tag) => {
    const url = /\b(?:src|href)="([^"]+)"/.exec(tag)?.[1];
    const script = tag.startsWith('<script') && /type="module"/.test(tag);
    const preload = tag.startsWith('<link') && /rel="modulepreload"/.test(tag);
    return url && (script || preload) ? [url.replace(/^\//, '')] : [];
  });
}

export async function measurePublicPageJs(outDir: string): Promise<PublicPageJs> {
  const manifest = JSON.parse(await readFile(path.join(outDir, '.vite/manifest.json'), 'utf8')) as Manifest;
  const html = await readFile(path.join(outDir, publicHtml), 'utf8');
  const keyOfFile = new Map(Object.entries(manifest).map(([key, chunk]) => [chunk.file, key]));
  const gzKb = async (file: string) => gzipSync(await readFile(path.join(outDir, file))).length / 1024;

  /** The files of `keys` and of everything they import statically, added to `files`. */
  const filesOf = (keys: string[], files = new Set<string>()) => {
    const seen = new Set<string>();
    const walk = (key: string) => {
      const chunk = manifest[key];
      if (!chunk || seen.has(key)) return;
      seen.add(key);
      files.add(chunk.file);
      for (const imported of chunk.imports ?? []) walk(imported);
    };
    keys.forEach(walk);
    return files;
  };

  // what the HTML names, whether or not the manifest knows it, and what those chunks import
  const firstView = new Set(scriptsOfHtml(html));
  filesOf(
    [...firstView].flatMap((file) => keyOfFile.get(file) ?? []),
    firstView,
  );
  filesOf([publicHtml, firstStepModule], firstView);

  const files: { file: string; kb: number }[] = [];
  for (const file of firstView) if (file.endsWith('.js')) files.push({ file, kb: await gzKb(file) });
  files.sort((a, b) => b.kb - a.kb);

  let statusPageKb = 0;
  for (const file of filesOf(statusPageModules, new Set(firstView)))
    if (file.endsWith('.js')) statusPageKb += await gzKb(file);

  return { totalKb: files.reduce((sum, f) => sum + f.kb, 0), files, statusPageKb };
}

/** "78.9 KB (first-view 71.6, public 7.3, …; status page 96.0 KB)": the figure, its largest parts, the status page. */
export function describePublicPageJs({ totalKb, files, statusPageKb }: PublicPageJs): string {
  const parts = files
    .slice(0, 3)
    .map((f) => `${path.basename(f.file).replace(/-[\w-]{8}\.js$/, '')} ${f.kb.toFixed(1)}`)
    .join(', ');
  return `${totalKb.toFixed(1)} KB (${parts}${files.length > 3 ? ', …' : ''}; status page ${statusPageKb.toFixed(1)} KB)`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const outDir = process.argv[2] ?? 'dist';
  const measured = await measurePublicPageJs(outDir);
  const met = measured.totalKb <= publicPageJsBudgetKb;
  console.log(
    `public request page, first view JS (gzip): ${describePublicPageJs(measured)} — budget ≤ ${publicPageJsBudgetKb} KB: ${met ? 'met' : 'MISSED'}`,
  );
}
