/**
 * The production build answers the public pages' addresses with their own entry's page, and that
 * page loads none of the staff app: a real build of the project (not minified, with source maps,
 * so each chunk says which modules it holds), served as a static host serves it.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from 'vite';
import { serveBuild } from '../bench/serve-build.ts';
import { scriptsOfHtml } from '../bench/public-page-js.ts';
import { isPublicPath } from '../src/public/public-paths.ts';

const root = path.resolve(import.meta.dirname, '..');
const outDir = mkdtempSync(path.join(tmpdir(), 'crp-public-build-'));
/** Modules of the staff app and libraries only it uses: none may reach a public page's first view. */
const staffOnly = [
  /\/src\/app\//,
  /\/src\/main\.tsx$/,
  /@supabase\//,
  /react-router/,
  /@tanstack\//,
  /\/zod\//,
];

let server: Awaited<ReturnType<typeof serveBuild>>;

beforeAll(async () => {
  await build({
    root,
    logLevel: 'silent',
    mode: 'production',
    build: { outDir, emptyOutDir: true, minify: false, sourcemap: true },
  });
  server = await serveBuild(outDir);
}, 600_000);

afterAll(async () => {
  await server?.close();
  rmSync(outDir, { recursive: true, force: true });
});

const page = async (address: string) => (await fetch(`${server.origin}${address}`)).text();
const modulesOf = (file: string) =>
  (JSON.parse(readFileSync(path.join(outDir, `${file}.map`), 'utf8')) as { sources: string[] }).sources;

describe('the built public pages', () => {
  const publicAddresses = [
    '/request/harborview',
    '/request/harborview/',
    '/request/harborview/therapists/0b6f8a52-3c1d-4e7a-9f10-2a4b6c8d0e1f',
    '/request/harborview/therapists/0b6f8a52-3c1d-4e7a-9f10-2a4b6c8d0e1f/request',
    '/request/harborview/sent',
    '/request/harborview/verify',
    '/request/status/Zm9vYmFy',
  ];

  it('answer every public address with the public entry’s page, which loads only the public entry’s chunks', async () => {
    const publicPage = readFileSync(path.join(outDir, 'client-portal.html'), 'utf8');
    const scripts = scriptsOfHtml(publicPage);
    expect(scripts.length).toBeGreaterThan(0);
    for (const address of publicAddresses) {
      expect(isPublicPath(address), address).toBe(true);
      expect(await page(address), address).toBe(publicPage);
    }
    for (const script of scripts) {
      const staff = modulesOf(script).filter((source) => staffOnly.some((pattern) => pattern.test(source)));
      expect({ script, staff }).toEqual({ script, staff: [] });
    }
  });

  it('answer every other address with the staff app’s page', async () => {
    const staffPage = readFileSync(path.join(outDir, 'index.html'), 'utf8');
    expect(staffPage).not.toBe(readFileSync(path.join(outDir, 'client-portal.html'), 'utf8'));
    // the sign-in page is the staff app's page with the page already drawn in (sign-in-first-view.ts)
    const signInPage = readFileSync(path.join(outDir, 'sign-in-page.html'), 'utf8');
    expect(signInPage).toContain('<div id="first-view">');
    expect(await page('/sign-in')).toBe(signInPage);
    for (const address of ['/', '/schedule/unconfirmed-appointments', '/request', '/request/a/b/c/d']) {
      expect(isPublicPath(address), address).toBe(false);
      expect(await page(address), address).toBe(staffPage);
    }
  });
});
