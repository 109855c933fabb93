/**
 * The production build, built once here from the project's vite.config.ts: the headers file it
 * ships (the Content-Security-Policy every page is served with), the HTML it ships (nothing inline
 * that policy would refuse), and its chunk graph — the payer API reference page's chunk and the
 * document it renders are loaded by that page alone, never by the staff app or another page.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

type Manifest = Record<
  string,
  { file: string; isEntry?: boolean; isDynamicEntry?: boolean; imports?: string[]; css?: string[] }
>;

const root = path.resolve(import.meta.dirname, '..');
const referencePage = 'src/features/developers/components/payer-api-reference-page.tsx';
/** A string only the OpenAPI document holds (a webhook's operation id). */
const documentMarker = 'webhook_request_alternatives_offered';
const outDir = mkdtempSync(path.join(tmpdir(), 'crp-build-'));
const read = (file: string) => readFileSync(path.join(outDir, file), 'utf8');
let manifest: Manifest;

/** The manifest keys a chunk loads with it: itself and its static imports, transitively. */
function staticGraph(key: string, into = new Set<string>()): Set<string> {
  if (into.has(key)) return into;
  into.add(key);
  for (const imported of manifest[key]?.imports ?? []) staticGraph(imported, into);
  return into;
}

/** `directive` of a CSP header value, as its list of sources. */
const directive = (csp: string, name: string) =>
  csp
    .split(';')
    .map((d) => d.trim().split(/\s+/))
    .find(([n]) => n === name)
    ?.slice(1);

beforeAll(async () => {
  process.env.VITE_SUPABASE_URL = 'https://project-ref.supabase.co';
  process.env.VITE_SUPABASE_ANON_KEY = 'eyJhbGciOiJIUzI1NiJ9.eyJyb2xlIjoiYW5vbiJ9.c2lnbmF0dXJl';
  await build({
    root,
    logLevel: 'silent',
    build: { outDir, emptyOutDir: true, manifest: true, sourcemap: false },
  });
  manifest = JSON.parse(read('.vite/manifest.json')) as Manifest;
}, 600_000);

afterAll(() => {
  rmSync(outDir, { recursive: true, force: true });
  delete process.env.VITE_SUPABASE_URL;
  delete process.env.VITE_SUPABASE_ANON_KEY;
});

describe('the production build', () => {
  it('ships a CSP that allows scripts and styles from its own files only', () => {
    const csp = /Content-Security-Policy: (.*)/.exec(read('_headers'))?.[1] ?? '';
    expect(directive(csp, 'script-src')).toEqual(["'self'"]);
    expect(directive(csp, 'style-src')).toEqual(["'self'"]);
    expect(directive(csp, 'frame-ancestors')).toEqual(["'none'"]);
  });

  it.each(['index.html', 'sign-in-page.html'])(
    'ships %s with nothing inline that the CSP would refuse',
    (page) => {
      const html = read(page);
      expect(html).not.toMatch(/<style\b/);
      expect(html).not.toMatch(/\sstyle=/);
      const inlineScripts = [...html.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)].filter(
        ([, body]) => body!.trim() !== '',
      );
      expect(inlineScripts).toEqual([]);
    },
  );

  it('serves /sign-in with the sign-in page already drawn, in class names its stylesheets define', () => {
    expect(read('_redirects')).toMatch(/^\/sign-in\s+\/sign-in-page\s+200$/m);
    const html = read('sign-in-page.html');
    const firstView = /<div id="first-view">([\s\S]*?)<\/div><div id="root"><\/div>/.exec(html)?.[1] ?? '';
    expect(firstView).toContain('<h1>Sign in</h1>');
    expect(firstView).toContain('New to the program?');
    expect(firstView).toMatch(/<input[^>]*name="email"/);
    expect(firstView).not.toContain('type="submit"');
    expect(html).toContain('<title>Sign in · Client Referral Program</title>');
    const assets = (page: string) => [...page.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].map((m) => m[1]);
    const index = read('index.html');
    // the same entry and stylesheets as index.html, but not the app shell's preloads: the first
    // paint needs only the stylesheets, and the entry asks for the shell itself
    expect(assets(html).filter((file) => !file!.endsWith('.js'))).toEqual(
      assets(index).filter((file) => !file!.endsWith('.js')),
    );
    expect(/<script type="module"[^>]*src="([^"]+)"/.exec(html)?.[1]).toBe(
      /<script type="module"[^>]*src="([^"]+)"/.exec(index)?.[1],
    );
    const entry = manifest['index.html']!;
    const entryFiles = [entry.file, ...(entry.imports ?? []).map((key) => manifest[key]!.file)];
    const scripts = (page: string) => assets(page).filter((file) => file!.endsWith('.js'));
    expect(scripts(html).length).toBeLessThan(scripts(index).length);
    for (const file of scripts(html)) expect(entryFiles).toContain(file!.slice(1));
    const css = assets(html)
      .filter((file) => file!.endsWith('.css'))
      .map((file) => read(file!.slice(1)))
      .join('\n');
    const classNames = [...firstView.matchAll(/class="([^"]+)"/g)].flatMap((m) => m[1]!.split(/\s+/));
    expect(classNames.length).toBeGreaterThan(5);
    for (const name of classNames) expect(css, `.${name} is styled`).toContain(`.${name}`);
  });

  it('loads the payer API reference, its styles and its document on that page alone', () => {
    const page = manifest[referencePage];
    expect(page?.isDynamicEntry).toBe(true);
    // its styles are a file of the build, which style-src 'self' allows
    expect(page?.css?.length).toBeGreaterThan(0);
    const pageChunks = staticGraph(referencePage);
    const documentChunks = Object.keys(manifest).filter(
      (key) => manifest[key]!.file.endsWith('.js') && read(manifest[key]!.file).includes(documentMarker),
    );
    expect(documentChunks.length).toBeGreaterThan(0);
    for (const key of documentChunks) expect(pageChunks).toContain(key);
    for (const [key, chunk] of Object.entries(manifest)) {
      if (key === referencePage || !(chunk.isEntry || chunk.isDynamicEntry)) continue;
      const graph = staticGraph(key);
      expect(graph, `${key} loads the reference page`).not.toContain(referencePage);
      for (const documentChunk of documentChunks)
        expect(graph, `${key} loads the OpenAPI document`).not.toContain(documentChunk);
    }
  });

  it('starts the staff app (and its sign-in page) without zod: the form loads it when it is used', () => {
    // every script index.html names: the entry and the shell's chunks it preloads, which a phone
    // downloads before the sign-in page can show
    const started = [...read('index.html').matchAll(/(?:src|href)="\/(assets\/[^"]+\.js)"/g)].map(
      (m) => m[1]!,
    );
    expect(started.length).toBeGreaterThan(2);
    for (const file of started) expect(read(file), `${file} holds zod`).not.toContain('ZodError');
    // zod is still part of the build, for the forms that use it
    const all = Object.values(manifest).map((chunk) => chunk.file);
    expect(all.some((file) => file.endsWith('.js') && read(file).includes('ZodError'))).toBe(true);
  });

  it('keeps the reference page small', () => {
    const kb = (file: string) => gzipSync(readFileSync(path.join(outDir, file))).length / 1024;
    const pageOnly = [...staticGraph(referencePage)].filter((key) =>
      Object.entries(manifest).every(
        ([other, chunk]) =>
          other === referencePage || !(chunk.isEntry || chunk.isDynamicEntry) || !staticGraph(other).has(key),
      ),
    );
    const total = pageOnly.reduce((sum, key) => sum + kb(manifest[key]!.file), 0);
    expect(total).toBeLessThan(40);
  });
});
