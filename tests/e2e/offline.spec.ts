/**
 * When the API cannot be reached, the app says so in words within seconds, offers Retry, and
 * comes back by itself once the network does: for a page opened from the navigation, for the
 * app opening from scratch, and for the browser going offline.
 */
import { expect, test, type Page } from '@playwright/test';
import { demo, expectAccessible, signIn } from './support/app.ts';

const apiUrl = () => {
  const url = process.env.CRP_TEST_API_URL;
  if (!url) throw new Error('CRP_TEST_API_URL is not set: the Playwright global setup exports it.');
  return url;
};

/** Every request to the API fails as if the server were down. */
const cutApi = (page: Page) => page.route(`${apiUrl()}/**`, (route) => route.abort('connectionrefused'));
const restoreApi = (page: Page) => page.unroute(`${apiUrl()}/**`);

const unreachable = (page: Page) =>
  page.getByRole('heading', { level: 1, name: 'The server cannot be reached' });

test('a page whose data cannot be fetched says so, and appears once the server answers again', async ({
  page,
}) => {
  await signIn(page, demo.scheduler);
  await cutApi(page);
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Active Staff Members' })
    .click();
  await expect(unreachable(page)).toBeVisible({ timeout: 10_000 });
  await expect(page.getByRole('button', { name: 'Retry' })).toBeVisible();
  await expect(page.getByText(/TypeError|Failed to fetch/)).toHaveCount(0);
  // the frame stays: the navigation still works
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
  await expectAccessible(page);

  await restoreApi(page);
  // no click: it tries again by itself
  await expect(page.getByRole('heading', { level: 1, name: 'Active Staff Members' })).toBeVisible({
    timeout: 10_000,
  });
});

test('the app opening while the server is down says so within 10 seconds, and Retry recovers', async ({
  page,
}) => {
  await signIn(page, demo.scheduler);
  await cutApi(page);
  const started = Date.now();
  await page.goto('/staff');
  await expect(unreachable(page)).toBeVisible({ timeout: 10_000 });
  expect(Date.now() - started).toBeLessThan(10_000);
  await expect(page.getByText(/TypeError|Failed to fetch|Loading your clinic/)).toHaveCount(0);

  await restoreApi(page);
  await page.getByRole('button', { name: 'Retry' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Active Staff Members' })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
});

test('going offline is named as such, and coming back online brings the page', async ({ page, context }) => {
  await signIn(page, demo.scheduler);
  const nav = page.getByRole('navigation', { name: 'Main' });
  const staffLinks = page.getByRole('main').getByRole('table').getByRole('link');
  // one staff member's details: the page's code is in (as the built app's files are from the
  // browser's cache), the next member's data is not
  await nav.getByRole('link', { name: 'Active Staff Members' }).click();
  await staffLinks.first().click();
  await expect(
    page.getByRole('tab', { name: 'Overview' }).or(page.getByRole('link', { name: 'Overview' })),
  ).toBeVisible();
  await nav.getByRole('link', { name: 'Active Staff Members' }).click();
  const next = staffLinks.nth(1);
  const name = (await next.innerText()).trim();

  await context.setOffline(true);
  await next.click();
  await expect(page.getByRole('heading', { level: 1, name: 'You are offline' })).toBeVisible({
    timeout: 10_000,
  });
  await expect(page.getByText(/TypeError|Failed to fetch/)).toHaveCount(0);
  await expectAccessible(page);

  // back online: the page comes by itself
  await context.setOffline(false);
  await expect(
    page.getByRole('heading', { level: 1, name: new RegExp(name.split(',')[0] ?? name) }),
  ).toBeVisible({
    timeout: 10_000,
  });
});
