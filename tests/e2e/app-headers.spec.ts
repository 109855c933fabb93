/**
 * The app under its own Content-Security-Policy, in a real browser: the headers are sent, the app
 * runs without a single CSP refusal, and a page that frames it gets nothing.
 */
import { expect, test, type Page } from '@playwright/test';
import { demo, signIn, signOut } from './support/app.ts';

/** Every CSP refusal the browser reports on the page's console from now on. */
function cspRefusals(page: Page): string[] {
  const refusals: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy|X-Frame-Options/i.test(message.text())) refusals.push(message.text());
  });
  return refusals;
}

test('the app is served with its CSP and X-Frame-Options, and runs under them with no refusal', async ({
  page,
}) => {
  const refusals = cspRefusals(page);
  const response = await page.goto('/sign-in');
  const headers = response!.headers();
  expect(headers['x-frame-options']).toBe('DENY');
  expect(headers['x-content-type-options']).toBe('nosniff');
  const csp = headers['content-security-policy'] ?? '';
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).toContain("object-src 'none'");
  expect(csp).toMatch(/script-src 'self'( 'sha256-[A-Za-z0-9+/=]+')*;/);
  expect(csp).toMatch(new RegExp(`connect-src 'self' ${process.env.CRP_TEST_API_URL} ws://`));

  // a whole sign-in, the home page and sign-out, all under the policy
  await signIn(page, demo.scheduler);
  await signOut(page);
  expect(refusals).toEqual([]);
});

test('a page that frames the app is refused: the frame never shows the app', async ({ page, baseURL }) => {
  const refusals = cspRefusals(page);
  await page.setContent(`<h1>Not the app</h1><iframe title="framed app" src="${baseURL}/sign-in"></iframe>`);
  await expect.poll(() => refusals.some((text) => text.includes("frame-ancestors 'none'"))).toBe(true);
  await expect(page.frameLocator('iframe').getByRole('heading', { name: 'Sign in' })).toHaveCount(0);
  await expect(page.frameLocator('iframe').getByRole('button', { name: 'Sign in' })).toHaveCount(0);
});
