/**
 * The sign-in page's first view in the production build, as a host serves it: a phone paints the
 * signed-out page from the HTML alone, a person can start typing before the app's JavaScript has
 * arrived, nothing they do then sends the form (a GET would put the password in the address), and
 * the app's own form takes over with what was typed and the focus, then signs them in.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { expect, test } from '@playwright/test';
import { serveBuild } from '../../bench/serve-build.ts';
import { demo, demoPassword } from './support/app.ts';

const root = path.resolve(import.meta.dirname, '../..');
const outDir = mkdtempSync(path.join(tmpdir(), 'crp-sign-in-build-'));
let site: Awaited<ReturnType<typeof serveBuild>>;

test.beforeAll(async () => {
  // a production build takes under a minute on a quiet 2-core machine, several on a busy one
  test.setTimeout(600_000);
  await promisify(execFile)(
    process.execPath,
    [path.join(root, 'node_modules/vite/bin/vite.js'), 'build', '--outDir', outDir, '--emptyOutDir'],
    {
      cwd: root,
      env: {
        ...process.env,
        VITE_SUPABASE_URL: process.env.CRP_TEST_API_URL,
        VITE_SUPABASE_ANON_KEY: process.env.CRP_TEST_ANON_KEY,
      },
      maxBuffer: 64 * 1024 * 1024,
    },
  );
  site = await serveBuild(outDir);
});

test.afterAll(async () => {
  await site?.close();
  rmSync(outDir, { recursive: true, force: true });
});

test('typed before the JavaScript arrives, kept when the app takes over, then signed in', async ({
  page,
}) => {
  // every script of the build waits until the person has typed
  let releaseScripts!: () => void;
  const scriptsReleased = new Promise<void>((resolve) => (releaseScripts = resolve));
  await page.route(/\/assets\/.+\.js$/, async (route) => {
    await scriptsReleased;
    await route.continue();
  });

  await page.goto(`${site.origin}/sign-in`, { waitUntil: 'commit' });
  const firstView = page.locator('#first-view');
  await expect(firstView.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
  await firstView.getByLabel('Email address').fill(demo.scheduler);
  await firstView.getByLabel('Password').fill(demoPassword);
  await page.keyboard.press('Enter');
  await firstView.getByRole('button', { name: 'Sign in' }).click();
  // nothing was sent: still the same address, no password in it, the first view still there
  expect(new URL(page.url()).search).toBe('');
  await expect(firstView).toHaveCount(1);
  await firstView.getByLabel('Password').focus();

  releaseScripts();
  await expect(firstView).toHaveCount(0);
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toHaveCount(1);
  await expect(page.getByLabel('Email address')).toHaveValue(demo.scheduler);
  await expect(page.getByLabel('Password')).toHaveValue(demoPassword);
  await expect(page.getByLabel('Password')).toBeFocused();

  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
});
